import type { Request, WebError } from '@playwright/test';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR, openPopup, setInPopup, waitForScan } from './extension';
import { card } from './card-view';
import { expect, test } from './fixtures';

/**
 * Nothing about the pages a reader reads leaves the browser: while Case Lens
 * reads pages (with frames from another site), opens cards, searches and
 * changes settings, neither its content scripts, nor its service worker, nor
 * its pages make a single network request. Every request the browser sends is
 * recorded: through Playwright for pages, frames and workers, at the network
 * edge (the harness aborts and records any host but our servers), and from the
 * service worker's and the popup's own resource timing.
 */

test.use({ harnessOptions: { otherOrigin: true } });

test('the extension makes no network request of its own while reading pages', async ({ harness: h }) => {
  const seen: { url: string; from: string }[] = [];
  const record = (request: Request) => {
    const worker = request.serviceWorker();
    seen.push({
      url: request.url(),
      from: worker ? `service worker ${worker.url()}` : (request.frame()?.url() ?? '?'),
    });
  };
  h.context.on('request', record);
  const recordError = (error: WebError) => seen.push({ url: String(error.error()), from: 'error' });
  h.context.on('weberror', recordError);

  // What the test itself asks for: the documents and frames it opens, and the browser's favicon probe.
  const pages = [
    '/seeds/us-accuses-three-koreans.html',
    '/tests/fixtures/matching/ambiguous-in-case.html',
    `/tests/fixtures/live/frames.html?cross=${encodeURIComponent(h.otherOriginUrl!)}`,
    '/tests/fixtures/live/shadow.html',
  ];
  const expected = new Set<string>();
  for (const path of pages) expected.add(h.baseUrl + path);
  for (const frame of ['frame-case.html', 'frame-keyboard.html'])
    expected.add(`${h.baseUrl}/tests/fixtures/live/${frame}`);
  expected.add(`${h.otherOriginUrl}/tests/fixtures/live/frame-case.html`);
  const isFavicon = (url: string) => /^http:\/\/(127\.0\.0\.1|localhost):\d+\/favicon\.ico$/.test(url);

  const page = await h.context.newPage();
  for (const path of pages) {
    await page.goto(h.baseUrl + path);
    await waitForScan(page);
    expect(await page.locator('[data-entity]').count(), path).toBeGreaterThan(0);
  }
  // A card (its facts come from the service worker), a search in the popup, a setting.
  await page.goto(h.baseUrl + pages[0]!);
  await waitForScan(page);
  await page.locator('[data-entity="park-jin-hyok"]').first().hover();
  await expect.poll(() => card(page).isVisible()).toBe(true);
  const popup = await openPopup(h);
  await popup.getByRole('searchbox').fill('Bangladesh Bank');
  await popup.locator('.pl-result').first().click();
  await expect(popup.locator('#pl-detail-title')).not.toBeEmpty();
  const popupResources = await popup.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  await popup.close();
  await setInPopup(h, 'input[data-category="malware"]', false);
  await setInPopup(h, 'input[data-category="malware"]', true);
  await page.waitForTimeout(1000);

  const worker = h.context.serviceWorkers()[0] ?? h.worker;
  const workerResources = await worker.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  // The browser is shared with the tests that follow: stop listening.
  h.context.off('request', record);
  h.context.off('weberror', recordError);

  // Files of the extension itself; web-accessible ones load under a per-session random id (use_dynamic_url).
  const ownResource = (url: string) =>
    url.startsWith('chrome-extension://') && existsSync(join(EXTENSION_DIR, new URL(url).pathname));
  const unexpected = seen.filter(({ url }) => !expected.has(url) && !isFavicon(url) && !ownResource(url));
  expect(unexpected).toEqual([]);
  expect(seen.filter(({ from }) => from.startsWith('service worker'))).toEqual([]);
  expect(h.outsideRequests).toEqual([]);
  expect(workerResources.filter((url) => !ownResource(url))).toEqual([]);
  expect(popupResources.filter((url) => !ownResource(url))).toEqual([]);
  // The recording works: the documents themselves were seen.
  expect(seen.map((s) => s.url)).toEqual(expect.arrayContaining([...expected]));
  await page.close();
});
