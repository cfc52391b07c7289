import { LoggerService } from '@backstage/backend-plugin-api';
import {
  GithubCredentialsProvider,
  ScmIntegrationRegistry,
} from '@backstage/integration';
import {
  scanRepositoryFiles,
  selectPathsToRead,
} from '@internal/plugin-tracing-adoption-common';
import {
  RepositoryScanOutcome,
  RepositoryScanner,
  RepositoryTarget,
} from '@internal/plugin-tracing-adoption-node';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import Bottleneck from 'bottleneck';

const ScanningOctokit = Octokit.plugin(throttling, retry);

type ScanContext = Parameters<RepositoryScanner['scan']>[1];

/** The largest page the repositories API serves. */
const ORGANIZATION_PAGE_SIZE = 100;
type ScanningOctokit = InstanceType<typeof ScanningOctokit>;

/** GraphQL node lookups per query; GitHub allows far more, answers stay small. */
const BLOBS_PER_QUERY = 100;

/**
 * A rate limit that lasts longer than the scanner is willing to wait. The
 * scan job stops its cycle and resumes from its checkpoint after `resetAt`.
 */
export class RateLimitedError extends Error {
  constructor(
    readonly host: string,
    readonly resetAt: Date,
    kind: 'primary' | 'secondary',
  ) {
    super(
      `GitHub ${kind} rate limit on ${host} reached; scanning resumes after ${resetAt.toISOString()}`,
    );
    this.name = 'RateLimitedError';
  }
}

interface HostClient {
  octokit: ScanningOctokit;
  quota: { remaining?: number; limit?: number; resetAt?: Date };
  rateLimitedUntil?: { resetAt: Date; kind: 'primary' | 'secondary' };
}

function statusOf(error: unknown): number | undefined {
  return typeof error === 'object' && error !== null && 'status' in error
    ? Number((error as { status: unknown }).status)
    : undefined;
}

/**
 * Scans GitHub (and GitHub Enterprise) repositories at organisation scale:
 * one conditional request per unchanged repository (a 304 costs no quota),
 * the git trees API to list every file in one request, and one GraphQL query
 * for the contents of changed files only, by blob SHA. Credentials come from
 * the standard `integrations.github` configuration (GitHub App or token).
 */
export class GitHubRepositoryScanner implements RepositoryScanner {
  readonly id = 'github';
  readonly #clients = new Map<string, HostClient>();

  constructor(
    private readonly options: {
      integrations: ScmIntegrationRegistry;
      credentialsProvider: GithubCredentialsProvider;
      logger: LoggerService;
      /** Rate limits that reset sooner are waited out; longer ones stop the cycle. */
      maxRateLimitWaitSeconds: number;
      /** Retries of 5xx answers and network errors, with growing delays. Default 3. */
      retries?: number;
      /**
       * Pause between GraphQL queries. octokit's throttling treats every GraphQL
       * POST like a write (one per second); blob reads are queries, so they are
       * paced here instead. Default 50 ms.
       */
      graphqlMinTimeMs?: number;
    },
  ) {}

  canScan(target: RepositoryTarget): boolean {
    return this.options.integrations.github.byHost(target.host) !== undefined;
  }

  describeQuota(target: RepositoryTarget): string | undefined {
    const quota = this.#clients.get(target.host)?.quota;
    if (quota?.remaining === undefined) {
      return undefined;
    }
    return `${quota.remaining}/${quota.limit} requests left on ${
      target.host
    } until ${quota.resetAt?.toISOString()}`;
  }

  /**
   * Every repository of a GitHub organisation, for scanning beyond the
   * catalog. Archived repositories are left out.
   */
  async listOrganizationRepositories(
    host: string,
    organization: string,
  ): Promise<RepositoryTarget[]> {
    const client = this.clientFor(host);
    const credentials = await this.options.credentialsProvider.getCredentials({
      url: `https://${host}/${organization}`,
    });
    const targets: RepositoryTarget[] = [];
    for (let page = 1; ; page++) {
      const { data } = await client.octokit.request('GET /orgs/{org}/repos', {
        org: organization,
        per_page: ORGANIZATION_PAGE_SIZE,
        page,
        headers: credentials.headers ?? {},
      });
      for (const repository of data) {
        if (!repository.archived) {
          targets.push({ host, slug: repository.full_name });
        }
      }
      if (data.length < ORGANIZATION_PAGE_SIZE) {
        return targets;
      }
    }
  }

  async scan(
    target: RepositoryTarget,
    context: ScanContext,
  ): Promise<RepositoryScanOutcome> {
    // one signal per repository: requests add abort listeners that would
    // otherwise pile up on the scan cycle's signal for thousands of repositories
    const scanAbort = new AbortController();
    const onCycleAbort = () => scanAbort.abort(context.signal.reason);
    context.signal.addEventListener('abort', onCycleAbort, { once: true });
    try {
      return await this.scanRepository(target, {
        ...context,
        signal: scanAbort.signal,
      });
    } finally {
      context.signal.removeEventListener('abort', onCycleAbort);
    }
  }

  private async scanRepository(
    target: RepositoryTarget,
    context: ScanContext,
  ): Promise<RepositoryScanOutcome> {
    const client = this.clientFor(target.host);
    if (
      client.rateLimitedUntil &&
      client.rateLimitedUntil.resetAt > new Date()
    ) {
      throw new RateLimitedError(
        target.host,
        client.rateLimitedUntil.resetAt,
        client.rateLimitedUntil.kind,
      );
    }
    const [owner, repo] = target.slug.split('/');
    const credentials = await this.options.credentialsProvider.getCredentials({
      url: `https://${target.host}/${target.slug}`,
    });
    const auth = credentials.headers ?? {};
    let requests = 0;
    const request = async <T>(run: () => Promise<T>): Promise<T> => {
      context.signal.throwIfAborted();
      requests += 1;
      try {
        return await run();
      } catch (error) {
        this.rethrowRateLimit(target.host, client, error);
        throw error;
      }
    };
    const previous = context.previous ?? {};

    let repository;
    try {
      repository = await request(() =>
        client.octokit.request('GET /repos/{owner}/{repo}', {
          owner,
          repo,
          headers: {
            ...auth,
            ...(previous.etag ? { 'if-none-match': previous.etag } : {}),
          },
          request: { signal: context.signal },
        }),
      );
    } catch (error) {
      if (error instanceof RateLimitedError) {
        throw error;
      }
      if (statusOf(error) === 304) {
        return { status: 'unchanged', state: previous, requests };
      }
      if (statusOf(error) === 404) {
        return { status: 'not-found', state: {}, requests };
      }
      throw new Error(
        `Reading GitHub repository ${target.host}/${target.slug} failed: ${
          (error as Error).message
        }`,
      );
    }
    const etag = repository.headers.etag;
    if (repository.data.archived) {
      return { status: 'archived', state: { etag }, requests };
    }

    let tree;
    try {
      tree = await request(() =>
        client.octokit.request(
          'GET /repos/{owner}/{repo}/git/trees/{tree_sha}',
          {
            owner,
            repo,
            tree_sha: repository.data.default_branch,
            recursive: '1',
            headers: auth,
            request: { signal: context.signal },
          },
        ),
      );
    } catch (error) {
      if (error instanceof RateLimitedError) {
        throw error;
      }
      // GitHub answers 409 "Git Repository is empty" for repositories without commits
      if (statusOf(error) === 409 || statusOf(error) === 404) {
        return { status: 'empty', state: { etag }, requests };
      }
      throw new Error(
        `Listing files of ${target.host}/${target.slug} failed: ${
          (error as Error).message
        }`,
      );
    }
    if (tree.data.sha === previous.treeSha) {
      return { status: 'unchanged', state: { ...previous, etag }, requests };
    }

    const blobs = tree.data.tree.filter(
      (entry): entry is typeof entry & { path: string; sha: string } =>
        entry.type === 'blob' && !!entry.path && !!entry.sha,
    );
    const pathsToRead = new Set(
      selectPathsToRead(
        blobs.map(b => b.path),
        context.settings,
      ).paths,
    );
    const relevant = blobs.filter(entry => pathsToRead.has(entry.path));
    const contents = await context.blobCache.get(relevant.map(b => b.sha));
    const missing = [...new Set(relevant.map(b => b.sha))].filter(
      sha => !contents.has(sha),
    );
    for (let i = 0; i < missing.length; i += BLOBS_PER_QUERY) {
      const batch = missing.slice(i, i + BLOBS_PER_QUERY);
      const fetched = await request(() =>
        this.fetchBlobTexts(client.octokit, owner, repo, batch, auth),
      );
      await context.blobCache.put(
        [...fetched].map(([sha, content]) => ({ sha, content })),
      );
      for (const [sha, content] of fetched) {
        contents.set(sha, content);
      }
    }

    const result = scanRepositoryFiles({
      allPaths: blobs.map(b => b.path),
      files: relevant
        .filter(b => contents.has(b.sha))
        .map(b => ({ path: b.path, content: contents.get(b.sha)! })),
      settings: context.settings,
    });
    if (tree.data.truncated) {
      result.problems.push({
        path: '',
        message: `GitHub listed only part of the tree of ${target.slug} (too many files); scanned the ${blobs.length} files it listed`,
      });
    }
    return {
      status: 'scanned',
      result,
      state: {
        etag,
        treeSha: tree.data.sha,
        blobShas: Object.fromEntries(relevant.map(b => [b.path, b.sha])),
      },
      requests,
    };
  }

  private async fetchBlobTexts(
    octokit: ScanningOctokit,
    owner: string,
    name: string,
    shas: string[],
    headers: Record<string, string>,
  ): Promise<Map<string, string>> {
    const fields = shas
      .map(
        (sha, index) =>
          `b${index}: object(oid: "${sha}") { ... on Blob { text isBinary } }`,
      )
      .join('\n');
    const answer = await octokit.graphql<{
      repository: Record<
        string,
        { text: string | null; isBinary: boolean } | null
      > | null;
    }>(
      `query($owner: String!, $name: String!) { repository(owner: $owner, name: $name) { ${fields} } }`,
      { owner, name, headers },
    );
    const texts = new Map<string, string>();
    shas.forEach((sha, index) => {
      const blob = answer.repository?.[`b${index}`];
      if (blob && !blob.isBinary && typeof blob.text === 'string') {
        texts.set(sha, blob.text);
      }
    });
    return texts;
  }

  private rethrowRateLimit(host: string, client: HostClient, error: unknown) {
    const status = statusOf(error);
    if (status !== 403 && status !== 429) {
      return;
    }
    const responseHeaders =
      (error as { response?: { headers?: Record<string, string> } }).response
        ?.headers ?? {};
    if (responseHeaders['x-ratelimit-remaining'] === '0') {
      const resetAt = new Date(
        Number(responseHeaders['x-ratelimit-reset']) * 1000,
      );
      client.rateLimitedUntil = { resetAt, kind: 'primary' };
      throw new RateLimitedError(host, resetAt, 'primary');
    }
    if (responseHeaders['retry-after'] || status === 429) {
      const resetAt = new Date(
        Date.now() + Number(responseHeaders['retry-after'] ?? 60) * 1000,
      );
      client.rateLimitedUntil = { resetAt, kind: 'secondary' };
      throw new RateLimitedError(host, resetAt, 'secondary');
    }
  }

  private clientFor(host: string): HostClient {
    const existing = this.#clients.get(host);
    if (existing) {
      return existing;
    }
    const integration = this.options.integrations.github.byHost(host);
    if (!integration) {
      throw new Error(`No GitHub integration is configured for host ${host}`);
    }
    const { logger, maxRateLimitWaitSeconds } = this.options;
    const quota: HostClient['quota'] = {};
    const waitOrGiveUp =
      (kind: string) =>
      (
        retryAfter: number,
        options: object,
        _octokit: unknown,
        retryCount: number,
      ) => {
        // a limit that persists after waiting once is treated as a long one
        if (retryAfter > maxRateLimitWaitSeconds || retryCount > 0) {
          return false;
        }
        const { method, url } = options as { method: string; url: string };
        logger.info(
          `GitHub ${kind} on ${host}: waiting ${retryAfter} s before ${method} ${url}`,
        );
        return true;
      };
    const octokit = new ScanningOctokit({
      baseUrl: integration.config.apiBaseUrl,
      throttle: {
        write: new Bottleneck.Group({
          id: `tracing-adoption-graphql-${host}`,
          maxConcurrent: 4,
          minTime: this.options.graphqlMinTimeMs ?? 50,
        }),
        onRateLimit: waitOrGiveUp('rate limit'),
        onSecondaryRateLimit: waitOrGiveUp('secondary rate limit'),
      },
      retry: {
        retries: this.options.retries ?? 3,
        doNotRetry: [304, 400, 401, 403, 404, 409, 422, 429],
      },
    });
    octokit.hook.after('request', response => {
      const headers = response.headers as Record<string, string | undefined>;
      if (headers['x-ratelimit-remaining'] !== undefined) {
        quota.remaining = Number(headers['x-ratelimit-remaining']);
        quota.limit = Number(headers['x-ratelimit-limit']);
        quota.resetAt = new Date(Number(headers['x-ratelimit-reset']) * 1000);
      }
    });
    const client: HostClient = { octokit, quota };
    this.#clients.set(host, client);
    return client;
  }
}
