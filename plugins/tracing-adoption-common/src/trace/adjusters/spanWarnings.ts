import { Span } from '../model';

/** Adds a warning unless the span already has it, so running an adjuster twice adds nothing. */
export function addSpanWarning(span: Span, warning: string): void {
  if (span.warnings === undefined) {
    span.warnings = [warning];
  } else if (!span.warnings.includes(warning)) {
    span.warnings.push(warning);
  }
}
