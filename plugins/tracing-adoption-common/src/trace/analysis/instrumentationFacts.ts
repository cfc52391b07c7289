import type { Attributes, Span } from '../model';
import { getOrCreate } from './getOrCreate';
import { compareText, sortedValues } from './ordering';
import { distinctSortedFacts, sdkFactsOf, TRACER_TAGS } from './sdkFacts';
import { stringAttribute } from './spanAttributes';
import type { TraceIndex } from './traceIndex';
import type { InstrumentationFacts, LegacyConvention, SdkFact } from './types';

const LEGACY_ATTRIBUTE_NAMES: Record<LegacyConvention, readonly string[]> = {
  opentracing: [
    'span.kind',
    'error',
    'component',
    'http.status_code',
    'http.method',
    'http.url',
    'peer.hostname',
    'peer.ipv4',
    'peer.ipv6',
    'peer.port',
    'peer.address',
    'db.instance',
    'db.type',
    'db.user',
    'db.statement',
    'message_bus.destination',
    'sampling.priority',
  ],
  'jaeger-client': ['sampler.type', 'sampler.param'],
  'opentelemetry-deprecated': [
    'http.target',
    'http.host',
    'http.scheme',
    'http.flavor',
    'http.user_agent',
    'http.client_ip',
    'net.peer.name',
    'net.peer.port',
    'net.host.name',
    'net.host.port',
    'net.transport',
    'otel.library.name',
  ],
};

/** Deprecated attribute names and the convention each comes from. */
const LEGACY_ATTRIBUTES: ReadonlyMap<string, LegacyConvention> = new Map(
  (Object.keys(LEGACY_ATTRIBUTE_NAMES) as LegacyConvention[]).flatMap(
    convention =>
      LEGACY_ATTRIBUTE_NAMES[convention].map(key => [key, convention] as const),
  ),
);

/** What a span attribute name tells about the instrumentation. */
interface AttributeRole {
  legacy?: LegacyConvention;
  scope?: 'current' | 'legacy';
  tracerTag?: boolean;
}

/**
 * Every span attribute name the facts depend on, so that a span's
 * attributes are walked once instead of probing each name on each span.
 */
const ATTRIBUTE_ROLES: ReadonlyMap<string, AttributeRole> = (() => {
  const roles = new Map<string, AttributeRole>();
  const role = (key: string) =>
    getOrCreate(roles, key, (): AttributeRole => ({}));
  LEGACY_ATTRIBUTES.forEach((convention, key) => {
    role(key).legacy = convention;
  });
  role('otel.scope.name').scope = 'current';
  role('otel.library.name').scope = 'legacy';
  TRACER_TAGS.forEach(key => {
    role(key).tracerTag = true;
  });
  return roles;
})();

/** Sorted legacy attribute names and the conventions they come from. */
function legacyFactsOf(sortedKeys: string[]) {
  const legacyConventions: LegacyConvention[] = [];
  for (const key of sortedKeys) {
    const convention = LEGACY_ATTRIBUTES.get(key);
    if (convention && !legacyConventions.includes(convention)) {
      legacyConventions.push(convention);
    }
  }
  return {
    legacyAttributes: sortedKeys,
    legacyConventions: legacyConventions.sort(compareText),
  };
}

/**
 * What one service's spans in one trace tell. A trace analysis creates one
 * reader per service, so it holds small arrays created on first use rather
 * than sets: few scopes and legacy names occur per service.
 */
class ServiceSpanReader {
  private resource: Attributes | undefined;
  private otherResources: Attributes[] | undefined;
  private tracerTagFacts: SdkFact[] | undefined;
  private scopes: string[] | undefined;
  private legacyAttributes: string[] | undefined;

  read(span: Span) {
    if (this.resource === undefined) {
      this.resource = span.resource;
    } else if (
      span.resource !== this.resource &&
      !this.otherResources?.includes(span.resource)
    ) {
      (this.otherResources ??= []).push(span.resource);
    }
    const attributes = span.attributes;
    let scope: string | undefined;
    let legacyScope: string | undefined;
    let tracerTagged = false;
    for (const key in attributes) {
      const role = ATTRIBUTE_ROLES.get(key);
      if (role === undefined) {
        continue;
      }
      if (role.legacy) {
        this.legacyAttributes ??= [];
        if (!this.legacyAttributes.includes(key)) {
          this.legacyAttributes.push(key);
        }
      }
      if (role.scope === 'current') {
        scope = stringAttribute(attributes, key);
      } else if (role.scope === 'legacy') {
        legacyScope = stringAttribute(attributes, key);
      }
      tracerTagged ||= role.tracerTag === true;
    }
    const anyScope = scope ?? legacyScope;
    if (anyScope !== undefined) {
      this.scopes ??= [];
      if (!this.scopes.includes(anyScope)) {
        this.scopes.push(anyScope);
      }
    }
    if (tracerTagged) {
      (this.tracerTagFacts ??= []).push(...sdkFactsOf(attributes));
    }
  }

  facts(): InstrumentationFacts {
    const fromResource = this.resource ? sdkFactsOf(this.resource) : [];
    const sdks =
      this.otherResources === undefined && this.tracerTagFacts === undefined
        ? [...fromResource]
        : distinctSortedFacts([
            ...fromResource,
            ...(this.otherResources ?? []).flatMap(resource =>
              sdkFactsOf(resource),
            ),
            ...(this.tracerTagFacts ?? []),
          ]);
    return {
      sdks,
      instrumentationScopes: this.scopes?.sort(compareText) ?? [],
      ...legacyFactsOf(this.legacyAttributes?.sort(compareText) ?? []),
    };
  }
}

/** Instrumentation facts per service position of the trace index. */
export function collectInstrumentationFacts(
  index: TraceIndex,
): InstrumentationFacts[] {
  const readers = index.serviceNames.map(() => new ServiceSpanReader());
  for (let i = 0; i < index.spans.length; i++) {
    readers[index.serviceOf[i]].read(index.spans[i]);
  }
  return readers.map(reader => reader.facts());
}

/** Merges the facts of one service from many traces. */
export class InstrumentationFactsBuilder {
  private readonly sdks = new Set<SdkFact>();
  private readonly scopes = new Set<string>();
  private readonly legacyAttributes = new Set<string>();

  addFacts(facts: InstrumentationFacts) {
    facts.sdks.forEach(fact => this.sdks.add(fact));
    facts.instrumentationScopes.forEach(scope => this.scopes.add(scope));
    facts.legacyAttributes.forEach(key => this.legacyAttributes.add(key));
  }

  build(): InstrumentationFacts {
    return {
      sdks: distinctSortedFacts(this.sdks),
      instrumentationScopes: sortedValues(this.scopes),
      ...legacyFactsOf(sortedValues(this.legacyAttributes)),
    };
  }
}
