import {
  UrlReaderService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import {
  RulePack,
  loadRulePack,
} from '@internal/plugin-tracing-adoption-common';
import fs from 'node:fs/promises';
import { readTextSource } from '../config/readTextSource';

const BUILTIN_PREFIX = 'builtin:';
const BUILTIN_PACKS = ['opentelemetry', 'opentracing'];

/** The packs checked when none are configured. */
export const DEFAULT_RULE_PACK_SOURCES = BUILTIN_PACKS.map(
  name => `${BUILTIN_PREFIX}${name}`,
);

async function readSource(
  source: string,
  urlReader: UrlReaderService,
): Promise<{ text: string; origin: string }> {
  if (source.startsWith(BUILTIN_PREFIX)) {
    const name = source.slice(BUILTIN_PREFIX.length);
    if (!BUILTIN_PACKS.includes(name)) {
      throw new Error(
        `Unknown built-in rule pack '${source}'; built-in packs are ${DEFAULT_RULE_PACK_SOURCES.join(
          ', ',
        )}`,
      );
    }
    const file = resolvePackagePath(
      '@internal/plugin-tracing-adoption-common',
      'packs',
      `${name}.yaml`,
    );
    return {
      text: await fs.readFile(file, 'utf8'),
      origin: `packs/${name}.yaml`,
    };
  }
  return readTextSource(source, urlReader, 'rule pack');
}

/**
 * Loads the rule packs named in `tracingAdoption.compliance.packs`: built-in
 * packs (`builtin:opentelemetry`), files (relative to the backend's working
 * directory) and URLs (read through the integrations' credentials). An invalid
 * pack stops the plugin with its origin, line and reason.
 */
export async function loadConfiguredRulePacks(options: {
  sources: string[];
  urlReader: UrlReaderService;
}): Promise<RulePack[]> {
  const packs: RulePack[] = [];
  for (const source of options.sources) {
    const { pack } = loadRulePack(await readSource(source, options.urlReader));
    if (packs.some(p => p.name === pack.name)) {
      throw new Error(
        `Rule pack '${pack.name}' from ${source} is loaded twice; every pack needs its own name`,
      );
    }
    packs.push(pack);
  }
  return packs;
}
