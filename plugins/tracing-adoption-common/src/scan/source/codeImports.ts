import { extensionOf } from '../paths';
import type { DetectionCodeImportRule, DetectionSettings } from '../settings';
import type { ScanEvidence } from '../types';
import type { LexedFile } from './flowIdDetection';

export interface CodeImport {
  rule: DetectionCodeImportRule;
  evidence: ScanEvidence;
}

export type CodeImportDetector = (file: LexedFile) => CodeImport[];

/** Compiles the code import table; rules whose pattern is not a valid expression are skipped. */
export function createCodeImportDetector(
  settings: DetectionSettings,
): CodeImportDetector {
  const rules = settings.codeImports
    .filter(rule => !rule.disabled)
    .flatMap(rule => {
      try {
        return [{ rule, pattern: new RegExp(rule.pattern) }];
      } catch {
        return [];
      }
    });
  return ({ path, lexed }) => {
    const extension = extensionOf(path);
    const found: CodeImport[] = [];
    for (const { rule, pattern } of rules) {
      if (!rule.extensions.includes(extension)) {
        continue;
      }
      const index = lexed.codeLines.findIndex(line => pattern.test(line));
      if (index !== -1) {
        found.push({
          rule,
          evidence: {
            path,
            line: index + 1,
            entry: lexed.codeLines[index].trim(),
          },
        });
      }
    }
    return found;
  };
}
