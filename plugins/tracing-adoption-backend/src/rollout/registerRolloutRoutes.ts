import {
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  Campaign,
  CampaignDay,
  CriticalOperation,
  MATURITY_LEVELS,
  Maturity,
  OperationCoverage,
  TeamRollout,
  Waiver,
  campaignManagePermission,
  computeCampaignProgress,
  isWaiverActive,
  operationCreatePermission,
  operationDeletePermission,
  operationUpdatePermission,
  utcDay,
  waiverManagePermission,
  workshopManagePermission,
} from '@internal/plugin-tracing-adoption-common';
import { TraceSource } from '@internal/plugin-tracing-adoption-node';
import type { TracingAdoptionApiRouter } from '../stories/registerStoryRoutes';
import { requirePermission } from '../stories/storyAccess';
import { SourceHealthReader } from '../service/traceViews';
import {
  ROLLOUT_SUMMARY_KEY,
  RolloutEvaluator,
  RolloutSummaryDocument,
} from './RolloutEvaluator';
import {
  CampaignFigures,
  TeamFigures,
  campaignTargets,
  teamFigures,
} from './RolloutSnapshotJob';
import { RolloutStore } from './RolloutStore';
import {
  parseCampaignInput,
  parseCampaignUpdate,
  parseOperationInput,
  parseOperationUpdate,
  parseWaiverInput,
  parseWorkshopInput,
  parseWorkshopUpdate,
} from './rolloutValidation';

export interface RolloutRouteDependencies {
  store: RolloutStore;
  evaluator: RolloutEvaluator;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  logger: LoggerService;
  sourceHealth: SourceHealthReader;
  /** Pulled sources by id, for links into their UIs. */
  traceSources: Map<string, TraceSource>;
  /** Where config-declared definitions live, named in refusals. */
  declarationsSource?: string;
}

const DEFAULT_PAGE_SIZE = 100;
const BURN_UP_DAYS = 120;
const TEAM_HISTORY_DAYS = 90;
const BLOCKING_TEAMS_SHOWN = 10;

type OperationSummary = {
  operation: CriticalOperation;
  maturity: Maturity;
  coverage?: OperationCoverage['coverage'];
  statusCounts?: OperationCoverage['statusCounts'];
  stale?: boolean;
};

function summaryOf(
  operation: CriticalOperation,
  coverage: OperationCoverage | undefined,
): OperationSummary {
  return {
    operation,
    maturity: coverage?.maturity ?? 'none',
    coverage: coverage?.coverage,
    statusCounts: coverage?.statusCounts,
    stale: coverage?.traces?.stale,
  };
}

/** Most critical first: tier, then peak traffic, then name. */
export function byCriticality(
  a: CriticalOperation,
  b: CriticalOperation,
): number {
  return (
    a.tier - b.tier ||
    b.peakRequestsPerSecond - a.peakRequestsPerSecond ||
    a.name.localeCompare(b.name)
  );
}

export function daysBefore(now: Date, days: number): string {
  return utcDay(new Date(now.getTime() - days * 86_400_000));
}

function waiverView(waiver: Waiver, now: Date) {
  return { ...waiver, active: isWaiverActive(waiver, now) };
}

/**
 * Adds the rollout routes: critical operations, campaigns, workshops,
 * waivers, team views and the overview. Reads serve the latest evaluation;
 * every change re-evaluates before it answers, so the answer shows its effect.
 */
export function registerRolloutRoutes(
  router: TracingAdoptionApiRouter,
  deps: RolloutRouteDependencies,
): void {
  const { store, evaluator, httpAuth, permissions, logger, sourceHealth } =
    deps;
  const userCredentials = (
    req: Parameters<HttpAuthService['credentials']>[0],
  ) => httpAuth.credentials(req, { allow: ['user'] });

  function refuseDeclared(
    definition: { origin: string },
    noun: string,
    id: string,
  ) {
    if (definition.origin === 'config') {
      throw new ConflictError(
        `${noun} ${id} is declared in the rollout definitions file${
          deps.declarationsSource ? ` ${deps.declarationsSource}` : ''
        }; change it there (the portal shows it read-only)`,
      );
    }
  }

  async function existingOperation(id: string): Promise<CriticalOperation> {
    const operation = await store.getOperation(id);
    if (!operation) {
      throw new NotFoundError(`No critical operation ${id}`);
    }
    return operation;
  }

  async function existingCampaign(id: string): Promise<Campaign> {
    const campaign = await store.getCampaign(id);
    if (!campaign) {
      throw new NotFoundError(`No campaign ${id}`);
    }
    return campaign;
  }

  async function requireCampaign(campaignId: string | undefined) {
    if (campaignId && !(await store.getCampaign(campaignId))) {
      throw new InputError(
        `Invalid operation: campaignId names no campaign (${campaignId})`,
      );
    }
  }

  async function coverageMap(): Promise<{
    evaluatedAt?: string;
    coverages: Map<string, OperationCoverage>;
  }> {
    const rows = await store.listStatus<OperationCoverage>('operation');
    return {
      evaluatedAt: rows[0]?.evaluatedAt,
      coverages: new Map(rows.map(r => [r.key, r.document])),
    };
  }

  async function operationDetail(operation: CriticalOperation) {
    const [status, analyses] = await Promise.all([
      store.getStatus<OperationCoverage>('operation', operation.id),
      store.listOperationAnalyses(),
    ]);
    const analysis = analyses.find(a => a.operationId === operation.id);
    const traceLinks: Record<string, string> = {};
    for (const [traceId, sourceId] of Object.entries(
      analysis?.analysis.traceSources ?? {},
    )) {
      const url = deps.traceSources.get(sourceId)?.traceUrl?.(traceId);
      if (url) {
        traceLinks[traceId] = url;
      }
    }
    const result = analysis?.analysis.result;
    return {
      operation,
      coverage: status?.document,
      evaluatedAt: status?.evaluatedAt,
      traceLinks,
      analysis: result && {
        edges: result.edges.map(edge => ({
          caller: edge.caller,
          callee: edge.callee,
          callsPerRequestMean: edge.callsPerRequestMean,
          latencyP95Us: edge.latency.p95Us,
        })),
        uninstrumentedHops: result.uninstrumentedHops.map(hop => ({
          callerService: hop.callerService,
          calleeName: hop.calleeName,
          calleeKind: hop.calleeKind,
          callsPerRequestMean: hop.callsPerRequestMean,
        })),
      },
    };
  }

  async function campaignViews(campaigns: Campaign[], now: Date) {
    const [operations, { coverages }, history] = await Promise.all([
      store.listOperations(),
      coverageMap(),
      store.listSnapshots<CampaignFigures>('campaign', {
        sinceDay: daysBefore(now, BURN_UP_DAYS),
      }),
    ]);
    const maturityOf = new Map(
      [...coverages].map(([id, c]) => [id, c.maturity]),
    );
    const today = utcDay(now);
    return campaigns.map(campaign => {
      const targets = campaignTargets(campaign, operations, maturityOf);
      const current = {
        atTarget: targets.filter(t => t.atTarget).length,
        total: targets.length,
      };
      const burnUp: CampaignDay[] = history
        .filter(h => h.key === campaign.id && h.day !== today)
        .map(h => ({ day: h.day, ...h.figures }));
      burnUp.push({ day: today, ...current });
      return {
        campaign,
        progress: computeCampaignProgress(campaign, current, burnUp, now),
        burnUp,
        operations: targets.map(t => ({
          id: t.operation.id,
          name: t.operation.name,
          maturity: t.maturity,
          atTarget: t.atTarget,
        })),
      };
    });
  }

  async function reevaluate(change: string) {
    try {
      await evaluator.evaluate();
    } catch (error) {
      // the change is stored; the next analysis run evaluates it
      logger.warn(`Rollout evaluation after ${change} failed: ${error}`);
    }
  }

  router.get('/critical-operations', async (req, res) => {
    const { query } = req;
    const [operations, { evaluatedAt, coverages }] = await Promise.all([
      store.listOperations(),
      coverageMap(),
    ]);
    const search = query.search?.toLocaleLowerCase('en-US');
    const matching = operations
      .filter(
        o =>
          (query.campaign === undefined || o.campaignId === query.campaign) &&
          (query.owner === undefined || o.ownerRef === query.owner) &&
          (query.tier === undefined || o.tier === Number(query.tier)) &&
          (query.maturity === undefined ||
            (coverages.get(o.id)?.maturity ?? 'none') === query.maturity) &&
          (search === undefined ||
            [o.id, o.name, o.entry.entryService].some(text =>
              text.toLocaleLowerCase('en-US').includes(search),
            )),
      )
      .sort(byCriticality);
    const offset = query.offset ?? 0;
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    res.json({
      evaluatedAt,
      items: matching
        .slice(offset, offset + limit)
        .map(o => summaryOf(o, coverages.get(o.id))),
      totalCount: matching.length,
    });
  });

  router.post('/critical-operations', async (req, res) => {
    const credentials = await userCredentials(req);
    await requirePermission(
      permissions,
      operationCreatePermission,
      credentials,
      'define critical operations',
    );
    const input = parseOperationInput(req.body);
    await requireCampaign(input.campaignId);
    const operation = await store.createOperation(input, new Date());
    logger.info(
      `Critical operation ${operation.id} defined by ${credentials.principal.userEntityRef}`,
    );
    await reevaluate(`defining operation ${operation.id}`);
    res.status(201).json(await operationDetail(operation));
  });

  router.get('/critical-operations/:operationId', async (req, res) => {
    const operation = await existingOperation(req.params.operationId);
    res.json(await operationDetail(operation));
  });

  router.put('/critical-operations/:operationId', async (req, res) => {
    const credentials = await userCredentials(req);
    await requirePermission(
      permissions,
      operationUpdatePermission,
      credentials,
      'change critical operations',
    );
    const { operationId } = req.params;
    const { version, ...update } = parseOperationUpdate(req.body);
    const current = await existingOperation(operationId);
    refuseDeclared(current, 'Operation', operationId);
    await requireCampaign(update.campaignId);
    const operation = await store.updateOperation(
      operationId,
      update,
      version,
      new Date(),
    );
    logger.info(
      `Critical operation ${operationId} changed to version ${operation.version} by ${credentials.principal.userEntityRef}`,
    );
    await reevaluate(`changing operation ${operationId}`);
    res.json(await operationDetail(operation));
  });

  router.delete('/critical-operations/:operationId', async (req, res) => {
    const credentials = await userCredentials(req);
    await requirePermission(
      permissions,
      operationDeletePermission,
      credentials,
      'remove critical operations',
    );
    const { operationId } = req.params;
    const current = await existingOperation(operationId);
    refuseDeclared(current, 'Operation', operationId);
    await store.deleteOperation(operationId, Number(req.query.version));
    logger.info(
      `Critical operation ${operationId} removed by ${credentials.principal.userEntityRef}`,
    );
    await reevaluate(`removing operation ${operationId}`);
    res.status(204).end();
  });

  router.get('/campaigns', async (_req, res) => {
    const campaigns = (await store.listCampaigns()).sort(
      (a, b) =>
        a.deadline.localeCompare(b.deadline) || a.id.localeCompare(b.id),
    );
    res.json({ items: await campaignViews(campaigns, new Date()) });
  });

  router.post('/campaigns', async (req, res) => {
    const credentials = await userCredentials(req);
    await requirePermission(
      permissions,
      campaignManagePermission,
      credentials,
      'manage campaigns',
    );
    const campaign = await store.createCampaign(
      parseCampaignInput(req.body),
      new Date(),
    );
    logger.info(
      `Campaign ${campaign.id} started by ${credentials.principal.userEntityRef}`,
    );
    const [view] = await campaignViews([campaign], new Date());
    res.status(201).json(view);
  });

  router.get('/campaigns/:campaignId', async (req, res) => {
    const campaign = await existingCampaign(req.params.campaignId);
    const [view] = await campaignViews([campaign], new Date());
    res.json(view);
  });

  router.put('/campaigns/:campaignId', async (req, res) => {
    const credentials = await userCredentials(req);
    await requirePermission(
      permissions,
      campaignManagePermission,
      credentials,
      'manage campaigns',
    );
    const { campaignId } = req.params;
    const { version, ...update } = parseCampaignUpdate(req.body);
    const current = await existingCampaign(campaignId);
    refuseDeclared(current, 'Campaign', campaignId);
    const campaign = await store.updateCampaign(
      campaignId,
      update,
      version,
      new Date(),
    );
    const [view] = await campaignViews([campaign], new Date());
    res.json(view);
  });

  router.delete('/campaigns/:campaignId', async (req, res) => {
    const credentials = await userCredentials(req);
    await requirePermission(
      permissions,
      campaignManagePermission,
      credentials,
      'manage campaigns',
    );
    const { campaignId } = req.params;
    const current = await existingCampaign(campaignId);
    refuseDeclared(current, 'Campaign', campaignId);
    const targets = (await store.listOperations()).filter(
      o => o.campaignId === campaignId,
    );
    if (targets.length > 0) {
      throw new ConflictError(
        `Campaign ${campaignId} still has target operations (${targets
          .map(o => o.id)
          .join(', ')}); move them to another campaign first`,
      );
    }
    await store.deleteCampaign(campaignId, Number(req.query.version));
    res.status(204).end();
  });

  router.get('/workshops', async (req, res) => {
    res.json({ items: await store.listWorkshops({ teamRef: req.query.team }) });
  });

  router.post('/workshops', async (req, res) => {
    const credentials = await userCredentials(req);
    await requirePermission(
      permissions,
      workshopManagePermission,
      credentials,
      'record workshops',
    );
    const workshop = await store.createWorkshop(
      parseWorkshopInput(req.body),
      credentials.principal.userEntityRef,
      new Date(),
    );
    await reevaluate(`recording workshop ${workshop.id}`);
    res.status(201).json(workshop);
  });

  router.put('/workshops/:workshopId', async (req, res) => {
    const credentials = await userCredentials(req);
    await requirePermission(
      permissions,
      workshopManagePermission,
      credentials,
      'record workshops',
    );
    const { version, ...update } = parseWorkshopUpdate(req.body);
    const workshop = await store.updateWorkshop(
      req.params.workshopId,
      update,
      version,
    );
    await reevaluate(`changing workshop ${workshop.id}`);
    res.json(workshop);
  });

  router.delete('/workshops/:workshopId', async (req, res) => {
    const credentials = await userCredentials(req);
    await requirePermission(
      permissions,
      workshopManagePermission,
      credentials,
      'record workshops',
    );
    await store.deleteWorkshop(req.params.workshopId);
    await reevaluate(`removing workshop ${req.params.workshopId}`);
    res.status(204).end();
  });

  router.get('/waivers', async (_req, res) => {
    const now = new Date();
    res.json({
      items: (await store.listWaivers()).map(w => waiverView(w, now)),
    });
  });

  router.post('/waivers', async (req, res) => {
    const credentials = await userCredentials(req);
    await requirePermission(
      permissions,
      waiverManagePermission,
      credentials,
      'grant waivers',
    );
    const input = parseWaiverInput(req.body);
    const now = new Date();
    if (Date.parse(input.expiresAt) <= now.getTime()) {
      throw new InputError('Invalid waiver: expiresAt must be in the future');
    }
    if (
      input.scope.kind === 'service' &&
      input.scope.operationId &&
      !(await store.getOperation(input.scope.operationId))
    ) {
      throw new InputError(
        `Invalid waiver: scope.operationId names no critical operation (${input.scope.operationId})`,
      );
    }
    const waiver = await store.createWaiver(
      input,
      credentials.principal.userEntityRef,
      now,
    );
    logger.info(
      `Waiver ${waiver.id} (${input.scope.kind}) granted by ${credentials.principal.userEntityRef}, approved by ${input.approvedBy}, until ${input.expiresAt}`,
    );
    await reevaluate(`granting waiver ${waiver.id}`);
    res.status(201).json(waiverView(waiver, now));
  });

  router.delete('/waivers/:waiverId', async (req, res) => {
    const credentials = await userCredentials(req);
    await requirePermission(
      permissions,
      waiverManagePermission,
      credentials,
      'revoke waivers',
    );
    await store.revokeWaiver(
      req.params.waiverId,
      credentials.principal.userEntityRef,
      new Date(),
    );
    await reevaluate(`revoking waiver ${req.params.waiverId}`);
    res.status(204).end();
  });

  router.get('/rollout/overview', async (_req, res) => {
    const now = new Date();
    const [operations, { evaluatedAt, coverages }, teams, summary, sources] =
      await Promise.all([
        store.listOperations(),
        coverageMap(),
        store.listStatus<TeamRollout>('team'),
        store.getStatus<RolloutSummaryDocument>('rollout', ROLLOUT_SUMMARY_KEY),
        sourceHealth.views(now),
      ]);
    const campaigns = await campaignViews(
      (
        await store.listCampaigns()
      ).sort((a, b) => a.deadline.localeCompare(b.deadline)),
      now,
    );
    const maturityCounts = Object.fromEntries(
      MATURITY_LEVELS.map(m => [m, 0]),
    ) as Record<Maturity, number>;
    for (const operation of operations) {
      maturityCounts[coverages.get(operation.id)?.maturity ?? 'none'] += 1;
    }
    const onCriticalOperations = teams
      .map(t => t.document)
      .filter(t => t.services.length > 0);
    res.json({
      evaluatedAt,
      campaigns,
      maturityCounts,
      operations: [...operations]
        .sort(byCriticality)
        .map(o => summaryOf(o, coverages.get(o.id))),
      blockingTeams: onCriticalOperations
        .filter(t => t.blockingOperationIds.length > 0)
        .sort(
          (a, b) =>
            b.blockingOperationIds.length - a.blockingOperationIds.length ||
            a.teamRef.localeCompare(b.teamRef),
        )
        .slice(0, BLOCKING_TEAMS_SHOWN)
        .map(t => ({
          teamRef: t.teamRef,
          title: t.title,
          blockingOperationIds: t.blockingOperationIds,
          trained: t.training.trained,
          topAction: t.nextActions[0]?.title,
        })),
      training: {
        trained: onCriticalOperations
          .filter(t => t.training.trained)
          .map(t => t.teamRef),
        untrained: onCriticalOperations
          .filter(t => !t.training.trained)
          .map(t => t.teamRef),
      },
      staleSources: sources.filter(s => s.health !== 'ok'),
      unmappedServices: summary?.document.unmappedServices ?? [],
    });
  });

  router.get('/rollout/teams', async (req, res) => {
    const { query } = req;
    const rows = await store.listStatus<TeamRollout>('team');
    const search = query.search?.toLocaleLowerCase('en-US');
    const matching = rows
      .map(r => r.document)
      .filter(
        t =>
          (query.blocking !== true || t.blockingOperationIds.length > 0) &&
          (search === undefined ||
            [t.teamRef, t.title ?? ''].some(text =>
              text.toLocaleLowerCase('en-US').includes(search),
            )),
      )
      .sort(
        (a, b) =>
          b.blockingOperationIds.length - a.blockingOperationIds.length ||
          b.services.length - a.services.length ||
          a.teamRef.localeCompare(b.teamRef),
      );
    const offset = query.offset ?? 0;
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    res.json({
      evaluatedAt: rows[0]?.evaluatedAt,
      items: matching.slice(offset, offset + limit),
      totalCount: matching.length,
    });
  });

  router.get('/rollout/teams/:namespace/:name', async (req, res) => {
    const teamRef = `group:${req.params.namespace}/${req.params.name}`;
    const status = await store.getStatus<TeamRollout>('team', teamRef);
    if (!status) {
      throw new NotFoundError(
        `No team ${teamRef} in the catalog mirror; teams appear after the catalog sync`,
      );
    }
    const now = new Date();
    const history = (
      await store.listSnapshots<TeamFigures>('team', {
        key: teamRef,
        sinceDay: daysBefore(now, TEAM_HISTORY_DAYS),
      })
    )
      .filter(h => h.day !== utcDay(now))
      .map(h => ({ day: h.day, ...h.figures }));
    history.push({ day: utcDay(now), ...teamFigures(status.document) });
    res.json({
      evaluatedAt: status.evaluatedAt,
      team: status.document,
      history,
    });
  });
}
