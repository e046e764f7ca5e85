// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createClaimChecker, splitSentences } from '../../facts/claims';
import { loadEntityFiles } from '../../scripts/fact-files';
import { textRuns } from './page-text';
import { CORPUS, haveCorpus } from './threat-intel';

/**
 * A sentence that names nobody can hold only a case-wide value, so the check
 * reads only amounts and counts there. On every sentence of the corpus and of
 * the bench's case sentences, on a page about the case, it must find exactly
 * what reading every kind of value finds.
 */

const entities = loadEntityFiles().map(({ entity }) => entity);
const shortcut = createClaimChecker(entities);
const reference = createClaimChecker(entities, { readEveryValue: true });

function namelessSentences(text: string): string[] {
  return splitSentences(text).map((s) => text.slice(s.start, s.end));
}

function benchSentences(): string[] {
  const dir = 'tests/fixtures/bench';
  return readdirSync(dir)
    .filter((f) => /^case-sentences.*\.json$/.test(f))
    .flatMap((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')).sentences.map((s: { html: string }) => s.html))
    .map((html: string) => html.replace(/<[^>]*>/g, ''));
}

/** Pieces of sentences that name nobody: the case-wide claim's context and cue words, and every kind of value. */
const PIECES = [
  'Prosecutors said',
  'the three defendants',
  'North Korean hackers were charged',
  'an indictment unsealed in 2021 accuses',
  'tried to steal',
  'stole',
  'extortion of',
  'more than $1.3 billion',
  '$1.2 billion',
  '81 million dollars',
  '$2bn',
  'three',
  'two men',
  'five years and three months',
  '10 years in prison',
  'in 2014',
  'in Pyongyang',
  'in Los Angeles',
  'wire fraud and bank fraud',
  'conspiracy to commit computer fraud',
  'aged 37',
  'Assistant Attorney General',
  'FBI Director',
  'from banks and companies',
  ',',
  'and',
];

describe('sentences that name nobody', () => {
  it('give the same findings read for amounts and counts alone (generated sentences)', () => {
    let findings = 0;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { minLength: 2, maxLength: 12 }), (pieces) => {
        const sentence = `${pieces.join(' ')}.`;
        const expected = reference.check(sentence, [], true);
        findings += expected.length;
        expect(shortcut.check(sentence, [], true)).toEqual(expected);
      }),
      { numRuns: 3000, seed: 20261201 },
    );
    expect(findings).toBeGreaterThan(100);
  });

  it('give the same findings read for amounts and counts alone (the corpus and the bench sentences)', () => {
    const texts = [...benchSentences()];
    if (haveCorpus) {
      for (const file of readdirSync(CORPUS).filter((f) => f.endsWith('.html')))
        texts.push(...textRuns(readFileSync(join(CORPUS, file), 'utf8')));
    }
    let judged = 0;
    for (const text of texts) {
      for (const sentence of namelessSentences(text)) {
        const expected = reference.check(sentence, [], true);
        expect(shortcut.check(sentence, [], true), sentence).toEqual(expected);
        judged += 1;
      }
    }
    expect(judged).toBeGreaterThan(haveCorpus ? 10_000 : 100);
  }, 120_000);
});
