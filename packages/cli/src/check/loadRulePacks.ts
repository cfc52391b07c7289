import {
  RulePack,
  RulePackError,
  loadRulePack,
} from '@internal/plugin-tracing-adoption-common';
import fs from 'node:fs/promises';
import path from 'node:path';
import { UsageError, messageOf } from '../io';

const BUILTIN_PREFIX = 'builtin:';

/** The packs shipped in `@internal/plugin-tracing-adoption-common/packs`. */
export const BUILTIN_PACKS = ['opentelemetry', 'opentracing'] as const;

export const DEFAULT_PACK_SPECS = BUILTIN_PACKS.map(
  name => `${BUILTIN_PREFIX}${name}`,
);

function builtinPackPath(name: string): string {
  if (!(BUILTIN_PACKS as readonly string[]).includes(name)) {
    throw new UsageError(
      `Unknown built-in rule pack '${name}'; built-in packs are ${BUILTIN_PACKS.map(
        pack => BUILTIN_PREFIX + pack,
      ).join(', ')}`,
    );
  }
  const commonPackage = require.resolve(
    '@internal/plugin-tracing-adoption-common/package.json',
  );
  return path.join(path.dirname(commonPackage), 'packs', `${name}.yaml`);
}

async function loadOnePack(spec: string): Promise<RulePack> {
  const file = spec.startsWith(BUILTIN_PREFIX)
    ? builtinPackPath(spec.slice(BUILTIN_PREFIX.length))
    : spec;
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`Cannot read rule pack ${file}: ${messageOf(error)}`);
  }
  try {
    return loadRulePack({ text, origin: spec }).pack;
  } catch (error) {
    if (error instanceof RulePackError) {
      throw new UsageError(`Invalid rule pack ${error.message}`);
    }
    throw error;
  }
}

/**
 * Loads the packs named on the command line: `builtin:<name>` or a YAML
 * file. An invalid pack ends the run with its file, line and reason.
 */
export async function loadRulePacks(
  specs: readonly string[],
): Promise<RulePack[]> {
  const packs: RulePack[] = [];
  for (const spec of specs) {
    packs.push(await loadOnePack(spec));
  }
  const names = new Set<string>();
  for (const pack of packs) {
    if (names.has(pack.name)) {
      throw new UsageError(`Rule pack '${pack.name}' is given twice`);
    }
    names.add(pack.name);
  }
  return packs;
}
