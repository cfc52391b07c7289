export interface FetchJsonOptions {
  /** Per attempt. */
  timeoutMs: number;
  /** Further attempts after the first on timeouts, network errors, 429 and 5xx. */
  retries: number;
  /** First backoff; doubles per attempt. */
  backoffMs: number;
  headers?: Record<string, string>;
  /** Cancels every attempt and backoff, e.g. when the pull job times out. */
  signal?: AbortSignal;
}

/** Thrown for an answer that retrying cannot fix, or after the last attempt. */
export class SourceRequestError extends Error {
  constructor(message: string, readonly status?: number) {
    super(message);
    this.name = 'SourceRequestError';
  }
}

const MAX_RETRY_AFTER_MS = 30_000;

/**
 * fetch refuses URLs with credentials; backends behind basic auth are often
 * configured as `https://user:password@host`, so move them into a header.
 */
function splitCredentials(url: string): {
  target: string;
  authorization?: string;
} {
  const parsed = new URL(url);
  if (!parsed.username && !parsed.password) {
    return { target: url };
  }
  const userInfo = `${decodeURIComponent(parsed.username)}:${decodeURIComponent(
    parsed.password,
  )}`;
  parsed.username = '';
  parsed.password = '';
  return {
    target: parsed.toString(),
    authorization: `Basic ${Buffer.from(userInfo).toString('base64')}`,
  };
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function retryAfterMs(header: string | null): number | undefined {
  if (!header) {
    return undefined;
  }
  const seconds = Number(header);
  if (Number.isFinite(seconds)) {
    return Math.min(seconds * 1000, MAX_RETRY_AFTER_MS);
  }
  const date = Date.parse(header);
  return Number.isNaN(date)
    ? undefined
    : Math.min(Math.max(date - Date.now(), 0), MAX_RETRY_AFTER_MS);
}

/**
 * GETs a JSON document from a trace backend with a timeout per attempt and
 * exponential backoff. Errors name the URL (without credentials) and the
 * status, so a failing source says what failed.
 */
export async function fetchJson(
  url: string,
  options: FetchJsonOptions,
): Promise<unknown> {
  const { target, authorization } = splitCredentials(url);
  let lastError: SourceRequestError | undefined;
  for (let attempt = 0; attempt <= options.retries; attempt++) {
    if (attempt > 0) {
      await sleep(options.backoffMs * 2 ** (attempt - 1), options.signal);
    }
    const signals = [AbortSignal.timeout(options.timeoutMs)];
    if (options.signal) {
      signals.push(options.signal);
    }
    let response: Response;
    try {
      response = await fetch(target, {
        headers: {
          accept: 'application/json',
          ...(authorization ? { authorization } : {}),
          ...options.headers,
        },
        signal: AbortSignal.any(signals),
      });
    } catch (error) {
      if (options.signal?.aborted) {
        throw error;
      }
      const reason =
        (error as Error).name === 'TimeoutError'
          ? `no answer within ${options.timeoutMs} ms`
          : (error as Error).message;
      lastError = new SourceRequestError(`GET ${target} failed: ${reason}`);
      continue;
    }

    if (response.ok) {
      const text = await response.text();
      try {
        return JSON.parse(text);
      } catch (error) {
        throw new SourceRequestError(
          `GET ${target} answered with invalid JSON: ${
            (error as Error).message
          }`,
          response.status,
        );
      }
    }
    const detail = (await response.text().catch(() => '')).slice(0, 200);
    lastError = new SourceRequestError(
      `GET ${target} answered ${response.status} ${response.statusText}${
        detail ? `: ${detail}` : ''
      }`,
      response.status,
    );
    const retryable = response.status === 429 || response.status >= 500;
    if (!retryable) {
      throw lastError;
    }
    const wait = retryAfterMs(response.headers.get('retry-after'));
    if (wait !== undefined && attempt < options.retries) {
      await sleep(wait, options.signal);
    }
  }
  throw lastError ?? new SourceRequestError(`GET ${target} failed`);
}
