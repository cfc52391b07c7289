/**
 * Trace and span ids arrive as hex of any case and length (Jaeger and Zipkin
 * drop leading zeros, 64-bit trace ids are common) or as padded base64 (what
 * protobuf JSON encoders produce for `bytes` fields). Everything becomes
 * lowercase hex of a fixed width. Lookup tables keep this allocation-free on
 * the common path, which runs several times per span.
 */

const TRACE_ID_BYTES = 16;
const SPAN_ID_BYTES = 8;
const ZEROS = '0'.repeat(TRACE_ID_BYTES * 2);
const ZERO_SPAN_ID = ZEROS.slice(0, SPAN_ID_BYTES * 2);

const NOT_HEX = -1;
const HEX_UPPERCASE = -2;
/** Per ASCII code: 0 for a lowercase hex digit, HEX_UPPERCASE for A-F, NOT_HEX otherwise. */
const HEX_CLASS = new Int8Array(128).fill(NOT_HEX);
/** Per ASCII code: the 6-bit value of a base64 digit (standard or URL-safe), or -1. */
const BASE64_DIGIT = new Int8Array(128).fill(-1);
const HEX_DIGIT_CODES = Array.from('0123456789abcdef', c => c.charCodeAt(0));

for (const c of '0123456789abcdef') HEX_CLASS[c.charCodeAt(0)] = 0;
for (const c of 'ABCDEF') HEX_CLASS[c.charCodeAt(0)] = HEX_UPPERCASE;
const BASE64_ALPHABET =
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
for (let i = 0; i < 64; i++) BASE64_DIGIT[BASE64_ALPHABET.charCodeAt(i)] = i;
BASE64_DIGIT['-'.charCodeAt(0)] = 62;
BASE64_DIGIT['_'.charCodeAt(0)] = 63;

/**
 * Reused output buffers: building the hex string from char codes in one call
 * is about twice as fast as concatenating byte pairs, which leaves a rope
 * that has to be flattened at the first comparison.
 */
const HEX_CODE_BUFFERS: Record<number, number[]> = {
  [SPAN_ID_BYTES]: new Array(SPAN_ID_BYTES * 2).fill(0),
  [TRACE_ID_BYTES]: new Array(TRACE_ID_BYTES * 2).fill(0),
};

const PADDING = '='.charCodeAt(0);

/** Lowercase hex of `value` padded to `hexLength`, or undefined if it is not hex that fits. */
function hexToCanonical(value: string, hexLength: number): string | undefined {
  const length = value.length;
  if (length === 0 || length > hexLength) return undefined;
  let hasUppercase = false;
  for (let i = 0; i < length; i++) {
    const code = value.charCodeAt(i);
    const hexClass = code < 128 ? HEX_CLASS[code] : NOT_HEX;
    if (hexClass === NOT_HEX) return undefined;
    if (hexClass === HEX_UPPERCASE) hasUppercase = true;
  }
  const lowercase = hasUppercase ? value.toLowerCase() : value;
  return length === hexLength
    ? lowercase
    : ZEROS.slice(0, hexLength - length) + lowercase;
}

/**
 * Hex of a padded base64 string that encodes exactly `byteLength` bytes.
 * Requiring the padding keeps base64 distinguishable from hex: a padded
 * encoding of 8 or 16 bytes always ends with `=`, which hex never contains.
 */
function base64ToHex(value: string, byteLength: number): string | undefined {
  const digitCount = Math.ceil((byteLength * 8) / 6);
  const paddedLength = Math.ceil(byteLength / 3) * 4;
  if (value.length !== paddedLength) return undefined;
  for (let i = digitCount; i < paddedLength; i++) {
    if (value.charCodeAt(i) !== PADDING) return undefined;
  }
  const hexCodes = HEX_CODE_BUFFERS[byteLength];
  let written = 0;
  let bits = 0;
  let bitCount = 0;
  for (let i = 0; i < digitCount; i++) {
    const code = value.charCodeAt(i);
    const digit = code < 128 ? BASE64_DIGIT[code] : -1;
    if (digit < 0) return undefined;
    bits = (bits << 6) | digit;
    bitCount += 6;
    if (bitCount >= 8) {
      bitCount -= 8;
      const byte = (bits >> bitCount) & 0xff;
      hexCodes[written++] = HEX_DIGIT_CODES[byte >> 4];
      hexCodes[written++] = HEX_DIGIT_CODES[byte & 0xf];
      bits &= (1 << bitCount) - 1;
    }
  }
  return String.fromCharCode.apply(null, hexCodes);
}

/**
 * Canonical hex of a trace id without rejecting the all-zero id, so callers
 * can tell "absent" (zero) from "malformed" (undefined).
 */
export function canonicalTraceId(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const hexLength = TRACE_ID_BYTES * 2;
  const hex = hexToCanonical(value, hexLength);
  if (hex !== undefined) return hex;
  const decoded =
    base64ToHex(value, TRACE_ID_BYTES) ?? base64ToHex(value, SPAN_ID_BYTES);
  return decoded === undefined || decoded.length === hexLength
    ? decoded
    : ZEROS.slice(decoded.length) + decoded;
}

/** Like {@link canonicalTraceId}, for span ids. */
export function canonicalSpanId(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  return (
    hexToCanonical(value, SPAN_ID_BYTES * 2) ??
    base64ToHex(value, SPAN_ID_BYTES)
  );
}

export function isZeroTraceId(id: string): boolean {
  return id === ZEROS;
}

export function isZeroSpanId(id: string): boolean {
  return id === ZERO_SPAN_ID;
}

/**
 * Normalises a trace id given as hex (any case, up to 32 digits) or as padded
 * base64 of 16 or 8 bytes to 32 lowercase hex digits. Returns undefined for
 * anything else, including the all-zero id that OpenTelemetry defines as invalid.
 *
 * @public
 */
export function normalizeTraceId(value: unknown): string | undefined {
  const id = canonicalTraceId(value);
  return id === undefined || isZeroTraceId(id) ? undefined : id;
}

/**
 * Normalises a span id given as hex (any case, up to 16 digits) or as padded
 * base64 of 8 bytes to 16 lowercase hex digits. Returns undefined for anything
 * else, including the all-zero id.
 *
 * @public
 */
export function normalizeSpanId(value: unknown): string | undefined {
  const id = canonicalSpanId(value);
  return id === undefined || isZeroSpanId(id) ? undefined : id;
}
