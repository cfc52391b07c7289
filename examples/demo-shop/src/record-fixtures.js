'use strict';

// Records the trace fixtures of plugins/tracing-adoption-common: runs the shop
// for a fixed, seeded set of requests, one at a time, while its real exporters
// send OTLP JSON, OTLP protobuf and Zipkin JSON to a capture server here. The
// Jaeger fixture is converted from the Zipkin spans, as no exporter emits the
// Jaeger query API's format.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const {
  describeRecording,
  fixturesReadme,
  missingGaps,
} = require('./fixtures-readme');
const { formatJson } = require('./format-json');
const { SERVICES } = require('./topology');

const REQUESTS = 10;
// Chosen so that the requests include every route, listings of three to six
// products, a slow inventory lookup, a failed payment and a placed order.
const SEED = process.env.DEMO_SHOP_SEED || 'demo-shop-1508';
const FIXTURE_DIR = path.resolve(
  __dirname,
  '../../../plugins/tracing-adoption-common/src/trace/__fixtures__',
);
const MAX_FIXTURE_BYTES = 300 * 1024;

function startCaptureServer() {
  const captured = { '/otlp-json': [], '/otlp-proto': [], '/zipkin': [] };
  const server = http.createServer((request, response) => {
    const chunks = [];
    request.on('data', chunk => chunks.push(chunk));
    request.on('end', () => {
      const bucket = captured[request.url];
      if (!bucket) {
        response.writeHead(404).end();
        return;
      }
      bucket.push(Buffer.concat(chunks));
      // What a collector answers: an empty ExportTraceServiceResponse, or 202
      // for Zipkin.
      if (request.url === '/otlp-json') {
        response
          .writeHead(200, { 'content-type': 'application/json' })
          .end('{}');
      } else if (request.url === '/otlp-proto') {
        response
          .writeHead(200, { 'content-type': 'application/x-protobuf' })
          .end();
      } else {
        response.writeHead(202).end();
      }
    });
  });
  return new Promise(resolve => {
    server.listen(0, '127.0.0.1', () => resolve({ server, captured }));
  });
}

function runShop(captureUrl) {
  return new Promise((resolve, reject) => {
    const shop = spawn(process.execPath, [path.join(__dirname, 'main.js')], {
      stdio: 'inherit',
      env: {
        ...process.env,
        DEMO_SHOP_CAPTURE_URL: captureUrl,
        DEMO_SHOP_REQUESTS: String(REQUESTS),
        DEMO_SHOP_SEED: SEED,
        DEMO_SHOP_MAX_IN_FLIGHT: '1',
        DEMO_SHOP_RPS: '5',
      },
    });
    shop.on('error', reject);
    shop.on('exit', code =>
      code === 0
        ? resolve()
        : reject(new Error(`the shop exited with code ${code}`)),
    );
  });
}

const serviceNameOf = resourceSpans =>
  resourceSpans.resource.attributes.find(
    attribute => attribute.key === 'service.name',
  ).value.stringValue;

// Zipkin tags are all strings. The Jaeger query API types them; integers and
// booleans are recognised by their shape, everything else stays a string.
function jaegerTag(key, value) {
  if (/^-?\d+$/.test(value))
    return { key, type: 'int64', value: Number(value) };
  if (value === 'true' || value === 'false')
    return { key, type: 'bool', value: value === 'true' };
  return { key, type: 'string', value };
}

// Resource attributes arrive in Zipkin as tags on every span; in Jaeger they
// belong to the process.
const RESOURCE_TAG = /^(service|telemetry|deployment|host|process|os)\./;

function zipkinToJaeger(zipkinSpans) {
  const byTrace = new Map();
  for (const span of zipkinSpans) {
    if (!byTrace.has(span.traceId)) byTrace.set(span.traceId, []);
    byTrace.get(span.traceId).push(span);
  }

  const data = [...byTrace].map(([traceID, spans]) => {
    const processes = {};
    const processIdByKey = new Map();

    const jaegerSpans = spans.map(span => {
      const tags = [];
      const processTags = [];
      for (const [key, value] of Object.entries(span.tags ?? {})) {
        if (key === 'service.name') continue;
        if (key === 'error') {
          // Zipkin's `error` tag holds the status message; Jaeger marks errors
          // with a boolean and keeps the message apart.
          tags.push({ key: 'otel.status_description', type: 'string', value });
        } else if (RESOURCE_TAG.test(key)) {
          processTags.push(jaegerTag(key, value));
        } else {
          tags.push(jaegerTag(key, value));
        }
      }
      if (span.tags?.['otel.status_code'] === 'ERROR') {
        tags.push({ key: 'error', type: 'bool', value: true });
      }
      if (span.kind)
        tags.push({
          key: 'span.kind',
          type: 'string',
          value: span.kind.toLowerCase(),
        });

      const serviceName = span.localEndpoint.serviceName;
      const processKey = JSON.stringify([serviceName, processTags]);
      if (!processIdByKey.has(processKey)) {
        const id = `p${processIdByKey.size + 1}`;
        processIdByKey.set(processKey, id);
        processes[id] = { serviceName, tags: processTags };
      }

      return {
        traceID,
        spanID: span.id,
        operationName: span.name,
        references: span.parentId
          ? [{ refType: 'CHILD_OF', traceID, spanID: span.parentId }]
          : [],
        flags: 1,
        startTime: span.timestamp,
        duration: span.duration,
        tags,
        logs: (span.annotations ?? []).map(annotation => ({
          timestamp: annotation.timestamp,
          fields: [{ key: 'event', type: 'string', value: annotation.value }],
        })),
        processID: processIdByKey.get(processKey),
        warnings: null,
      };
    });

    return { traceID, spans: jaegerSpans, processes, warnings: null };
  });

  return { data, total: 0, limit: 0, offset: 0, errors: null };
}

async function main() {
  const { server, captured } = await startCaptureServer();
  const { port } = server.address();
  try {
    await runShop(`http://127.0.0.1:${port}`);
  } finally {
    server.close();
  }

  const traced = SERVICES.filter(service => service.tracing !== 'none').length;
  for (const [route, bodies] of Object.entries(captured)) {
    if (bodies.length !== traced) {
      throw new Error(
        `expected one ${route} export from each of ${traced} traced services, got ` +
          `${bodies.length}: with this seed some services got no traffic`,
      );
    }
  }

  const resourceSpans = captured['/otlp-json']
    .flatMap(body => JSON.parse(body.toString('utf8')).resourceSpans)
    .sort((a, b) => serviceNameOf(a).localeCompare(serviceNameOf(b)));
  const otlpJson = `${formatJson({ resourceSpans })}\n`;
  const otlpProto = Buffer.concat(captured['/otlp-proto']);
  const zipkinSpans = captured['/zipkin']
    .flatMap(body => JSON.parse(body.toString('utf8')))
    .sort((a, b) => a.timestamp - b.timestamp);
  const zipkin = `${formatJson(zipkinSpans)}\n`;
  const jaeger = `${formatJson(zipkinToJaeger(zipkinSpans))}\n`;

  const files = {
    'demo-shop.otlp.json': otlpJson,
    'demo-shop.otlp.pb': otlpProto,
    'demo-shop.zipkin.json': zipkin,
    'demo-shop.jaeger.json': jaeger,
  };
  const sizes = Object.fromEntries(
    Object.entries(files).map(([name, content]) => [
      name,
      Buffer.byteLength(content),
    ]),
  );
  const oversized = Object.entries(sizes)
    .filter(([, size]) => size > MAX_FIXTURE_BYTES)
    .map(([name, size]) => `${name} (${size} bytes)`);
  if (oversized.length > 0) {
    throw new Error(`over the fixture size limit: ${oversized.join(', ')}`);
  }
  const stats = describeRecording(zipkinSpans);
  const missing = missingGaps(stats);
  if (missing.length > 0) {
    throw new Error(
      `the recording lacks ${missing.join(', ')}; try another DEMO_SHOP_SEED`,
    );
  }

  fs.mkdirSync(FIXTURE_DIR, { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    fs.writeFileSync(path.join(FIXTURE_DIR, name), content);
  }
  fs.writeFileSync(
    path.join(FIXTURE_DIR, 'README.md'),
    fixturesReadme(stats, { requests: REQUESTS, seed: SEED }, sizes),
  );
  console.log(`[record-fixtures] wrote the fixtures to ${FIXTURE_DIR}`);
}

main().catch(error => {
  console.error(`[record-fixtures] ${error.message}`);
  process.exit(1);
});
