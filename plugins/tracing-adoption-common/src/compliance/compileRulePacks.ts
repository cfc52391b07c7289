import {
  CheckFunction,
  DeprecationFinder,
  compileCheck,
  deprecationFinder,
} from './compileCheck';
import { SpanPredicate, compileSelectors } from './compileSelector';
import type { ComplianceRule, RulePack, RuleSeverity } from './rulePack';

/**
 * Rule packs prepared for evaluation: selectors, regexes and indexes built
 * once. Create with {@link compileRulePacks} and reuse for every span.
 *
 * @public
 */
export interface CompiledRulePacks {
  readonly packs: readonly RulePack[];
}

/** Higher is more severe; used for filtering and for a span's worst violation. */
export const SEVERITY_RANK: Readonly<Record<RuleSeverity, number>> = {
  info: 0,
  warning: 1,
  error: 2,
};

/** A rule with everything evaluation needs at hand. */
export interface CompiledRule {
  packName: string;
  packVersion: string;
  rule: ComplianceRule;
  docUrl: string | undefined;
  severityRank: number;
  /** Undefined when the rule looks at every span its pack selects. */
  appliesTo: SpanPredicate | undefined;
}

/** A rule whose check runs on every span it applies to. */
export interface CheckedRule extends CompiledRule {
  check: CheckFunction;
}

/** A deprecated-attribute rule, found through the attribute index. */
export interface DeprecationRule extends CompiledRule {
  findDeprecation: DeprecationFinder;
}

/**
 * Rules with the same selector. Generated packs give dozens of rules one
 * selector per kind of span; grouping runs each selector once per span.
 */
export interface RuleGroup {
  appliesTo: SpanPredicate | undefined;
  rules: CheckedRule[];
}

export interface CompiledPack {
  appliesTo: SpanPredicate | undefined;
  /** In order of each selector's first rule; rules in pack order within a group. */
  ruleGroups: RuleGroup[];
  /** Deprecated-attribute rules by the attribute they deprecate. */
  deprecationsByAttribute: Map<string, DeprecationRule[]>;
}

export interface EvaluationPlan {
  packs: CompiledPack[];
}

const plans = new WeakMap<object, EvaluationPlan>();

function compileRule(pack: RulePack, rule: ComplianceRule): CompiledRule {
  return {
    packName: pack.name,
    packVersion: pack.version,
    rule,
    docUrl: rule.docUrl ?? pack.docUrl,
    severityRank: SEVERITY_RANK[rule.severity],
    appliesTo: compileSelectors(rule.appliesTo),
  };
}

function compilePack(pack: RulePack): CompiledPack {
  const compiled: CompiledPack = {
    appliesTo: compileSelectors(pack.appliesTo),
    ruleGroups: [],
    deprecationsByAttribute: new Map(),
  };
  const groupsBySelector = new Map<string, RuleGroup>();
  for (const rule of pack.rules) {
    const check = rule.check;
    if ('deprecated' in check) {
      const { attribute, replacedBy, note } = check.deprecated;
      const deprecation: DeprecationRule = {
        ...compileRule(pack, rule),
        findDeprecation: deprecationFinder({
          from: attribute,
          to: replacedBy,
          ...(note === undefined ? {} : { note }),
        }),
      };
      const sameAttribute = compiled.deprecationsByAttribute.get(attribute);
      if (sameAttribute) {
        sameAttribute.push(deprecation);
      } else {
        compiled.deprecationsByAttribute.set(attribute, [deprecation]);
      }
      continue;
    }
    try {
      const compiledRule = {
        ...compileRule(pack, rule),
        check: compileCheck(check),
      };
      const selector = JSON.stringify(rule.appliesTo);
      let group = groupsBySelector.get(selector);
      if (!group) {
        group = { appliesTo: compiledRule.appliesTo, rules: [] };
        groupsBySelector.set(selector, group);
        compiled.ruleGroups.push(group);
      }
      group.rules.push(compiledRule);
    } catch (error) {
      // Packs from loadRulePack were compiled once already; hand-built ones may not compile.
      throw new Error(
        `rule pack '${pack.name}' rule '${rule.id}' cannot be compiled: ${
          (error as Error).message
        }`,
      );
    }
  }
  return compiled;
}

/**
 * Prepares rule packs for {@link evaluateSpan} and {@link evaluateTraces}.
 * Compile once and evaluate many spans with the result.
 *
 * @public
 */
export function compileRulePacks(
  packs: readonly RulePack[],
): CompiledRulePacks {
  const compiled: CompiledRulePacks = { packs: [...packs] };
  plans.set(compiled, { packs: packs.map(compilePack) });
  return compiled;
}

/**
 * The evaluation plan of compiled packs. Plain pack lists are compiled on
 * first use and remembered by identity, so passing the same array again
 * does not compile again.
 */
export function evaluationPlanOf(
  packs: CompiledRulePacks | readonly RulePack[],
): EvaluationPlan {
  let plan = plans.get(packs);
  if (!plan) {
    if (!Array.isArray(packs)) {
      throw new Error(
        'rule packs must come from compileRulePacks or be a list of rule packs',
      );
    }
    plan = { packs: (packs as readonly RulePack[]).map(compilePack) };
    plans.set(packs, plan);
  }
  return plan;
}
