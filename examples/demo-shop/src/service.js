'use strict';

// One shop service in its own process: `node service.js <name>`, forked by
// main.js, which it tells when it is ready and when exports fail.
const { findService, portOf } = require('./topology');

const service = findService(process.argv[2]);

function reportExportFailure(error) {
  if (process.connected) {
    process.send({
      type: 'export-failure',
      service: service.name,
      message: error.message,
    });
  }
}

// Before anything below loads `http`. An uninstrumented service does not even
// load the SDK.
const telemetry =
  service.tracing === 'none'
    ? { shutdown: async () => {} }
    : require('./telemetry').startTelemetry(service, reportExportFailure);

const { createServer } = require('./http-kit');
const { createRandom } = require('./random');
const defineRoutes = require(`./services/${service.name}`);

const server = createServer(
  defineRoutes({ random: createRandom(service.name) }),
);

server.on('error', error => {
  console.error(`[${service.name}] ${error.message}`);
  process.exit(1);
});
server.listen(portOf(service.name), '127.0.0.1', () => {
  if (process.connected) process.send({ type: 'ready', service: service.name });
});

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  // Stop accepting requests; idle keep-alive connections are closed with it.
  server.close();
  try {
    await telemetry.shutdown();
  } catch (error) {
    reportExportFailure(error);
  }
  process.exit(0);
}

process.on('message', message => {
  if (message?.type === 'shutdown') shutdown();
});
// Ctrl-C reaches the whole process group, and a supervisor that died must not
// leave its services running.
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
process.on('disconnect', shutdown);
