import seedArticle from '../fixtures/seed-article.json' with { type: 'json' };
import { card } from './card-view';
import { openPopup } from './extension';
import { expect, test } from './fixtures';
import { tabIdOf } from './worker';

const SEED = '/seeds/us-accuses-three-koreans.html';

/** The seed article's errors (research/case-dossier.md section 3) that the record can judge. */
const EXPECTED = (seedArticle.errors as string[]).slice().sort();

test('flags every error of the seed article that the record can judge, and nothing else', async ({ open }) => {
  const page = await open(SEED);
  const flagged = await page.$$eval('[data-claim="contradicted"]', (els) =>
    els.map((e) => `${e.getAttribute('data-entity')} | ${e.textContent}`),
  );
  expect(flagged.sort()).toEqual(EXPECTED);
});

test('the card on a flagged value says what the page says and what the record says, with a source', async ({
  open,
}) => {
  const page = await open(SEED);
  await page.locator('[data-claim="contradicted"][data-entity="wannacry"]').hover();
  const claim = card(page, '.cl-claim');
  await expect.poll(() => claim.text()).toContain('This page says “2018” — the record says 2017');
  expect(await claim.locator('a').first().getAttribute('href')).toMatch(/^https?:\/\//);
  await page.mouse.move(1, 1);
  await page.locator('[data-claim="contradicted"][data-entity="john-demers"]').hover();
  await expect.poll(() => claim.text()).toContain('the record says Assistant Attorney General for National Security');
  await page.mouse.move(1, 1);
  await page.locator('[data-claim="contradicted"][data-entity="kim-il"][data-wrong-form]').hover();
  await expect.poll(() => card(page, '.cl-correction').text()).toContain('Kim II');
  await page.mouse.move(1, 1);
  await page.locator('[data-claim="contradicted"][data-claim-kind="charge"]').hover();
  await expect.poll(() => claim.text()).toContain('the record says conspiracy to commit computer fraud and abuse');
});

test('the popup lists the checks on this page and scrolls to one', async ({ harness: h, open }) => {
  const page = await open(SEED);
  const popup = await openPopup(h, await tabIdOf(h, page));
  const checks = popup.locator('.pl-check');
  await expect(checks).toHaveCount(EXPECTED.length);
  await expect(popup.locator('.pl-check', { hasText: '“2015”' })).toContainText('the record says 2014');
  await expect(popup.locator('.pl-check', { hasText: '“Kim II”' })).toHaveText('“Kim II” — a wrong form of Kim Il');
  await popup.locator('.pl-check', { hasText: 'Kim jin-un' }).locator('button').click();
  await expect(page.locator('[data-entity="kim-jong-un"].case-lens-flash')).toHaveCount(1);
});

test('the popup shows the case timeline in order, with sources, and the events of this page stand out', async ({
  harness: h,
  open,
}) => {
  const page = await open(SEED);
  const popup = await openPopup(h, await tabIdOf(h, page));
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
});

test('an accurate report about the case gets no contradiction, only quiet confirmations', async ({ open }) => {
  const page = await open('/tests/fixtures/claims/accurate-report.html');
  expect(await page.locator('[data-entity="park-jin-hyok"]').count()).toBeGreaterThan(0);
  const contradicted = await page.$$eval('[data-claim="contradicted"]', (els) => els.map((e) => e.textContent));
  expect(contradicted).toEqual([]);
  const confirmed = await page.$$eval('[data-claim="confirmed"]', (els) => els.map((e) => e.textContent));
  expect(confirmed).toEqual(
    expect.arrayContaining(['2017', '2014', 'Assistant Attorney General', 'Acting U.S. Attorney']),
  );
});

test('a garbled report gets each wrong value flagged for the right entity', async ({ open }) => {
  const page = await open('/tests/fixtures/claims/garbled-report.html');
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
});
