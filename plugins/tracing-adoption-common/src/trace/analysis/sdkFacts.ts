import type { Attributes, AttributeValue } from '../model';
import { compareText } from './ordering';
import { stringAttribute } from './spanAttributes';
import type { SdkFact } from './types';

/** Span tags some OpenTracing tracers add about themselves. */
export const TRACER_TAGS: readonly string[] = [
  'jaeger.version',
  'lightstep.tracer_platform',
  'lightstep.tracer_version',
  'tracer',
  'opentracing',
];

/** Every attribute the facts are read from. */
const SDK_ATTRIBUTES: readonly string[] = [
  'telemetry.sdk.name',
  'telemetry.sdk.language',
  'telemetry.sdk.version',
  'telemetry.distro.name',
  'telemetry.distro.version',
  ...TRACER_TAGS,
];

export function compareFacts(a: SdkFact, b: SdkFact): number {
  return (
    compareText(a.source, b.source) ||
    compareText(a.name ?? '', b.name ?? '') ||
    compareText(a.language ?? '', b.language ?? '') ||
    compareText(a.version ?? '', b.version ?? '')
  );
}

function withoutUndefined(fact: SdkFact): SdkFact {
  const clean: SdkFact = { source: fact.source };
  if (fact.name !== undefined) clean.name = fact.name;
  if (fact.language !== undefined) clean.language = fact.language;
  if (fact.version !== undefined) clean.version = fact.version;
  return clean;
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
  return facts.map(fact => Object.freeze(withoutUndefined(fact)));
}

/**
 * Facts by the values they are read from, as a tree with one level per
 * attribute in `SDK_ATTRIBUTES`. Every trace of a Jaeger payload brings its
 * own resource objects, but a fleet reports few distinct SDK versions, so
 * walking the values down the tree is cheaper than deriving the facts again
 * and needs no key to be built. The cached facts are frozen because every
 * analysis that meets the same values shares them. The bound only guards
 * against a payload inventing endless versions.
 */
interface SignatureNode {
  readonly next: Map<AttributeValue | undefined, SignatureNode>;
  facts?: readonly SdkFact[];
}
const signatureTree: SignatureNode = { next: new Map() };
let signatureNodes = 0;
const SIGNATURE_NODE_LIMIT = 50_000;

/**
 * SDK, distro and tracer facts in resource attributes or span tags, sorted
 * by source and name. The result and its facts must not be modified.
 */
export function sdkFactsOf(attributes: Attributes): readonly SdkFact[] {
  let node = signatureTree;
  for (const key of SDK_ATTRIBUTES) {
    const value = attributes[key];
    let child = node.next.get(value);
    if (!child) {
      if (signatureNodes >= SIGNATURE_NODE_LIMIT) {
        return readSdkFacts(attributes).sort(compareFacts);
      }
      signatureNodes++;
      child = { next: new Map() };
      node.next.set(value, child);
    }
    node = child;
  }
  node.facts ??= Object.freeze(readSdkFacts(attributes).sort(compareFacts));
  return node.facts;
}

function factKey(fact: SdkFact): string {
  const { source, name = '', language = '', version = '' } = fact;
  return `${source}\u0000${name}\u0000${language}\u0000${version}`;
}

/** Facts with equal content once each, sorted by source and name. */
export function distinctSortedFacts(facts: Iterable<SdkFact>): SdkFact[] {
  const byKey = new Map<string, SdkFact>();
  for (const fact of facts) {
    byKey.set(factKey(fact), fact);
  }
  return [...byKey.values()].sort(compareFacts);
}
