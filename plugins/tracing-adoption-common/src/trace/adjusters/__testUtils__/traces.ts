import { Span, Trace } from '../../model';

export const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';

/** A readable span id: `id('a1')` is `00000000000000a1`. */
export function id(label: string): string {
  return label.padStart(16, '0');
}

export function makeSpan(
  fields: Partial<Omit<Span, 'spanId' | 'parentSpanId'>> & {
    spanId: string;
    parentSpanId?: string;
  },
): Span {
  const { spanId, parentSpanId, ...rest } = fields;
  return {
    traceId: TRACE_ID,
    spanId: id(spanId),
    parentSpanId: parentSpanId === undefined ? undefined : id(parentSpanId),
    references: [],
    name: 'operation',
    kind: 'internal',
    serviceName: 'cart',
    startTimeUs: 1_000,
    durationUs: 100,
    attributes: {},
    resource: {},
    events: [],
    status: { code: 'unset' },
    ...rest,
  };
}

export function makeTrace(...spans: Span[]): Trace {
  return { traceId: TRACE_ID, spans };
}
