// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createClaimChecker, splitSentences } from '../../facts/claims';
import { compileLexicon } from '../../facts/lexicon';
import { loadEntityFiles } from '../../scripts/fact-files';
import { loadClaimSet } from './claim-set';

const entities = loadEntityFiles().map(({ entity }) => entity);
const lexicon = compileLexicon(entities);
const checker = createClaimChecker(entities);

function mentionsOf(text: string) {
  return lexicon
    .findAll(text)
    .map((m) => ({ entityId: m.entry.entityId, category: m.entry.category, start: m.start, end: m.end }));
}

/** The fastest of a few runs: the least disturbed by whatever else the machine is doing. */
function fastest(runs: number, work: () => unknown): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    work();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

function checkTime(text: string, runs: number): number {
  const mentions = mentionsOf(text);
  return fastest(runs, () => checker.check(text, mentions, true));
}

/**
 * The claim check's cost grows with the length of the run and nothing else.
 * Each figure is compared with a baseline measured in the same test on text of
 * the same kind, so a slow or busy machine changes both alike; the bounds are
 * wide (a quadratic cost exceeds them by orders of magnitude: a paragraph of
 * 30,000 "Mr." once took 12 s against 0.1 s for plain words).
 */
describe('the cost of the claim check', () => {
  it('does not grow with consecutive abbreviations', { timeout: 60_000 }, () => {
    const name = 'Park Jin Hyok was charged in 2018 and is believed to be in North Korea. ';
    const abbreviations = `${name}${'Mr. '.repeat(30_000)}Park stole $2 billion.`;
    const plain = `${name}${'Mxy '.repeat(30_000)}Park stole $2 billion.`;
    const baseline = checkTime(plain, 3);
    const cost = checkTime(abbreviations, 3);
    console.log(
      `30,000 abbreviations: ${cost.toFixed(1)} ms, plain text of the same length: ${baseline.toFixed(1)} ms`,
    );
    expect(cost).toBeLessThan(20 * baseline + 250);
    expect(splitSentences(abbreviations)).toHaveLength(2);
  });

  it('checks a 1 MB paragraph about the case in time proportional to its length', { timeout: 60_000 }, () => {
    const paragraph = loadClaimSet()
      .map((s) => s.text)
      .join(' ');
    const tenth = paragraph.repeat(Math.ceil(100_000 / paragraph.length));
    const whole = tenth.repeat(10);
    const small = checkTime(tenth, 3);
    const large = checkTime(whole, 1);
    console.log(
      `claim check: ${(tenth.length / 1e3).toFixed(0)} kB in ${small.toFixed(0)} ms, ${(whole.length / 1e6).toFixed(2)} MB in ${large.toFixed(0)} ms`,
    );
    // Ten times the text: ten times the work, with room for a busy machine (a quadratic check would take 100x).
    expect(large).toBeLessThan(40 * small + 250);
  });
});
