import { Span, Trace } from '@internal/plugin-tracing-adoption-common';

const resources = new Map<string, Span['resource']>();

/** A model span with sensible defaults; ids are padded to model length. */
export function span(
  fields: Partial<Span> & {
    traceId: string;
    spanId: string;
    serviceName: string;
  },
): Span {
  const resource =
    resources.get(fields.serviceName) ??
    resources
      .set(fields.serviceName, { 'service.name': fields.serviceName })
      .get(fields.serviceName)!;
  return {
    references: [],
    name: 'GET /',
    kind: 'server',
    startTimeUs: Date.parse('2026-11-25T10:00:00Z') * 1000,
    durationUs: 1000,
    attributes: {},
    resource,
    events: [],
    status: { code: 'unset' },
    ...fields,
    traceId: fields.traceId.padStart(32, '0'),
    spanId: fields.spanId.padStart(16, '0'),
    parentSpanId: fields.parentSpanId?.padStart(16, '0'),
  };
}

/** A two-span trace: a root server span in `service` and a client child. */
export function simpleTrace(
  traceNumber: number,
  service = 'edge-gateway',
  rootName = 'GET /api/products',
  startIso = '2026-11-25T10:00:00Z',
): Trace {
  const traceId = traceNumber.toString(16).padStart(32, '0');
  const startTimeUs = Date.parse(startIso) * 1000;
  return {
    traceId,
    spans: [
      span({
        traceId,
        spanId: `${traceNumber}1`,
        serviceName: service,
        name: rootName,
        startTimeUs,
        durationUs: 5000,
      }),
      span({
        traceId,
        spanId: `${traceNumber}2`,
        parentSpanId: `${traceNumber}1`,
        serviceName: service,
        name: 'GET',
        kind: 'client',
        startTimeUs: startTimeUs + 1000,
        durationUs: 2000,
      }),
    ],
  };
}
