import { describe, expect, it } from 'vitest';
import { createClaimChecker, describeClaim, splitSentences } from '../../facts/claims';
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

/** Sentences with the contradictions they hold (empty: nothing may be flagged). */
const SENTENCES: [string, string[]][] = [
  // The seed article's errors.
  [
    "These men were also charged with being part of a cyberattack of the wannacry in 2018 which damaged Britain's health computer systems on a large scale.",
    ['2018@wannacry'],
  ],
  [
    'One of those accused, Park Jin Hyok, is on the watch list of the FBI as he has been previously accused of participating in the 2015 hacking of Sony Pictures.',
    ['2015@sony-pictures-entertainment'],
  ],
  [
    'The US has recently charged three North Koreas for attempting to steal more than $1.4 billion from various US Financial institutions.',
    ['$1.4 billion@us-v-jon-chang-hyok-2020'],
  ],
  [
    'The Deputy Attorney General of the National Defense, Mr. John Demers has said North Korea is now a haven for cyber-criminals.',
    ['Deputy Attorney General of the National Defense@john-demers'],
  ],
  // Wrong years, amounts, titles and sentences elsewhere.
  ['WannaCry spread around the world in 2016, hitting hospitals.', ['2016@wannacry']],
  ['The 2014 Sony hack and WannaCry in 2016 were both blamed on Pyongyang.', ['2016@wannacry']],
  ['Hackers stole $101 million from Bangladesh Bank in 2016.', ['$101 million@bangladesh-bank']],
  ['The Bangladesh Bank heist of 2015 netted the thieves $81 million.', ['2015@bangladesh-bank-heist-2016']],
  ['In 2015, the Sony Pictures hack leaked unreleased films.', ['2015@sony-pictures-hack-2014']],
  ['Ghaleb Alaumary was sentenced to 15 years in prison.', ['15 years@ghaleb-alaumary']],
  ['Ghaleb Alaumary was sentenced to 100 months in federal prison.', ['100 months@ghaleb-alaumary']],
  ['Deputy Attorney General John Demers announced the charges.', ['Deputy Attorney General@john-demers']],
  ['The three North Koreans are accused of trying to steal $2 billion.', ['$2 billion@us-v-jon-chang-hyok-2020']],
  [
    'The indictment says the three tried to steal and extort 1.9bn dollars.',
    ['1.9bn dollars@us-v-jon-chang-hyok-2020'],
  ],
  ['The WannaCry ransomware attack of 2018 crippled the NHS.', ['2018@wannacry-attack-2017']],
  // Right values: never flagged.
  ['WannaCry struck in May 2017, crippling parts of the NHS.', []],
  ['The Sony Pictures hack in 2014 and the Bangladesh Bank raid in 2016 were both charged.', []],
  ['Prosecutors say the three tried to steal more than $1.3 billion in cash and cryptocurrency.', []],
  ['Park Jin Hyok and two others were charged with trying to steal or extort $1.3bn.', []],
  ['Ghaleb Alaumary was sentenced to 140 months in prison.', []],
  ['Ghaleb Alaumary was sentenced to 11 years and 8 months.', []],
  ['Alaumary got 11 years in prison for laundering the money.', []],
  ['Assistant Attorney General John Demers announced the charges.', []],
  ['John Demers, the Assistant Attorney General for National Security, spoke on Wednesday.', []],
  ['Acting U.S. Attorney Tracy Wilkison called the conduct staggering.', []],
  ['FBI Deputy Director Paul Abbate said the indictment expands the 2018 charges.', []],
  ['Thieves took $81 million from Bangladesh Bank in February 2016.', []],
  ['The Bank of Valletta lost about €13 million in the 2019 heist.', []],
  ['The attacks on banks attempted to steal more than $1.2 billion, prosecutors said.', []],
  // Numbers that are not claims about the entity: left alone.
  ['WannaCry was first analysed in a 2018 report by the NAO.', []],
  ['Sony Pictures was founded in 1987 and is based in Culver City.', []],
  ['Park Jin Hyok, 36, worked for Chosun Expo Joint Venture.', []],
  ['In 2021, the FBI published wanted posters of Park Jin Hyok.', []],
  ['The Lazarus Group stole $600 million from Axie Infinity in 2022.', []],
  ['Hackers stole $600 million from a gaming network last year.', []],
  ['The NHS cancelled 19,000 appointments after the 2017 attack.', []],
  ['The FBI has 35,000 employees and a budget of $10 billion.', []],
  ['Bank of Valletta reported losses equal to $14.5 million.', []],
  ['Director Christopher Wray spoke about WannaCry in 2019 testimony.', []],
  ['The Interview was released on Christmas Day in 2014.', []],
  // Reporting verbs: a year after them may date the report, not the event.
  ['The FBI blamed North Korea for the Sony hack in January 2015.', []],
  ['In 2018, prosecutors charged Park Jin Hyok over WannaCry.', []],
  ['WannaCry, which appeared in 2017, was charged to Park Jin Hyok in 2018.', []],
  ['The FBI said in 2014 that North Korea was behind the Sony hack.', []],
  [
    'US officials said the RGB oversaw the Sony Pictures hack, which happened in 2016.',
    ['2016@sony-pictures-hack-2014'],
  ],
  ['Prosecutors said the WannaCry attack of 2016 hit 150 countries.', ['2016@wannacry-attack-2017']],
  // Maximum terms are not sentences.
  ['Ghaleb Alaumary faces up to 20 years in prison.', []],
  ['Alaumary, 37, could get as much as 20 years in prison when he is sentenced.', []],
  ['Alaumary was sentenced in September 2021 to more than 11 years in prison.', []],
  ['Ghaleb Alaumary was sentenced to nine years in prison.', ['nine years@ghaleb-alaumary']],
  // More right values and unrelated numbers.
  ['The Sony Pictures hack, which North Korea denied, took place in 2014.', []],
  ['Sony Pictures released The Interview in 2014 after the hack.', []],
  ['A 2017 report by the NAO found 81 NHS trusts were affected by WannaCry.', []],
  ['The WannaCry attack cost the NHS £92 million in 2017.', []],
  ['Lazarus Group hackers were linked to a $100 million theft in 2022.', []],
  ['The Bangladesh Bank heist began with a SWIFT message sent on 4 February 2016.', []],
  ['About $81 million was stolen from Bangladesh Bank, and roughly $1 billion more was blocked.', []],
  ['Bangladesh Bank lost $81m in February 2016.', []],
  ['Hackers stole about $81 million from the central bank of Bangladesh in 2016.', []],
  ['Bangladesh Bank lost $951 million to hackers, the newspaper wrongly said.', ['$951 million@bangladesh-bank']],
  ['The three North Koreans were charged with trying to steal more than $1.3 billion, prosecutors said.', []],
  ['Park Jin Hyok, Jon Chang Hyok and Kim Il were indicted for a conspiracy to steal $1.3 billion.', []],
  [
    'Park Jin Hyok, Jon Chang Hyok and Kim Il were indicted for a conspiracy to steal $3 billion.',
    ['$3 billion@kim-il'],
  ],
];

describe('claim check over test sentences', () => {
  it.each(SENTENCES)('%s', (text, expected) => {
    expect(flags(text).sort()).toEqual([...expected].sort());
  });

  it('reports precision and recall', () => {
    let truePositives = 0;
    let falsePositives = 0;
    let falseNegatives = 0;
    let sentenceTp = 0;
    let sentenceFp = 0;
    let sentenceFn = 0;
    for (const [text, expected] of SENTENCES) {
      const got = flags(text);
      truePositives += got.filter((g) => expected.includes(g)).length;
      falsePositives += got.filter((g) => !expected.includes(g)).length;
      falseNegatives += expected.filter((e) => !got.includes(e)).length;
      if (got.length > 0 && got.every((g) => expected.includes(g))) sentenceTp += 1;
      else if (got.length > 0) sentenceFp += 1;
      if (expected.length > 0 && !(got.length > 0 && got.every((g) => expected.includes(g)))) sentenceFn += 1;
    }
    const precision = sentenceTp / (sentenceTp + sentenceFp);
    const recall = sentenceTp / (sentenceTp + sentenceFn);
    console.log(
      `claim check: ${SENTENCES.length} sentences; sentence precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}; ` +
        `values: ${truePositives} right, ${falsePositives} wrong, ${falseNegatives} missed`,
    );
    expect(precision).toBe(1);
    expect(recall).toBeGreaterThanOrEqual(0.9);
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
  });
});
