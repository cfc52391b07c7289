import { LoggerService } from '@backstage/backend-plugin-api';
import {
  CriticalOperation,
  OperationCoverage,
  OperationMatcher,
  ServiceFacts,
  TeamRollout,
  TrackedService,
  complianceByTeam,
  complianceOfOperation,
  computeOperationCoverage,
  computeOperationHealth,
  computeTeamRollouts,
} from '@internal/plugin-tracing-adoption-common';
import {
  ScanStore,
  StoredRepositoryScan,
  targetKey,
} from '../database/ScanStore';
import { TraceStore } from '../database/TraceStore';
import { TracingAdoptionStore } from '../database/TracingAdoptionStore';
import { SourceHealthReader, analysisStaleness } from '../service/traceViews';
import { RegressionAlerter } from './RegressionAlerter';
import { CriticalOperationAnalysisRow, RolloutStore } from './RolloutStore';

/** Rollout-wide facts evaluated with the operations and teams. */
export interface RolloutSummaryDocument {
  /** Services seen in critical operations' traces without a catalog entity. */
  unmappedServices: Array<{ service: string; operationIds: string[] }>;
}

export const ROLLOUT_SUMMARY_KEY = 'summary';

export interface RolloutEvaluation {
  operations: number;
  teams: number;
  unmappedServices: number;
}

function sameMatcher(a: OperationMatcher, b: OperationMatcher): boolean {
  return (
    a.entryService === b.entryService &&
    a.spanName === b.spanName &&
    a.httpRoute === b.httpRoute &&
    a.httpMethod === b.httpMethod
  );
}

/**
 * The operation's stored analysis, unless it was made with another entry
 * matcher: then it describes other traffic.
 */
export function currentAnalysis(
  operation: CriticalOperation,
  stored: CriticalOperationAnalysisRow | undefined,
): CriticalOperationAnalysisRow | undefined {
  return stored && sameMatcher(stored.entry, operation.entry)
    ? stored
    : undefined;
}

/** The scan of a service's directory in its repository, if it was scanned. */
function scanFacts(
  service: TrackedService,
  scans: Map<string, StoredRepositoryScan>,
): ServiceFacts['scan'] {
  const { repository } = service;
  if (!repository) {
    return undefined;
  }
  const scan = scans.get(targetKey(repository));
  const directory = scan?.result?.serviceDirectories.find(
    d => d.path === repository.path,
  );
  if (!scan || !directory) {
    return undefined;
  }
  return {
    location: `${repository.host}/${repository.slug}${
      repository.path ? `/${repository.path}` : ''
    }`,
    instrumentation: directory.summary.instrumentation,
    outdated: directory.summary.outdated,
    findings: directory.findings.length,
    scannedAt: scan.scannedAt,
  };
}

/**
 * Joins the catalog, the repository scans, the critical operations' trace
 * analyses, the compliance report, waivers and workshops into the status of
 * every operation and team, and stores it for the API to serve. Runs after
 * each analysis and after every change a PM makes.
 */
export class RolloutEvaluator {
  constructor(
    private readonly options: {
      store: TracingAdoptionStore;
      traceStore: TraceStore;
      scanStore: ScanStore;
      rolloutStore: RolloutStore;
      sourceHealth: SourceHealthReader;
      logger: LoggerService;
      /** Told about regressions since the previous evaluation. */
      alerts?: RegressionAlerter;
    },
  ) {}

  async evaluate(now: Date = new Date()): Promise<RolloutEvaluation> {
    const { store, traceStore, scanStore, rolloutStore, sourceHealth, alerts } =
      this.options;
    const [
      operations,
      analyses,
      services,
      teams,
      scans,
      compliance,
      waivers,
      workshops,
      health,
      previousOperations,
      previousTeams,
    ] = await Promise.all([
      rolloutStore.listOperations(),
      rolloutStore.listOperationAnalyses(),
      store.listAllServices(),
      store.listTeams(),
      scanStore.listScans(),
      traceStore.latestComplianceReport(),
      rolloutStore.listWaivers(),
      rolloutStore.listWorkshops(),
      sourceHealth.healthBySource(now),
      // read before they are replaced, to compare with
      alerts ? rolloutStore.listStatus<OperationCoverage>('operation') : [],
      alerts ? rolloutStore.listStatus<TeamRollout>('team') : [],
    ]);

    const scansByRepository = new Map(scans.map(s => [targetKey(s), s]));
    const serviceFacts = new Map<string, ServiceFacts>(
      services.map(service => [
        service.serviceName,
        {
          entityRef: service.entityRef,
          ownerRef: service.ownerRef,
          scan: scanFacts(service, scansByRepository),
        },
      ]),
    );
    const analysisOf = new Map(analyses.map(a => [a.operationId, a]));
    const evaluatedAt = now.toISOString();

    const coverages: OperationCoverage[] = operations.map(operation => {
      const analysis = currentAnalysis(operation, analysisOf.get(operation.id));
      const coverage = computeOperationCoverage({
        operation,
        analysis: analysis && {
          result: analysis.analysis.result,
          analyzedAt: analysis.analyzedAt,
          stale: analysisStaleness(
            {
              sourceIds: analysis.analysis.sourceIds,
              analyzedAt: analysis.analyzedAt,
            },
            health,
            now,
            sourceHealth.staleAfterMs,
          ).stale,
        },
        compliance:
          analysis && compliance
            ? complianceOfOperation(
                compliance.report,
                analysis.analysis.result.sample.traceIds,
              )
            : undefined,
        services: serviceFacts,
        waivers,
        now,
      });
      return analysis
        ? {
            ...coverage,
            health: computeOperationHealth(
              operation.objectives,
              analysis.analysis.result,
            ),
          }
        : coverage;
    });

    const owners = new Map(
      services.filter(s => s.ownerRef).map(s => [s.serviceName, s.ownerRef!]),
    );
    const teamCompliance = compliance
      ? complianceByTeam(compliance.report, owners).teams
      : [];
    const teamRollouts: TeamRollout[] = computeTeamRollouts({
      teams,
      services,
      operations,
      coverages,
      serviceComplianceScores: new Map(
        (compliance?.report.services ?? []).map(s => [s.service, s.score]),
      ),
      teamComplianceScores: new Map(teamCompliance.map(t => [t.team, t.score])),
      serviceFacts,
      workshops,
    });

    const unmapped = new Map<string, string[]>();
    for (const coverage of coverages) {
      for (const participant of coverage.participants) {
        if (participant.seenInTraces && !participant.entityRef) {
          unmapped.set(participant.service, [
            ...(unmapped.get(participant.service) ?? []),
            coverage.operationId,
          ]);
        }
      }
    }
    const summary: RolloutSummaryDocument = {
      unmappedServices: [...unmapped]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([service, operationIds]) => ({ service, operationIds })),
    };

    await rolloutStore.replaceStatus(
      ['operation', 'team', 'rollout'],
      [
        ...coverages.map(document => ({
          kind: 'operation' as const,
          key: document.operationId,
          evaluatedAt,
          document,
        })),
        ...teamRollouts.map(document => ({
          kind: 'team' as const,
          key: document.teamRef,
          evaluatedAt,
          document,
        })),
        {
          kind: 'rollout' as const,
          key: ROLLOUT_SUMMARY_KEY,
          evaluatedAt,
          document: summary,
        },
      ],
    );
    if (alerts) {
      try {
        await alerts.afterEvaluation({
          operations,
          previous: {
            operations: previousOperations.map(r => r.document),
            teams: previousTeams.map(r => r.document),
          },
          current: { operations: coverages, teams: teamRollouts },
          now,
        });
      } catch (error) {
        // the evaluation is stored either way; alerts are a side effect
        this.options.logger.warn(`Regression alerts failed: ${error}`);
      }
    }
    const result = {
      operations: coverages.length,
      teams: teamRollouts.length,
      unmappedServices: summary.unmappedServices.length,
    };
    this.options.logger.info(
      `Rollout evaluated: ${result.operations} critical operations, ${result.teams} teams, ${result.unmappedServices} services without a catalog entity`,
    );
    return result;
  }
}
