import { InputError } from '@backstage/errors';
import express from 'express';
import { createOpenApiRouter } from '../schema/openapi/generated';
import { CATALOG_SYNC_JOB } from '../catalog/CatalogSync';
import { TracingAdoptionStore } from '../database/TracingAdoptionStore';

export interface RouterOptions {
  store: TracingAdoptionStore;
}

const DEFAULT_PAGE_SIZE = 100;

function optionalInteger(
  name: string,
  value: unknown,
  fallback: number,
): number {
  if (value === undefined) {
    return fallback;
  }
  const parsed = Number(value);
  if (!Number.isInteger(parsed)) {
    throw new InputError(`Query parameter ${name} must be an integer`);
  }
  return parsed;
}

/**
 * Routes of the tracing-adoption backend, validated against
 * src/schema/openapi.yaml before handlers run. Authentication is enforced by
 * the backend's http router (see plugin.ts), not here.
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { store } = options;
  const router = await createOpenApiRouter();

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/services', async (req, res) => {
    const [page, catalogSync] = await Promise.all([
      store.listServices({
        ownerRef: req.query.owner,
        systemRef: req.query.system,
        search: req.query.search,
        limit: optionalInteger('limit', req.query.limit, DEFAULT_PAGE_SIZE),
        offset: optionalInteger('offset', req.query.offset, 0),
      }),
      store.latestJobRun(CATALOG_SYNC_JOB),
    ]);
    res.json({ ...page, catalogSync });
  });

  router.get('/teams', async (_req, res) => {
    res.json({ items: await store.listTeams() });
  });

  return router;
}
