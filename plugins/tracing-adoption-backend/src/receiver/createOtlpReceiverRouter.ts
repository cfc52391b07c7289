import { HttpAuthService, LoggerService } from '@backstage/backend-plugin-api';
import { InputError, ServiceUnavailableError } from '@backstage/errors';
import { parseOtlpJson } from '@internal/plugin-tracing-adoption-common';
import express from 'express';
import Router from 'express-promise-router';
import { TraceStore } from '../database/TraceStore';
import {
  PayloadTooLargeError,
  connectionLossError,
} from '../service/requestErrors';
import {
  decodeOtlpTraceRequest,
  encodeOtlpTraceResponse,
  otlpEncodingOf,
} from './decodeOtlpRequest';

export const OTLP_RECEIVER_SOURCE_ID = 'otlp-receiver';

export interface OtlpReceiverOptions {
  httpAuth: HttpAuthService;
  store: TraceStore;
  logger: LoggerService;
  /** Spans waiting for assembly above which new exports are refused with 503. */
  maxPendingSpans: number;
  /** Largest accepted request body, decompressed size aside. */
  maxBodyBytes: number;
  /** Seconds clients are asked to wait when the receiver is full. */
  retryAfterSeconds: number;
}

/** How long a pending-span count is trusted, so each export does not count rows. */
const PENDING_COUNT_TTL_MS = 2000;

/**
 * OTLP/HTTP trace receiver (`POST /v1/traces`), as OpenTelemetry SDKs and the
 * Collector send to it: protobuf or JSON, optionally gzip- or deflate-compressed
 * (body-parser inflates them), with a
 * Backstage service token (static external access token). Spans are only
 * buffered here; the sampling job assembles traces and keeps a bounded sample.
 */
export function createOtlpReceiverRouter(
  options: OtlpReceiverOptions,
): express.Router {
  const { httpAuth, store, logger } = options;
  let pendingCount = { value: 0, measuredAt: 0 };

  async function pendingSpans(): Promise<number> {
    const now = Date.now();
    if (now - pendingCount.measuredAt > PENDING_COUNT_TTL_MS) {
      pendingCount = {
        value: await store.countPendingSpans(),
        measuredAt: now,
      };
    }
    return pendingCount.value;
  }

  const router = Router();
  router.post(
    '/v1/traces',
    express.raw({ type: () => true, limit: options.maxBodyBytes }),
    async (req, res) => {
      const credentials = await httpAuth.credentials(req, {
        allow: ['service'],
      });
      const encoding = otlpEncodingOf(req.header('content-type'));

      if ((await pendingSpans()) >= options.maxPendingSpans) {
        res.setHeader('Retry-After', String(options.retryAfterSeconds));
        throw new ServiceUnavailableError(
          `OTLP receiver is at capacity (${options.maxPendingSpans} spans waiting for assembly); retry later`,
        );
      }

      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const payload = decodeOtlpTraceRequest(body, req.header('content-type'));
      const { traces, problems } = parseOtlpJson(payload);
      const spanCount = traces.reduce((sum, t) => sum + t.spans.length, 0);
      if (spanCount === 0 && problems.length > 0) {
        throw new InputError(
          `No valid span in the export: ${problems
            .slice(0, 3)
            .map(p => `${p.path}: ${p.message}`)
            .join('; ')}`,
        );
      }
      if (spanCount > 0) {
        await store.appendReceivedSpans(
          OTLP_RECEIVER_SOURCE_ID,
          traces,
          new Date(),
        );
        pendingCount.value += spanCount;
      }
      if (problems.length > 0) {
        logger.warn(
          `OTLP export from ${credentials.principal.subject} had ${problems.length} invalid items; first: ${problems[0].path}: ${problems[0].message}`,
        );
      }
      const response = encodeOtlpTraceResponse(
        encoding,
        problems.length,
        problems.length > 0
          ? `${problems.length} items rejected; first: ${problems[0].path}: ${problems[0].message}`
          : '',
      );
      if (Buffer.isBuffer(response)) {
        res.status(200).type('application/x-protobuf').send(response);
      } else {
        res.status(200).json(response);
      }
    },
  );
  router.use(
    '/v1/traces',
    (
      error: Error & { type?: string; code?: string },
      _req: express.Request,
      res: express.Response,
      next: express.NextFunction,
    ) => {
      // exporters retry a 503 after Retry-After, but drop spans on a 500
      const lost = connectionLossError(error);
      if (lost) {
        res.setHeader('Retry-After', String(options.retryAfterSeconds));
      }
      next(bodyReadError(error, options.maxBodyBytes) ?? lost ?? error);
    },
  );
  return router;
}

/** body-parser's errors, which decompresses gzip and deflate bodies, in words. */
function bodyReadError(
  error: Error & { type?: string; code?: string },
  maxBodyBytes: number,
): InputError | PayloadTooLargeError | undefined {
  if (error.type === 'entity.too.large') {
    return new PayloadTooLargeError(
      `Body is larger than ${maxBodyBytes} bytes; send smaller batches`,
    );
  }
  if (error.type === 'encoding.unsupported') {
    return new InputError(
      `${error.message}; send gzip, deflate or uncompressed bodies`,
    );
  }
  if (error.code === 'Z_DATA_ERROR' || error.code === 'Z_BUF_ERROR') {
    return new InputError(
      `Body does not match its Content-Encoding: ${error.message}`,
    );
  }
  return undefined;
}
