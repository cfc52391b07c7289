import path from 'node:path';
import { Readable } from 'node:stream';
import { main } from '../index';

export interface CliRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured output; `stdin` is what the command reads for `-`. */
export async function runCli(
  args: string[],
  stdin: string | Buffer = '',
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  let exited: number | undefined;
  const returned = await main(['node', 'tracing-adoption', ...args], {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    stdin: Readable.from([Buffer.from(stdin)]),
    exit: code => {
      exited = code;
    },
  });
  expect(exited).toBe(returned);
  return { exitCode: returned, stdout, stderr };
}

export const REPOSITORY_ROOT = path.resolve(__dirname, '../../../..');

export const FIXTURES = path.join(
  REPOSITORY_ROOT,
  'plugins/tracing-adoption-common/src/trace/__fixtures__',
);

export const DEMO_REPOSITORIES = path.join(
  REPOSITORY_ROOT,
  'examples/demo-org/repos',
);

export const fixture = (name: string) => path.join(FIXTURES, name);

/** An OTLP JSON dump of one internal span that breaks no rule of the built-in packs. */
export const CLEAN_OTLP_DUMP = JSON.stringify({
  resourceSpans: [
    {
      resource: {
        attributes: [
          { key: 'service.name', value: { stringValue: 'billing' } },
          { key: 'service.version', value: { stringValue: '1.2.3' } },
          {
            key: 'deployment.environment.name',
            value: { stringValue: 'ci' },
          },
        ],
      },
      scopeSpans: [
        {
          scope: { name: 'billing' },
          spans: [
            {
              traceId: '0af7651916cd43dd8448eb211c80319c',
              spanId: 'b7ad6b7169203331',
              name: 'compute invoice',
              kind: 1,
              startTimeUnixNano: '1700000000000000000',
              endTimeUnixNano: '1700000000005000000',
              attributes: [],
              status: {},
            },
          ],
        },
      ],
    },
  ],
});
