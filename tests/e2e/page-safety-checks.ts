import type { Frame, Page } from '@playwright/test';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Evaluator } from './driver/types';
import { ROOT } from './extension';
import { EXCLUDED_SELECTOR } from './marks';

/** What the page-safety specs share: the corpus and the checks made inside each page. */
type Target = Page | Frame | Evaluator;

export const CORPUS = resolve(process.env.CASE_LENS_CORPUS ?? join(ROOT, '../shared/corpus/real-pages'));
export const COMMITTED = 'tests/fixtures/real-pages';

const htmlIn = (dir: string) =>
  readdirSync(dir)
    .filter((f) => /\.html?$/.test(f))
    .sort();
export const corpusPresent = existsSync(CORPUS);
export const corpusFiles = corpusPresent ? htmlIn(CORPUS) : [];
export const pages = [
  ...corpusFiles.map((file) => ({ name: file, path: `/__extra/corpus/${encodeURIComponent(file)}` })),
  // The committed copies, unless the corpus itself is there.
  ...htmlIn(join(ROOT, COMMITTED))
    .filter((file) => !corpusFiles.includes(file))
    .map((file) => ({ name: `${COMMITTED}/${file}`, path: `/${COMMITTED}/${file}` })),
];

/**
 * Whether this run checks every page of the corpus (`npm run test:corpus` sets CASE_LENS_CORPUS_FULL=1).
 * `npm test` checks a fixed sample, so that its whole run stays within its time.
 */
export const fullCorpus = process.env.CASE_LENS_CORPUS_FULL === '1';

/** Every `every`th page in name order (the first included), or every page in a full run. */
export function corpusSample(every: number, from = 0): typeof pages {
  return fullCorpus ? pages : pages.filter((_, i) => i % every === from % every);
}

/**
 * Real pages seldom name the case, so the test names it for them: it writes
 * names (ambiguous ones included) into every fifth text node of the page,
 * excluded contexts too, except scripts and styles whose text would act.
 * Highlights then land in the page's real structure: tables, lists, inline
 * markup, right-to-left and CJK text.
 */
export function seedNames(page: Target): Promise<number> {
  return (page as Evaluator).evaluate((excluded) => {
    const names = ' Park Jin Hyok of the Lazarus Group (Lazarus, the RGB’s hackers) ';
    const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT);
    const chosen: Text[] = [];
    let seen = 0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n as Text;
      const parent = text.parentElement?.tagName;
      if (parent === 'SCRIPT' || parent === 'STYLE' || text.data.trim().length < 20) continue;
      if (seen++ % 8 === 0) chosen.push(text);
    }
    for (const text of chosen) {
      const at = Math.max(0, text.data.indexOf(' '));
      text.data = text.data.slice(0, at) + names + text.data.slice(at);
    }
    // How many of them may be highlighted at all.
    return chosen.filter((t) => document.body?.contains(t) && !t.parentElement?.closest(excluded)).length;
  }, EXCLUDED_SELECTOR);
}

/** Every text node's data in the document, in order, kept in the page for a later comparison. */
export function recordText(page: Target): Promise<number> {
  return (page as Evaluator).evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push((n as Text).data);
    (window as unknown as { caseLensTextBefore: string[] }).caseLensTextBefore = out;
    return out.length;
  });
}

/** The first difference from the recorded text, or null when the text is the same. */
export function textDifference(page: Target): Promise<string | null> {
  return (page as Evaluator).evaluate(() => {
    const before = (window as unknown as { caseLensTextBefore: string[] }).caseLensTextBefore;
    const now: string[] = [];
    const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) now.push((n as Text).data);
    for (let i = 0; i < Math.max(before.length, now.length); i += 1) {
      if (before[i] !== now[i]) return `text node ${i}: ${JSON.stringify(before[i])} became ${JSON.stringify(now[i])}`;
    }
    return null;
  });
}
