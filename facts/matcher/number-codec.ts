/**
 * Lists of small non-negative integers as printable ASCII, five bits per
 * character with a continuation bit: the fold tables ship in this form, so a
 * frame decodes a few kilobytes instead of deriving twelve thousand entries
 * with Unicode expressions (see fold-tables.ts).
 */
const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_$';

export function encodeNumbers(numbers: readonly number[]): string {
  let out = '';
  for (let n of numbers) {
    if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`cannot encode ${n}: not a non-negative integer`);
    while (n >= 32) {
      out += DIGITS[(n % 32) + 32];
      n = Math.floor(n / 32);
    }
    out += DIGITS[n];
  }
  return out;
}

/** Calls `each` with every number of `encoded`, in order. */
export function forEachNumber(encoded: string, each: (n: number) => void): void {
  let value = 0;
  let shift = 0;
  for (let i = 0; i < encoded.length; i += 1) {
    const c = encoded.charCodeAt(i);
    // Inverse of DIGITS without a lookup table: 0-9, A-Z, a-z, _, $.
    const digit = c === 0x24 ? 63 : c === 0x5f ? 62 : c <= 0x39 ? c - 0x30 : c <= 0x5a ? c - 0x37 : c - 0x3d;
    value += (digit & 31) * 2 ** shift;
    if (digit & 32) shift += 5;
    else {
      each(value);
      value = 0;
      shift = 0;
    }
  }
}
