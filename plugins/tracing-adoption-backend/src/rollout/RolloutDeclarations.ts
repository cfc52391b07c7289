import { LoggerService, UrlReaderService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  CampaignInput,
  CriticalOperationInput,
} from '@internal/plugin-tracing-adoption-common';
import { parse } from 'yaml';
import { z } from 'zod';
import { readTextSource } from '../config/readTextSource';
import { parseWith } from '../validation/fields';
import { RolloutStore } from './RolloutStore';
import { campaignInputSchema, operationInputSchema } from './rolloutValidation';

const declarationsSchema = z
  .object({
    campaigns: z.array(campaignInputSchema).optional(),
    operations: z.array(operationInputSchema).optional(),
  })
  .strict()
  .superRefine((file, ctx) => {
    for (const list of ['campaigns', 'operations'] as const) {
      const seen = new Set<string>();
      (file[list] ?? []).forEach((item, index) => {
        if (seen.has(item.id)) {
          ctx.addIssue({
            code: z.ZodIssueCode.custom,
            path: [list, index, 'id'],
            message: `repeats ${item.id}`,
          });
        }
        seen.add(item.id);
      });
    }
  });

export interface RolloutDeclarationFile {
  campaigns: CampaignInput[];
  operations: CriticalOperationInput[];
}

/**
 * Reads the operations and campaigns declared as code. Errors name the file
 * and the field, e.g. `operations[2].tier must be 1, 2 or 3`.
 */
export function parseRolloutDeclarations(
  text: string,
  origin: string,
): RolloutDeclarationFile {
  let document: unknown;
  try {
    document = parse(text);
  } catch (error) {
    throw new InputError(
      `Invalid rollout definitions in ${origin}: ${(error as Error).message}`,
    );
  }
  try {
    const file = parseWith(
      declarationsSchema,
      document ?? {},
      'rollout definition',
    );
    return {
      campaigns: file.campaigns ?? [],
      operations: file.operations ?? [],
    };
  } catch (error) {
    throw new InputError(`${origin}: ${(error as Error).message}`);
  }
}

/**
 * Keeps the `config` operations and campaigns equal to the YAML file that
 * `tracingAdoption.rollout.definitions` names. A file that cannot be read or
 * is invalid changes nothing: the last good definitions stay.
 */
export class RolloutDeclarationSync {
  constructor(
    private readonly options: {
      source: string;
      urlReader: UrlReaderService;
      store: RolloutStore;
      logger: LoggerService;
    },
  ) {}

  /** Returns whether anything changed. */
  async run(now: Date = new Date()): Promise<boolean> {
    const { source, urlReader, store, logger } = this.options;
    const { text, origin } = await readTextSource(
      source,
      urlReader,
      'rollout definitions',
    );
    const declared = parseRolloutDeclarations(text, origin);
    const campaignIds = new Set([
      ...declared.campaigns.map(c => c.id),
      ...(await store.listCampaigns())
        .filter(c => c.origin === 'api')
        .map(c => c.id),
    ]);
    const unknown = declared.operations.find(
      o => o.campaignId !== undefined && !campaignIds.has(o.campaignId),
    );
    if (unknown) {
      throw new InputError(
        `${origin}: operation ${unknown.id} names campaign ${unknown.campaignId}, which is neither declared nor defined`,
      );
    }
    const counts = await store.syncDeclarations(declared, now);
    const changes = [counts.operations, counts.campaigns].reduce(
      (sum, c) => sum + c.created + c.updated + c.removed + c.takenOver,
      0,
    );
    logger.info(
      `Rollout definitions from ${origin}: ${declared.operations.length} operations (${counts.operations.created} new, ${counts.operations.updated} changed, ${counts.operations.removed} removed, ${counts.operations.takenOver} taken over from the API), ${declared.campaigns.length} campaigns (${counts.campaigns.created} new, ${counts.campaigns.updated} changed, ${counts.campaigns.removed} removed)`,
    );
    return changes > 0;
  }
}
