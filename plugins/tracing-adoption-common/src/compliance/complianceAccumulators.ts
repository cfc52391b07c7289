import type {
  ComplianceTally,
  MigrationSummary,
  RuleCompliance,
  ViolationExample,
} from './complianceReport';
import { complianceScore } from './complianceScore';
import { SEVERITY_RANK } from './compileRulePacks';
import type { RuleSeverity } from './rulePack';
import type { Span } from '../trace/model';
import type { Finding } from './compileCheck';
import type { AttributeMigration } from './violation';

const SEVERITY_ORDER: Record<RuleSeverity, number> = {
  error: 0,
  warning: 1,
  info: 2,
};

/** Key of a rule across packs. */
export const ruleKey = (packName: string, ruleId: string) =>
  `${packName}/${ruleId}`;

const sortedText = (values: Iterable<string>) =>
  [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/**
 * Span and violation counts. Plain number fields, because one accumulator
 * exists per service of every evaluated trace.
 */
export class TallyAccumulator {
  spansEvaluated = 0;
  spansWithViolations = 0;
  private worstErrors = 0;
  private worstWarnings = 0;
  private worstInfos = 0;
  private errors = 0;
  private warnings = 0;
  private infos = 0;

  /** One span, with its most severe violation's rank (-1 for none) and its violation counts. */
  addSpan(worstRank: number, errors: number, warnings: number, infos: number) {
    this.spansEvaluated++;
    if (worstRank < 0) {
      return;
    }
    this.spansWithViolations++;
    if (worstRank === SEVERITY_RANK.error) {
      this.worstErrors++;
    } else if (worstRank === SEVERITY_RANK.warning) {
      this.worstWarnings++;
    } else {
      this.worstInfos++;
    }
    this.errors += errors;
    this.warnings += warnings;
    this.infos += infos;
  }

  addTally(tally: Omit<ComplianceTally, 'score'>) {
    this.spansEvaluated += tally.spansEvaluated;
    this.spansWithViolations += tally.spansWithViolations;
    this.worstErrors += tally.violatingSpansBySeverity.error;
    this.worstWarnings += tally.violatingSpansBySeverity.warning;
    this.worstInfos += tally.violatingSpansBySeverity.info;
    this.errors += tally.violationsBySeverity.error;
    this.warnings += tally.violationsBySeverity.warning;
    this.infos += tally.violationsBySeverity.info;
  }

  counts(): Omit<ComplianceTally, 'score'> {
    return {
      spansEvaluated: this.spansEvaluated,
      spansWithViolations: this.spansWithViolations,
      violatingSpansBySeverity: {
        error: this.worstErrors,
        warning: this.worstWarnings,
        info: this.worstInfos,
      },
      violationsBySeverity: {
        error: this.errors,
        warning: this.warnings,
        info: this.infos,
      },
    };
  }

  tally(): ComplianceTally {
    const counts = this.counts();
    return {
      ...counts,
      score: complianceScore(
        counts.violatingSpansBySeverity,
        counts.spansEvaluated,
      ),
    };
  }
}

/** What describes a rule in summaries, independent of where it was broken. */
export type RuleDescription = Pick<
  RuleCompliance,
  | 'packName'
  | 'packVersion'
  | 'ruleId'
  | 'severity'
  | 'description'
  | 'fix'
  | 'docUrl'
>;

function describeRule(rule: RuleDescription): RuleDescription {
  return {
    packName: rule.packName,
    packVersion: rule.packVersion,
    ruleId: rule.ruleId,
    severity: rule.severity,
    description: rule.description,
    fix: rule.fix,
    ...(rule.docUrl === undefined ? {} : { docUrl: rule.docUrl }),
  };
}

export function exampleOf(span: Span, finding: Finding): ViolationExample {
  const example: ViolationExample = {
    traceId: span.traceId,
    spanId: span.spanId,
    service: span.serviceName,
    spanName: span.name,
    message: finding.message,
  };
  if (finding.attribute !== undefined) {
    example.attribute = finding.attribute;
  }
  return example;
}

export class RuleAccumulator {
  private violations = 0;
  private spans = 0;
  private readonly services = new Set<string>();
  private readonly attributes = new Set<string>();
  private readonly examples: ViolationExample[] = [];
  private lastSpan: Span | undefined;

  constructor(
    private readonly rule: RuleDescription,
    private readonly maxExamples: number,
  ) {}

  /** One violation; consecutive findings on the same span count it once. */
  addFinding(span: Span, finding: Finding) {
    this.violations++;
    if (this.lastSpan !== span) {
      this.lastSpan = span;
      this.spans++;
      this.services.add(span.serviceName);
    }
    if (finding.attribute !== undefined) {
      this.attributes.add(finding.attribute);
    }
    if (this.examples.length < this.maxExamples) {
      this.examples.push(exampleOf(span, finding));
    }
  }

  /** Counts of the same rule from another summary. */
  addCounts(counts: {
    violations: number;
    spans: number;
    services: readonly string[];
    attributes: readonly string[];
    examples: readonly ViolationExample[];
  }) {
    this.violations += counts.violations;
    this.spans += counts.spans;
    counts.services.forEach(service => this.services.add(service));
    counts.attributes.forEach(attribute => this.attributes.add(attribute));
    for (const example of counts.examples) {
      if (this.examples.length >= this.maxExamples) {
        break;
      }
      this.examples.push(example);
    }
  }

  summary(): RuleCompliance {
    return {
      ...describeRule(this.rule),
      violations: this.violations,
      spans: this.spans,
      services: sortedText(this.services),
      attributes: sortedText(this.attributes),
      examples: [...this.examples],
    };
  }
}

export class MigrationAccumulator {
  private spans = 0;
  private readonly services = new Set<string>();
  private lastSpan: Span | undefined;

  constructor(
    private readonly rule: Pick<
      RuleCompliance,
      'packName' | 'ruleId' | 'severity'
    >,
    private readonly migration: AttributeMigration,
  ) {}

  addSpan(span: Span) {
    if (this.lastSpan !== span) {
      this.lastSpan = span;
      this.spans++;
      this.services.add(span.serviceName);
    }
  }

  addCounts(spans: number, services: readonly string[]) {
    this.spans += spans;
    services.forEach(service => this.services.add(service));
  }

  summary(): MigrationSummary {
    return {
      from: this.migration.from,
      to: [...this.migration.to],
      ...(this.migration.note === undefined
        ? {}
        : { note: this.migration.note }),
      packName: this.rule.packName,
      ruleId: this.rule.ruleId,
      severity: this.rule.severity,
      spans: this.spans,
      services: sortedText(this.services),
    };
  }
}

export function sortRules(rules: RuleCompliance[]): RuleCompliance[] {
  return rules.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      b.spans - a.spans ||
      b.violations - a.violations ||
      ruleKey(a.packName, a.ruleId).localeCompare(
        ruleKey(b.packName, b.ruleId),
      ),
  );
}

export function sortMigrations(
  migrations: MigrationSummary[],
): MigrationSummary[] {
  return migrations.sort(
    (a, b) =>
      b.spans - a.spans ||
      a.from.localeCompare(b.from) ||
      ruleKey(a.packName, a.ruleId).localeCompare(
        ruleKey(b.packName, b.ruleId),
      ),
  );
}

/** Service, team and operation summaries: merge rule and migration summaries by rule. */
export class SummaryMerger {
  private readonly rules = new Map<string, RuleAccumulator>();
  private readonly migrations = new Map<string, MigrationAccumulator>();

  constructor(private readonly maxExamples: number) {}

  addRule(rule: RuleCompliance) {
    const key = ruleKey(rule.packName, rule.ruleId);
    let accumulator = this.rules.get(key);
    if (!accumulator) {
      accumulator = new RuleAccumulator(rule, this.maxExamples);
      this.rules.set(key, accumulator);
    }
    accumulator.addCounts(rule);
  }

  addMigration(migration: MigrationSummary) {
    const key = `${ruleKey(migration.packName, migration.ruleId)}:${
      migration.from
    }`;
    let accumulator = this.migrations.get(key);
    if (!accumulator) {
      accumulator = new MigrationAccumulator(migration, migration);
      this.migrations.set(key, accumulator);
    }
    accumulator.addCounts(migration.spans, migration.services);
  }

  ruleSummaries(): RuleCompliance[] {
    return sortRules([...this.rules.values()].map(rule => rule.summary()));
  }

  migrationSummaries(): MigrationSummary[] {
    return sortMigrations(
      [...this.migrations.values()].map(migration => migration.summary()),
    );
  }
}
