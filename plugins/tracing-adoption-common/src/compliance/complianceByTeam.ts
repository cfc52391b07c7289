import { SummaryMerger, TallyAccumulator } from './complianceAccumulators';
import type {
  ComplianceReport,
  ComplianceTally,
  MigrationSummary,
  RuleCompliance,
} from './complianceReport';

/** Compliance of the services one team owns. @public */
export interface TeamCompliance extends ComplianceTally {
  team: string;
  services: string[];
  rules: RuleCompliance[];
  migrations: MigrationSummary[];
}

/** @public */
export interface ComplianceByTeam {
  /** Sorted by team name. */
  teams: TeamCompliance[];
  /** Services in the report that no team owns, so no team's numbers hide them. */
  unownedServices: string[];
}

/**
 * Sums a report's services up per owning team. The team score is computed
 * from the summed span counts, so a big service weighs more than a small one.
 *
 * @public
 */
export function complianceByTeam(
  report: ComplianceReport,
  ownerOfService:
    | ReadonlyMap<string, string>
    | Readonly<Record<string, string>>,
): ComplianceByTeam {
  const ownerOf = (service: string): string | undefined =>
    ownerOfService instanceof Map
      ? ownerOfService.get(service)
      : Object.prototype.hasOwnProperty.call(ownerOfService, service)
      ? (ownerOfService as Record<string, string>)[service]
      : undefined;

  const teams = new Map<
    string,
    { tally: TallyAccumulator; merger: SummaryMerger; services: string[] }
  >();
  const unownedServices: string[] = [];
  for (const service of report.services) {
    const team = ownerOf(service.service);
    if (team === undefined) {
      unownedServices.push(service.service);
      continue;
    }
    const accumulator = teams.get(team) ?? {
      tally: new TallyAccumulator(),
      merger: new SummaryMerger(report.maxExamplesPerRule),
      services: [],
    };
    teams.set(team, accumulator);
    accumulator.tally.addTally(service);
    accumulator.services.push(service.service);
    service.rules.forEach(rule => accumulator.merger.addRule(rule));
    service.migrations.forEach(migration =>
      accumulator.merger.addMigration(migration),
    );
  }

  return {
    teams: [...teams]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([team, { tally, merger, services }]) => ({
        team,
        ...tally.tally(),
        services,
        rules: merger.ruleSummaries(),
        migrations: merger.migrationSummaries(),
      })),
    unownedServices,
  };
}
