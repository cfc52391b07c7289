import { LoggerService } from '@backstage/backend-plugin-api';
import {
  Campaign,
  CriticalOperation,
  Maturity,
  OperationCoverage,
  OperationHealthFigures,
  TeamRollout,
  meetsMaturity,
  operationHealthFigures,
  utcDay,
} from '@internal/plugin-tracing-adoption-common';
import { RolloutStore, SnapshotRow } from './RolloutStore';

export interface CampaignFigures {
  atTarget: number;
  total: number;
}

export interface OperationFigures {
  maturity: Maturity;
  covered: number;
  total: number;
  /** Absent on days the operation had no analysed traces. */
  health?: OperationHealthFigures;
}

export interface TeamFigures {
  blockingOperations: number;
  servicesOnCriticalOperations: number;
  servicesEndToEnd: number;
  complianceScore?: number | null;
}

/** The target operations of a campaign and how many are at its target maturity. */
export function campaignTargets(
  campaign: Campaign,
  operations: readonly CriticalOperation[],
  maturityOf: ReadonlyMap<string, Maturity>,
): Array<{
  operation: CriticalOperation;
  maturity: Maturity;
  atTarget: boolean;
}> {
  return operations
    .filter(o => o.campaignId === campaign.id)
    .map(operation => {
      const maturity = maturityOf.get(operation.id) ?? 'none';
      return {
        operation,
        maturity,
        atTarget: meetsMaturity(maturity, campaign.targetMaturity),
      };
    });
}

export function teamFigures(team: TeamRollout): TeamFigures {
  return {
    blockingOperations: team.blockingOperationIds.length,
    servicesOnCriticalOperations: team.services.length,
    servicesEndToEnd: team.services.filter(s => s.status === 'end-to-end')
      .length,
    complianceScore: team.complianceScore,
  };
}

/**
 * Writes today's figures of every operation, team and campaign from the
 * latest evaluation. Re-running on the same day overwrites that day's rows,
 * so the history has one row per day however often the job runs.
 */
export class RolloutSnapshotJob {
  constructor(
    private readonly options: { store: RolloutStore; logger: LoggerService },
  ) {}

  async run(now: Date = new Date()): Promise<number> {
    const { store, logger } = this.options;
    const day = utcDay(now);
    const [operations, campaigns, coverages, teams] = await Promise.all([
      store.listOperations(),
      store.listCampaigns(),
      store.listStatus<OperationCoverage>('operation'),
      store.listStatus<TeamRollout>('team'),
    ]);
    const maturityOf = new Map(
      coverages.map(c => [c.key, c.document.maturity]),
    );
    const rows: SnapshotRow[] = [
      ...coverages.map(({ key, document }) => {
        const figures: OperationFigures = {
          maturity: document.maturity,
          covered: document.coverage.covered,
          total: document.coverage.total,
          health: document.health && operationHealthFigures(document.health),
        };
        return {
          day,
          kind: 'operation' as const,
          key,
          figures: { ...figures },
        };
      }),
      ...teams.map(({ key, document }) => ({
        day,
        kind: 'team' as const,
        key,
        figures: { ...teamFigures(document) },
      })),
      ...campaigns.map(campaign => {
        const targets = campaignTargets(campaign, operations, maturityOf);
        const figures: CampaignFigures = {
          atTarget: targets.filter(t => t.atTarget).length,
          total: targets.length,
        };
        return {
          day,
          kind: 'campaign' as const,
          key: campaign.id,
          figures: { ...figures },
        };
      }),
    ];
    await store.saveSnapshots(rows);
    logger.info(
      `Rollout snapshot of ${day}: ${coverages.length} operations, ${teams.length} teams, ${campaigns.length} campaigns`,
    );
    return rows.length;
  }
}
