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

export function caseSentences() {
  return JSON.parse(readFileSync(join(FIXTURES, 'case-sentences.json'), 'utf8')).sentences;
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
  if (corpusPresent && existsSync(join(CORPUS, CASE_BASE_PAGE))) {
    mkdirSync(outDir, { recursive: true });
    const { html, insertions } = buildCasePage(readFileSync(join(CORPUS, CASE_BASE_PAGE), 'utf8'), sentences);
    const file = join(outDir, 'case-1mb.html');
    writeFileSync(file, html);
    add('case-1mb.html', file, '/__extra/generated/case-1mb.html', 'generated', {
      expectations: sentences.map((s) => s.expect),
      insertions,
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
