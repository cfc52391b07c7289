'use strict';

// JSON over loopback HTTP: a tiny router for the services and a client for
// calling each other. Required only after telemetry has started, so that in
// instrumented services `http` is already patched.
const http = require('node:http');
const { trace } = require('@opentelemetry/api');
const { ATTR_HTTP_ROUTE } = require('@opentelemetry/semantic-conventions');
const { portOf } = require('./topology');

class HttpError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

// 'GET /products/:sku' → matcher returning { sku } for a matching path.
function compileRoute(key, handler) {
  const [method, pattern] = key.split(' ');
  const names = [];
  const source = pattern.replace(/:(\w+)/g, (_, name) => {
    names.push(name);
    return '([^/]+)';
  });
  const regex = new RegExp(`^${source}$`);
  return {
    method,
    pattern,
    handler,
    match(path) {
      const found = regex.exec(path);
      if (!found) return undefined;
      return Object.fromEntries(
        names.map((name, i) => [name, decodeURIComponent(found[i + 1])]),
      );
    },
  };
}

// The HTTP instrumentation only sees the raw URL. Naming the route keeps
// /products/SKU-1001 and /products/SKU-1002 one operation, and the span name
// follows it as the HTTP conventions ask. Without a server span (currency,
// orders) there is nothing to name.
function nameServerSpan(method, route) {
  const span = trace.getActiveSpan();
  if (!span) return;
  span.setAttribute(ATTR_HTTP_ROUTE, route);
  span.updateName(`${method} ${route}`);
}

function readJson(request) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    request.on('data', chunk => chunks.push(chunk));
    request.on('error', reject);
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      if (!text) return resolve(undefined);
      try {
        resolve(JSON.parse(text));
      } catch {
        reject(new HttpError(400, 'Request body is not valid JSON'));
      }
    });
  });
}

function findRoute(compiled, method, path) {
  for (const route of compiled) {
    const params = route.method === method && route.match(path);
    if (params) return { route, params };
  }
  return undefined;
}

// `routes` maps 'METHOD /pattern' to async handlers that receive
// { params, query, headers, body } and return { status?, body, headers? }.
// Throwing an HttpError answers with its status; anything else is a 500.
function createServer(routes) {
  const compiled = Object.entries(routes).map(([key, handler]) =>
    compileRoute(key, handler),
  );

  return http.createServer(async (request, response) => {
    const url = new URL(request.url, 'http://localhost');
    let result;
    try {
      const found = findRoute(compiled, request.method, url.pathname);
      if (!found) {
        const message = `No route for ${request.method} ${url.pathname}`;
        throw new HttpError(404, message);
      }
      nameServerSpan(request.method, found.route.pattern);
      const body = await readJson(request);
      result = await found.route.handler({
        params: found.params,
        query: url.searchParams,
        headers: request.headers,
        body,
      });
    } catch (error) {
      const expected = error instanceof HttpError;
      if (!expected) trace.getActiveSpan()?.recordException(error);
      result = {
        status: expected ? error.status : 500,
        body: { error: error.message },
      };
    }
    response.writeHead(result.status ?? 200, {
      'content-type': 'application/json',
      ...result.headers,
    });
    response.end(JSON.stringify(result.body ?? {}));
  });
}

// Calls another shop service. Resolves with { status, headers, body } whatever
// the status; rejects only when the service cannot be reached in time.
function call(
  service,
  method,
  path,
  { body, headers = {}, timeoutMs = 5000 } = {},
) {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const request = http.request(
      {
        hostname: '127.0.0.1',
        port: portOf(service),
        method,
        path,
        timeout: timeoutMs,
        headers: {
          accept: 'application/json',
          ...(payload !== undefined && {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(payload),
          }),
          ...headers,
        },
      },
      response => {
        const chunks = [];
        response.on('data', chunk => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed;
          try {
            parsed = text ? JSON.parse(text) : undefined;
          } catch {
            parsed = { error: text };
          }
          resolve({
            status: response.statusCode,
            headers: response.headers,
            body: parsed,
          });
        });
      },
    );
    request.on('timeout', () =>
      request.destroy(
        new Error(`${service} did not answer within ${timeoutMs} ms`),
      ),
    );
    request.on('error', reject);
    request.end(payload);
  });
}

// Calls a service and returns the body of its successful answer. A client
// error is passed on as it is; a server error becomes 502, because to our
// caller it is a bad upstream.
async function callOk(service, method, path, options) {
  const response = await call(service, method, path, options);
  if (response.status >= 200 && response.status < 300) return response.body;
  const reason = response.body?.error;
  if (response.status < 500) {
    throw new HttpError(
      response.status,
      reason ?? `${service} answered ${response.status}`,
    );
  }
  const detail = reason ? `: ${reason}` : '';
  throw new HttpError(502, `${service} answered ${response.status}${detail}`);
}

module.exports = { HttpError, createServer, call, callOk };
