import { sourceHealth } from './sourceHealth';

const now = new Date('2026-11-25T12:00:00Z');
const minute = 60_000;

describe('sourceHealth', () => {
  it.each([
    ['no record', undefined, 'never-read'],
    [
      'recent success',
      { lastSuccessAt: '2026-11-25T11:55:00Z', consecutiveFailures: 0 },
      'ok',
    ],
    [
      'old success',
      { lastSuccessAt: '2026-11-25T11:00:00Z', consecutiveFailures: 0 },
      'stale',
    ],
    [
      'one failure after a success',
      {
        lastSuccessAt: '2026-11-25T11:59:00Z',
        lastErrorAt: '2026-11-25T11:59:30Z',
        consecutiveFailures: 1,
      },
      'stale',
    ],
    [
      'failed before any success',
      { lastErrorAt: '2026-11-25T11:59:30Z', consecutiveFailures: 1 },
      'stale',
    ],
    [
      'three failures in a row',
      { lastSuccessAt: '2026-11-25T11:00:00Z', consecutiveFailures: 3 },
      'failing',
    ],
  ] as const)('%s → %s', (_name, record, expected) => {
    expect(sourceHealth(record, now, 30 * minute)).toBe(expected);
  });
});
