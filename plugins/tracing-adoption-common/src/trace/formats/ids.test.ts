import fc from 'fast-check';
import { normalizeSpanId, normalizeTraceId } from './ids';

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, byte => byte.toString(16).padStart(2, '0')).join('');
}

function toBase64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

describe('normalizeTraceId', () => {
  it.each([
    ['5b8efff798038103d269b633813fc60c', '5b8efff798038103d269b633813fc60c'],
    ['5B8EFFF798038103D269B633813FC60C', '5b8efff798038103d269b633813fc60c'],
    ['d269b633813fc60c', '0000000000000000d269b633813fc60c'],
    ['1', '00000000000000000000000000000001'],
    ['W47/95gDgQPSabYzgT/GDA==', '5b8efff798038103d269b633813fc60c'],
    ['W47_95gDgQPSabYzgT_GDA==', '5b8efff798038103d269b633813fc60c'],
    ['0vKPMEDuHQI=', '0000000000000000d2f28f3040ee1d02'],
    ['00000000000000000000000000000000', undefined],
    ['AAAAAAAAAAAAAAAAAAAAAA==', undefined],
    ['', undefined],
    ['5b8efff798038103d269b633813fc60c0', undefined],
    ['5b8efff7-9803-8103-d269-b633813fc60c', undefined],
    ['W47/95gDgQPSabYzgT/GDA', undefined],
    ['W47/95gDgQPSabYzgT/GD===', undefined],
    ['W47/95gDgQPSabYzgT/GDA=A', undefined],
    ['ÿ47/95gDgQPSabYzgT/GDA==', undefined],
    [42, undefined],
    [null, undefined],
  ])('normalises %j to %j', (input, expected) => {
    expect(normalizeTraceId(input)).toBe(expected);
  });

  it('gives the same id for hex of either case and for base64', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 16 }), bytes => {
        const hex = toHex(bytes);
        const expected = /[^0]/.test(hex) ? hex : undefined;
        expect(normalizeTraceId(hex.toUpperCase())).toBe(expected);
        expect(normalizeTraceId(toBase64(bytes))).toBe(expected);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('normalizeSpanId', () => {
  it.each([
    ['eee19b7ec3c1b174', 'eee19b7ec3c1b174'],
    ['EEE19B7EC3C1B174', 'eee19b7ec3c1b174'],
    ['ff', '00000000000000ff'],
    ['7uGbfsPBsXQ=', 'eee19b7ec3c1b174'],
    ['0000000000000000', undefined],
    ['AAAAAAAAAAA=', undefined],
    ['eee19b7ec3c1b1740', undefined],
    ['W47/95gDgQPSabYzgT/GDA==', undefined],
    ['7uGbfsPBsXQ', undefined],
    [undefined, undefined],
  ])('normalises %j to %j', (input, expected) => {
    expect(normalizeSpanId(input)).toBe(expected);
  });

  it('gives the same id for hex of either case and for base64', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 8, maxLength: 8 }), bytes => {
        const hex = toHex(bytes);
        const expected = /[^0]/.test(hex) ? hex : undefined;
        expect(normalizeSpanId(hex.toUpperCase())).toBe(expected);
        expect(normalizeSpanId(toBase64(bytes))).toBe(expected);
      }),
      { numRuns: 1000 },
    );
  });
});
