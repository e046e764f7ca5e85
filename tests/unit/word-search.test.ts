import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasWholePhrase, hasWordStart, matchesAtWordStart } from '../../facts/claims/word-search';

/** The expressions the search stands in for (one per word list, compiled on first use). */
const escaped = (w: string) => w.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const wordStartExpression = (words: string[]) => new RegExp(`(?<![\\p{L}])(?:${words.map(escaped).join('|')})`, 'iu');
const wholeExpression = (words: string[]) =>
  new RegExp(`(?<![\\p{L}])(?:${words.map(escaped).join('|')})(?![\\p{L}])`, 'iu');

// Letters of several scripts and cases, an astral letter and an emoji (surrogate pairs), digits,
// punctuation, apostrophes and white space: what sentences around cue words are made of.
const piece = fc.constantFrom(
  'a',
  'e',
  'in',
  'of',
  'The',
  'THE',
  'charged',
  'Charged',
  'indicted',
  'é',
  'Ü',
  '한',
  'ß',
  'ı',
  '\u{1D400}',
  '😀',
  '1',
  '2018',
  ' ',
  '  ',
  '\n',
  '-',
  "'",
  '’',
  '.',
  ',',
  '(',
  ')',
  '$',
);
const text = fc.array(piece, { maxLength: 24 }).map((parts) => parts.join(''));
const words = fc.array(fc.constantFrom('in', 'of', 'the', 'charged', 'indicted', 'é', 'Ü', '한', 'ß', '2018', "o'"), {
  minLength: 1,
  maxLength: 4,
});

describe('word search', () => {
  it('finds a word start exactly where the expression does', () => {
    fc.assert(
      fc.property(text, words, (t, w) => {
        expect(hasWordStart(t, w)).toBe(wordStartExpression(w).test(t));
      }),
      { numRuns: 3000 },
    );
  });

  it('finds a whole phrase exactly where the expression does', () => {
    fc.assert(
      fc.property(text, words, (t, w) => {
        expect(hasWholePhrase(t, w)).toBe(wholeExpression(w).test(t));
      }),
      { numRuns: 3000 },
    );
  });

  it('gives the matches an expression with a leading (?<!\\p{L}) gives, without it', () => {
    // Alternatives that overlap, share starts, span words and end on a lookahead, as the check's do.
    const body = String.raw`(?:the\s+)?(?:three|trio)(?:\s+men)?|the\s+group|the|he|his|in|of|é|한|2018`;
    const withLookbehind = new RegExp(`(?<![\\p{L}])(?:${body})(?![\\p{L}])`, 'giu');
    const without = new RegExp(`(?:${body})(?![\\p{L}])`, 'giu');
    const pieces = fc.array(fc.oneof(piece, fc.constantFrom('three', 'trio', 'men', 'group', 'his', 'he', 'the ')), {
      maxLength: 24,
    });
    fc.assert(
      fc.property(pieces, (parts) => {
        const t = parts.join('');
        const expected = [...t.matchAll(withLookbehind)].map((m) => [m.index, m[0]]);
        expect([...matchesAtWordStart(without, t)].map((m) => [m.index, m[0]])).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads letters around a hit as whole code points', () => {
    expect(hasWordStart('\u{1D400}in', ['in'])).toBe(false);
    expect(hasWordStart('😀in', ['in'])).toBe(true);
    expect(hasWholePhrase('in\u{1D400}', ['in'])).toBe(false);
    expect(hasWholePhrase('in 2018', ['IN'])).toBe(true);
    expect(hasWordStart('anything', [])).toBe(false);
  });
});
