import { execFileSync } from 'node:child_process';

/**
 * Runs `script --child ...args` in a fresh Node process and returns the JSON
 * it prints last, so each measurement's peak RSS belongs to it alone.
 */
export function measureInChildProcess<T>(script: string, args: string[]): T {
  const output = execFileSync(
    process.execPath,
    [
      '--max-old-space-size=8192',
      '-r',
      '@backstage/cli/config/nodeTransform.cjs',
      script,
      '--child',
      ...args,
    ],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  return JSON.parse(output.trim().split('\n').pop()!) as T;
}
