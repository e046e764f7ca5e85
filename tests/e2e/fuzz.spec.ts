import type { Page } from '@playwright/test';
import fc from 'fast-check';
import { scanFinished, scanSlices } from './driver/page';
import { expect, test } from './fixtures';
import {
  characterDifference,
  domShape,
  marksInEditors,
  pageText,
  shapeDifference,
  unhighlightedNames,
} from './fuzz-checks';
import { comparison, FUZZ_WORDS, OPERATION_WEIGHTS, type Operation, sequence, type Target } from './fuzz-operations';
import { marksInExcludedContexts } from './marks';
import { launchPlain, type PlainBrowser } from './outside';
import { CATEGORIES } from '../../facts/constants';
import type { RendererKind } from '../../lib/settings';
import type { Harness } from './extension';
import { writeStorage } from './worker';

/**
 * The page-mutation fuzzer: random sequences of page mutations (fuzz-operations.ts,
 * applied by tests/fixtures/hostile/fuzz-driver.js) against a page with
 * highlights, each run in lockstep in a tab with Case Lens and in a tab of
 * the same Chromium without it. After each sequence:
 * - the page's text equals the other tab's wherever every operation's meaning
 *   was plain (fuzz-operations.ts `comparison`), so no character the page
 *   wrote is lost or duplicated;
 * - no highlight sits in an excluded or editable context;
 * - every plain case name in visible flow text is highlighted within SETTLE_MS;
 * - switching Case Lens off (for the tab's site) leaves the text as it was,
 *   and the DOM exactly as the other tab's where every operation was plain.
 *
 * FUZZ_TABS pairs of tabs run at once, each pair its own fast-check run with
 * its own seed and its own site, so that switching off in one leaves the
 * others running. `npm test` runs a fixed seed for a small budget; `npm run
 * fuzz` (scripts/fuzz.mjs) sets FUZZ_SEED, FUZZ_RUNS (sequences in all),
 * FUZZ_SECONDS (for all), FUZZ_TABS and FUZZ_PART (sequences per test; part
 * p's tab i has the seed FUZZ_SEED + p × FUZZ_TABS + i). A failure prints the
 * shrunk sequence, its seed and the path fast-check needs to replay it.
 */

const PAGE = '/tests/fixtures/hostile/fuzz.html';

/** A tab whose pages get the words the fuzz driver writes before their own scripts run. */
async function withWords(page: Page): Promise<Page> {
  await page.addInitScript((words) => {
    (window as unknown as { fuzzWords: readonly string[] }).fuzzWords = words;
  }, FUZZ_WORDS);
  return page;
}
const whole = (name: string, fallback: number) => {
  const value = process.env[name];
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw new Error(`${name} must be a whole number, got "${value}"`);
  return Number(value);
};
const SEED = whole('FUZZ_SEED', 11);
const RUNS = whole('FUZZ_RUNS', 1000);
const SECONDS = whole('FUZZ_SECONDS', 50);
const TABS = Math.max(1, whole('FUZZ_TABS', 4));
/**
 * Sequences per test: a long run is split into parts, each a test of its own, because Playwright files
 * every page call of a test under that test's steps and searches them all on each call: in one test,
 * 200 sequences took 58 s at first and 570 s after 1,600. `npm test` runs one part.
 */
const PART = Math.max(1, whole('FUZZ_PART', RUNS));
const PARTS = Math.ceil(RUNS / PART);
/**
 * One sequence to run again and again instead of random ones (FUZZ_SEQUENCE, the JSON array a failure
 * prints): a failure that depends on timing is replayed until it shows.
 */
const REPLAY: Operation[] | undefined = process.env.FUZZ_SEQUENCE ? JSON.parse(process.env.FUZZ_SEQUENCE) : undefined;
/** How long a name in plain text may wait for its highlight after the last operation. */
const SETTLE_MS = 5000;
/** Names no context is needed for, in the form the driver writes them. */
const PLAIN_NAMES = ['Park Jin Hyok', 'Ghaleb Alaumary'];
/** Settings as the popup stores them, every key present: no page has a partial value to repair and write back. */
const ON = {
  enabled: true,
  categories: Object.fromEntries(CATEGORIES.map((c) => [c, true])),
  disabledSites: [] as string[],
};
/** The version record stored beside (lib/settings.ts SETTINGS_VERSION): a current value the background has no reason to repair. */
const CURRENT = { settings$: { v: 2 } };
/** Set from the project: in paint mode the page's DOM must equal the page without Case Lens after every sequence. */
let painting = false;

// No request leaves the machine here: the browser blocks other hosts itself, faster than routing each request.
test.use({ harnessOptions: { recordOutside: false } });

let plain: PlainBrowser;
test.beforeAll(async () => {
  plain = await launchPlain();
});
test.afterAll(async () => {
  await plain?.close();
});

/**
 * How strictly each sequence's text could be judged (see `comparison`): in wrap mode an edit to a node the
 * extension split may have two meanings, and its sequence is then judged more loosely; in paint mode
 * every sequence is judged exactly, the DOM included.
 */
const judged = { exact: 0, text: 0, ambiguous: 0 };

/** Where the time goes (ms, summed over the tabs), printed at the end: loading, operations, settling, checks, switching off. */
const phases: Record<string, number> = {};
const phase = (name: string, t0: number) => {
  phases[name] = (phases[name] ?? 0) + Date.now() - t0;
};

interface Tab {
  /** The host name the tab's page is loaded from: Case Lens is switched off for this site alone. */
  site: string;
  /** Switches Case Lens on or off for the tab's site. */
  switchTo(on: boolean): Promise<void>;
  seed: number;
  withLens: Page;
  without: Page;
}

interface Outcome {
  ops: Operation[];
  /** The weakest comparison any operation allowed. */
  compare: 'exact' | 'text' | 'ambiguous';
  problems: string[];
  textBeforeOff: string;
  expectedText: string;
  expectedShape: string[];
}

const apply = (page: Page, op: Operation) =>
  page.evaluate((o) => (window as unknown as { fuzzApply(o: Operation): Target }).fuzzApply(o), op);

/** Waits until the tab with Case Lens has been quiet (no scan slice) for a while, at most `maxMs`. */
async function settle(page: Page, maxMs: number): Promise<void> {
  // The scanner answers a change after ~100 ms: give it that before asking whether it is quiet.
  await page.waitForTimeout(150);
  await page.waitForFunction(scanFinished, [300, 0] as const, { timeout: maxMs, polling: 50 }).catch(() => undefined);
}

/** How often a tab loads the page afresh; between, the page is put back in place (see `runSequence`). */
const FRESH_EVERY = 10;

/**
 * Brings both tabs to the parsed page, applies the sequence to both, and
 * checks what holds while Case Lens is on. Every FRESH_EVERY sequences the
 * page is loaded again; between, the sequence before has left Case Lens
 * switched off for the site (every highlight undone, nothing watched), so the
 * page script puts the parsed body back and Case Lens is switched on again,
 * as a reader does on an open page: three times faster than a load.
 */
async function runSequence(tab: Tab, ops: Operation[], baseUrl: string, fresh: boolean): Promise<Outcome> {
  const { withLens, without } = tab;
  let t0 = Date.now();
  if (fresh) {
    await tab.switchTo(true);
    await Promise.all([withLens.goto(baseUrl + PAGE), without.goto(plain.baseUrl + PAGE)]);
    // The page names the case: wait for its first scan slice, however long the extension takes to start.
    await withLens.waitForFunction(scanFinished, [150, 0, null] as const, { polling: 50 });
  } else {
    const reset = (page: Page) => page.evaluate(() => (window as unknown as { fuzzReset(): void }).fuzzReset());
    await Promise.all([reset(withLens), reset(without)]);
    const slices = await scanSlices(withLens);
    await tab.switchTo(true);
    await withLens.waitForFunction(scanFinished, [150, slices] as const, { polling: 50 });
  }
  phase('load', t0);
  t0 = Date.now();
  let compare: Outcome['compare'] = 'exact';
  const rank = { exact: 0, text: 1, ambiguous: 2 };
  for (const op of ops) {
    const [mine, theirs] = await Promise.all([apply(withLens, op), apply(without, op)]);
    const now = comparison(op, mine, theirs.before);
    if (rank[now] > rank[compare]) compare = now;
    if (op.wait > 0) await withLens.waitForTimeout(op.wait);
  }
  phase('ops', t0);
  t0 = Date.now();
  await settle(withLens, SETTLE_MS);
  phase('settle', t0);
  t0 = Date.now();
  const problems: string[] = [];
  const [text, expectedText, expectedShape] = await Promise.all([
    pageText(withLens),
    pageText(without),
    domShape(without),
  ]);
  if ((painting || compare !== 'ambiguous') && text !== expectedText) {
    const { lost, duplicated } = characterDifference(text, expectedText);
    problems.push(
      `page text ${JSON.stringify(text)} differs from ${JSON.stringify(expectedText)} (lost ${JSON.stringify(lost)}, duplicated ${JSON.stringify(duplicated)})`,
    );
  }
  if (painting && (await withLens.locator('case-lens-mark').count()) > 0) problems.push('wrappers in paint mode');
  if (painting) {
    // Painting changes no node: the DOM is the page's own, exactly, while Case Lens is on.
    const difference = shapeDifference(await domShape(withLens), expectedShape);
    if (difference) problems.push(`painted DOM differs ${difference}`);
  }
  // Case Lens may still be at work on a busy machine: ask again until SETTLE_MS has passed.
  const deadline = Date.now() + SETTLE_MS;
  const lapses = async () => [
    ...(await marksInExcludedContexts(withLens)).map((bad) => `highlight in an excluded context: ${bad}`),
    ...(await marksInEditors(withLens)).map((bad) => `highlight in an editable context: ${bad}`),
    ...(await unhighlightedNames(withLens, PLAIN_NAMES)).map((name) => `not highlighted: ${name}`),
  ];
  let found = await lapses();
  while (found.length > 0 && Date.now() < deadline) {
    await withLens.waitForTimeout(200);
    found = await lapses();
  }
  problems.push(...found);
  phase('checks', t0);
  return { ops, compare, problems, textBeforeOff: await pageText(withLens), expectedText, expectedShape };
}

/** The page's clock (performance.now()), to tell Case Lens's work before switching off from work after. */
const withLensClock = (page: Page) => page.evaluate(() => performance.now());

/**
 * What Case Lens did in the page since `since` (its clock), for a failure report: its scan slices, how often its
 * full script compiled its matcher in this document (once per copy of the script), and its highlights now and 1 s later.
 */
async function activityAfter(page: Page, since: number): Promise<string> {
  return page.evaluate(async (t) => {
    const marks = () => document.querySelectorAll('case-lens-mark').length;
    const scans = performance.getEntriesByName('case-lens:scan').filter((e) => e.startTime >= t).length;
    // A compile runs in slices: slices less than 500 ms apart are one compile.
    const starts: number[] = [];
    for (const e of performance.getEntriesByName('case-lens:compile'))
      if (starts.length === 0 || e.startTime - starts[starts.length - 1]! > 500) starts.push(Math.round(e.startTime));
    const compiles = starts.join(', ');
    const now = marks();
    await new Promise((r) => setTimeout(r, 1000));
    return `after switching off: ${scans} scan slices, ${now} highlights, ${marks()} a second later; matcher compiled at ${compiles || '(none kept)'} ms, switched off at ${Math.round(t)} ms`;
  }, since);
}

/** After switching off: no highlight left, the text as it was, and where every operation was plain, the DOM. */
async function checkSwitchedOff({ withLens }: Tab, outcome: Outcome, offAt: number): Promise<void> {
  const gone = await withLens
    .waitForFunction(
      () => {
        // In the document and in every open shadow root the page attached.
        const marksIn = (root: Document | ShadowRoot): number =>
          root.querySelectorAll('case-lens-mark').length +
          [...root.querySelectorAll('*')].reduce((n, el) => n + (el.shadowRoot ? marksIn(el.shadowRoot) : 0), 0);
        const painted = [...CSS.highlights.keys()].some((name) => name.startsWith('case-lens'));
        return marksIn(document) === 0 && !painted;
      },
      undefined,
      { timeout: 5000, polling: 50 },
    )
    .then(
      () => true,
      () => false,
    );
  if (!gone) outcome.problems.push('highlights left after switching off');
  const text = await pageText(withLens);
  if (text !== outcome.textBeforeOff)
    outcome.problems.push(
      `switching off changed the text: ${JSON.stringify(outcome.textBeforeOff)} became ${JSON.stringify(text)}`,
    );
  if (outcome.compare === 'exact') {
    const difference = shapeDifference(await domShape(withLens), outcome.expectedShape);
    if (difference)
      outcome.problems.push(`DOM after switching off differs ${difference}; ${await activityAfter(withLens, offAt)}`);
  }
}

/** Sequences run by the parts so far (the parts of a run share one worker, one after another). */
let sequences = 0;

for (let part = 0; part < PARTS; part += 1) {
  const title =
    'random page mutations: no text lost, no highlight in editors, names highlighted, switching off restores the DOM';
  test(PARTS > 1 ? `${title} (part ${part + 1} of ${PARTS})` : title, { tag: '@paint' }, ({ harness, renderer }) =>
    fuzzPart(part, harness, renderer),
  );
}

async function fuzzPart(part: number, harness: Harness, renderer: RendererKind): Promise<void> {
  painting = renderer === 'paint';
  // npm test runs the painted fuzzer shorter (30 s): it checks the same code paths but wrapping, and more strictly.
  const seconds = (painting && process.env.FUZZ_SECONDS === undefined ? 30 : SECONDS) / PARTS;
  test.setTimeout((seconds + 240) * 1000);
  const runs = Math.min(PART, RUNS - part * PART);
  const port = new URL(harness.baseUrl).port;
  // Each tab is a site of its own (Chromium sends every *.localhost to the loopback), so that its
  // sequence can switch Case Lens off for its site while the other tabs run theirs.
  const disabled = new Set<string>();
  let writes = Promise.resolve();
  /** Switches Case Lens on or off for one site; writes go one after another, each with every site's state. */
  const setSite = (site: string, on: boolean) => {
    writes = writes.then(() => {
      if (on) disabled.delete(site);
      else disabled.add(site);
      return writeStorage(harness, { settings: { ...ON, renderer, disabledSites: [...disabled].sort() }, ...CURRENT });
    });
    return writes;
  };
  const tabs: Tab[] = [];
  for (let i = 0; i < TABS; i += 1) {
    const site = `fuzz-${i}.localhost`;
    tabs.push({
      site,
      switchTo: (on) => setSite(site, on),
      seed: SEED + part * TABS + i,
      withLens: await withWords(await harness.context.newPage()),
      without: await withWords(await plain.browser.newPage()),
    });
  }
  await writeStorage(harness, { settings: { ...ON, renderer }, ...CURRENT });
  const runsPerTab = Math.ceil(runs / TABS);
  const firstSeed = SEED + part * TABS;
  console.log(
    `fuzz: part ${part + 1} of ${PARTS}: seeds ${firstSeed}-${firstSeed + TABS - 1} (one per tab), up to ${runsPerTab * TABS} sequences, ${seconds.toFixed(0)} s; weights ${JSON.stringify(OPERATION_WEIGHTS)}`,
  );
  const before = sequences;
  const startedAt = Date.now();
  const fuzzTab = (tab: Tab) => {
    let runs = 0;
    // Putting the page back in place needs the sequence before to have ended switched off.
    let endedOff = false;
    return fc.assert(
      fc.asyncProperty(REPLAY ? fc.constant(REPLAY) : sequence, async (ops) => {
        const fresh = runs % FRESH_EVERY === 0 || !endedOff;
        runs += 1;
        endedOff = false;
        const outcome = await runSequence(tab, ops, `http://${tab.site}:${port}`, fresh);
        const t0 = Date.now();
        const offAt = await withLensClock(tab.withLens);
        await tab.switchTo(false);
        endedOff = true;
        await checkSwitchedOff(tab, outcome, offAt);
        phase('off', t0);
        sequences += 1;
        judged[painting ? 'exact' : outcome.compare] += 1;
        if ((sequences - before) % 100 === 0)
          console.log(
            `fuzz: part ${part + 1}: ${sequences - before} sequences in ${((Date.now() - startedAt) / 1000).toFixed(0)} s`,
          );
        if (outcome.problems.length > 0)
          throw new Error(`sequence (${outcome.compare}):\n  ${outcome.problems.join('\n  ')}`);
      }),
      { seed: tab.seed, numRuns: runsPerTab, interruptAfterTimeLimit: seconds * 1000, markInterruptAsFailure: false },
    );
  };
  try {
    const results = await Promise.allSettled(tabs.map(fuzzTab));
    const failures = results.flatMap((r, i) =>
      r.status === 'rejected'
        ? [
            `tab ${i}, seed ${tabs[i]!.seed}: ${(r.reason as Error).message}\n${((r.reason as Error).cause as Error | undefined)?.message ?? ''}`,
          ]
        : [],
    );
    if (failures.length > 0) throw new Error(failures.join('\n\n'));
  } finally {
    const minutes = (Date.now() - startedAt) / 60_000;
    const here = sequences - before;
    console.log(
      `fuzz: part ${part + 1}: ${here} sequences (shrinking included) in ${(minutes * 60).toFixed(0)} s, ${(here / minutes).toFixed(0)} a minute; ${sequences} in all so far`,
    );
    console.log(
      `fuzz: sequences judged exactly (text and DOM) ${judged.exact}, on their text alone ${judged.text}, ` +
        `loosely (an edit with two meanings) ${judged.ambiguous}`,
    );
    console.log(
      `fuzz: time per phase, summed over tabs: ${Object.entries(phases)
        .map(([name, ms]) => `${name} ${(ms / 1000).toFixed(0)} s`)
        .join(', ')}`,
    );
    for (const { withLens, without } of tabs) await Promise.all([withLens.close(), without.close()]);
  }
  expect(sequences - before).toBeGreaterThan(0);
}
