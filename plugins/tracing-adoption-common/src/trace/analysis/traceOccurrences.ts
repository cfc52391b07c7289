import { getOrCreate } from './getOrCreate';
import { compareText } from './ordering';

/**
 * Counts the traces a finding occurs in and keeps the first few trace ids.
 * Traces are visited one after another, so comparing with the last trace
 * seen counts each trace once.
 */
export class TraceOccurrences {
  traces = 0;
  readonly exampleTraceIds: string[] = [];
  private lastTraceId: string | undefined;

  constructor(private readonly exampleLimit: number) {}

  add(traceId: string) {
    if (traceId === this.lastTraceId) {
      return;
    }
    this.lastTraceId = traceId;
    this.traces++;
    if (this.exampleTraceIds.length < this.exampleLimit) {
      this.exampleTraceIds.push(traceId);
    }
  }
}

/** Findings counted per service, with the traces they occur in. */
export class FindingsByService {
  private readonly byService = new Map<
    string,
    { findings: number; occurrences: TraceOccurrences }
  >();

  constructor(private readonly exampleLimit: number) {}

  add(service: string, traceId: string) {
    const tally = getOrCreate(this.byService, service, () => ({
      findings: 0,
      occurrences: new TraceOccurrences(this.exampleLimit),
    }));
    tally.findings++;
    tally.occurrences.add(traceId);
  }

  /** Per service, sorted by name. */
  entries() {
    return [...this.byService]
      .sort(([a], [b]) => compareText(a, b))
      .map(([service, { findings, occurrences }]) => ({
        service,
        findings,
        traces: occurrences.traces,
        exampleTraceIds: occurrences.exampleTraceIds,
      }));
  }
}
