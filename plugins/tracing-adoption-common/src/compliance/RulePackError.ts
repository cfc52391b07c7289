/**
 * A rule pack that cannot be used, with where the problem is:
 * `packs/org.yaml:14: rule 'flow-id-on-entry' has unknown severity 'fatal'`.
 *
 * @public
 */
export class RulePackError extends Error {
  /** File path or URL the pack came from. */
  readonly origin: string;
  /** 1-based line of the offending YAML node. */
  readonly line: number;
  /** The problem, without the location. */
  readonly reason: string;

  constructor(origin: string, line: number, reason: string) {
    super(`${origin}:${line}: ${reason}`);
    this.name = 'RulePackError';
    this.origin = origin;
    this.line = line;
    this.reason = reason;
  }
}
