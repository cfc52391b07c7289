import type {
  CapacityDriver,
  CapacityOperationSummary,
  CapacityTargets,
  ServiceCapacityTarget,
} from './types';

const HEADER = [
  'service',
  'kind',
  'expected_rps',
  'safety_factor',
  'target_rps',
  'stddev_low_rps',
  'stddev_high_rps',
  'observed_low_rps',
  'observed_high_rps',
  'unknown_load',
  'estimated_from_client_spans',
  'drivers',
];

/** RFC 4180: quote a field holding a quote, comma or line break. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Service and operation names come from spans and users; a spreadsheet would
 * run one starting like a formula, so such text is marked as text.
 */
function textCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function rounded(value: number, digits: number): string {
  return String(Number(value.toFixed(digits)));
}

function isoSeconds(us: number): string {
  return new Date(us / 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function describeDriver(
  driver: CapacityDriver,
  operation: CapacityOperationSummary | undefined,
): string {
  const { windowStartUs, windowEndUs } = operation?.sample ?? {};
  const window =
    windowStartUs === undefined || windowEndUs === undefined
      ? ''
      : ` from ${isoSeconds(windowStartUs)} to ${isoSeconds(windowEndUs)}`;
  const traces =
    driver.matchingTraces === 1 ? '1 trace' : `${driver.matchingTraces} traces`;
  return (
    `${driver.operationName}: ${rounded(driver.expectedRps, 2)} rps ` +
    `(${rounded(driver.share * 100, 1)}%), ` +
    `${rounded(driver.callsPerRequest.mean, 3)} calls/request ` +
    `over ${traces}${window}`
  );
}

/**
 * The per-service table as CSV (RFC 4180, CRLF line ends): services, then
 * datastores, with rates in requests/s rounded to 0.01 and the operations
 * that drive each, largest first.
 *
 * @public
 */
export function capacityTargetsToCsv(targets: CapacityTargets): string {
  const operationsById = new Map(targets.operations.map(op => [op.id, op]));
  const row = (target: ServiceCapacityTarget) => [
    textCell(target.service),
    target.kind,
    rounded(target.expectedRps, 2),
    String(targets.safetyFactor),
    rounded(target.targetRps, 2),
    rounded(target.stdDevRange.lowRps, 2),
    rounded(target.stdDevRange.highRps, 2),
    rounded(target.observedRange.lowRps, 2),
    rounded(target.observedRange.highRps, 2),
    target.unknownLoad ? 'yes' : 'no',
    target.estimatedFromClientSpans ? 'yes' : 'no',
    textCell(
      target.drivers
        .map(driver =>
          describeDriver(driver, operationsById.get(driver.operationId)),
        )
        .join('; '),
    ),
  ];
  const rows = [
    HEADER,
    ...targets.services.map(row),
    ...targets.datastores.map(row),
  ];
  return rows.map(cells => `${cells.map(csvField).join(',')}\r\n`).join('');
}
