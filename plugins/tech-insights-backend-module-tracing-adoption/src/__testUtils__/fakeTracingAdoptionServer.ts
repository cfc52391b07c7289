import http from 'node:http';
import { AddressInfo } from 'node:net';

export interface FakeRequest {
  path: string;
  authorization?: string;
}

export type FakeAnswer = { status: number; body: unknown };

/**
 * A loopback HTTP server standing in for the tracing-adoption backend;
 * records every request so tests can assert what the retriever asked.
 */
export async function startFakeTracingAdoptionServer(
  answer: (request: FakeRequest) => FakeAnswer,
) {
  const requests: FakeRequest[] = [];
  const server = http.createServer((req, res) => {
    const request = {
      path: new URL(req.url ?? '/', 'http://localhost').pathname,
      authorization: req.headers.authorization,
    };
    requests.push(request);
    const { status, body } = answer(request);
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/api/tracing-adoption`,
    requests,
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
