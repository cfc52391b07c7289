import type { LibraryClassifier } from '../libraryClassifier';
import { compileWildcard } from '../names';
import type {
  DetectionAttachmentRule,
  DetectionEnvironmentRule,
  DetectionSettings,
} from '../settings';

/** The runtime tables of the settings, compiled once per scan. */
export interface RuntimeRules {
  /** The Java agent rule matching a jar path or download URL. */
  javaAgent(path: string): DetectionAttachmentRule | undefined;
  /** The launcher rule matching a command (by its file name). */
  launcher(command: string): DetectionAttachmentRule | undefined;
  /** The profiler rule for a CLR profiler id, with or without braces. */
  profiler(id: string): DetectionAttachmentRule | undefined;
  /** The operator annotation rule for an annotation key. */
  annotation(key: string): DetectionAttachmentRule | undefined;
  /** The environment rule for a variable name. */
  environment(name: string): DetectionEnvironmentRule | undefined;
  classifyLibrary: LibraryClassifier;
}

type Matcher<T> = (value: string) => T | undefined;

function firstMatching<T extends { pattern?: string; name?: string }>(
  rules: T[],
  patternOf: (rule: T) => string,
): Matcher<T> {
  const compiled = rules.map(rule => ({
    rule,
    matches: compileWildcard(patternOf(rule), { ignoreCase: true }),
  }));
  return value => compiled.find(({ matches }) => matches(value))?.rule;
}

export function compileRuntimeRules(
  settings: DetectionSettings,
  classifyLibrary: LibraryClassifier,
): RuntimeRules {
  const attachments = settings.attachments.filter(rule => !rule.disabled);
  const byVia = (via: DetectionAttachmentRule['via']) =>
    attachments.filter(rule => rule.via === via);
  const withBraces = (id: string) => `{${id.replace(/^\{|\}$/g, '')}}`;
  const javaAgent = firstMatching(byVia('java-agent'), rule => rule.pattern);
  const launcher = firstMatching(byVia('launcher'), rule => rule.pattern);
  const profiler = firstMatching(byVia('profiler'), rule =>
    withBraces(rule.pattern),
  );
  const annotation = firstMatching(byVia('annotation'), rule => rule.pattern);
  const environment = firstMatching(
    settings.environmentVariables.filter(rule => !rule.disabled),
    rule => rule.name,
  );
  return {
    javaAgent,
    launcher: command => launcher(command.slice(command.lastIndexOf('/') + 1)),
    profiler: id => profiler(withBraces(id.trim())),
    annotation,
    environment: name => environment(name),
    classifyLibrary,
  };
}
