import { CapacityInputError } from './CapacityInputError';
import type { CapacityTargetsInput } from './types';

function requireRate(value: number, where: string) {
  if (!Number.isFinite(value) || value < 0) {
    throw new CapacityInputError(
      `${where} must be a finite number of requests/s ≥ 0, got ${value}`,
    );
  }
}

/** The what-if rates by operation id, once every input is known to be usable. */
export function validateInput(
  input: CapacityTargetsInput,
): Map<string, number> {
  const { operations, safetyFactor, whatIf = {} } = input;
  if (!Number.isFinite(safetyFactor) || safetyFactor < 1) {
    throw new CapacityInputError(
      `safetyFactor must be a finite number ≥ 1, got ${safetyFactor}`,
    );
  }
  const ids = new Set<string>();
  for (const operation of operations) {
    if (ids.has(operation.id)) {
      throw new CapacityInputError(
        `operation '${operation.id}' is listed twice`,
      );
    }
    ids.add(operation.id);
    requireRate(
      operation.peakRequestsPerSecond,
      `peakRequestsPerSecond of operation '${operation.id}'`,
    );
  }
  const rates = new Map(Object.entries(whatIf));
  for (const [id, rate] of rates) {
    if (!ids.has(id)) {
      throw new CapacityInputError(`whatIf names unknown operation '${id}'`);
    }
    requireRate(rate, `whatIf rate of operation '${id}'`);
  }
  return rates;
}
