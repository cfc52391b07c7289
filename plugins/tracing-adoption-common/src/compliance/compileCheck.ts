import type { AttributeValue, Attributes, Span } from '../trace/model';
import { isPresent, showValue, someValueText } from './attributeValues';
import { isGlob } from './glob';
import type {
  AttributeAlternatives,
  AttributeValueType,
  RuleCheck,
  SpanNameCheck,
  StatusCheck,
} from './rulePack';
import { idSegmentIn } from './spanNameIds';
import { parseTemplate } from './spanNameTemplate';
import { textMatcher } from './textMatcher';
import type { AttributeMigration } from './violation';

/**
 * What a check found wrong with a span, before the rule's details are added.
 * Checks share findings whose message does not depend on the span (a
 * missing attribute, a deprecated one), so treat them as read-only.
 */
export interface Finding {
  attribute?: string;
  message: string;
  migration?: AttributeMigration;
}

/** Runs one check on a span and appends what it finds. */
export type CheckFunction = (span: Span, findings: Finding[]) => void;

const quoteAll = (names: readonly string[]) =>
  names.map(name => `'${name}'`).join(', ');

function missingFindings(
  groups: readonly AttributeAlternatives[],
  where: string,
): Finding[] {
  return groups.map(group => ({
    attribute: group[0],
    message:
      group.length === 1
        ? `${where} lacks required '${group[0]}'`
        : `${where} lacks one of ${quoteAll(group)}`,
  }));
}

function findMissing(
  groups: readonly AttributeAlternatives[],
  missing: readonly Finding[],
  attributes: Attributes,
  findings: Finding[],
) {
  for (let index = 0; index < groups.length; index++) {
    if (!groups[index].some(name => isPresent(attributes[name]))) {
      findings.push(missing[index]);
    }
  }
}

function requiredCheck(
  groups: readonly AttributeAlternatives[],
): CheckFunction {
  const missing = missingFindings(groups, 'span');
  return (span, findings) =>
    findMissing(groups, missing, span.attributes, findings);
}

/**
 * Spans of one process share their resource object, so the findings for the
 * last resource seen are reused until another resource comes along.
 */
function resourceRequiredCheck(
  groups: readonly AttributeAlternatives[],
): CheckFunction {
  const missing = missingFindings(groups, 'resource');
  let lastResource: Attributes | undefined;
  let lastFindings: Finding[] = [];
  return (span, findings) => {
    if (span.resource !== lastResource) {
      lastResource = span.resource;
      lastFindings = [];
      findMissing(groups, missing, span.resource, lastFindings);
    }
    for (const finding of lastFindings) {
      findings.push(finding);
    }
  };
}

/**
 * Remembers each attribute key's verdict: spans repeat the same few keys,
 * and globs or regexes would otherwise run for every key of every span.
 * Bounded so that high-cardinality keys cannot grow it without limit.
 */
const KEY_VERDICT_CACHE_LIMIT = 10_000;

function cachedKeyTest(
  test: (key: string) => boolean,
): (key: string) => boolean {
  const verdicts = new Map<string, boolean>();
  return key => {
    let verdict = verdicts.get(key);
    if (verdict === undefined) {
      verdict = test(key);
      if (verdicts.size < KEY_VERDICT_CACHE_LIMIT) {
        verdicts.set(key, verdict);
      }
    }
    return verdict;
  };
}

function forbiddenCheck(names: readonly string[]): CheckFunction {
  const exact = names.filter(name => !isGlob(name));
  const globbed = names.filter(isGlob);
  const globMatcher = textMatcher(globbed);
  const matchesGlob = cachedKeyTest(
    key => !exact.includes(key) && globMatcher(key),
  );
  const forbidden = (key: string): Finding => ({
    attribute: key,
    message: `span carries forbidden attribute '${key}'`,
  });
  const exactFindings = exact.map(forbidden);
  return (span, findings) => {
    for (let index = 0; index < exact.length; index++) {
      if (span.attributes[exact[index]] !== undefined) {
        findings.push(exactFindings[index]);
      }
    }
    if (globbed.length > 0) {
      for (const key in span.attributes) {
        if (matchesGlob(key)) {
          findings.push(forbidden(key));
        }
      }
    }
  };
}

function patternCheck(attribute: string, regex: RegExp): CheckFunction {
  return (span, findings) => {
    const value = span.attributes[attribute];
    if (
      value !== undefined &&
      someValueText(value, text => !regex.test(text))
    ) {
      findings.push({
        attribute,
        message: `'${attribute}' = '${showValue(
          value,
        )}' does not match ${regex}`,
      });
    }
  };
}

function keyPatternCheck(
  regex: RegExp,
  except: readonly string[],
): CheckFunction {
  const excepted = textMatcher(except);
  const isAllowed = cachedKeyTest(key => excepted(key) || regex.test(key));
  return (span, findings) => {
    for (const key in span.attributes) {
      if (!isAllowed(key)) {
        findings.push({
          attribute: key,
          message: `attribute '${key}' is outside the allowed names ${regex}`,
        });
      }
    }
  };
}

function allowedValuesCheck(
  attribute: string,
  values: readonly string[],
  ignoreCase: boolean,
): CheckFunction {
  const normalize = ignoreCase
    ? (text: string) => text.toLowerCase()
    : (text: string) => text;
  const allowed = new Set(values.map(normalize));
  const shown =
    values.length > 8
      ? `${values.slice(0, 8).join(', ')}, … (${values.length} values)`
      : values.join(', ');
  return (span, findings) => {
    const value = span.attributes[attribute];
    if (
      value !== undefined &&
      someValueText(value, text => !allowed.has(normalize(text)))
    ) {
      findings.push({
        attribute,
        message: `'${attribute}' = '${showValue(
          value,
        )}' is not one of ${shown}`,
      });
    }
  };
}

function typeOf(value: AttributeValue): AttributeValueType {
  if (Array.isArray(value)) {
    return 'array';
  }
  if (typeof value === 'number') {
    return Number.isInteger(value) ? 'int' : 'double';
  }
  return typeof value === 'boolean' ? 'boolean' : 'string';
}

function valueTypeCheck(
  attribute: string,
  type: AttributeValueType,
): CheckFunction {
  return (span, findings) => {
    const value = span.attributes[attribute];
    if (value === undefined) {
      return;
    }
    const actual = typeOf(value);
    // An int is a valid double: OTLP/JSON and Jaeger turn 2.0 into 2.
    if (actual !== type && !(type === 'double' && actual === 'int')) {
      findings.push({
        attribute,
        message: `'${attribute}' should be ${type} but is ${actual} ('${showValue(
          value,
        )}')`,
      });
    }
  };
}

function spanNameCheck(check: SpanNameCheck): CheckFunction {
  if ('pattern' in check) {
    const regex = new RegExp(check.pattern);
    return (span, findings) => {
      if (!regex.test(span.name)) {
        findings.push({
          message: `span name '${span.name}' does not match ${regex}`,
        });
      }
    };
  }
  if ('template' in check) {
    const parts = parseTemplate(check.template) ?? [];
    const expectedName = (span: Span) =>
      parts
        .map(part =>
          'text' in part ? part.text : String(span.attributes[part.attribute]),
        )
        .join('');
    // Compares part by part, so the expected name is only built for a message.
    return (span, findings) => {
      let position = 0;
      let matches = true;
      for (const part of parts) {
        let text: string;
        if ('text' in part) {
          text = part.text;
        } else {
          const value = span.attributes[part.attribute];
          if (!isPresent(value)) {
            return;
          }
          text = String(value);
        }
        if (matches && span.name.startsWith(text, position)) {
          position += text.length;
        } else {
          matches = false;
        }
      }
      if (!matches || position !== span.name.length) {
        findings.push({
          message: `span name '${span.name}' should be '${expectedName(
            span,
          )}' (${check.template})`,
        });
      }
    };
  }
  return (span, findings) => {
    const id = idSegmentIn(span.name);
    if (id !== undefined) {
      findings.push({
        message: `span name '${span.name}' contains the id '${id}'`,
      });
    }
  };
}

function numericValue(value: AttributeValue | undefined): number | undefined {
  if (typeof value === 'number') {
    return value;
  }
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : undefined;
  }
  return undefined;
}

function statusCheck(check: StatusCheck): CheckFunction {
  if ('errorNeeds' in check) {
    const { attributes, events } = check.errorNeeds;
    const causes = [
      ...attributes.map(name => `'${name}'`),
      ...events.map(name => `an event named '${name}'`),
    ].join(' or ');
    const withoutCause: Finding = {
      ...(attributes.length > 0 ? { attribute: attributes[0] } : {}),
      message: `span has error status without ${causes}`,
    };
    return (span, findings) => {
      if (
        span.status.code === 'error' &&
        !attributes.some(name => isPresent(span.attributes[name])) &&
        !span.events.some(event => events.includes(event.name))
      ) {
        findings.push(withoutCause);
      }
    };
  }
  const { attribute, min, max } = check.errorWhen;
  return (span, findings) => {
    const value = numericValue(span.attributes[attribute]);
    if (
      value !== undefined &&
      value >= min &&
      value <= max &&
      span.status.code !== 'error'
    ) {
      findings.push({
        attribute,
        message: `'${attribute}' is ${value} but the span status is ${span.status.code}, not error`,
      });
    }
  };
}

/** Finds the deprecation of one attribute on a span's or resource's attributes. */
export type DeprecationFinder = (
  attributes: Attributes,
  onResource: boolean,
) => Finding;

/**
 * Deprecated-attribute findings. Deprecated rules are not run per span: the
 * evaluator looks each attribute key up in an index, so hundreds of
 * deprecations cost one map lookup per key. The few possible findings
 * (span or resource; which replacement, if any, is already sent) are built
 * once each, because deprecations are the most frequent violations.
 */
export function deprecationFinder(
  migration: AttributeMigration,
): DeprecationFinder {
  const { from, to, note } = migration;
  const findings = new Map<string, Finding>();
  const findingFor = (onResource: boolean, replacementPresent?: string) => {
    const where = onResource
      ? 'deprecated resource attribute'
      : 'deprecated attribute';
    let message: string;
    if (to.length === 0) {
      message = `${where} '${from}' has no replacement; stop sending it`;
    } else if (replacementPresent) {
      message = `${where} '${from}' is still sent next to its replacement '${replacementPresent}'`;
    } else {
      message = `${where} '${from}' → ${quoteAll(to)}`;
    }
    return {
      attribute: from,
      message: note ? `${message} (${note})` : message,
      migration,
    };
  };
  return (attributes, onResource) => {
    const replacementPresent = to.find(name => isPresent(attributes[name]));
    const key = `${onResource}:${replacementPresent ?? ''}`;
    let finding = findings.get(key);
    if (!finding) {
      finding = findingFor(onResource, replacementPresent);
      findings.set(key, finding);
    }
    return finding;
  };
}

/** Every check but `deprecated`, which the evaluator indexes by attribute instead. */
export type SpanCheck = Exclude<RuleCheck, { deprecated: unknown }>;

/**
 * Turns a rule's check into a function over spans. Regexes and matchers are
 * built here, once, so evaluation only runs them.
 */
export function compileCheck(check: SpanCheck): CheckFunction {
  if ('required' in check) {
    return requiredCheck(check.required);
  }
  if ('resourceRequired' in check) {
    return resourceRequiredCheck(check.resourceRequired);
  }
  if ('forbidden' in check) {
    return forbiddenCheck(check.forbidden);
  }
  if ('pattern' in check) {
    return patternCheck(
      check.pattern.attribute,
      new RegExp(check.pattern.regex),
    );
  }
  if ('keyPattern' in check) {
    return keyPatternCheck(
      new RegExp(check.keyPattern.regex),
      check.keyPattern.except,
    );
  }
  if ('allowedValues' in check) {
    const { attribute, values, ignoreCase } = check.allowedValues;
    return allowedValuesCheck(attribute, values, ignoreCase);
  }
  if ('valueType' in check) {
    return valueTypeCheck(check.valueType.attribute, check.valueType.type);
  }
  if ('spanName' in check) {
    return spanNameCheck(check.spanName);
  }
  return statusCheck(check.status);
}
