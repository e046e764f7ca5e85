import { EXTENSION_DIR } from './extension';
import { card } from './card-view';
import { expect, test } from './fixtures';

/**
 * An update or reload of the extension while pages are open: Chrome stops
 * nothing the previous version put in them and runs none of the new
 * version's content scripts there. Case Lens then scouts the open tabs
 * itself; the new full script retires the previous one, whose card could no
 * longer reach the background, and the page ends with one working set of
 * highlights.
 */

// Reloading replaces the extension's service worker: this spec gets a browser of its own.
test.use({ harnessOptions: { reloadable: true } });

const PAGE = '/tests/fixtures/live/case-page.html';

test('after a reload of the extension, an open page has one set of highlights and its card answers', async ({
  harness: h,
  open,
}) => {
  const page = await open(PAGE);
  const entitiesOf = () =>
    page.evaluate(() => [...document.querySelectorAll('case-lens-mark')].map((m) => m.getAttribute('data-entity')));
  const before = await entitiesOf();
  expect(before.length).toBeGreaterThan(3);
  const firstMark = await page.evaluate(() => {
    const mark = document.querySelector('case-lens-mark')!;
    (window as unknown as { firstMark: Element }).firstMark = mark;
    return mark.textContent;
  });

  // Loading the same unpacked extension again is what an update does: a new version, a new service worker.
  const browser = await h.context.browser()!.newBrowserCDPSession();
  const nextWorker = h.context.waitForEvent('serviceworker', { timeout: 20_000 });
  expect(await browser.send('Extensions.loadUnpacked', { path: EXTENSION_DIR })).toEqual({ id: h.extensionId });
  await nextWorker;

  // The previous version's highlights give way to the new version's: the same names, each wrapped once.
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { firstMark: Element }).firstMark.isConnected), {
      timeout: 15_000,
    })
    .toBe(false);
  await expect.poll(entitiesOf, { timeout: 15_000 }).toEqual(before);
  expect(await page.evaluate(() => document.querySelectorAll('case-lens-mark case-lens-mark').length)).toBe(0);
  expect(await page.evaluate(() => document.querySelector('case-lens-mark')!.textContent)).toBe(firstMark);

  // Its card reaches the new background: facts, not "Loading…".
  await page.locator('case-lens-mark').first().hover();
  await expect
    .poll(() => card(page, '.cl-card[data-placed] .cl-fact').first().isVisible(), { timeout: 10_000 })
    .toBe(true);

  // And text the page adds now is highlighted.
  await page.evaluate(() => {
    document
      .getElementById('feed')!
      .append(Object.assign(document.createElement('p'), { textContent: 'Ghaleb Alaumary pleaded guilty.' }));
  });
  await expect(page.locator('#feed case-lens-mark[data-entity="ghaleb-alaumary"]')).toHaveCount(1, { timeout: 10_000 });
});
