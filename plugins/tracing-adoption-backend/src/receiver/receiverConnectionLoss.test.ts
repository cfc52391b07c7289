import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import express from 'express';
import request from 'supertest';
import { TraceStore } from '../database/TraceStore';
import { createOtlpReceiverRouter } from './createOtlpReceiverRouter';

const exportRequest = {
  resourceSpans: [
    {
      resource: {
        attributes: [{ key: 'service.name', value: { stringValue: 'cart' } }],
      },
      scopeSpans: [
        {
          spans: [
            {
              traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
              spanId: '00f067aa0ba902b7',
              name: 'GET /cart',
              kind: 2,
              startTimeUnixNano: '1764064800000000000',
              endTimeUnixNano: '1764064800010000000',
            },
          ],
        },
      ],
    },
  ],
};

describe('OTLP receiver when the database connection is lost', () => {
  it('answers 503 with Retry-After, which exporters retry, instead of 500', async () => {
    const terminated = Object.assign(
      new Error('terminating connection due to administrator command'),
      { code: '57P01' },
    );
    const store = {
      countPendingSpans: async () => 0,
      appendReceivedSpans: async () => {
        throw terminated;
      },
    } as unknown as TraceStore;
    const logger = mockServices.logger.mock();
    const app = express();
    app.use(
      createOtlpReceiverRouter({
        httpAuth: mockServices.httpAuth(),
        store,
        logger,
        maxPendingSpans: 1000,
        maxBodyBytes: 1024 * 1024,
        retryAfterSeconds: 7,
      }),
    );
    app.use(
      MiddlewareFactory.create({
        config: mockServices.rootConfig(),
        logger,
      }).error(),
    );

    const response = await request(app)
      .post('/v1/traces')
      .set('authorization', mockCredentials.service.header())
      .set('content-type', 'application/json')
      .send(JSON.stringify(exportRequest));

    expect(response.status).toBe(503);
    expect(response.headers['retry-after']).toBe('7');
    expect(response.body.error.message).toBe(
      'The database connection was lost while answering (57P01); retry the request',
    );
  });
});
