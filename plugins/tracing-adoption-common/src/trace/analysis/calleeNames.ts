import type { Attributes } from '../model';
import { hostOfUrl, hostWithoutPort, stringAttribute } from './spanAttributes';
import type { CalleeKind } from './types';

/**
 * Callee name used when no attribute names the callee.
 *
 * @public
 */
export const UNKNOWN_CALLEE = 'unknown';

/** A callee as its caller names it, and the attribute the name came from. */
export interface CalleeName {
  name: string;
  attribute?: string;
}

type CalleeNameReader = (attributes: Attributes) => CalleeName | undefined;

function fromAttribute(
  attribute: string,
  normalise: (value: string) => string | undefined = value => value,
): CalleeNameReader {
  return attributes => {
    const value = stringAttribute(attributes, attribute);
    const name = value === undefined ? undefined : normalise(value);
    return name === undefined ? undefined : { name, attribute };
  };
}

const DATASTORE_SYSTEM_ATTRIBUTES = ['db.system', 'db.type'];
const DATASTORE_NAME_ATTRIBUTES = ['db.name', 'db.namespace', 'db.instance'];

function datastoreName(attributes: Attributes): CalleeName | undefined {
  for (const systemAttribute of DATASTORE_SYSTEM_ATTRIBUTES) {
    const system = stringAttribute(attributes, systemAttribute);
    if (system === undefined) {
      continue;
    }
    for (const nameAttribute of DATASTORE_NAME_ATTRIBUTES) {
      const name = stringAttribute(attributes, nameAttribute);
      if (name !== undefined) {
        return {
          name: `${system}/${name}`,
          attribute: `${systemAttribute}+${nameAttribute}`,
        };
      }
    }
    return { name: system, attribute: systemAttribute };
  }
  return undefined;
}

const MESSAGING_DESTINATION_ATTRIBUTES = [
  'messaging.destination.name',
  'messaging.destination',
  'message_bus.destination',
];

/**
 * Readers in order of preference: the logical service name first, then the
 * host it was reached at, then what it consumes from, then the datastore.
 * OpenTracing spellings sit next to their OpenTelemetry counterparts.
 */
const CALLEE_NAME_READERS: readonly CalleeNameReader[] = [
  fromAttribute('peer.service'),
  fromAttribute('server.address'),
  fromAttribute('net.peer.name'),
  fromAttribute('peer.hostname'),
  fromAttribute('http.host', hostWithoutPort),
  fromAttribute('url.full', hostOfUrl),
  fromAttribute('http.url', hostOfUrl),
  ...MESSAGING_DESTINATION_ATTRIBUTES.map(attribute =>
    fromAttribute(attribute),
  ),
  datastoreName,
];

/** Attributes whose value names a host rather than a service. */
export const HOST_ATTRIBUTES: ReadonlySet<string> = new Set([
  'server.address',
  'net.peer.name',
  'peer.hostname',
  'http.host',
  'url.full',
  'http.url',
]);

/** How the caller names the process it calls. */
export function calleeNameOf(attributes: Attributes): CalleeName {
  for (const read of CALLEE_NAME_READERS) {
    const callee = read(attributes);
    if (callee) {
      return callee;
    }
  }
  return { name: UNKNOWN_CALLEE };
}

/** `datastore` when the span names a database system. */
export function calleeKindOf(attributes: Attributes): CalleeKind {
  return DATASTORE_SYSTEM_ATTRIBUTES.some(
    attribute => stringAttribute(attributes, attribute) !== undefined,
  )
    ? 'datastore'
    : 'service';
}

/** `messaging.destination.name` or a legacy spelling of it. */
export function messagingDestinationOf(
  attributes: Attributes,
): string | undefined {
  for (const attribute of MESSAGING_DESTINATION_ATTRIBUTES) {
    const destination = stringAttribute(attributes, attribute);
    if (destination !== undefined) {
      return destination;
    }
  }
  return undefined;
}
