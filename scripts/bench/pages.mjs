// The benchmark's pages: committed samples, pages built at bench time from
// committed inputs, and the shared corpus of real pages when it is present.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve('.');
export const FIXTURES = join(ROOT, 'tests/fixtures/bench');
export const CORPUS = resolve(process.env.CASE_LENS_CORPUS ?? join(ROOT, '../shared/corpus/real-pages'));

/** The corpus page with no case mention that the no-match budget is measured on. */
export const NO_MATCH_PAGE = 'yahoo-2.html';
/** The large encyclopedia page the case page is built from. */
export const CASE_BASE_PAGE = 'wikipedia-2.html';
/** Where the case sentences go, and how many. */
const CASE_INSERTIONS = 150;

/** How many small frames the frames page holds. */
export const FRAME_COUNT = 20;
/** One line of unrelated text per frame, as in ads, embeds and widgets. */
const FRAME_LINES = [
  'Sunny spells this afternoon, with a light breeze from the west.',
  'Add the flour a spoonful at a time and stir until smooth.',
  'The home side equalised in the last minute of extra time.',
  'Free delivery on orders over twenty pounds this weekend only.',
  'Subscribe to our newsletter for the best of the week.',
];

/**
 * The frames page: a parent holding `count` same-origin iframes, each with
 * one line of unrelated text. Written under `outDir`; returns the parent's file.
 */
export function buildFramesPage(outDir, count = FRAME_COUNT) {
  mkdirSync(join(outDir, 'frames'), { recursive: true });
  const frames = [];
  for (let i = 0; i < count; i += 1) {
    const line = FRAME_LINES[i % FRAME_LINES.length];
    writeFileSync(
      join(outDir, 'frames', `frame-${i + 1}.html`),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Frame ${i + 1}</title></head><body><p>${line}</p></body></html>\n`,
    );
    frames.push(`<iframe src="frames/frame-${i + 1}.html" title="Frame ${i + 1}" width="280" height="60"></iframe>`);
  }
  const file = join(outDir, `frames-${count}.html`);
  writeFileSync(
    file,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${count} small frames</title></head><body>\n` +
      `<p>A page of small frames with nothing about the case in them.</p>\n${frames.join('\n')}\n</body></html>\n`,
  );
  return file;
}

/**
 * The 1 MB case pages: one page's figure could be a fluke of its sentences or
 * of its base page, so the budgets are checked on three, built the same way
 * from other sentences (other spellings; values and names that must not
 * match) and another base page.
 */
export const CASE_PAGES = [
  { name: 'case-1mb.html', base: CASE_BASE_PAGE, sentences: 'case-sentences.json' },
  { name: 'case-1mb-spellings.html', base: CASE_BASE_PAGE, sentences: 'case-sentences-spellings.json' },
  { name: 'case-1mb-news.html', base: 'guardian-1.html', sentences: 'case-sentences-values.json' },
];

export function caseSentences(file = 'case-sentences.json') {
  return JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')).sentences;
}

/**
 * The 1 MB case page: the corpus's largest encyclopedia page with the case
 * sentences inserted at fixed positions (before the end of evenly spaced
 * paragraphs and list items, cycling through the sentences). The same inputs
 * always give the same page.
 */
export function buildCasePage(baseHtml, sentences) {
  const closers = [];
  const pattern = /<\/(p|li)>/g;
  const bodyStart = baseHtml.indexOf('<body');
  for (let m = pattern.exec(baseHtml); m; m = pattern.exec(baseHtml)) if (m.index > bodyStart) closers.push(m.index);
  const chosen = new Set();
  for (let k = 0; k < CASE_INSERTIONS; k += 1)
    chosen.add(closers[Math.floor(((k + 0.5) * closers.length) / CASE_INSERTIONS)]);
  let out = '';
  let from = 0;
  let k = 0;
  for (const at of closers) {
    if (!chosen.has(at)) continue;
    const index = k % sentences.length;
    out += `${baseHtml.slice(from, at)} <span data-bench-case="${index}">${sentences[index].html}</span>`;
    from = at;
    k += 1;
  }
  return { html: out + baseHtml.slice(from), insertions: k };
}

/**
 * Every page the benchmark loads, as { name, url path, file, size, kind }.
 * Generated pages are written under `outDir`, served at /__extra/generated/.
 */
export function benchPages(outDir) {
  const pages = [];
  const add = (name, file, path, kind, extra = {}) =>
    pages.push({ name, file, path, kind, size: statSync(file).size, ...extra });
  const sentences = caseSentences();
  add(
    'seed article',
    join(ROOT, 'seeds/us-accuses-three-koreans.html'),
    '/seeds/us-accuses-three-koreans.html',
    'sample',
  );
  for (const file of readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.html'))
    .sort()) {
    // Sample pages may hold case sentences (span[data-bench-case]); they are checked like the case page.
    add(file, join(FIXTURES, file), `/tests/fixtures/bench/${file}`, 'sample', {
      expectations: sentences.map((s) => s.expect),
    });
  }
  const corpusPresent = existsSync(CORPUS);
  for (const spec of CASE_PAGES) {
    if (!corpusPresent || !existsSync(join(CORPUS, spec.base))) continue;
    mkdirSync(outDir, { recursive: true });
    const its = caseSentences(spec.sentences);
    const { html, insertions } = buildCasePage(readFileSync(join(CORPUS, spec.base), 'utf8'), its);
    const file = join(outDir, spec.name);
    writeFileSync(file, html);
    add(spec.name, file, `/__extra/generated/${spec.name}`, 'generated', {
      expectations: its.map((s) => s.expect),
      insertions,
      base: spec.base,
    });
  }
  if (corpusPresent) {
    for (const file of readdirSync(CORPUS)
      .filter((f) => f.endsWith('.html'))
      .sort()) {
      add(file, join(CORPUS, file), `/__extra/corpus/${encodeURIComponent(file)}`, 'corpus');
    }
  }
  return { pages, corpusPresent };
}
