import { createHash } from 'node:crypto';
import http from 'node:http';
import { AddressInfo } from 'node:net';

export interface FakeRepository {
  defaultBranch?: string;
  archived?: boolean;
  /** No commits: the trees API answers 409. */
  empty?: boolean;
  /** The trees API reports `truncated: true`. */
  truncated?: boolean;
  files: Record<string, string>;
}

const gitBlobSha = (content: string) =>
  createHash('sha1')
    .update(`blob ${Buffer.byteLength(content)}\0`)
    .update(content)
    .digest('hex');

/**
 * A local stand-in for the parts of the GitHub REST and GraphQL APIs the
 * scanner uses, with GitHub's status codes and headers: ETags and 304 answers
 * that cost no quota, `x-ratelimit-*`, primary (403 or 429, remaining 0) and
 * secondary (403 or 429 + Retry-After) rate limits, 404, 409 for empty
 * repositories, truncated trees, and injectable 5xx answers.
 */
export async function startFakeGitHub(options: { quota?: number } = {}) {
  const repositories = new Map<string, FakeRepository & { version: number }>();
  const stats = {
    requests: 0,
    notModified: 0,
    quotaSpent: 0,
    byKind: { repository: 0, tree: 0, graphql: 0 } as Record<string, number>,
    perRepository: new Map<string, number>(),
  };
  const limit = options.quota ?? 5000;
  let remaining = limit;
  let resetAt = Math.floor(Date.now() / 1000) + 3600;
  let primaryStatus = 403;
  let secondary: { retryAfter: number; status: number } | undefined;
  let failures: number[] = [];
  let answered = 0;
  let scheduled: Array<{ after: number; action: () => void }> = [];

  const repoEtag = (slug: string) =>
    `W/"${createHash('sha1')
      .update(`${slug}:${repositories.get(slug)!.version}`)
      .digest('hex')}"`;
  const treeSha = (repo: FakeRepository) =>
    createHash('sha1')
      .update(
        Object.entries(repo.files)
          .map(([p, c]) => `${p}:${gitBlobSha(c)}`)
          .sort()
          .join('\n'),
      )
      .digest('hex');

  const server = http.createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const url = new URL(request.url ?? '/', 'http://localhost');
    stats.requests += 1;
    answered += 1;
    for (const { action } of scheduled.filter(s => s.after < answered)) {
      action();
    }
    scheduled = scheduled.filter(s => s.after >= answered);

    const send = (
      status: number,
      body?: unknown,
      headers: Record<string, string> = {},
    ) => {
      response.writeHead(status, {
        // like GitHub, a 304 carries no body and so no content type
        ...(status === 304
          ? {}
          : { 'content-type': 'application/json; charset=utf-8' }),
        'x-ratelimit-limit': String(limit),
        'x-ratelimit-remaining': String(remaining),
        'x-ratelimit-reset': String(resetAt),
        'x-ratelimit-used': String(limit - remaining),
        'x-ratelimit-resource':
          url.pathname === '/graphql' ? 'graphql' : 'core',
        ...headers,
      });
      response.end(body === undefined ? '' : JSON.stringify(body));
    };

    if (failures.length > 0) {
      send(failures.shift()!, { message: 'Server Error' });
      return;
    }
    if (secondary !== undefined) {
      const { retryAfter, status } = secondary;
      secondary = undefined;
      send(
        status,
        { message: 'You have exceeded a secondary rate limit.' },
        { 'retry-after': String(retryAfter) },
      );
      return;
    }
    if (remaining <= 0 && Date.now() / 1000 >= resetAt) {
      // like GitHub, the quota refills at the announced reset time
      remaining = limit;
      resetAt = Math.floor(Date.now() / 1000) + 3600;
    }
    if (remaining <= 0) {
      send(primaryStatus, {
        message: 'API rate limit exceeded for installation.',
      });
      return;
    }

    const orgMatch = url.pathname.match(/^\/orgs\/([^/]+)\/repos$/);
    if (request.method === 'GET' && orgMatch) {
      remaining -= 1;
      stats.quotaSpent += 1;
      const perPage = Number(url.searchParams.get('per_page') ?? 30);
      const page = Number(url.searchParams.get('page') ?? 1);
      const all = [...repositories.entries()]
        .filter(([slug]) => slug.startsWith(`${orgMatch[1]}/`))
        .sort(([a], [b]) => a.localeCompare(b));
      send(
        200,
        all.slice((page - 1) * perPage, page * perPage).map(([slug, repo]) => ({
          full_name: slug,
          archived: !!repo.archived,
        })),
      );
      return;
    }

    const repoMatch = url.pathname.match(
      /^\/repos\/([^/]+)\/([^/]+)(\/git\/trees\/(.+))?$/,
    );
    if (request.method === 'GET' && repoMatch) {
      const slug = `${repoMatch[1]}/${repoMatch[2]}`;
      stats.perRepository.set(slug, (stats.perRepository.get(slug) ?? 0) + 1);
      const repo = repositories.get(slug);
      if (!repoMatch[3]) {
        stats.byKind.repository += 1;
        if (!repo) {
          remaining -= 1;
          stats.quotaSpent += 1;
          send(404, { message: 'Not Found' });
          return;
        }
        const etag = repoEtag(slug);
        if (request.headers['if-none-match'] === etag) {
          stats.notModified += 1;
          send(304, undefined, { etag });
          return;
        }
        remaining -= 1;
        stats.quotaSpent += 1;
        send(
          200,
          {
            full_name: slug,
            default_branch: repo.defaultBranch ?? 'main',
            archived: !!repo.archived,
            size: repo.empty ? 0 : 42,
          },
          { etag },
        );
        return;
      }
      stats.byKind.tree += 1;
      remaining -= 1;
      stats.quotaSpent += 1;
      if (!repo) {
        send(404, { message: 'Not Found' });
        return;
      }
      if (repo.empty) {
        send(409, { message: 'Git Repository is empty.' });
        return;
      }
      send(200, {
        sha: treeSha(repo),
        truncated: !!repo.truncated,
        tree: Object.entries(repo.files).map(([path, content]) => ({
          path,
          mode: '100644',
          type: 'blob',
          sha: gitBlobSha(content),
          size: Buffer.byteLength(content),
        })),
      });
      return;
    }

    if (request.method === 'POST' && url.pathname === '/graphql') {
      stats.byKind.graphql += 1;
      const { query, variables } = JSON.parse(Buffer.concat(chunks).toString());
      const slug = `${variables.owner}/${variables.name}`;
      stats.perRepository.set(slug, (stats.perRepository.get(slug) ?? 0) + 1);
      const repo = repositories.get(slug);
      const bySha = new Map(
        Object.values(repo?.files ?? {}).map(content => [
          gitBlobSha(content),
          content,
        ]),
      );
      const answer: Record<string, unknown> = {};
      for (const [, alias, sha] of String(query).matchAll(
        /(\w+): object\(oid: "([0-9a-f]+)"\)/g,
      )) {
        const text = bySha.get(sha);
        answer[alias] = text === undefined ? null : { text, isBinary: false };
      }
      send(200, { data: { repository: repo ? answer : null } });
      return;
    }

    send(404, {
      message: 'Not Found',
      documentation_url: 'https://docs.github.com/rest',
    });
  });

  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    stats,
    setRepository(slug: string, repository: FakeRepository) {
      const version = (repositories.get(slug)?.version ?? 0) + 1;
      repositories.set(slug, { ...repository, version });
    },
    /** The next answers are these statuses, whatever is asked. */
    failNext(...statuses: number[]) {
      failures = [...statuses];
    },
    /** Quota left before the primary rate limit answers `status` until the reset. */
    setRemainingQuota(
      requests: number,
      resetInSeconds = 600,
      status: 403 | 429 = 403,
    ) {
      remaining = requests;
      resetAt = Math.floor(Date.now() / 1000) + resetInSeconds;
      primaryStatus = status;
    },
    restoreQuota() {
      remaining = limit;
      resetAt = Math.floor(Date.now() / 1000) + 3600;
    },
    secondaryLimitNext(retryAfterSeconds: number, status: 403 | 429 = 403) {
      secondary = { retryAfter: retryAfterSeconds, status };
    },
    /** Runs `action` (e.g. a failure above) once `requests` more requests were answered. */
    afterRequests(requests: number, action: () => void) {
      scheduled.push({ after: answered + requests, action });
    },
    resetStats() {
      stats.requests = 0;
      stats.notModified = 0;
      stats.quotaSpent = 0;
      stats.byKind = { repository: 0, tree: 0, graphql: 0 };
      stats.perRepository.clear();
    },
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
