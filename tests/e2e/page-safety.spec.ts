import type { CDPSession, Page } from '@playwright/test';
import { openPopup, scanWork, waitForScan } from './extension';
import { expect, test } from './fixtures';
import type { RendererKind } from '../../lib/settings';
import { marksInExcludedContexts } from './marks';
import {
  CORPUS,
  corpusPresent,
  corpusSample,
  COMMITTED,
  fullCorpus,
  pages,
  recordText,
  seedNames,
  textDifference,
} from './page-safety-checks';

/**
 * Never break a page: saved real pages of the corpus are loaded from
 * 127.0.0.1 (every other host blocked) and must show
 * - no page error that the same page does not show without Case Lens, and no
 *   error anywhere (page or content-script world) whose stack is ours;
 * - no highlight inside an excluded context;
 * - after switching Case Lens off, exactly the text it had before Case Lens
 *   ran (every text node's data, in order).
 * Each page's total `case-lens:scan` time is recorded; the slowest is printed.
 * `npm test` checks every second page in name order (65 of 130); `npm run
 * test:corpus` checks every page (CASE_LENS_CORPUS_FULL=1).
 *
 * The corpus lives beside the project (../shared/corpus/real-pages/, or
 * CASE_LENS_CORPUS); a few of its pages are committed under
 * tests/fixtures/real-pages/ so that the suite runs without it.
 */

test.use({ harnessOptions: { extra: corpusPresent ? { corpus: CORPUS } : {}, recordOutside: false } });

/** Wrap mode checks every second page; paint mode (the second renderer) every tenth of the others, to keep `npm test` short. */
const samples = { wrap: corpusSample(2), paint: corpusSample(10, 5) };

/** Highlights of either kind in the document: wrappers, and ranges painted in our highlights (paint mode). */
function highlightsInPage(): number {
  let painted = 0;
  for (const [name, highlight] of CSS.highlights) if (name.startsWith('case-lens__')) painted += highlight.size;
  return document.querySelectorAll('case-lens-mark').length + painted;
}

/** The master switch as stored, read through the extension's own page `control`. */
function storedSwitch(control: Page): Promise<boolean | 'unreadable'> {
  return control
    .evaluate(() =>
      (
        globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<object> } } } }
      ).chrome.storage.local
        .get('settings')
        .then((items) => (items as { settings?: { enabled?: boolean } }).settings?.enabled ?? true),
    )
    .catch(() => 'unreadable' as const);
}

/**
 * Clicks the master switch of `control` (the popup, opened once as a page and kept open) to `on`,
 * waits until the change is stored (the page hears it only then), then gives the front back to
 * `page` (hidden tabs are throttled).
 */
async function setEnabled(control: Page, on: boolean, page: Page): Promise<void> {
  await control.bringToFront();
  const box = control.locator('input[data-setting="enabled"]');
  // A click on a popup that the busy machine left unresponsive can be lost: check, and click again if so.
  await expect(async () => {
    if ((await box.isChecked()) !== on) await box.click();
    await expect(box).toBeChecked({ checked: on, timeout: 2_000 });
    await expect.poll(() => storedSwitch(control), { timeout: 2_000 }).toBe(on);
  }).toPass({ timeout: 20_000 });
  await page.bringToFront();
}

/**
 * Errors seen in the test's tab, filed under the phase that is current: uncaught in
 * the page's world, and any error of ours in any world (the content script's world
 * is not the page's; the DevTools protocol reports exceptions and console errors of
 * every world).
 */
class ErrorLog {
  phase: { page: string[]; ours: string[] } = { page: [], ours: [] };

  static async attach(page: Page): Promise<ErrorLog> {
    const log = new ErrorLog();
    page.on('pageerror', (error) => {
      log.phase.page.push(error.message);
      if (/chrome-extension:\/\//.test(error.stack ?? '')) log.phase.ours.push(error.stack ?? error.message);
    });
    const cdp: CDPSession = await page.context().newCDPSession(page);
    cdp.on('Runtime.exceptionThrown', ({ exceptionDetails }) => {
      const where = [exceptionDetails.url ?? '', ...(exceptionDetails.stackTrace?.callFrames ?? []).map((f) => f.url)];
      if (where.some((url) => url.startsWith('chrome-extension://'))) {
        log.phase.ours.push(exceptionDetails.exception?.description ?? exceptionDetails.text);
      }
    });
    cdp.on('Runtime.consoleAPICalled', ({ type, args, stackTrace }) => {
      if (type !== 'error' && type !== 'warning') return;
      if ((stackTrace?.callFrames ?? []).some((f) => f.url.startsWith('chrome-extension://'))) {
        log.phase.ours.push(args.map((a) => a.description ?? String(a.value)).join(' '));
      }
    });
    await cdp.send('Runtime.enable');
    return log;
  }

  begin(): { page: string[]; ours: string[] } {
    this.phase = { page: [], ours: [] };
    return this.phase;
  }
}

async function excludedMarks(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const frame of page.frames()) found.push(...(await marksInExcludedContexts(frame).catch(() => [])));
  return found;
}

/**
 * Runs one wait of a check; when it fails, the error says which wait it was
 * and what the page showed then (highlights, scan slices), so that a failure
 * seen once on a busy machine can be told apart from another.
 */
async function during(what: string, page: Page, control: Page, wait: () => Promise<unknown>): Promise<void> {
  try {
    await wait();
  } catch (error) {
    const stored = await storedSwitch(control);
    const shown = await control
      .locator('input[data-setting="enabled"]')
      .isChecked({ timeout: 1_000 })
      .catch(() => 'unreadable');
    const refused = await control
      .locator('.pl-error')
      .textContent({ timeout: 500 })
      .catch(() => null);
    const state = await page
      .evaluate(() => ({
        marks:
          document.querySelectorAll('case-lens-mark').length +
          [...CSS.highlights.keys()].filter((name) => name.startsWith('case-lens__')).length,
        slices: performance.getEntriesByName('case-lens:scan').length,
        visible: document.visibilityState,
        // Set when the page's text was recorded: missing, the page has loaded again since.
        sameDocument: 'caseLensTextBefore' in window,
      }))
      .catch(() => null);
    const seen = state
      ? `${state.marks} highlights, ${state.slices} scan slices, page ${state.visible}` +
        (state.sameDocument ? '' : ', a new document since the text was recorded')
      : 'the page did not answer';
    throw new Error(
      `${what}: ${(error as Error).message.split('\n')[0]} (${seen}, stored switch ${stored}, the popup's switch shown ${shown}${refused ? `, the popup said: ${refused}` : ''})`,
    );
  }
}

const markCount = (page: Page) => page.evaluate(highlightsInPage);

interface PageResult {
  name: string;
  scanMs: number;
  seededMarks: number;
  problems: string[];
  /** The page's own errors, loaded without Case Lens at work. */
  baseline: Set<string>;
}

/**
 * First pass, Case Lens off at load: the page's own errors; then names written
 * into the page, its text recorded, Case Lens switched on in that same document
 * and off again: the text must come back exactly.
 */
async function checkUndo(
  page: Page,
  control: Page,
  errors: ErrorLog,
  name: string,
  url: string,
  renderer: RendererKind,
): Promise<PageResult> {
  const problems: string[] = [];
  const without = errors.begin();
  await page.goto(url, { waitUntil: 'load' });
  const seeded = await seedNames(page);
  await recordText(page);
  const live = errors.begin();
  await setEnabled(control, true, page);
  // Seeded names must be scanned; a page where none could be seeded may never wake the scout.
  await during('the first scan after switching on', page, control, () =>
    waitForScan(page, 150, 0, seeded > 0 ? null : 500),
  );
  if (seeded > 0 && (await markCount(page)) === 0) {
    // On a busy machine a pause between two slices can outlast the quiet period: give the scan time to go on.
    await page.waitForFunction(highlightsInPage, null, { timeout: 10_000 }).catch(() => undefined);
    await waitForScan(page, 150);
  }
  const seededMarks = await markCount(page);
  if (seeded > 0 && seededMarks === 0) problems.push(`no highlight in ${seeded} seeded text nodes`);
  const wrappers = await page.evaluate(() => document.querySelectorAll('case-lens-mark').length);
  if (renderer === 'paint' && wrappers > 0) problems.push(`${wrappers} wrappers in paint mode`);
  for (const bad of await excludedMarks(page)) problems.push(`mark in an excluded context: ${bad}`);
  await setEnabled(control, false, page);
  await during("the highlights' removal after switching off", page, control, () =>
    page.waitForFunction(
      () => {
        const painted = [...CSS.highlights.keys()].some((name) => name.startsWith('case-lens__'));
        return document.querySelectorAll('case-lens-mark').length === 0 && !painted;
      },
      null,
      { polling: 20 },
    ),
  );
  const difference = await textDifference(page);
  if (difference) problems.push(`text after switching off differs: ${difference}`);
  const baseline = new Set(without.page);
  for (const message of live.page) if (!baseline.has(message)) problems.push(`new page error while on: ${message}`);
  for (const error of [...without.ours, ...live.ours]) problems.push(`error from the extension: ${error}`);
  return { name, scanMs: 0, seededMarks, problems, baseline };
}

/** Second pass, the page as it is, loaded with Case Lens on, as a reader meets it: errors and scan time. */
async function checkLoad(page: Page, errors: ErrorLog, result: PageResult, url: string): Promise<void> {
  const withLens = errors.begin();
  await page.goto(url, { waitUntil: 'load' });
  // Most corpus pages name nothing: their scout stays quiet and no scan ever starts.
  await waitForScan(page, 150, 0, 500);
  for (const frame of page.frames()) result.scanMs += (await scanWork(frame).catch(() => ({ ms: 0 }))).ms;
  for (const bad of await excludedMarks(page)) result.problems.push(`mark in an excluded context: ${bad}`);
  for (const message of withLens.page)
    if (!result.baseline.has(message)) result.problems.push(`new page error: ${message}`);
  for (const error of withLens.ours) result.problems.push(`error from the extension: ${error}`);
}

test(`Case Lens never breaks a real page (${fullCorpus ? 'every page' : 'a sample'} of the corpus)`, {
  tag: '@paint',
}, async ({ harness: h, renderer }) => {
  const sample = samples[renderer];
  test.setTimeout(60_000 + sample.length * 15_000);
  if (!corpusPresent) {
    console.log(
      `page-safety: the real-page corpus is not at ${CORPUS}: its 130 pages are SKIPPED; ` +
        `running the ${pages.length} pages committed under ${COMMITTED}/ only.`,
    );
  }
  expect(sample.length).toBeGreaterThanOrEqual(fullCorpus ? 6 : 3);
  const startedAt = Date.now();
  // The master switch changes quickly between pages, through the extension's own code.
  const control = await openPopup(h);
  // One tab for every page, in sequence; a page that hangs fails alone instead of stalling the rest.
  const page = await h.context.newPage();
  page.setDefaultTimeout(20_000);
  const errors = await ErrorLog.attach(page);
  // Other hosts are blocked by the browser here; make sure they are.
  await page.goto(`${h.baseUrl}/${COMMITTED}/rtl-1.html`);
  expect(
    await page.evaluate(() =>
      fetch('http://example.com/', { mode: 'no-cors' }).then(
        () => 'reached',
        () => 'blocked',
      ),
    ),
  ).toBe('blocked');
  const failure = (error: unknown) => `check failed: ${(error as Error).message.split('\n')[0]}`;

  // Two passes over all pages, so that the switch changes twice per page, not four times.
  await setEnabled(control, false, page);
  const results: PageResult[] = [];
  for (const { name, path } of sample) {
    try {
      results.push(await checkUndo(page, control, errors, name, h.baseUrl + path, renderer));
    } catch (error) {
      results.push({ name, scanMs: 0, seededMarks: 0, problems: [failure(error)], baseline: new Set() });
      await setEnabled(control, false, page);
    }
  }
  await setEnabled(control, true, page);
  for (const [i, { path }] of sample.entries()) {
    try {
      await checkLoad(page, errors, results[i]!, h.baseUrl + path);
    } catch (error) {
      results[i]!.problems.push(failure(error));
    }
  }
  const failed = results.filter((r) => r.problems.length > 0);
  const bySpeed = [...results].sort((a, b) => b.scanMs - a.scanMs);
  const median = bySpeed[Math.floor(bySpeed.length / 2)]!;
  console.log(
    [
      `page-safety: ${results.length - failed.length}/${results.length} pages (of ${pages.length}) passed in ${((Date.now() - startedAt) / 1000).toFixed(0)} s` +
        (corpusPresent ? ` (corpus: ${CORPUS})` : ' (corpus SKIPPED: not found)'),
      `scan time per page: slowest ${bySpeed[0]!.scanMs.toFixed(1)} ms (${bySpeed[0]!.name}), median ${median.scanMs.toFixed(1)} ms`,
      `slowest five: ${bySpeed
        .slice(0, 5)
        .map((r) => `${r.name} ${r.scanMs.toFixed(1)} ms`)
        .join(', ')}`,
      `highlights of seeded names: ${results.reduce((n, r) => n + r.seededMarks, 0)} on ${results.filter((r) => r.seededMarks > 0).length} pages`,
      ...failed.flatMap((r) => r.problems.map((p) => `FAIL ${r.name}: ${p}`)),
    ].join('\n'),
  );
  expect(failed.map((r) => `${r.name}: ${r.problems.join('; ')}`)).toEqual([]);
});
