import { expect, test, type Page } from '@playwright/test';
import seedArticle from '../fixtures/seed-article.json' with { type: 'json' };
import { waitForScan, type Harness } from './extension';
import { launchForFile } from './session';

const SEED = '/seeds/us-accuses-three-koreans.html';

let h: Harness;
launchForFile((launched) => (h = launched));

/** The seed article's errors (research/case-dossier.md section 3) that the record can judge. */
const EXPECTED = (seedArticle.errors as string[]).slice().sort();

async function openSeed(): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(h.baseUrl + SEED);
  await waitForScan(page);
  return page;
}

/** The id of the tab showing `page`: it is the active tab once brought to the front. */
async function tabIdOf(page: Page): Promise<number> {
  await page.bringToFront();
  return h.worker.evaluate(async () => {
    // Runs in the extension's service worker, where `chrome` is the extension API.
    const api = (globalThis as unknown as { chrome: import('webextension-polyfill').Browser }).chrome;
    const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
    return tab!.id!;
  });
}

test('flags every error of the seed article that the record can judge, and nothing else', async () => {
  const page = await openSeed();
  const flagged = await page.$$eval('[data-claim="contradicted"]', (els) =>
    els.map((e) => `${e.getAttribute('data-entity')} | ${e.textContent}`),
  );
  expect(flagged.sort()).toEqual(EXPECTED);
  await page.close();
});

test('the card on a flagged value says what the page says and what the record says, with a source', async () => {
  const page = await openSeed();
  await page.locator('[data-claim="contradicted"][data-entity="wannacry"]').hover();
  const claim = page.locator('case-lens-card .cl-claim');
  await expect(claim).toContainText('This page says “2018” — the record says 2017');
  expect(await claim.locator('a').first().getAttribute('href')).toMatch(/^https?:\/\//);
  await page.mouse.move(1, 1);
  await page.locator('[data-claim="contradicted"][data-entity="john-demers"]').hover();
  await expect(claim).toContainText('the record says Assistant Attorney General for National Security');
  await page.mouse.move(1, 1);
  await page.locator('[data-claim="contradicted"][data-entity="kim-il"][data-wrong-form]').hover();
  await expect(page.locator('case-lens-card .cl-correction')).toContainText('Kim II');
  await page.mouse.move(1, 1);
  await page.locator('[data-claim="contradicted"][data-claim-kind="charge"]').hover();
  await expect(page.locator('case-lens-card .cl-claim')).toContainText(
    'the record says conspiracy to commit computer fraud and abuse',
  );
  await page.close();
});

test('the popup lists the checks on this page and scrolls to one', async () => {
  const page = await openSeed();
  const tabId = await tabIdOf(page);
  const popup = await h.context.newPage();
  await popup.goto(`chrome-extension://${h.extensionId}/popup.html?tab=${tabId}`);
  const checks = popup.locator('.pl-check');
  await expect(checks).toHaveCount(EXPECTED.length);
  await expect(popup.locator('.pl-check', { hasText: '“2015”' })).toContainText('the record says 2014');
  await expect(popup.locator('.pl-check', { hasText: '“Kim II”' })).toHaveText('“Kim II” — a wrong form of Kim Il');
  await popup.locator('.pl-check', { hasText: 'Kim jin-un' }).locator('button').click();
  await expect(page.locator('[data-entity="kim-jong-un"].case-lens-flash')).toHaveCount(1);
  await popup.close();
  await page.close();
});

test('the popup shows the case timeline in order, with sources, and the events of this page stand out', async () => {
  const page = await openSeed();
  const tabId = await tabIdOf(page);
  const popup = await h.context.newPage();
  await popup.goto(`chrome-extension://${h.extensionId}/popup.html?tab=${tabId}`);
  await popup.locator('[data-view="timeline"]').click();
  const events = popup.locator('.pl-event');
  expect(await events.count()).toBeGreaterThan(100);
  const dates = await events.locator('time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime') ?? ''));
  expect(dates).toEqual([...dates].sort());
  expect(await popup.locator('.pl-event.pl-on-page[data-entity="park-jin-hyok"]').count()).toBeGreaterThan(0);
  expect(await popup.locator('.pl-event.pl-on-page[data-entity="swift"]').count()).toBe(0);
  for (const href of await events
    .locator('.cl-sources a')
    .evaluateAll((els) => els.slice(0, 20).map((a) => a.getAttribute('href')))) {
    expect(href).toMatch(/^https?:\/\//);
  }
  await popup.close();
  await page.close();
});

test('an accurate report about the case gets no contradiction, only quiet confirmations', async () => {
  const page = await h.context.newPage();
  await page.goto(`${h.baseUrl}/tests/fixtures/claims/accurate-report.html`);
  await waitForScan(page);
  expect(await page.locator('[data-entity="park-jin-hyok"]').count()).toBeGreaterThan(0);
  const contradicted = await page.$$eval('[data-claim="contradicted"]', (els) => els.map((e) => e.textContent));
  expect(contradicted).toEqual([]);
  const confirmed = await page.$$eval('[data-claim="confirmed"]', (els) => els.map((e) => e.textContent));
  expect(confirmed).toEqual(
    expect.arrayContaining(['2017', '2014', 'Assistant Attorney General', 'Acting U.S. Attorney']),
  );
  await page.close();
});

test('a garbled report gets each wrong value flagged for the right entity', async () => {
  const page = await h.context.newPage();
  await page.goto(`${h.baseUrl}/tests/fixtures/claims/garbled-report.html`);
  await waitForScan(page);
  const flagged = await page.$$eval('[data-claim="contradicted"]', (els) =>
    els.map((e) => `${e.getAttribute('data-entity')} | ${e.textContent}`),
  );
  expect(flagged.sort()).toEqual(
    [
      'kim-il | $2.5 billion',
      'wannacry-attack-2017 | 2016',
      'bangladesh-bank | $101 million',
      'john-demers | Deputy Attorney General',
      'ghaleb-alaumary | nine years',
      'sony-pictures-hack-2014 | 2013',
    ].sort(),
  );
  await page.close();
});
