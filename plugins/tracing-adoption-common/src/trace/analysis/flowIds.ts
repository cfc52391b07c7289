import type { AttributeValue, Span } from '../model';
import { getOrCreate } from './getOrCreate';
import { sortedValues } from './ordering';
import type { FlowIdUse } from './types';

/**
 * Attribute names under which services commonly record a legacy flow id:
 * as a tag of their own, or as the captured `X-Flow-ID` request header.
 *
 * @public
 */
export const DEFAULT_FLOW_ID_ATTRIBUTES: readonly string[] = [
  'flow_id',
  'flowid',
  'flowId',
  'x-flow-id',
  'x_flow_id',
  'X-Flow-ID',
  'http.request.header.x-flow-id',
  'http.request.header.x_flow_id',
];

function forEachFlowIdValue(
  value: AttributeValue,
  visit: (flowId: string) => void,
) {
  // OpenTelemetry records captured headers as arrays of strings.
  const values = Array.isArray(value) ? value : [value];
  for (const item of values) {
    if ((typeof item === 'string' && item !== '') || typeof item === 'number') {
      visit(String(item));
    }
  }
}

interface FlowIdTally {
  attributes: Set<string>;
  spans: number;
  /** Counts a span once when it carries the value under several names. */
  lastSpan: Span | undefined;
}

/** The distinct flow ids carried by the spans, in order of appearance. */
export function collectFlowIds(
  spans: readonly Span[],
  attributeNames: readonly string[],
): FlowIdUse[] {
  let uses: Map<string, FlowIdTally> | undefined;
  for (const span of spans) {
    for (const attribute of attributeNames) {
      const value = span.attributes[attribute];
      if (value === undefined) {
        continue;
      }
      forEachFlowIdValue(value, flowId => {
        uses ??= new Map();
        const use = getOrCreate(uses, flowId, () => ({
          attributes: new Set<string>(),
          spans: 0,
          lastSpan: undefined,
        }));
        use.attributes.add(attribute);
        if (use.lastSpan !== span) {
          use.spans++;
          use.lastSpan = span;
        }
      });
    }
  }
  if (!uses) {
    return [];
  }
  return [...uses].map(([value, use]) => ({
    value,
    attributes: sortedValues(use.attributes),
    spans: use.spans,
  }));
}
