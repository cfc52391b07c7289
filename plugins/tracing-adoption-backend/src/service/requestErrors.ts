import {
  CustomErrorBase,
  InputError,
  ServiceUnavailableError,
} from '@backstage/errors';
import express from 'express';

/**
 * 413 Content Too Large: sending the same body again cannot succeed, which
 * OTLP exporters and browsers understand without reading the message.
 */
export class PayloadTooLargeError extends CustomErrorBase {
  name = 'PayloadTooLargeError' as const;
  statusCode = 413 as const;
}

/**
 * pg's codes for a server-side end of the session (terminated backend,
 * crash, shutdown), and a connection reset under a query.
 */
const CONNECTION_LOST_CODES = new Set([
  '57P01',
  '57P02',
  '57P03',
  'ECONNRESET',
]);

/**
 * pg's messages for a query on a connection that closed under it (no code),
 * and for one it refuses to send on a client whose connection already failed.
 */
const CONNECTION_LOST_MESSAGE =
  /Connection terminated|connection error and is not queryable/;

function isConnectionLoss(error: { code?: unknown; message?: unknown }) {
  return (
    (typeof error.code === 'string' && CONNECTION_LOST_CODES.has(error.code)) ||
    (typeof error.message === 'string' &&
      CONNECTION_LOST_MESSAGE.test(error.message))
  );
}

/**
 * A 503 for a database connection lost mid-request, which the client may
 * retry; undefined for any other error. The pg error is not passed on as the
 * cause: knex puts the statement and its bound values in its message.
 */
export function connectionLossError(
  error: unknown,
): ServiceUnavailableError | undefined {
  if (!error || typeof error !== 'object' || !isConnectionLoss(error)) {
    return undefined;
  }
  const { code } = error as { code?: unknown };
  return new ServiceUnavailableError(
    `The database connection was lost while answering (${
      typeof code === 'string' ? code : 'connection terminated'
    }); retry the request`,
  );
}

/**
 * Turns errors that are not the client's fault into answers that say so:
 * body-parser's refusals name the body, and a database connection lost
 * mid-request is a 503 the client may retry, rather than the 500 the default
 * handler gives database errors.
 */
export function mapRequestErrors(
  bodyLimit: string,
): express.ErrorRequestHandler {
  return (error, _req, _res, next) => {
    if (error?.type === 'entity.too.large') {
      next(
        new PayloadTooLargeError(
          `Request body is larger than ${bodyLimit}; send a smaller one`,
        ),
      );
    } else if (error?.type === 'entity.parse.failed') {
      next(new InputError(`Request body is not valid JSON: ${error.message}`));
    } else {
      next(connectionLossError(error) ?? error);
    }
  };
}
