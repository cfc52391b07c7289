import { InputError, NotFoundError } from '@backstage/errors';
import { TraceSource } from '@internal/plugin-tracing-adoption-node';
import express from 'express';
import { createOpenApiRouter } from '../schema/openapi/generated';
import { CATALOG_SYNC_JOB } from '../catalog/CatalogSync';
import { TraceStore } from '../database/TraceStore';
import { TracingAdoptionStore } from '../database/TracingAdoptionStore';
import {
  observedOperationSummary,
  traceLinks,
  traceSourceViews,
} from './traceViews';

export interface RouterOptions {
  store: TracingAdoptionStore;
  traceStore: TraceStore;
  /** Pulled sources by id, for their kind and links into their UIs. */
  traceSources: Map<string, TraceSource>;
  /** Sources that push (the OTLP receiver), listed even before their first trace. */
  pushSources: Array<{ id: string; kind: string }>;
  staleAfterMs: number;
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
  const { store, traceStore, traceSources, pushSources, staleAfterMs } =
    options;

  async function sourceViews(now: Date) {
    return traceSourceViews(
      [
        ...pushSources,
        ...[...traceSources.values()].map(s => ({ id: s.id, kind: s.kind })),
      ],
      await traceStore.listSourceStatuses(),
      now,
      staleAfterMs,
    );
  }
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

  router.get('/trace-sources', async (_req, res) => {
    res.json({ items: await sourceViews(new Date()) });
  });

  router.get('/observed-operations', async (_req, res) => {
    const now = new Date();
    const health = new Map((await sourceViews(now)).map(s => [s.id, s.health]));
    const rows = await traceStore.listOperationAnalyses();
    res.json({
      items: rows.map(row =>
        observedOperationSummary(row, health, now, staleAfterMs),
      ),
    });
  });

  router.get('/observed-operations/:operationKey', async (req, res) => {
    const row = await traceStore.getOperationAnalysis(req.params.operationKey);
    if (!row) {
      throw new NotFoundError(
        `No analysis for operation '${req.params.operationKey}'; operations appear once their traces have been sampled`,
      );
    }
    const now = new Date();
    const health = new Map((await sourceViews(now)).map(s => [s.id, s.health]));
    res.json({
      summary: observedOperationSummary(row, health, now, staleAfterMs),
      analysis: row.analysis.result as unknown as Record<string, unknown>,
      traceLinks: traceLinks(row, traceSources),
    });
  });

  return router;
}
