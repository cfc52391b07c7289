'use strict';

// Every setting the shop reads from the environment, with its default.

function numberFromEnv(name, fallback, { min, integer = false }) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (
    !Number.isFinite(value) ||
    value < min ||
    (integer && !Number.isInteger(value))
  ) {
    throw new Error(
      `${name} must be ${
        integer ? 'an integer' : 'a number'
      } >= ${min}, got "${raw}"`,
    );
  }
  return value;
}

module.exports = {
  basePort: numberFromEnv('DEMO_SHOP_BASE_PORT', 7100, {
    min: 1,
    integer: true,
  }),
  otlpEndpoint:
    process.env.DEMO_SHOP_OTLP_ENDPOINT ||
    'http://localhost:7007/api/tracing-adoption/v1/traces',
  otlpToken: process.env.DEMO_SHOP_OTLP_TOKEN || 'demo-shop-otlp-token',
  requestsPerSecond: numberFromEnv('DEMO_SHOP_RPS', 3, { min: 0.1 }),
  // Unset: send traffic until stopped.
  maxRequests: numberFromEnv('DEMO_SHOP_REQUESTS', undefined, {
    min: 1,
    integer: true,
  }),
  maxInFlight: numberFromEnv('DEMO_SHOP_MAX_IN_FLIGHT', 10, {
    min: 1,
    integer: true,
  }),
  // Set by record-fixtures.js: export every format to a local capture server
  // instead of OTLP to the portal.
  captureUrl: process.env.DEMO_SHOP_CAPTURE_URL,
};
