// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createClaimChecker } from '../../facts/claims';
import { compileLexicon } from '../../facts/lexicon';
import { loadEntityFiles } from '../../scripts/fact-files';
import { figures, type LabelledSentence, loadClaimSet, scoreSentence } from './claim-set';

const entities = loadEntityFiles().map(({ entity }) => entity);
const lexicon = compileLexicon(entities);
const checker = createClaimChecker(entities);
const set = loadClaimSet();

/** Checks the sentence's run (its paragraph when it has one) as the page side would, then scores the sentence. */
function score(s: LabelledSentence) {
  const run = s.paragraph ?? s.text;
  const mentions = lexicon
    .findAll(run)
    .map((m) => ({ entityId: m.entry.entityId, category: m.entry.category, start: m.start, end: m.end }));
  return scoreSentence(s, checker.check(run, mentions, s.caseContext ?? true));
}

const describeFinding = (f: { stated: string; verdict: string; entityId: string }) =>
  `${f.stated}|${f.verdict}|${f.entityId}`;

describe('the labelled claim sentences', () => {
  it('are at least 100, a third of them modelled on stored coverage with its source', () => {
    expect(set.length).toBeGreaterThanOrEqual(100);
    const coverage = set.filter((s) => s.group === 'coverage' && s.source?.startsWith('http'));
    expect(coverage.length * 3).toBeGreaterThanOrEqual(set.length);
    expect(new Set(set.map((s) => s.id)).size).toBe(set.length);
  });

  it.each(set.map((s) => [s.id, s] as const))('%s: nothing is judged against the record wrongly', (_id, s) => {
    const { wrong, missed } = score(s);
    expect(wrong.map(describeFinding)).toEqual([]);
    // The unit sentences and the seed article keep every contradiction they were written to show.
    if (s.group === 'unit' || s.group === 'seed') {
      expect(missed.filter((v) => v.verdict === 'contradicted').map((v) => v.stated)).toEqual([]);
    }
  });

  it('reports sentence precision and recall', () => {
    const f = figures(set.map((sentence) => ({ sentence, score: score(sentence) })));
    console.log(
      `claim set: ${f.sentences} sentences, ${f.labelled} with a labelled verdict; ` +
        `sentence precision ${f.precision.toFixed(3)} (${f.judgedRight}/${f.judged}), ` +
        `recall ${f.recall.toFixed(3)} (${f.complete}/${f.labelled}), contradictions found ${f.contradictionRecall.toFixed(3)}; ` +
        `values: ${f.values.right} right, ${f.values.wrong} wrong, ${f.values.missed} missed`,
    );
    expect(f.precision).toBe(1);
    expect(f.recall).toBeGreaterThanOrEqual(0.8);
  });
});
