export { parseOtlpJson } from './otlpJson';
export { parseJaegerJson } from './jaegerJson';
export { parseZipkinJson } from './zipkinJson';
export { normalizeSpanId, normalizeTraceId } from './ids';
