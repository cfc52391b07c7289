import { Trace } from '../model';

/**
 * Repairs one kind of data problem in a trace, in the manner of the Jaeger
 * query service's adjusters. Adjusters may change the trace and its spans in
 * place (copying every span of a large trace per step would dominate the
 * analysis time) and return the trace; callers must not rely on the input
 * staying unchanged.
 *
 * @public
 */
export type Adjuster = (trace: Trace) => Trace;

/**
 * One adjuster that applies the given adjusters in order.
 *
 * @public
 */
export function adjusterSequence(...adjusters: Adjuster[]): Adjuster {
  return trace => adjusters.reduce((current, adjust) => adjust(current), trace);
}
