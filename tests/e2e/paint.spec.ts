import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { textNodesSnapshot } from './extension';
import { paintedNames, readMarks, readPainted } from './marks';
import { extensionUiTexts } from './outside';
import { card as cardPart, focusedCardTitle } from './card-view';
import { askPage, tabIdOf, writeStorage } from './worker';

/**
 * Paint mode (settings.renderer = 'paint'): highlights are ranges the browser
 * paints (CSS Custom Highlight API), read from outside through `CSS.highlights`
 * (readPainted); the page's DOM is never changed.
 */

const CASE_PAGE = '/tests/fixtures/live/case-page.html';
const MENTIONS = '/tests/fixtures/reader/mentions.html';
const ON = { enabled: true, categories: {}, disabledSites: [] };
const PAINT = { ...ON, renderer: 'paint' };

/** Counts, from the page's own world, every change made to its DOM from the start. */
async function countMutations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { mutations: number };
    w.mutations = 0;
    new MutationObserver((records) => {
      for (const r of records) {
        // The card is our UI, a custom element of its own, and is not the page's text.
        const ours = [...r.addedNodes, ...r.removedNodes].every(
          (n) => n instanceof Element && n.tagName.startsWith('CASE-LENS-'),
        );
        if (!(r.type === 'childList' && ours)) w.mutations += 1;
      }
    }).observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
  });
}

function mutationsOf(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { mutations: number }).mutations);
}

test('paint mode shows what wrap mode shows, and changes nothing in the page', async ({ harness }) => {
  const wrapped = await harness.context.newPage();
  await wrapped.goto(harness.baseUrl + CASE_PAGE);
  await expect.poll(() => readMarks(wrapped).then((m) => m.length)).toBeGreaterThan(3);
  const expected = await readMarks(wrapped);
  await wrapped.close();

  await writeStorage(harness, { settings: { ...ON, enabled: false } });
  const bare = await harness.context.newPage();
  await countMutations(bare);
  await bare.goto(harness.baseUrl + CASE_PAGE);
  await bare.waitForTimeout(1500);
  const original = await textNodesSnapshot(bare);
  const pageOwn = await mutationsOf(bare);
  await bare.close();

  await writeStorage(harness, { settings: PAINT });
  const page = await harness.context.newPage();
  await countMutations(page);
  await page.goto(harness.baseUrl + CASE_PAGE);
  await expect.poll(() => readPainted(page)).toEqual(expected);
  expect(await page.locator('case-lens-mark').count()).toBe(0);
  expect(await textNodesSnapshot(page)).toEqual(original);
  // The same changes as the page makes itself while it loads, and not one more.
  expect(await mutationsOf(page)).toBe(pageOwn);

  // Switched off, nothing of ours is left in the page's highlight registry.
  await writeStorage(harness, { settings: { ...PAINT, enabled: false } });
  await expect.poll(() => paintedNames(page)).toEqual([]);
});

test('switching between wrap and paint on an open page moves every highlight from one to the other', async ({
  harness,
}) => {
  await writeStorage(harness, { settings: ON });
  const page = await harness.context.newPage();
  await page.goto(harness.baseUrl + CASE_PAGE);
  await expect.poll(() => readMarks(page).then((m) => m.length)).toBeGreaterThan(3);
  const wrappedMarks = await readMarks(page);
  await writeStorage(harness, { settings: PAINT });
  await expect.poll(() => readPainted(page)).toEqual(wrappedMarks);
  expect(await page.locator('case-lens-mark').count()).toBe(0);
  await writeStorage(harness, { settings: ON });
  await expect.poll(() => readMarks(page)).toEqual(wrappedMarks);
  expect(await paintedNames(page)).toEqual([]);
});

test('resting the pointer on a painted name opens its card', async ({ harness }) => {
  await writeStorage(harness, { settings: PAINT });
  const page = await harness.context.newPage();
  await page.goto(harness.baseUrl + CASE_PAGE);
  await expect.poll(() => readPainted(page).then((m) => m.length)).toBeGreaterThan(3);
  const box = await page.evaluate(() => {
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('case-lens__park-jin-hyok__')) continue;
      const [range] = highlight as unknown as Range[];
      const r = range!.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }
    return null;
  });
  expect(box).not.toBeNull();
  await page.mouse.move(box!.x - 200, box!.y + 200);
  await page.mouse.move(box!.x, box!.y, { steps: 4 });
  await expect.poll(async () => (await extensionUiTexts(page)).some((t) => t.includes('Park Jin Hyok'))).toBe(true);
  // Away from the name (not onto the card), the card closes again.
  await page.mouse.move(box!.x - 300, box!.y + 300, { steps: 4 });
  await expect.poll(async () => (await extensionUiTexts(page)).some((t) => t.includes('Park Jin Hyok'))).toBe(false);
});

test('with painted highlights, the next/previous commands walk the names in order and open each card with focus', async ({
  harness,
}) => {
  await writeStorage(harness, { settings: PAINT });
  const page = await harness.context.newPage();
  // Scrolls are instant, so that each step starts from where the last one left the page.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(harness.baseUrl + MENTIONS);
  await expect.poll(() => readPainted(page).then((m) => m.length)).toBeGreaterThanOrEqual(5);
  const names = (await readPainted(page)).filter((m) => !m.value);
  const tabId = await tabIdOf(harness, page);
  const card = cardPart(page);
  const visited: string[] = [];
  for (let i = 0; i < names.length; i += 1) {
    expect(await askPage(harness, tabId, 'stepHighlight', 'next')).toBe(true);
    await expect.poll(() => card.isVisible()).toBe(true);
    await expect.poll(() => focusedCardTitle(page)).not.toBeNull();
    visited.push((await card.getAttribute('data-entity')) ?? '');
    await page.keyboard.press('Escape');
    await expect.poll(() => card.count()).toBe(0);
  }
  expect(visited).toEqual(names.map((m) => m.entity));
  expect(await page.locator('case-lens-mark').count()).toBe(0);

  // A painted range takes no focus: Escape gives it back to what had it before the card opened.
  await page.evaluate(() => document.getElementById('page-button')!.focus({ preventScroll: true }));
  expect(await askPage(harness, tabId, 'stepHighlight', 'next')).toBe(true);
  await expect.poll(() => focusedCardTitle(page)).not.toBeNull();
  await page.keyboard.press('Escape');
  await expect.poll(() => card.count()).toBe(0);
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('page-button');
});
