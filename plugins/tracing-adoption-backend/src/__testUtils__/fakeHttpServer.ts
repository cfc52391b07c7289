import http from 'node:http';
import { AddressInfo } from 'node:net';

export type FakeHandler = (
  url: URL,
  request: http.IncomingMessage,
) =>
  | {
      status: number;
      body?: string | object;
      headers?: Record<string, string>;
      delayMs?: number;
    }
  | Promise<{
      status: number;
      body?: string | object;
      headers?: Record<string, string>;
      delayMs?: number;
    }>;

/**
 * A loopback HTTP server answering like a trace backend would; records every
 * request path so tests can assert what was asked. Closing it and starting
 * another on the same `port` takes a backend down and brings it back.
 */
export async function startFakeHttpServer(
  handler: FakeHandler,
  options: { port?: number } = {},
) {
  const requests: string[] = [];
  const server = http.createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    requests.push(`${url.pathname}${url.search}`);
    const answer = await handler(url, request);
    const send = () => {
      if (response.destroyed) {
        return;
      }
      const body =
        typeof answer.body === 'string' || answer.body === undefined
          ? answer.body ?? ''
          : JSON.stringify(answer.body);
      response.writeHead(answer.status, {
        'content-type': 'application/json',
        ...answer.headers,
      });
      response.end(body);
    };
    if (answer.delayMs) {
      setTimeout(send, answer.delayMs).unref();
    } else {
      send();
    }
  });
  await new Promise<void>(resolve =>
    server.listen(options.port ?? 0, '127.0.0.1', resolve),
  );
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
