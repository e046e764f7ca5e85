// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createClaimChecker, describeClaim, describeVerdict, splitSentences } from '../../facts/claims';
import { compileLexicon } from '../../facts/lexicon';
import { loadEntityFiles } from '../../scripts/fact-files';

const entities = loadEntityFiles().map(({ entity }) => entity);
const lexicon = compileLexicon(entities);
const checker = createClaimChecker(entities);

/** Flags as "value@entity", for the contradicted values of a text on a page about the case. */
function flags(text: string, caseContext = true): string[] {
  const mentions = lexicon
    .findAll(text)
    .map((m) => ({ entityId: m.entry.entityId, category: m.entry.category, start: m.start, end: m.end }));
  return checker
    .check(text, mentions, caseContext)
    .filter((f) => f.verdict === 'contradicted')
    .map((f) => `${f.stated}@${f.entityId}`);
}

describe('claim check', () => {
  it('gives a year joined to a name by "of" to that name, not to the next one', () => {
    const text =
      'The indictment builds on a 2018 complaint against Park Jin Hyok over the 2014 Sony Pictures hack, the Bangladesh Bank heist of February 2016 and the WannaCry ransomware, which spread in May 2017 and hit hospitals of the NHS.';
    expect(flags(text)).toEqual([]);
  });

  it('says nothing on pages that are not about the case', () => {
    expect(flags('The three were charged with trying to steal $2 billion.', false)).toEqual([]);
  });
});

describe('sentences and wording', () => {
  it('does not split after abbreviations and initials', () => {
    const text = 'Mr. Park and John C. Demers met in the U.S. on Monday. Then they left! Did they?';
    expect(splitSentences(text).map((s) => text.slice(s.start, s.end).trim())).toEqual([
      'Mr. Park and John C. Demers met in the U.S. on Monday.',
      'Then they left!',
      'Did they?',
    ]);
  });

  it('describes record values for readers', () => {
    const claims = entities.flatMap((e) => e.claims);
    const total = claims.find((c) => c.kind === 'amount' && c.value === 1_300_000_000)!;
    expect(describeClaim(total)).toBe('more than $1.3 billion');
    const sentence = claims.find((c) => c.kind === 'sentence-months')!;
    expect(describeClaim(sentence)).toBe('140 months (11 years 8 months)');
    expect(describeVerdict('11 years', 'confirmed', [sentence]).text).toBe(
      'This page says “11 years”, which agrees with the record: 140 months (11 years 8 months) (prison term imposed in 2021).',
    );
  });
});

describe('the seed article', () => {
  it('is flagged where it contradicts the record, each with what the record says', () => {
    const seed = readFileSync(resolve(process.cwd(), 'seeds/us-accuses-three-koreans.txt'), 'utf8');
    const byId = new Map(entities.map((e) => [e.id, e]));
    const said: string[] = [];
    // The page side hands the checker one paragraph at a time.
    for (const paragraph of seed.split(/\n\s*\n/)) {
      const mentions = lexicon
        .findAll(paragraph)
        .map((m) => ({ entityId: m.entry.entityId, category: m.entry.category, start: m.start, end: m.end }));
      for (const f of checker.check(paragraph, mentions, true)) {
        if (f.verdict !== 'contradicted') continue;
        const claims = (f.claimIndexes ?? [f.claimIndex]).map((i) => byId.get(f.entityId)!.claims[i]!);
        said.push(describeVerdict(f.stated, f.verdict, claims).text);
      }
    }
    expect(said).toEqual(SEED_VERDICTS);
  });
});
/** What the seed article gets wrong that the checker reads (wrong forms of names are flagged by the matcher). */
const SEED_VERDICTS = [
  'This page says “$1.4” — the record says more than $1.3 billion (total the defendants allegedly tried to steal or extort).',
  'This page says “$1.4 billion” — the record says more than $1.3 billion (total the defendants allegedly tried to steal or extort).',
  'This page says “2018” — the record says 2017 (year of the WannaCry outbreak).',
  'This page says “Deputy Attorney General of the National Defense” — the record says Assistant Attorney General for National Security (his office when announcing the cases).',
  'This page says “2015” — the record says 2014 (year of the hack on the studio).',
  'This page says “conspiracy to commit fraudulent acts, financial misappropriation, and internet fraud” — the record says conspiracy to commit computer fraud and abuse; conspiracy to commit wire fraud and bank fraud (the counts charged).',
];
