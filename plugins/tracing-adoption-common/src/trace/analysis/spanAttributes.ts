import type { Attributes, SpanKind } from '../model';

/** A non-empty string attribute, or undefined. */
export function stringAttribute(
  attributes: Attributes,
  key: string,
): string | undefined {
  const value = attributes[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * The HTTP response status code, from `http.response.status_code` or the
 * OpenTracing/legacy `http.status_code`. Some tracers send it as a string.
 */
export function httpStatusCode(attributes: Attributes): number | undefined {
  const value =
    attributes['http.response.status_code'] ?? attributes['http.status_code'];
  if (typeof value === 'number') {
    return value;
  }
  if (typeof value === 'string' && value !== '') {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : undefined;
  }
  return undefined;
}

/** The HTTP request method, upper case. */
export function httpMethod(attributes: Attributes): string | undefined {
  const method =
    stringAttribute(attributes, 'http.request.method') ??
    stringAttribute(attributes, 'http.method');
  return method?.toUpperCase();
}

/**
 * The route of a server span: `http.route`, else the path of the request
 * target, because OpenTracing spans only carry `http.url`.
 */
export function httpRouteOrPath(attributes: Attributes): string | undefined {
  const route = stringAttribute(attributes, 'http.route');
  if (route) {
    return route;
  }
  const target =
    stringAttribute(attributes, 'http.target') ??
    stringAttribute(attributes, 'url.path');
  if (target) {
    return withoutQuery(target, 0);
  }
  const url =
    stringAttribute(attributes, 'http.url') ??
    stringAttribute(attributes, 'url.full');
  return url ? pathOfUrl(url) : undefined;
}

function withoutQuery(text: string, from: number): string {
  let end = text.length;
  const query = text.indexOf('?', from);
  if (query !== -1) {
    end = query;
  }
  const fragment = text.indexOf('#', from);
  if (fragment !== -1 && fragment < end) {
    end = fragment;
  }
  return text.slice(from, end);
}

/** Path of an absolute or relative URL, without query or fragment. */
export function pathOfUrl(url: string): string {
  const authority = authorityStart(url);
  if (authority === -1) {
    return withoutQuery(url, 0);
  }
  const slash = url.indexOf('/', authority);
  const path = slash === -1 ? '/' : withoutQuery(url, slash);
  return path === '' ? '/' : path;
}

/** Host of an absolute URL, without user info or port. */
export function hostOfUrl(url: string): string | undefined {
  const authority = authorityStart(url);
  if (authority === -1) {
    return undefined;
  }
  let end = url.length;
  for (const delimiter of ['/', '?', '#']) {
    const at = url.indexOf(delimiter, authority);
    if (at !== -1 && at < end) {
      end = at;
    }
  }
  const userInfoEnd = url.lastIndexOf('@', end - 1);
  const hostStart = userInfoEnd >= authority ? userInfoEnd + 1 : authority;
  return hostWithoutPort(url.slice(hostStart, end));
}

/** A `host[:port]` value (e.g. `http.host`) without the port. */
export function hostWithoutPort(hostAndPort: string): string | undefined {
  let host = hostAndPort;
  if (host.startsWith('[')) {
    const close = host.indexOf(']');
    host = close === -1 ? host : host.slice(0, close + 1);
  } else {
    const colon = host.indexOf(':');
    host = colon === -1 ? host : host.slice(0, colon);
  }
  return host === '' ? undefined : host;
}

function authorityStart(url: string): number {
  const scheme = url.indexOf('://');
  if (scheme !== -1) {
    return scheme + 3;
  }
  return url.startsWith('//') ? 2 : -1;
}

/** Client and producer spans call out of their process. */
export function isOutboundKind(kind: SpanKind): boolean {
  return kind === 'client' || kind === 'producer';
}

/** Server and consumer spans receive work from another process. */
export function isInboundKind(kind: SpanKind): boolean {
  return kind === 'server' || kind === 'consumer';
}
