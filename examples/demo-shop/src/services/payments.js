'use strict';

const crypto = require('node:crypto');
const { setTimeout: sleep } = require('node:timers/promises');
const { SpanStatusCode, trace } = require('@opentelemetry/api');
const { callOk, HttpError } = require('../http-kit');
const { jitter } = require('../random');

// The card processor times out now and then.
const PROCESSOR_FAILURE_RATE = 0.05;

const tracer = trace.getTracer('payments');

module.exports = ({ random }) => ({
  'POST /authorizations': async ({ body = {} }) => {
    const serverSpan = trace.getActiveSpan();
    const processorFails = random.chance(PROCESSOR_FAILURE_RATE);
    const { cartId, amountCents, currency } = body;
    const risk = await callOk('fraud-check', 'POST', '/scores', {
      body: { cartId, amountCents, currency },
    });

    await tracer.startActiveSpan('authorize card', async span => {
      try {
        await sleep(processorFails ? jitter(800, 1500) : jitter(20, 60));
        if (processorFails) {
          const error = new Error('Card processor did not answer in time');
          error.name = 'ProcessorTimeoutError';
          span.recordException(error);
          span.setStatus({
            code: SpanStatusCode.ERROR,
            message: error.message,
          });
          // The request's own span carries the exception as well; its ERROR
          // status follows from the 502.
          serverSpan?.recordException(error);
          throw new HttpError(502, error.message);
        }
      } finally {
        span.end();
      }
    });

    return {
      status: 201,
      body: {
        paymentId: `pay_${crypto.randomBytes(6).toString('hex')}`,
        riskScore: risk.score,
      },
    };
  },
});
