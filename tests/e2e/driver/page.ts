import type { Evaluator, PageFunction, Tab } from './types';
import { type PartPoint, POINT_ON, restingPoint } from '../card-view';

/**
 * Runs in the page: true once no `case-lens:scan` slice has run for `quiet`
 * ms, and more than `after` slices have run in all. A document whose scout
 * saw no case name never starts the full script and records nothing (the
 * scout leaves no trace a page could read): with no slice at all, it counts
 * as finished `quietPage` ms after its load event, time enough for a scout
 * that did see a name to have the full script started. With `quietPage`
 * null, a document must record a slice: for pages that name the case.
 */
export function scanFinished([quiet, after, quietPage = 1000]: readonly [number, number, (number | null)?]): boolean {
  const measures = performance.getEntriesByName('case-lens:scan');
  if (measures.length === 0 && after === 0) {
    if (quietPage === null) return false;
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const loaded = navigation && navigation.loadEventEnd > 0 ? navigation.loadEventEnd : null;
    return loaded !== null && performance.now() - loaded > quietPage;
  }
  if (measures.length <= after) return false;
  const last = measures[measures.length - 1]!;
  return performance.now() - (last.startTime + last.duration) > quiet;
}

/** Polls `fn` in the page until it returns a truthy value; fails with `what` after `timeoutMs`. */
export async function waitFor<A>(
  target: Evaluator,
  fn: PageFunction<A, unknown>,
  arg?: A,
  { timeoutMs = 10_000, what = 'a condition in the page' } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await target.evaluate(fn, arg)) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Waits until the content script has finished scanning (no `case-lens:scan`
 * slice for `quietMs`). After a change to the page, pass the slice count from
 * before it: the wait then also needs a newer slice. For a page that may name
 * nothing, `quietPageMs` says how long after its load a document without any
 * slice counts as finished; by default a slice is required.
 */
export function waitForScan(
  target: Evaluator,
  quietMs = 300,
  afterSlices = 0,
  quietPageMs: number | null = null,
): Promise<void> {
  return waitFor(target, scanFinished, [quietMs, afterSlices, quietPageMs] as const, { what: 'the scan to finish' });
}

/** How many `case-lens:scan` slices a document has recorded. */
export function scanSlices(target: Evaluator): Promise<number> {
  return target.evaluate(() => performance.getEntriesByName('case-lens:scan').length);
}

/**
 * A new tab on a page of the static server, once the extension has finished
 * scanning it (`quietPageMs`: for a page that may name nothing, see waitForScan).
 */
export async function openScanned(
  driver: { newTab(viewport?: { width: number; height: number }): Promise<Tab> },
  path: string,
  viewport?: { width: number; height: number },
  quietPageMs: number | null = null,
): Promise<Tab> {
  const tab = await driver.newTab(viewport);
  await tab.goto(path);
  await waitForScan(tab, 300, 0, quietPageMs);
  return tab;
}

/** Scrolls the `index`th element matching `selector` into view and rests the real pointer on its first line. */
export async function hover(tab: Tab, selector: string, index = 0): Promise<void> {
  const point = await tab.evaluate(
    async ([sel, i]) => {
      const el = document.querySelectorAll(sel)[i];
      if (!el) return null;
      el.scrollIntoView({ block: 'center', behavior: 'instant' });
      // Read the position once the scroll has been applied (a frame later in Firefox).
      await new Promise((r) => requestAnimationFrame(() => r(null)));
      const r = el.getClientRects()[0] ?? el.getBoundingClientRect();
      return { x: r.left + Math.min(r.width / 2, 4), y: r.top + r.height / 2 };
    },
    [selector, index] as const,
  );
  if (!point) throw new Error(`nothing to hover: ${selector} #${index}`);
  // Start from a point away from it, so that the pointer enters the element.
  await tab.mouseMove(1, 1);
  await tab.mouseMove(point.x, point.y);
}

/** Clicks the middle of the first element matching `selector` with the real pointer. */
export async function click(tab: Tab, selector: string): Promise<void> {
  const point = await tab.evaluate(async (sel) => {
    const el = document.querySelector(sel);
    if (!el) return null;
    el.scrollIntoView({ block: 'center', behavior: 'instant' });
    await new Promise((r) => requestAnimationFrame(() => r(null)));
    const r = el.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }, selector);
  if (!point) throw new Error(`nothing to click: ${selector}`);
  await tab.mouseClick(point.x, point.y);
}

/** Clicks the middle of an element of the card's shadow root with the real pointer, once it stands still. */
export async function clickInCard(tab: Tab, selector: string): Promise<void> {
  const pointOn = new Function(
    'root',
    'sel',
    `${POINT_ON}; const el = root.querySelector(sel); return el ? pointOn(el) : null;`,
  ) as (root: ShadowRoot, sel: string) => PartPoint | null;
  const { x, y } = await restingPoint(() => tab.inShadowOf('case-lens-card', pointOn, selector), selector);
  await tab.mouseClick(x, y);
}

/** Polls a value read from Node until `ok` accepts it; returns it, or fails with the last value seen. */
export async function poll<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T;
  for (;;) {
    last = await read();
    if (ok(last)) return last;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms; last value: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
