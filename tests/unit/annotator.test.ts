import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONTEXT_ENTITIES } from '../../entrypoints/content/case-context';
import { textRuns } from '../../entrypoints/content/text-runs';
import { type Annotation, createAnnotator, isContradiction, stretchEnd } from '../../facts/annotator';
import { caseAnnotator as annotator, categoryOf, entities, matcher } from './case-annotator';
import seedArticle from '../fixtures/seed-article.json' with { type: 'json' };

/**
 * The annotator decides what to mark in a run of text. These tests hand it the
 * runs of saved pages (read with jsdom) and check its decisions without a
 * browser; the end-to-end specs keep what needs one (wrapping live pages,
 * frames, shadow roots, the card).
 */

/** The runs of a saved page, as the content script reads them. */
function runsOf(html: string): string[] {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return [...textRuns(doc.body)].map((r) => r.text);
}

/**
 * Annotates a whole static page as the scanner would end up marking it: the
 * page is about the case when it names CONTEXT_ENTITIES case entities
 * unambiguously (the order in which the scanner meets them does not change
 * what a static page ends with).
 */
function annotatePage(runs: string[]): { text: string; annotation: Annotation }[] {
  const named = new Set<string>();
  for (const run of runs) for (const r of annotator.annotate(run, () => false)) for (const id of r.named) named.add(id);
  const caseContext = named.size >= CONTEXT_ENTITIES;
  const out: { text: string; annotation: Annotation }[] = [];
  for (const run of runs) {
    for (const r of annotator.annotate(run, () => caseContext)) {
      for (const annotation of r.marks) out.push({ text: run.slice(annotation.start, annotation.end), annotation });
    }
  }
  return out;
}

const normalize = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim();

describe('the matching fixtures, annotated without a browser', () => {
  const dir = 'tests/fixtures/matching';
  const files = readdirSync(dir).filter((f) => f.endsWith('.html'));

  it.each(files)('%s: every expected name and nothing else', (file) => {
    const expected = JSON.parse(readFileSync(join(dir, file.replace(/\.html$/, '.json')), 'utf8')) as {
      marks: { entity: string; text: string; count: number }[];
      unmarked: string[];
    };
    const got = new Map<string, number>();
    for (const { text, annotation } of annotatePage(runsOf(readFileSync(join(dir, file), 'utf8')))) {
      if (annotation.kind === 'value') continue;
      const key = `${annotation.entityId} = ${normalize(text)}`;
      got.set(key, (got.get(key) ?? 0) + 1);
    }
    const want = new Map<string, number>();
    for (const m of expected.marks) {
      const key = `${m.entity} = ${normalize(m.text)}`;
      want.set(key, (want.get(key) ?? 0) + m.count);
    }
    expect(Object.fromEntries(got)).toEqual(Object.fromEntries(want));
  });
});

describe('the seed article', () => {
  const runs = runsOf(readFileSync('seeds/us-accuses-three-koreans.html', 'utf8'));

  it('flags exactly the errors the record can judge, each on the right entity', () => {
    const flagged = annotatePage(runs)
      .filter(({ annotation }) => isContradiction(annotation))
      .map(({ text, annotation }) => `${annotation.entityId} | ${text}`)
      .sort();
    expect(flagged).toEqual([...seedArticle.errors].sort());
  });

  it('names every entity the article is about', () => {
    const named = new Set(annotatePage(runs).map(({ annotation }) => annotation.entityId));
    for (const id of seedArticle.entities) expect(named, id).toContain(id);
  });

  it('types each annotation: names, wrong forms and values with a verdict and a claim', () => {
    const all = annotatePage(runs).map((a) => a.annotation);
    const wrongForms = all.filter((a) => a.kind === 'wrong-form');
    expect(wrongForms.map((a) => a.entityId).sort()).toEqual([
      'kim-il',
      'kim-jong-un',
      'reconnaissance-general-bureau',
    ]);
    for (const a of all) {
      if (a.kind !== 'value') continue;
      expect(['confirmed', 'contradicted']).toContain(a.verdict);
      const claims = entities.find((e) => e.id === a.entityId)!.claims;
      expect(claims[a.claimIndex]?.kind).toBe(a.claimKind);
    }
  });
});

describe('context', () => {
  const text = 'Lazarus met Park Jin Hyok. The Lazarus Group released WannaCry.';

  it('leaves ambiguous names waiting, and names the evidence, until the document is about the case', () => {
    const [first] = [...annotator.annotate('They spoke of Lazarus and of Park Jin Hyok.', () => false)];
    expect(first!.waiting.map((w) => w.entityId)).toEqual(['lazarus-group']);
    expect(first!.named).toEqual(['park-jin-hyok']);
    expect(first!.marks.map((m) => m.entityId)).toEqual(['park-jin-hyok']);
  });

  it('asks whether the document is about the case after the evidence of the stretch itself', () => {
    const seen: string[][] = [];
    const results = [
      ...annotator.annotate(text, (named) => {
        seen.push([...named]);
        return named.length >= 2;
      }),
    ];
    expect(seen).toEqual([['park-jin-hyok', 'lazarus-group', 'wannacry']]);
    expect(results[0]!.waiting).toEqual([]);
    expect(results[0]!.marks.filter((m) => m.entityId === 'lazarus-group')).toHaveLength(2);
  });

  it('says when a run that names nobody holds a value only a page about the case can judge', () => {
    const run = 'In all, the defendants are accused of trying to steal more than $1.3 billion.';
    expect([...annotator.annotate(run, () => false)][0]!.valuesWait).toBe(true);
    expect([...annotator.annotate('The weather was fine.', () => false)][0]!.valuesWait).toBe(false);
  });
});

describe('long runs', () => {
  it('ends a stretch at a sentence end, else at white space, and never inside a word', () => {
    const text = 'A word. Another sentence here and more words. '.repeat(10);
    const end = stretchEnd(text, 0, 20);
    expect(text[end - 1]).toBe('.');
    expect(stretchEnd('aaaa bbbb cccc', 0, 2)).toBe(4);
    expect(stretchEnd('short', 0, 100)).toBe(5);
  });

  it('annotates in stretches the same names as in one piece, on generated text', () => {
    const words = [
      'Park Jin Hyok',
      'Lazarus Group',
      'the',
      'WannaCry.',
      'Ghaleb Alaumary',
      'Mr.',
      'U.S.',
      'FBI',
      'ran',
      'Kim Il',
      'Kim Il-sung',
      'Sony Pictures',
      'and',
    ];
    const stretched = createAnnotator({ matcher, categoryOf, chunkChars: 16 });
    const whole = createAnnotator({ matcher, categoryOf, chunkChars: 1e9 });
    const names = (a: typeof whole, text: string) =>
      [...a.annotate(text, () => true)].flatMap((r) => r.marks).map((m) => `${m.entityId}@${m.start}-${m.end}`);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 60 }), (parts) => {
        const text = parts.join(' ');
        expect(names(stretched, text)).toEqual(names(whole, text));
      }),
      { seed: 14, numRuns: 300 },
    );
  });
});
