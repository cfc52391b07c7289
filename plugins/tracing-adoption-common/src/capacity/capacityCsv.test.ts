import { analyzeOperation } from '../trace/analysis';
import {
  PLACE_ORDER,
  shopWindow,
} from '../trace/analysis/__testUtils__/onlineShop';
import { capacityTargetsToCsv } from './capacityCsv';
import { computeCapacityTargets } from './computeCapacityTargets';
import type { CapacityTargets, ServiceCapacityTarget } from './types';

const HEADER =
  'service,kind,expected_rps,safety_factor,target_rps,stddev_low_rps,stddev_high_rps,observed_low_rps,observed_high_rps,unknown_load,estimated_from_client_spans,drivers';

function target(
  service: string,
  more: Partial<ServiceCapacityTarget> = {},
): ServiceCapacityTarget {
  return {
    service,
    kind: 'service',
    expectedRps: 10,
    targetRps: 15,
    stdDevRange: { lowRps: 10, highRps: 10 },
    observedRange: { lowRps: 10, highRps: 10 },
    unknownLoad: false,
    estimatedFromClientSpans: false,
    drivers: [],
    ...more,
  };
}

function tableOf(services: ServiceCapacityTarget[]): CapacityTargets {
  return { safetyFactor: 1.5, services, datastores: [], operations: [] };
}

describe('capacityTargetsToCsv', () => {
  it('writes one row per service, then per datastore, with CRLF line ends', () => {
    const traces = shopWindow();
    const targets = computeCapacityTargets({
      operations: [
        {
          id: 'place-order',
          name: 'Place order',
          peakRequestsPerSecond: 40,
          analysis: analyzeOperation({ operation: PLACE_ORDER, traces }),
        },
      ],
      safetyFactor: 1.5,
    });

    const lines = capacityTargetsToCsv(targets).split('\r\n');
    expect(lines[0]).toBe(HEADER);
    expect(lines).toHaveLength(1 + 7 + 1 + 1);
    expect(lines[lines.length - 1]).toBe('');
    expect(lines).toContain(
      'currency,service,40,1.5,60,40,40,40,40,yes,yes,' +
        '"Place order: 40 rps (100%), 1 calls/request over 4 traces from 2025-11-25T10:00:00Z to 2025-11-25T10:00:03Z"',
    );
    expect(lines[lines.length - 2]).toMatch(
      /^postgresql\/payments,datastore,40,1\.5,60,/,
    );
  });

  it('rounds rates to 0.01 and lists the drivers largest first', () => {
    const csv = capacityTargetsToCsv(
      tableOf([
        target('pricing', {
          expectedRps: 1000 / 3,
          targetRps: 500,
          stdDevRange: {
            lowRps: 276.3932022500211,
            highRps: 390.27346441664556,
          },
          drivers: [
            {
              operationId: 'browse',
              operationName: 'Browse',
              peakRequestsPerSecond: 100,
              callsPerRequest: { mean: 3, stdDev: 0, min: 3, max: 3 },
              matchingTraces: 1,
              expectedRps: 300,
              share: 0.9,
              clientSpanCalls: [],
            },
            {
              operationId: 'cart',
              operationName: 'Cart',
              peakRequestsPerSecond: 100,
              callsPerRequest: { mean: 1 / 3, stdDev: 0.47, min: 0, max: 1 },
              matchingTraces: 3,
              expectedRps: 100 / 3,
              share: 0.1,
              clientSpanCalls: [],
            },
          ],
        }),
      ]),
    );
    expect(csv.split('\r\n')[1]).toBe(
      'pricing,service,333.33,1.5,500,276.39,390.27,10,10,no,no,' +
        '"Browse: 300 rps (90%), 3 calls/request over 1 trace; Cart: 33.33 rps (10%), 0.333 calls/request over 3 traces"',
    );
  });

  it('quotes fields holding commas, quotes or line breaks (RFC 4180)', () => {
    const csv = capacityTargetsToCsv(
      tableOf([
        target('a,b'),
        target('say "hi"'),
        target('two\nlines'),
        target('plain'),
      ]),
    );
    const names = csv
      .split('\r\n')
      .slice(1, 5)
      .map(line => line.slice(0, line.indexOf(',service,')));
    expect(names).toEqual(['"a,b"', '"say ""hi"""', '"two\nlines"', 'plain']);
  });

  it('keeps a spreadsheet from running a name that starts like a formula', () => {
    const csv = capacityTargetsToCsv(
      tableOf([
        target('=HYPERLINK("http://x")'),
        target('-1+1'),
        target('@sum'),
      ]),
    );
    const names = csv
      .split('\r\n')
      .slice(1, 4)
      .map(line => line.slice(0, line.indexOf(',service,')));
    expect(names).toEqual([`"'=HYPERLINK(""http://x"")"`, "'-1+1", "'@sum"]);
  });
});
