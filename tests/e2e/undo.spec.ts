import type { Page } from '@playwright/test';
import { setInPopup, waitForScan } from './extension';
import { expect, test } from './fixtures';
import { tabIdOf } from './worker';

/**
 * Switching Case Lens off (for everything, for a category, for the site) puts
 * back the page's own text nodes: the same objects, with the same data, in the
 * same order, and leaves alone every node the page made itself, even those it
 * added next to our highlights while they were there. Settings change through
 * the popup, as a reader changes them.
 */

const UNDO_PAGE = '/tests/fixtures/live/undo.html';

interface Restoration {
  /** Every text node recorded at load is in the page, in its place in the order. */
  sameNodes: boolean;
  /** ...with the data it had at load. */
  sameData: boolean;
  /** Nodes in the page now that the page did not make. */
  strangers: string[];
}

/**
 * Compares the page's text nodes with those its own script recorded at load
 * (undo.html); nodes the page added later (`window.pageAdded`) are its own
 * too. `outside` leaves out an element the page changed itself.
 */
function restoration(page: Page, outside?: string): Promise<Restoration> {
  return page.evaluate((skip) => {
    const w = window as unknown as { originalText: Text[]; originalData: string[]; pageAdded?: Text[] };
    const skipped = skip ? document.querySelector(skip) : null;
    const counted = (n: Text) => !skipped?.contains(n);
    const added = new Set(w.pageAdded ?? []);
    const now: Text[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (counted(n as Text)) now.push(n as Text);
    const own = now.filter((n) => !added.has(n));
    const recorded = w.originalText.map((n, i) => ({ n, data: w.originalData[i] })).filter(({ n }) => counted(n));
    const known = new Set(recorded.map(({ n }) => n));
    return {
      sameNodes: own.length === recorded.length && own.every((n, i) => n === recorded[i]!.n),
      sameData: recorded.every(({ n, data }) => n.data === data),
      strangers: own.filter((n) => !known.has(n)).map((n) => n.data),
    };
  }, outside ?? null);
}

const intact: Restoration = { sameNodes: true, sameData: true, strangers: [] };

async function openUndoPage(open: (path: string) => Promise<Page>): Promise<Page> {
  const page = await open(UNDO_PAGE);
  await expect(page.locator('case-lens-mark[data-entity]').first()).toBeVisible();
  return page;
}

const marks = (page: Page) => page.locator('case-lens-mark[data-entity]');

test('the master switch restores the original text nodes, twice over, and leaves the page’s own marks alone', async ({
  harness: h,
  open,
}) => {
  const page = await openUndoPage(open);
  const count = await marks(page).count();
  expect(count).toBeGreaterThanOrEqual(12);
  // The page's own adjacent nodes are one match for us ("Lazarus Group" across two nodes).
  await expect(page.locator('#adjacent case-lens-mark[data-entity="lazarus-group"]')).toHaveCount(2);
  for (let round = 0; round < 2; round += 1) {
    await setInPopup(h, 'input[data-setting="enabled"]', false);
    await expect(marks(page)).toHaveCount(0);
    expect(await restoration(page)).toEqual(intact);
    await expect(page.locator('mark.page-own')).toHaveText('WannaCry');
    await expect(page.locator('span[data-entity="page-tag"]')).toHaveText('Hidden Cobra');
    await setInPopup(h, 'input[data-setting="enabled"]', true);
    await expect(marks(page)).toHaveCount(count);
  }
});

test('a category switched off unwraps only its own highlights; everything off restores the page exactly', async ({
  harness: h,
  open,
}) => {
  const page = await openUndoPage(open);
  const byCategory = () =>
    page.$$eval('case-lens-mark[data-entity]', (els) =>
      els.map((e) => `${e.getAttribute('data-category')}:${e.textContent}`),
    );
  const before = await byCategory();
  expect(before.filter((b) => b.startsWith('person:')).length).toBeGreaterThan(3);
  await setInPopup(h, 'input[data-category="person"]', false);
  await expect(page.locator('[data-category="person"]')).toHaveCount(0);
  expect(await byCategory()).toEqual(before.filter((b) => !b.startsWith('person:')));
  await setInPopup(h, 'input[data-category="group"]', false);
  await expect(page.locator('[data-category="group"]')).toHaveCount(0);
  // With some categories already unwrapped, the rest still unwrap back into the original nodes.
  await setInPopup(h, 'input[data-setting="enabled"]', false);
  await expect(marks(page)).toHaveCount(0);
  expect(await restoration(page)).toEqual(intact);
  await setInPopup(h, 'input[data-setting="enabled"]', true);
  await setInPopup(h, 'input[data-category="person"]', true);
  await setInPopup(h, 'input[data-category="group"]', true);
  await expect(marks(page)).toHaveCount(before.length);
  expect((await byCategory()).sort()).toEqual([...before].sort());
});

test('switching the site off restores the page, without touching nodes the page added beside our highlights', async ({
  harness: h,
  open,
}) => {
  const page = await openUndoPage(open);
  const tabId = await tabIdOf(h, page);
  // While highlighted, the page adds text of its own right after a highlight and at the end of its paragraph.
  await page.evaluate(() => {
    const w = window as unknown as { pageAdded: Text[] };
    const mark = document.querySelector('#plain case-lens-mark')!;
    const between = document.createTextNode(' (alias Pak Jin Hek)');
    mark.after(between);
    const tail = document.createTextNode(' Updated.');
    document.getElementById('plain')!.append(tail);
    w.pageAdded = [between, tail];
  });
  await waitForScan(page);
  await setInPopup(h, 'input[data-setting="site"]', false, tabId);
  await expect(marks(page)).toHaveCount(0);
  // The page put its own node inside the text we had split (after "Park Jin Hyok"): that paragraph
  // keeps the page's order and nodes, and every other one is restored exactly.
  expect(await restoration(page, '#plain')).toEqual(intact);
  expect(
    await page.evaluate(() => {
      const [between, tail] = (window as unknown as { pageAdded: Text[] }).pageAdded;
      return [
        between!.isConnected && between!.data,
        tail!.isConnected && tail!.data,
        tail!.parentElement!.lastChild === tail,
      ];
    }),
  ).toEqual([' (alias Pak Jin Hek)', ' Updated.', true]);
  // The paragraph reads as the page wrote it, our split of it included.
  await expect(page.locator('#plain')).toHaveText(
    'Park Jin Hyok (alias Pak Jin Hek), Jon Chang Hyok and Kim Il worked for the Reconnaissance General Bureau; Ghaleb Alaumary laundered the money. Updated.',
  );
  await setInPopup(h, 'input[data-setting="site"]', true, tabId);
  await expect(marks(page).first()).toBeVisible();
});
