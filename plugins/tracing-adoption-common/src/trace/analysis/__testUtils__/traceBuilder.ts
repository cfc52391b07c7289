import type {
  Attributes,
  Span,
  SpanKind,
  SpanReference,
  Trace,
} from '../../model';

/** 8 hex digits of FNV-1a over the text, varied by a seed. */
function fnv1a(text: string, seed: number): string {
  let hash = 0x811c9dc5 ^ seed;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** A stable 16-digit span id for a label, so tests can name spans. */
export function spanId(label: string): string {
  return fnv1a(label, 1) + fnv1a(label, 2);
}

/** A stable 32-digit trace id for a label. */
export function traceId(label: string): string {
  return spanId(`trace:${label}`) + spanId(`trace-low:${label}`);
}

/** A span to build; times are µs after the trace's start. */
export interface SpanSpec {
  /** Label of the span; its id is `spanId(label)`. */
  id: string;
  service: string;
  kind: SpanKind;
  name?: string;
  start: number;
  duration: number;
  attributes?: Attributes;
  error?: boolean;
  references?: SpanReference[];
  /** Overrides the parent given by nesting, e.g. to point at a missing span. */
  parentSpanId?: string;
  children?: SpanSpec[];
}

type SpanShorthand = (
  id: string,
  service: string,
  at: [start: number, duration: number],
  more?: Partial<Omit<SpanSpec, 'id' | 'service' | 'kind'>>,
) => SpanSpec;

function shorthand(kind: SpanKind): SpanShorthand {
  return (id, service, [start, duration], more = {}) => ({
    id,
    service,
    kind,
    start,
    duration,
    ...more,
  });
}

export const server = shorthand('server');
export const client = shorthand('client');
export const producer = shorthand('producer');
export const consumer = shorthand('consumer');
export const internal = shorthand('internal');

export const BASE_TIME_US = 1_764_064_800_000_000;

export interface BuildTraceOptions {
  /** Absolute start of the trace in µs. */
  startUs?: number;
  /** Resource attributes per service; spans of a service share the object. */
  resources?: Record<string, Attributes>;
}

/** Builds a trace in the model from nested span specs. */
export function buildTrace(
  label: string,
  roots: SpanSpec | SpanSpec[],
  options: BuildTraceOptions = {},
): Trace {
  const id = traceId(label);
  const startUs = options.startUs ?? BASE_TIME_US;
  const resources = new Map<string, Attributes>();
  const resourceOf = (service: string) => {
    let resource = resources.get(service);
    if (!resource) {
      resource = {
        'service.name': service,
        ...options.resources?.[service],
      };
      resources.set(service, resource);
    }
    return resource;
  };
  const spans: Span[] = [];
  const add = (spec: SpanSpec, parentId: string | undefined) => {
    const span: Span = {
      traceId: id,
      spanId: spanId(spec.id),
      references: spec.references ?? [],
      name: spec.name ?? spec.id,
      kind: spec.kind,
      serviceName: spec.service,
      startTimeUs: startUs + spec.start,
      durationUs: spec.duration,
      attributes: spec.attributes ?? {},
      resource: resourceOf(spec.service),
      events: [],
      status: { code: spec.error ? 'error' : 'unset' },
    };
    const parentSpanId = spec.parentSpanId ?? parentId;
    if (parentSpanId !== undefined) {
      span.parentSpanId = parentSpanId;
    }
    spans.push(span);
    spec.children?.forEach(child => add(child, span.spanId));
  };
  (Array.isArray(roots) ? roots : [roots]).forEach(root =>
    add(root, undefined),
  );
  return { traceId: id, spans };
}
