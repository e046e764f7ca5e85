// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createScout, scoutFold } from '../../facts/scout';
import { anchorOf, scoutWordList, scoutWords } from '../../facts/scout-words';
import { entities, matcher } from './case-annotator';
import { textRuns } from './page-text';
import { CORPUS, counts, haveCorpus } from './threat-intel';

const count = (word: string) => counts.count(word);
const words = scoutWords(entities, count);
const scout = createScout(scoutWordList(words));
/** The names the full matcher shows without any page context: what the scout must never miss. */
const standalone = (text: string) => matcher.findAll(text).some((m) => !m.entry.needsContext);
const shownAliases = entities.flatMap((e) => e.aliases.filter((a) => !a.needsContext).map((a) => a.text));

describe('the scout', () => {
  it('sees every alias that needs no context, as written', () => {
    const missed = shownAliases.filter((alias) => !scout(`They said ${alias} did it.`));
    expect(missed).toEqual([]);
  });

  it('sees a case name wherever the full matcher finds one: any alias, case, separators, decomposed letters and surroundings', () => {
    const separator = fc.constantFrom(' ', '  ', '\u00a0', '-', '\n', ' \u2013 ', ' \u00ad ', '\n\t  \n');
    const surrounding = fc.array(fc.constantFrom('the', 'Mr.', 'said', '(', ')', ',', '2014', 'über', '“', '”', 'of'), {
      maxLength: 6,
    });
    const styled = fc.tuple(
      fc.constantFrom(...shownAliases),
      fc.constantFrom('same', 'upper', 'lower', 'decomposed'),
      separator,
    );
    fc.assert(
      fc.property(surrounding, styled, surrounding, (before, [alias, shape, sep], after) => {
        const cased =
          shape === 'upper'
            ? alias.toUpperCase()
            : shape === 'lower'
              ? alias.toLowerCase()
              : shape === 'decomposed'
                ? alias.normalize('NFD')
                : alias;
        const text = [...before, cased.split(' ').join(sep), ...after].join(' ');
        if (standalone(text)) expect(scout(text), text).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('sees the names of the matching fixtures and the seed article', () => {
    const dir = join(process.cwd(), 'tests/fixtures/matching');
    const pages = readdirSync(dir).filter((f) => f.endsWith('.html'));
    const sources = pages.map((f) => [f, readFileSync(join(dir, f), 'utf8')] as const);
    sources.push(['seed', readFileSync(join(process.cwd(), 'seeds/us-accuses-three-koreans.html'), 'utf8')]);
    expect(sources.filter(([, html]) => textRuns(html).some(standalone)).length).toBeGreaterThan(10);
    for (const [name, html] of sources)
      for (const run of textRuns(html)) if (standalone(run)) expect(scout(run), `${name}: ${run}`).toBe(true);
  });

  it.skipIf(!haveCorpus)('stays quiet on the corpus pages, which never name the case', () => {
    const pages = readdirSync(CORPUS).filter((f) => f.endsWith('.html'));
    const loud = pages.filter((f) => scout(textRuns(readFileSync(join(CORPUS, f), 'utf8')).join('')));
    // lemonde-1 names "Sony Pictures" (the studio, not the hack): the one page the scout may wake for.
    console.log(`scout wakes on ${loud.length} of ${pages.length} corpus pages: ${loud.join(', ')}`);
    expect(loud.length, loud.join(', ')).toBeLessThanOrEqual(2);
    expect(pages.length).toBe(130);
  });
});

describe('anchors', () => {
  it('are two telling neighbours, not one common word', () => {
    expect(anchorOf('Sony Pictures hack', count)).toBe('sony pictures');
    expect(anchorOf('Guardians of Peace', count)).toBe('guardians of peace');
    expect(anchorOf('2014 Sony hack', count)).toBe('sony hack');
  });

  it('are whole aliases when an alias has fewer than two telling words', () => {
    expect(anchorOf('APT-C-26', count)).toBe('apt c 26');
    expect(anchorOf('WannaCry', count)).toBe('wannacry');
    expect(anchorOf('박진혁', count)).toBe('박진혁');
  });

  it('leave out aliases that need context, and stay a small set', () => {
    expect(words).not.toContain('lazarus');
    expect(words.length).toBeLessThan(250);
  });
});

describe('folding', () => {
  it('turns every run of separators into one space, as replacing each run would', () => {
    const piece = fc.constantFrom(
      ' ',
      '  ',
      '\n',
      '\t',
      '\u00a0',
      '-',
      '\u2013',
      ' - ',
      '\u00ad',
      'a',
      'B',
      'é',
      '’',
      '1',
      '.',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        const plain = text
          .replace(/[\s\u00a0\u2010-\u2015-]+/g, ' ')
          .toLowerCase()
          .normalize('NFD')
          .replace(/[\u0300-\u036f\u00ad]/g, '')
          .replace(/[\u2018\u2019\u02bc\u2032]/g, "'")
          .replace(/[\s\u00a0\u2010-\u2015-]+/g, ' ');
        expect(scoutFold(text)).toBe(plain);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('the word list', () => {
  it('holds no word that holds another, and still finds every anchor', () => {
    const list = scoutWordList(words).split('\n');
    expect(list.length).toBeLessThan(words.length);
    expect(list.filter((word) => list.some((other) => other !== word && word.includes(other)))).toEqual([]);
    expect(words.filter((word) => !scout(`Reported today: ${word}.`))).toEqual([]);
  });
});

describe('long texts', () => {
  it('are searched with one expression, and find what the word-by-word search of a short text finds', () => {
    const filler = 'The weather stayed mild all week, with light rain. '.repeat(1400);
    expect(filler.length).toBeGreaterThan(65_536);
    const longScout = createScout(scoutWordList(words));
    expect(longScout(filler)).toBe(false);
    const missed = shownAliases.filter((alias) => !longScout(`${filler}${alias}`));
    expect(missed).toEqual([]);
  });
});
