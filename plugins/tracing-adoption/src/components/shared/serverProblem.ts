import { ResponseError } from '@backstage/errors';

/** Why the backend refused a request, in its own words. */
export interface ServerProblem {
  statusCode?: number;
  message: string;
}

export function serverProblem(error: unknown): ServerProblem {
  if (ResponseError.is(error)) {
    return {
      statusCode: error.statusCode,
      message: error.body.error.message,
    };
  }
  return { message: error instanceof Error ? error.message : String(error) };
}
