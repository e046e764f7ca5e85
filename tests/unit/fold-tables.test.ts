// @vitest-environment node
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FOLD, WORD } from '../../facts/matcher/fold';
import { deriveFoldTables, foldTablesModule } from '../../facts/matcher/fold-rules';
import { encodeNumbers, forEachNumber } from '../../facts/matcher/number-codec';

describe('the shipped fold tables', () => {
  it('are the ones the folding rules derive (else run `npm run facts:tables`)', () => {
    const shipped = readFileSync(new URL('../../facts/matcher/fold-tables.ts', import.meta.url), 'utf8');
    expect(shipped, 'facts/matcher/fold-tables.ts is stale: run `npm run facts:tables`').toBe(foldTablesModule());
  });

  it('decode to the derived tables, unit by unit', () => {
    const derived = deriveFoldTables();
    expect(Array.from(FOLD)).toEqual(Array.from(derived.fold));
    expect(Array.from(WORD)).toEqual(Array.from(derived.word));
  });
});

describe('the number codec', () => {
  it('gives back every list of non-negative integers it encodes', () => {
    fc.assert(
      fc.property(fc.array(fc.maxSafeNat()), (numbers) => {
        const decoded: number[] = [];
        forEachNumber(encodeNumbers(numbers), (n) => decoded.push(n));
        expect(decoded).toEqual(numbers);
      }),
    );
  });

  it('refuses what it cannot encode, naming the value', () => {
    expect(() => encodeNumbers([3, -1])).toThrow('cannot encode -1');
    expect(() => encodeNumbers([0.5])).toThrow('cannot encode 0.5');
  });
});
