'use strict';

// The README written next to the recorded fixtures: what they hold, worked out
// from the recorded Zipkin spans.

function count(items, key) {
  const counts = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

function describeRecording(zipkinSpans) {
  const serviceOf = span => span.localEndpoint.serviceName;
  const isServer = (span, service) =>
    span.kind === 'SERVER' && serviceOf(span) === service;
  const spansByService = count(zipkinSpans, serviceOf);

  // { 'POST /api/checkout': { 201: 1, 502: 1 }, ... }
  const requests = {};
  for (const span of zipkinSpans.filter(s => isServer(s, 'edge-gateway'))) {
    const statuses = (requests[span.name] ??= {});
    const status = span.tags['http.response.status_code'];
    statuses[status] = (statuses[status] ?? 0) + 1;
  }

  const ordersFlowIds = new Set(
    zipkinSpans.filter(s => serviceOf(s) === 'orders').map(s => s.tags.flow_id),
  );
  const consumerRoots = zipkinSpans.filter(
    s => isServer(s, 'order-events-consumer') && !s.parentId,
  );
  const pricingFanOuts = zipkinSpans
    .filter(s => isServer(s, 'catalog-browse') && s.name === 'GET /products')
    .map(
      listing =>
        zipkinSpans.filter(
          s =>
            s.parentId === listing.id && s.tags['peer.service'] === 'pricing',
        ).length,
    );

  return {
    traces: new Set(zipkinSpans.map(span => span.traceId)).size,
    spans: zipkinSpans.length,
    spansByService,
    requests,
    pricingFanOuts,
    currencyCalls: zipkinSpans.filter(
      s => s.tags['peer.service'] === 'currency',
    ).length,
    ordersSpans: spansByService.orders ?? 0,
    consumerTraces: consumerRoots.length,
    consumerTracesSharingFlowId: consumerRoots.filter(s =>
      ordersFlowIds.has(s.tags.flow_id),
    ).length,
    failedPayments: zipkinSpans.filter(
      s =>
        isServer(s, 'payments') &&
        s.tags['http.response.status_code'] === '502',
    ).length,
    slowStockLookups: zipkinSpans.filter(
      s => s.tags['inventory.cache.hit'] === 'false',
    ).length,
  };
}

// The fixtures are only useful if they show every gap; another seed may not.
function missingGaps(stats) {
  return Object.entries({
    'a call to currency': stats.currencyCalls,
    'an order placed through orders': stats.ordersSpans,
    'a trace started by order-events-consumer':
      stats.consumerTracesSharingFlowId,
    'a failed payment': stats.failedPayments,
    'a slow inventory lookup': stats.slowStockLookups,
  })
    .filter(([, found]) => found === 0)
    .map(([gap]) => gap);
}

// A Markdown table with padded columns, as Prettier formats it.
function markdownTable(header, rows) {
  const widths = header.map((_, column) =>
    Math.max(3, ...[header, ...rows].map(row => String(row[column]).length)),
  );
  const line = cells =>
    `| ${cells.map((cell, i) => String(cell).padEnd(widths[i])).join(' | ')} |`;
  return [
    line(header),
    line(widths.map(width => '-'.repeat(width))),
    ...rows.map(line),
  ].join('\n');
}

const plural = (n, noun) => `${n} ${noun}${n === 1 ? '' : 's'}`;
const kb = bytes => `${Math.round(bytes / 1024)} KB`;
const byName = ([a], [b]) => a.localeCompare(b);

// `recording` is { requests, seed }; `sizes` maps file names to byte counts.
function fixturesReadme(stats, recording, sizes) {
  const files = markdownTable(
    ['File', 'Format', 'Size'],
    [
      ['demo-shop.otlp.json', 'OTLP/JSON `ExportTraceServiceRequest`, hex ids'],
      ['demo-shop.otlp.pb', 'OTLP protobuf `ExportTraceServiceRequest`'],
      ['demo-shop.zipkin.json', 'Zipkin v2 JSON, an array of spans'],
      [
        'demo-shop.jaeger.json',
        'Jaeger query API response `{ data: [trace] }`',
      ],
    ].map(([file, format]) => [`\`${file}\``, format, kb(sizes[file])]),
  );
  const services = markdownTable(
    ['Service', 'Spans'],
    Object.entries(stats.spansByService)
      .sort(byName)
      .map(([service, spans]) => [`\`${service}\``, spans]),
  );
  const requests = markdownTable(
    ['Request to `edge-gateway`', 'Status', 'Count'],
    Object.entries(stats.requests)
      .sort(byName)
      .flatMap(([route, statuses]) =>
        Object.entries(statuses).map(([status, n]) => [
          `\`${route}\``,
          status,
          n,
        ]),
      ),
  );
  const totals = `${plural(stats.traces, 'trace')}, ${plural(
    stats.spans,
    'span',
  )}`;
  const fanOuts = stats.pricingFanOuts.join(', ');
  const currencyCalls = plural(stats.currencyCalls, 'client span');
  const ordersSpans = plural(stats.ordersSpans, 'span');
  const consumerTraces = plural(stats.consumerTraces, 'trace');
  const sharing = `${stats.consumerTracesSharingFlowId} of ${stats.consumerTraces}`;
  const failedPayments = plural(stats.failedPayments, 'authorization');
  const slowLookups = plural(stats.slowStockLookups, 'stock lookup');

  return `# Demo shop trace fixtures

Real traces from the demo shop in \`examples/demo-shop\`: ${recording.requests} requests sent to
\`edge-gateway\` one at a time, with randomness seeded by \`DEMO_SHOP_SEED=${recording.seed}\`.
The same spans are captured from the OpenTelemetry exporters in every format.
Recorded with

\`\`\`sh
npm run record-fixtures --workspace @internal/demo-shop
\`\`\`

which runs \`examples/demo-shop/src/record-fixtures.js\` and overwrites this directory.
Recording again keeps the traces' shape (requests, fan-out, failures); ids, flow ids
and timings change. Services listen on ports from \`DEMO_SHOP_BASE_PORT\` (7100 by
default), which shows in \`url.full\` and \`server.port\`.

${files}

Each service process exports once, at shutdown. \`demo-shop.otlp.json\` merges the
requests' \`resourceSpans\` into one request. \`demo-shop.otlp.pb\` is the exported
protobuf requests back to back: \`resource_spans\` is the message's only field and is
repeated, so the bytes decode as a single request holding every \`ResourceSpans\`.
\`demo-shop.jaeger.json\` is converted from the Zipkin spans: resource attributes
become process tags, tags that look like integers or booleans are typed as such, span
events keep only their names, and spans with an ERROR status get \`error=true\`.

## Contents

${totals}.

${services}

${requests}

A product listing calls \`pricing\` once per product shown: the listings here fan out
to ${fanOuts} pricing calls.

## Gaps the traces show

- **\`currency\` is not instrumented.** No span comes from \`currency\`; it appears only
  as the callee of ${currencyCalls} from \`checkout\` (\`peer.service\` and
  \`server.service.name\` = \`currency\`).
- **\`orders\` uses OpenTracing through the OpenTelemetry shim.** Its ${ordersSpans} have
  instrumentation scope \`@opentelemetry/shim-opentracing\`, OpenTelemetry kind INTERNAL,
  and OpenTracing tags instead of current conventions: \`span.kind\`, \`component\`,
  \`http.method\`, \`http.url\`, \`http.status_code\`, \`db.type\`, \`db.statement\`,
  \`message_bus.destination\`, plus the legacy \`flow_id\`.
- **Context is lost between \`orders\` and \`order-events-consumer\`.** Orders queues each
  placed order and pushes it later with only the legacy \`X-Flow-ID\` header, no
  \`traceparent\`. \`order-events-consumer\` starts ${consumerTraces} of its own
  (\`POST /events\`, no parent). Sharing a \`flow_id\` with \`orders\` spans in a
  checkout trace: ${sharing}.
- **\`payments\` fails now and then.** ${failedPayments} failed: the server span
  answers 502 with an \`exception\` event and ERROR status, its \`authorize card\` span
  holds the exception and its message, and the 502 travels up through \`checkout\`
  and \`edge-gateway\`.
- **\`inventory\` is sometimes slow.** ${slowLookups} missed the cache
  (\`inventory.cache.hit=false\`) and took 0.4–1.2 s.
`;
}

module.exports = { describeRecording, missingGaps, fixturesReadme };
