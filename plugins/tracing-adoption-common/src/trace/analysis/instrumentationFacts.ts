import type { Attributes, AttributeValue, Span } from '../model';
import { compareText, sortedValues } from './ordering';
import { stringAttribute } from './spanAttributes';
import type { TraceIndex } from './traceIndex';
import type { InstrumentationFacts, LegacyConvention, SdkFact } from './types';

/** Deprecated attribute names and the convention each comes from. */
const LEGACY_ATTRIBUTES: ReadonlyMap<string, LegacyConvention> = new Map([
  ...(
    [
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
    ] as const
  ).map(key => [key, 'opentracing'] as const),
  ...(['sampler.type', 'sampler.param'] as const).map(
    key => [key, 'jaeger-client'] as const,
  ),
  ...(
    [
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
    ] as const
  ).map(key => [key, 'opentelemetry-deprecated'] as const),
]);

/** Span tags some OpenTracing tracers add about themselves. */
const TRACER_TAGS = [
  'jaeger.version',
  'lightstep.tracer_platform',
  'lightstep.tracer_version',
  'tracer',
  'opentracing',
];

/** What a span attribute name tells about the instrumentation. */
interface AttributeRole {
  legacy?: LegacyConvention;
  scope?: 'current' | 'legacy';
  tracerTag?: boolean;
}

/**
 * Every attribute name the facts depend on, so that a span's attributes are
 * walked once instead of probing each name on each span.
 */
const ATTRIBUTE_ROLES: ReadonlyMap<string, AttributeRole> = (() => {
  const roles = new Map<string, AttributeRole>();
  const role = (key: string) => {
    let found = roles.get(key);
    if (!found) {
      found = {};
      roles.set(key, found);
    }
    return found;
  };
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

/** The attributes SDK, distro and tracer facts are read from. */
const SDK_ATTRIBUTES = [
  'telemetry.sdk.name',
  'telemetry.sdk.language',
  'telemetry.sdk.version',
  'telemetry.distro.name',
  'telemetry.distro.version',
  ...TRACER_TAGS,
];

/**
 * Facts by the values they are read from, as a tree with one level per
 * attribute in `SDK_ATTRIBUTES`. Every trace of a Jaeger payload brings its
 * own resource objects, but a fleet reports few distinct SDK versions, so
 * walking the values down the tree is cheaper than deriving the facts again,
 * and needs no key to be built. The bound only guards against a payload
 * inventing endless versions.
 */
interface SignatureNode {
  readonly next: Map<AttributeValue | undefined, SignatureNode>;
  facts?: readonly SdkFact[];
}
const signatureTree: SignatureNode = { next: new Map() };
let signatureNodes = 0;
const SIGNATURE_NODE_LIMIT = 50_000;

function factKey(fact: SdkFact): string {
  return `${fact.source}\u0000${fact.name ?? ''}\u0000${
    fact.language ?? ''
  }\u0000${fact.version ?? ''}`;
}

function withoutUndefined(fact: SdkFact): SdkFact {
  const clean: SdkFact = { source: fact.source };
  if (fact.name !== undefined) clean.name = fact.name;
  if (fact.language !== undefined) clean.language = fact.language;
  if (fact.version !== undefined) clean.version = fact.version;
  return clean;
}

/** SDK, distro and tracer facts in resource attributes or span tags. */
export function sdkFactsOf(attributes: Attributes): readonly SdkFact[] {
  let node = signatureTree;
  for (const key of SDK_ATTRIBUTES) {
    const value = attributes[key];
    let child = node.next.get(value);
    if (!child) {
      if (signatureNodes >= SIGNATURE_NODE_LIMIT) {
        return readSdkFacts(attributes);
      }
      signatureNodes++;
      child = { next: new Map() };
      node.next.set(value, child);
    }
    node = child;
  }
  node.facts ??= readSdkFacts(attributes);
  return node.facts;
}

function readSdkFacts(attributes: Attributes): SdkFact[] {
  const read = (key: string) => stringAttribute(attributes, key);
  const facts: SdkFact[] = [];
  const sdkName = read('telemetry.sdk.name');
  const sdkLanguage = read('telemetry.sdk.language');
  const sdkVersion = read('telemetry.sdk.version');
  if (sdkName || sdkLanguage || sdkVersion) {
    facts.push({
      source: 'opentelemetry-sdk',
      name: sdkName,
      language: sdkLanguage,
      version: sdkVersion,
    });
  }
  const distroName = read('telemetry.distro.name');
  const distroVersion = read('telemetry.distro.version');
  if (distroName || distroVersion) {
    facts.push({
      source: 'opentelemetry-distro',
      name: distroName,
      version: distroVersion,
    });
  }
  const jaegerVersion = read('jaeger.version');
  if (jaegerVersion) {
    // Jaeger clients report `<Language>-<version>`, e.g. `Java-1.8.1`.
    const dash = jaegerVersion.indexOf('-');
    facts.push({
      source: 'jaeger-client',
      name: 'jaeger-client',
      language:
        dash === -1 ? undefined : jaegerVersion.slice(0, dash).toLowerCase(),
      version: dash === -1 ? jaegerVersion : jaegerVersion.slice(dash + 1),
    });
  }
  const lightstepPlatform = read('lightstep.tracer_platform');
  const lightstepVersion = read('lightstep.tracer_version');
  if (lightstepPlatform || lightstepVersion) {
    facts.push({
      source: 'opentracing-tracer',
      name: 'lightstep',
      language: lightstepPlatform,
      version: lightstepVersion,
    });
  }
  const tracer = read('tracer');
  if (tracer) {
    facts.push({ source: 'opentracing-tracer', name: tracer });
  }
  const opentracing = attributes.opentracing;
  if (opentracing === true || typeof opentracing === 'string') {
    facts.push({
      source: 'opentracing-tracer',
      name: 'opentracing',
      version: typeof opentracing === 'string' ? opentracing : undefined,
    });
  }
  return facts.map(withoutUndefined).sort(compareFacts);
}

/** Distinct facts, by content, in a stable order. */
function distinctSortedFacts(facts: Iterable<SdkFact>): SdkFact[] {
  const byKey = new Map<string, SdkFact>();
  const seen = new Set<SdkFact>();
  for (const fact of facts) {
    // Cached facts are mostly the same objects; skip building their key.
    if (!seen.has(fact)) {
      seen.add(fact);
      byKey.set(factKey(fact), fact);
    }
  }
  return [...byKey.values()].sort(compareFacts);
}

/** Legacy attribute names, sorted, and the conventions they come from. */
function legacyFactsOf(sortedKeys: readonly string[]) {
  const legacyConventions: LegacyConvention[] = [];
  for (const key of sortedKeys) {
    const convention = LEGACY_ATTRIBUTES.get(key);
    if (convention && !legacyConventions.includes(convention)) {
      legacyConventions.push(convention);
    }
  }
  return {
    legacyAttributes: [...sortedKeys],
    legacyConventions: legacyConventions.sort(compareText),
  };
}

/** Merges the facts of one service from many traces. */
export class InstrumentationFactsBuilder {
  private readonly sdks: SdkFact[] = [];
  private readonly scopes = new Set<string>();
  private readonly legacyAttributes = new Set<string>();

  addFacts(facts: InstrumentationFacts) {
    for (const fact of facts.sdks) {
      if (!this.sdks.includes(fact)) {
        this.sdks.push(fact);
      }
    }
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

function compareFacts(a: SdkFact, b: SdkFact): number {
  return (
    compareText(a.source, b.source) ||
    compareText(a.name ?? '', b.name ?? '') ||
    compareText(a.language ?? '', b.language ?? '') ||
    compareText(a.version ?? '', b.version ?? '')
  );
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
