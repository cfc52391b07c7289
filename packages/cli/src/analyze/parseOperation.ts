import type { OperationMatcher } from '@internal/plugin-tracing-adoption-common';
import { UsageError } from '../io';

/**
 * Reads `--operation 'service|span name'`. Without `|` the operation is every
 * trace entered at the service, whatever its span name.
 */
export function parseOperation(value: string): OperationMatcher {
  const separator = value.indexOf('|');
  const entryService = (
    separator === -1 ? value : value.slice(0, separator)
  ).trim();
  const spanName =
    separator === -1 ? undefined : value.slice(separator + 1).trim();
  if (entryService === '') {
    throw new UsageError(
      `--operation '${value}' names no service; write 'service|span name'`,
    );
  }
  return spanName ? { entryService, spanName } : { entryService };
}
