// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { compileMatcher, compileMatcherInSlices } from '../../facts/matcher/compile';
import { compileLexicon, lexiconTerms } from '../../facts/lexicon';
import { compileReferenceMatcher } from './reference/matcher';
import { loadEntityFiles } from '../../scripts/fact-files';
import { seededRandom } from './seeded-random';

const lexicon = compileLexicon(loadEntityFiles().map(({ entity }) => entity));

/** The entity ids found in a text, with the matched text: "id=text". */
function found(text: string): string[] {
  return lexicon.findAll(text).map((m) => `${m.entry.entityId}=${text.slice(m.start, m.end)}`);
}

describe('matching every spelling', () => {
  it.each([
    ['Park Jin Hyok was charged.', 'park-jin-hyok=Park Jin Hyok'],
    ['Park Jin-hyok was charged.', 'park-jin-hyok=Park Jin-hyok'],
    ['PARK JIN HYOK', 'park-jin-hyok=PARK JIN HYOK'],
    ['Park\u00a0Jin\nHyok', 'park-jin-hyok=Park\u00a0Jin\nHyok'],
    ['Park  Jin   Hyok', 'park-jin-hyok=Park  Jin   Hyok'],
    ['It was WannaCry.', 'wannacry=WannaCry'],
    ['(WannaCry)', 'wannacry=WannaCry'],
    ["Alaumary's lawyer", 'ghaleb-alaumary=Alaumary'],
    ['Ghaleb Alaumary’s plea', 'ghaleb-alaumary=Ghaleb Alaumary'],
    ['the Lazarus Group struck', 'lazarus-group=Lazarus Group'],
    ['HIDDEN COBRA alerts', 'lazarus-group=HIDDEN COBRA'],
    ['박진혁은 기소되었다', 'park-jin-hyok=박진혁'],
    ['Sony Pictures Entertainment said', 'sony-pictures-entertainment=Sony Pictures Entertainment'],
  ])('finds %j', (text, expected) => {
    expect(found(text)).toContain(expected);
  });

  it('prefers the longest name at a position', () => {
    expect(found('Lazarus Group')).toEqual(['lazarus-group=Lazarus Group']);
    expect(found('Sony Pictures Entertainment')).toEqual(['sony-pictures-entertainment=Sony Pictures Entertainment']);
  });

  it('keeps acronyms case-sensitive', () => {
    expect(found('the RGB ran it')).toContain('reconnaissance-general-bureau=RGB');
    expect(found('an rgb strip')).toEqual([]);
    expect(found('the fbi')).toEqual([]);
    // The group's name, capitalised; the phrase in prose is something else.
    expect(found('the Guardians of Peace')).toEqual(['guardians-of-peace=Guardians of Peace']);
    expect(found('peacekeepers, the guardians of peace')).toEqual([]);
  });

  it('matches whole words only', () => {
    expect(found('WannaCryX and XWannaCry')).toEqual([]);
    expect(found('Lazaruses')).toEqual([]);
  });

  it('never matches the start of a longer name', () => {
    expect(found('Kim Il-sung founded the state')).toEqual([]);
    expect(found('Kim Il Sung Square')).toEqual([]);
    expect(found('the raising of Lazarus of Bethany')).toEqual([]);
  });

  it('finds 김일 with its particles but never inside 김일성', () => {
    expect(found('김일은 기소되었다')).toEqual(['kim-il=김일']);
    expect(found('김일성의 이름, 김일성 종합대학')).toEqual([]);
    expect(found('김일성과 김일')).toEqual(['kim-il=김일']);
  });

  it('blocks Taylor Swift, so the singer never reads as the bank network', () => {
    expect(found('Taylor Swift and Swift')).toEqual(['swift=Swift']);
  });

  it('steps over soft hyphens and reads primes as apostrophes', () => {
    expect(found('Ghaleb Ala\u00adumary pleaded')).toEqual(['ghaleb-alaumary=Ghaleb Ala\u00adumary']);
    expect(found('P\u2032yŏngyang')).toEqual(['pyongyang=P\u2032yŏngyang']);
    expect(found('Ala\u00adumary\u00adX')).toEqual([]);
  });

  it('matches known wrong forms and says so', () => {
    const [kimII] = lexicon
      .findAll('Mr. Park, Jon Chang Hyok, and Kim II have been charged')
      .filter((m) => m.entry.entityId === 'kim-il');
    expect(kimII?.entry.wrongForm).toBe(true);
    const [rg] = lexicon.findAll('the unit, the Reconnaissance General.');
    expect(rg?.entry.entityId).toBe('reconnaissance-general-bureau');
    expect(rg?.entry.wrongForm).toBe(true);
    const [rgb] = lexicon.findAll('the Reconnaissance General Bureau');
    expect(rgb?.entry.wrongForm).toBe(false);
  });

  it('flags ambiguous words as needing case context', () => {
    const [lazarus] = lexicon.findAll('Lazarus');
    expect(lazarus?.entry.needsContext).toBe(true);
    const [group] = lexicon.findAll('Lazarus Group');
    expect(group?.entry.needsContext).toBe(false);
  });
});

describe('the compiled matcher', () => {
  it('ignores diacritics both ways', () => {
    const m = compileMatcher([
      { text: "P'yŏngyang", entry: 'p' },
      { text: 'Pyongyang', entry: 'p' },
    ]);
    expect(m.findAll("P'yongyang, P’yŏngyang and Pyŏngyang").map((x) => x.entry)).toEqual(['p', 'p', 'p']);
  });

  it('reports nothing for blockers but consumes their text', () => {
    const m = compileMatcher<string>([
      { text: 'Kim Il', entry: 'kim' },
      { text: 'Kim Il-sung', entry: null },
    ]);
    expect(m.findAll('Kim Il-sung met Kim Il').map((x) => x.start)).toEqual([16]);
  });

  it('handles ten thousand terms in one pattern', () => {
    const terms = Array.from({ length: 10_000 }, (_, i) => ({ text: `Actor ${i.toString(36)} Group`, entry: i }));
    const m = compileMatcher(terms);
    expect(m.findAll('seen: Actor 7pr Group, Actor a Group and ACTOR ZZ-group.').map((x) => x.entry)).toEqual([
      parseInt('7pr', 36),
      10,
      parseInt('zz', 36),
    ]);
    expect(m.findAll('Actor 7ps Group is not one of them')).toEqual([]);
  });
});

describe('the flat trie agrees with the reference matcher', () => {
  const store = loadEntityFiles().map(({ entity }) => entity);
  const terms = lexiconTerms(store);
  // Made-up names sharing beginnings with the store's, so that walks go deep and fail late.
  const extra = Array.from({ length: 2000 }, (_, i) => ({
    text: `${['Park', 'Lazarus', 'Kim', 'Wanna', 'Sony', 'North'][i % 6]} ${i.toString(36)}${i % 3 ? '-ho' : ' Group'}`,
    entry: {
      entityId: `made-up-${i}`,
      category: 'other' as const,
      needsContext: false,
      aliasIndex: 0,
      wrongForm: false,
    },
  }));
  // Spellings another entity claims too (as a fact pack's names do the case's): every claimant is returned.
  const shared = ['Lazarus Group', 'WannaCry', 'RGB', 'Park Jin Hyok'].map((text, i) => ({
    text,
    entry: { ...extra[0]!.entry, entityId: `shared-${i}` },
  }));
  const fast = compileMatcher([...terms, ...extra, ...shared]);
  const reference = compileReferenceMatcher([...terms, ...extra, ...shared]);
  const pieces = [
    ...store.flatMap((e) => e.aliases.map((a) => a.text)),
    ...extra.slice(0, 200).map((t) => t.text),
    ' ',
    '  ',
    '-',
    '\u2011',
    '\u00a0',
    '\n',
    '.',
    ',',
    "'s",
    '’',
    'é',
    'o\u0306',
    'x',
    'Kim Il-sung',
    'Lazarus of Bethany',
    'PARK',
    'jin',
    'hyok',
    'rgb',
    'RGB',
    'Group',
    'the',
    '2.0',
    '박',
    '진혁',
    '은',
    'WannaCryX',
    '(',
    ')',
  ];
  // A small deterministic generator: the same texts on every run.
  const next = seededRandom(7);
  const texts = Array.from({ length: 3000 }, () =>
    Array.from({ length: 1 + Math.floor(next() * 12) }, () => {
      const piece = pieces[Math.floor(next() * pieces.length)]!;
      const r = next();
      const cased =
        r < 0.15 ? piece.toUpperCase() : r < 0.3 ? piece.toLowerCase() : r < 0.4 ? piece.slice(0, -1) : piece;
      // Spellings the folding must absorb: separator runs, hyphens, decomposed diacritics, curly apostrophes.
      return cased
        .replace(/ /g, () => [' ', '  ', '\u00a0', '-', ' \n ', '\u2010'][Math.floor(next() * 6)]!)
        .replace(/o/g, () => (next() < 0.2 ? 'o\u0306' : 'o'))
        .replace(/'/g, () => (next() < 0.5 ? '\u2019' : "'"));
    }).join(next() < 0.5 ? ' ' : ''),
  );

  it('finds the same matches in 3,000 generated texts', () => {
    let matches = 0;
    let withOthers = 0;
    for (const text of texts) {
      const got = fast.findAll(text);
      expect(got, text).toEqual(reference.findAll(text));
      matches += got.length;
      withOthers += got.filter((m) => m.also).length;
    }
    expect(matches).toBeGreaterThan(2000);
    expect(withOthers).toBeGreaterThan(50);
    expect(fast.termCount).toBe(reference.termCount);
  });
});

describe('compiling in slices', () => {
  it('gives the same matcher, pausing between slices', async () => {
    const terms = Array.from({ length: 3000 }, (_, i) => ({ text: `Actor ${i.toString(36)} Group`, entry: i }));
    const slices: [number, number][] = [];
    let pauses = 0;
    const sliced = await compileMatcherInSlices(terms, {
      sliceMs: 0,
      pause: async () => {
        pauses += 1;
      },
      onSlice: (start, end) => slices.push([start, end]),
    });
    const whole = compileMatcher(terms);
    const text = 'seen: Actor zz Group, Actor a Group and ACTOR 1Z-group, not Actor zzz Group.';
    expect(sliced.findAll(text)).toEqual(whole.findAll(text));
    expect(sliced.findAll(text).map((m) => m.entry)).toEqual([parseInt('zz', 36), 10, parseInt('1z', 36)]);
    expect(sliced.termCount).toBe(3000);
    expect(pauses).toBeGreaterThan(10);
    expect(slices.length).toBe(pauses + 1);
  });
});
