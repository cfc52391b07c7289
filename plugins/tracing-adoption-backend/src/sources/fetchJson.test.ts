import { startFakeHttpServer } from '../__testUtils__/fakeHttpServer';
import { fetchJson } from './fetchJson';

const fast = { timeoutMs: 500, retries: 2, backoffMs: 10 };

describe('fetchJson', () => {
  it('retries 5xx answers and returns the first good body', async () => {
    let calls = 0;
    const server = await startFakeHttpServer(() =>
      ++calls < 3
        ? { status: 503, body: 'overloaded' }
        : { status: 200, body: { ok: true } },
    );
    try {
      await expect(
        fetchJson(`${server.baseUrl}/api/services`, fast),
      ).resolves.toEqual({ ok: true });
      expect(server.requests).toHaveLength(3);
    } finally {
      await server.close();
    }
  });

  it('gives up after the last retry and names the URL and status', async () => {
    const server = await startFakeHttpServer(() => ({
      status: 502,
      body: 'bad gateway',
    }));
    try {
      await expect(
        fetchJson(`${server.baseUrl}/api/traces?service=cart`, fast),
      ).rejects.toThrow(
        /GET http:\/\/127\.0\.0\.1:\d+\/api\/traces\?service=cart answered 502 Bad Gateway: bad gateway/,
      );
      expect(server.requests).toHaveLength(3);
    } finally {
      await server.close();
    }
  });

  it('does not retry client errors', async () => {
    const server = await startFakeHttpServer(() => ({
      status: 404,
      body: 'no such service',
    }));
    try {
      await expect(
        fetchJson(`${server.baseUrl}/x`, fast),
      ).rejects.toMatchObject({ status: 404 });
      expect(server.requests).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it('times out slow answers per attempt', async () => {
    const server = await startFakeHttpServer(() => ({
      status: 200,
      body: {},
      delayMs: 2000,
    }));
    try {
      await expect(
        fetchJson(`${server.baseUrl}/slow`, {
          timeoutMs: 100,
          retries: 1,
          backoffMs: 10,
        }),
      ).rejects.toThrow(/no answer within 100 ms/);
      expect(server.requests).toHaveLength(2);
    } finally {
      await server.close();
    }
  });

  it('reports malformed JSON without retrying', async () => {
    const server = await startFakeHttpServer(() => ({
      status: 200,
      body: '{"data": [',
    }));
    try {
      await expect(fetchJson(`${server.baseUrl}/x`, fast)).rejects.toThrow(
        /answered with invalid JSON/,
      );
      expect(server.requests).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it('honours Retry-After on 429', async () => {
    let calls = 0;
    const server = await startFakeHttpServer(() =>
      ++calls === 1
        ? { status: 429, headers: { 'retry-after': '0' } }
        : { status: 200, body: [] },
    );
    try {
      await expect(fetchJson(`${server.baseUrl}/x`, fast)).resolves.toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('keeps credentials in the URL out of error messages', async () => {
    const server = await startFakeHttpServer(() => ({
      status: 401,
      body: 'denied',
    }));
    try {
      const url = server.baseUrl.replace('http://', 'http://user:secret@');
      await expect(fetchJson(`${url}/x`, fast)).rejects.toThrow(
        expect.objectContaining({
          message: expect.not.stringContaining('secret'),
        }),
      );
    } finally {
      await server.close();
    }
  });
});
