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
