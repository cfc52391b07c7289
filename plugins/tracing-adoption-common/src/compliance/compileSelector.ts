import type { Attributes, Span } from '../trace/model';
import {
  instrumentationScopeOf,
  isPresent,
  someValueText,
} from './attributeValues';
import type { SpanSelector } from './rulePack';
import { textMatcher } from './textMatcher';

/** Whether a rule looks at a span. */
export type SpanPredicate = (span: Span) => boolean;

function valuesMatcher(
  globsByKey: Record<string, string[]>,
): (attributes: Attributes) => boolean {
  const tests = Object.entries(globsByKey).map(
    ([key, globs]) => [key, textMatcher(globs)] as const,
  );
  return attributes =>
    tests.every(([key, matches]) => {
      const value = attributes[key];
      return value !== undefined && someValueText(value, matches);
    });
}

function compileSelector(selector: SpanSelector): SpanPredicate {
  const tests: SpanPredicate[] = [];
  if (selector.spanKinds) {
    const kinds = selector.spanKinds;
    tests.push(span => kinds.includes(span.kind));
  }
  if (selector.attributePresent) {
    const keys = selector.attributePresent;
    tests.push(span => {
      for (const key of keys) {
        if (isPresent(span.attributes[key])) {
          return true;
        }
      }
      return false;
    });
  }
  if (selector.attributeAbsent) {
    const keys = selector.attributeAbsent;
    tests.push(span => {
      for (const key of keys) {
        if (isPresent(span.attributes[key])) {
          return false;
        }
      }
      return true;
    });
  }
  if (selector.attributeValues) {
    const matches = valuesMatcher(selector.attributeValues);
    tests.push(span => matches(span.attributes));
  }
  if (selector.service) {
    const matches = textMatcher(selector.service);
    tests.push(span => matches(span.serviceName));
  }
  if (selector.spanName) {
    const matches = textMatcher(selector.spanName);
    tests.push(span => matches(span.name));
  }
  if (selector.instrumentationScope) {
    const matches = textMatcher(selector.instrumentationScope);
    tests.push(span => {
      const scope = instrumentationScopeOf(span.attributes);
      return scope !== undefined && matches(scope);
    });
  }
  if (selector.resourceAttributes) {
    const matches = valuesMatcher(selector.resourceAttributes);
    tests.push(span => matches(span.resource));
  }
  return tests.length === 1
    ? tests[0]
    : span => tests.every(test => test(span));
}

/**
 * One predicate for a list of selectors (any may match), or undefined when
 * the list is empty and every span is selected.
 */
export function compileSelectors(
  selectors: readonly SpanSelector[],
): SpanPredicate | undefined {
  if (selectors.length === 0) {
    return undefined;
  }
  const predicates = selectors.map(compileSelector);
  if (predicates.length === 1) {
    return predicates[0];
  }
  return span => {
    for (const predicate of predicates) {
      if (predicate(span)) {
        return true;
      }
    }
    return false;
  };
}
