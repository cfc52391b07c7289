import { InputError, NotFoundError } from '@backstage/errors';
import {
  RepositoryScanSummary,
  complianceByTeam,
  complianceOfOperation,
} from '@internal/plugin-tracing-adoption-common';
import { TraceSource } from '@internal/plugin-tracing-adoption-node';
import express from 'express';
import { createOpenApiRouter } from '../schema/openapi/generated';
import { CATALOG_SYNC_JOB } from '../catalog/CatalogSync';
import { ScanStore, StoredRepositoryScan } from '../database/ScanStore';
import { TraceStore } from '../database/TraceStore';
import {
  STORY_REQUEST_BODY_LIMIT,
  StoryRouteDependencies,
  registerStoryRoutes,
} from '../stories/registerStoryRoutes';
import { TracingAdoptionStore } from '../database/TracingAdoptionStore';
import {
  RolloutRouteDependencies,
  registerRolloutRoutes,
} from '../rollout/registerRolloutRoutes';
import { registerCapacityRoutes } from '../rollout/registerCapacityRoutes';
import { registerEntityFactsRoutes } from '../rollout/registerEntityFactsRoutes';
import { registerOperationHealthRoutes } from '../rollout/registerOperationHealthRoutes';
import {
  SourceHealthReader,
  observedOperationSummary,
  traceLinks,
} from './traceViews';
import { mapRequestErrors } from './requestErrors';

export interface RouterOptions {
  store: TracingAdoptionStore;
  traceStore: TraceStore;
  scanStore: ScanStore;
  stories: StoryRouteDependencies;
  rollout: RolloutRouteDependencies;
  /** Used when a capacity request names no safety factor. */
  capacitySafetyFactor: number;
  /** Pulled sources by id, for links into their UIs. */
  traceSources: Map<string, TraceSource>;
  sourceHealth: SourceHealthReader;
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
  const { store, traceStore, scanStore, traceSources, sourceHealth } = options;
  const { staleAfterMs } = sourceHealth;
  // story bodies may be up to 50 000 characters, above express' default limit
  const parseJson = express.json({ limit: STORY_REQUEST_BODY_LIMIT });
  const router = await createOpenApiRouter({ middleware: [parseJson] });
  registerStoryRoutes(router, options.stories);
  registerRolloutRoutes(router, options.rollout);
  registerCapacityRoutes(router, {
    store: options.rollout.store,
    defaultSafetyFactor: options.capacitySafetyFactor,
  });
  registerOperationHealthRoutes(router, options.rollout);
  registerEntityFactsRoutes(router, options.rollout);

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
    res.json({ items: await sourceHealth.views(new Date()) });
  });

  router.get('/observed-operations', async (_req, res) => {
    const now = new Date();
    const health = await sourceHealth.healthBySource(now);
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
    const health = await sourceHealth.healthBySource(now);
    const compliance = await traceStore.latestComplianceReport();
    res.json({
      summary: observedOperationSummary(row, health, now, staleAfterMs),
      analysis: row.analysis.result as unknown as Record<string, unknown>,
      traceLinks: traceLinks(row, traceSources),
      compliance: compliance
        ? (complianceOfOperation(
            compliance.report,
            row.analysis.result.sample.traceIds,
          ) as unknown as Record<string, unknown>)
        : undefined,
    });
  });

  router.get('/compliance', async (_req, res) => {
    const latest = await traceStore.latestComplianceReport();
    if (!latest) {
      res.json({});
      return;
    }
    const { report } = latest;
    const { teams, unownedServices } = complianceByTeam(
      report,
      await store.serviceOwners(),
    );
    res.json({
      evaluatedAt: latest.evaluatedAt,
      packs: report.packs,
      tracesEvaluated: report.tracesEvaluated,
      spansEvaluated: report.spansEvaluated,
      score: report.score,
      services: report.services as unknown as Record<string, unknown>[],
      teams: teams as unknown as Record<string, unknown>[],
      unownedServices,
      migrations: report.migrations as unknown as Record<string, unknown>[],
    });
  });

  router.get('/repository-scans', async (_req, res) => {
    const [cycle, scans] = await Promise.all([
      scanStore.currentCycle(),
      scanStore.listScans(),
    ]);
    res.json({
      cycle: cycle && {
        ...cycle,
        done: scans.filter(scan => scan.cycleId === cycle.id).length,
      },
      items: scans.map(scanSummary),
    });
  });

  router.get('/repository-scans/:host/:owner/:repo', async (req, res) => {
    const { host, owner, repo } = req.params;
    const scan = (
      await scanStore.getScans([{ host, slug: `${owner}/${repo}` }])
    ).get(`${host}/${owner}/${repo}`);
    if (!scan) {
      throw new NotFoundError(
        `Repository ${host}/${owner}/${repo} has not been scanned; only repositories of catalog components are`,
      );
    }
    res.json({
      summary: scanSummary(scan),
      result: scan.result as unknown as Record<string, unknown> | undefined,
    });
  });

  const root = express.Router();
  // Parsing before the OpenAPI router keeps body-parser's status (413 for an
  // oversized body): that router answers 400 for any error of its own
  // middleware. Its parser then finds the body read and does nothing.
  root.use(parseJson, router, mapRequestErrors(STORY_REQUEST_BODY_LIMIT));
  return root;
}

function scanSummary(scan: StoredRepositoryScan): RepositoryScanSummary {
  return {
    host: scan.host,
    slug: scan.slug,
    scannerId: scan.scannerId,
    status: scan.status,
    checkedAt: scan.checkedAt,
    scannedAt: scan.scannedAt,
    error: scan.error,
    requests: scan.requests,
    serviceDirectories: (scan.result?.serviceDirectories ?? []).map(
      directory => ({
        path: directory.path,
        instrumentation: directory.summary.instrumentation,
        outdated: directory.summary.outdated,
        findings: directory.findings.length,
      }),
    ),
  };
}
