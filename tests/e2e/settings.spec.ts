import type { Page } from '@playwright/test';
import { openPopup, popupUrl, waitForScan, type Harness } from './extension';
import { expect, test } from './fixtures';
import { readStorage, storeNumberedSettings, tabIdOf, writeStorage } from './worker';

const SEED = '/seeds/us-accuses-three-koreans.html';
const DEFAULTS = {
  enabled: true,
  categories: {
    person: true,
    group: true,
    organization: true,
    malware: true,
    incident: true,
    legal: true,
    place: true,
    other: true,
  },
  disabledSites: [],
  renderer: 'wrap',
};

/** The popup for `page`'s tab, once it lists the page's names; it must throw no error on the way. */
async function popupListing(h: Harness, page: Page): Promise<Page> {
  const tabId = await tabIdOf(h, page);
  const popup = await h.context.newPage();
  const errors: string[] = [];
  popup.on('pageerror', (e) => errors.push(e.message));
  await popup.goto(popupUrl(h, tabId));
  await expect(popup.locator('.pl-mention').first()).toBeVisible();
  expect(errors).toEqual([]);
  return popup;
}

for (const [label, garbage] of [
  ['a string and a broken version record', { settings: 'garbage', settings$: 'not meta' }],
  [
    'wrong types everywhere',
    { settings: { enabled: 'yes', categories: [1, 2], disabledSites: 'all' }, settings$: { v: 2 } },
  ],
  ['a value from an unknown newer version', { settings: { enabled: 7, layout: 'v9' }, settings$: { v: 99 } }],
  // A migration that counted from this version up allocated a slot per version in every page.
  ['a version record of minus a billion', { settings: { enabled: 'no' }, settings$: { v: -1e9 } }],
] as const) {
  test(`settings stored as ${label} fall back to defaults and are repaired; page and popup work`, async ({
    harness: h,
    page,
  }) => {
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(h.baseUrl + SEED);
    await waitForScan(page);
    await writeStorage(h, garbage);
    await page.reload();
    await waitForScan(page);
    await expect(page.locator('[data-entity="park-jin-hyok"]').first()).toBeVisible();
    expect(pageErrors).toEqual([]);
    const popup = await popupListing(h, page);
    await expect(popup.getByRole('switch', { name: 'Highlighting' })).toBeChecked();
    await expect(popup.locator('input[data-category]:not(:checked)')).toHaveCount(0);
    await expect
      .poll(() => readStorage(h, ['settings', 'settings$']))
      .toEqual({ settings: DEFAULTS, settings$: { v: 2 } });
    // And the repaired settings work: a toggle in the popup still reaches the page.
    await popup.locator('input[data-category="person"]').click();
    await expect(page.locator('[data-category="person"]')).toHaveCount(0);
    await popup.locator('input[data-category="person"]').click();
    await expect(page.locator('[data-category="person"]').first()).toBeVisible();
  });
}

test('v1 settings are migrated to v2 when the extension reads them: a disabled www. host turns its site off', async ({
  harness: h,
  page,
}) => {
  await writeStorage(h, {
    settings: { ...DEFAULTS, categories: { ...DEFAULTS.categories, malware: false }, disabledSites: ['WWW.127.0.0.1'] },
    settings$: { v: 1 },
  });
  await page.goto(h.baseUrl + SEED);
  await expect
    .poll(() => readStorage(h, ['settings', 'settings$']))
    .toEqual({
      settings: { ...DEFAULTS, categories: { ...DEFAULTS.categories, malware: false }, disabledSites: ['127.0.0.1'] },
      settings$: { v: 2 },
    });
  // The migrated site key matches this page's host: the content script runs but highlights nothing.
  const popup = await openPopup(h, await tabIdOf(h, page));
  await expect(popup.getByText('Highlighting is off on this page.')).toBeVisible();
  await expect(popup.getByRole('switch', { name: 'Highlight on 127.0.0.1' })).not.toBeChecked();
  await popup.close();
  await expect(page.locator('[data-entity]')).toHaveCount(0);
  await writeStorage(h, { settings: DEFAULTS });
  await expect(page.locator('[data-entity="park-jin-hyok"]').first()).toBeVisible();
  await expect(page.locator('[data-category="malware"]').first()).toBeVisible();
});

test('pages only read the settings: a change stored while pages load is never undone by an older value', async ({
  harness: h,
}) => {
  // Chrome gives a stored object back with its keys sorted. Compared in the order they were written, every
  // page load took the settings for corrupt and stored what it had read, which could land just after a
  // newer change and undo it: a site switched off came back on (found by the page-mutation fuzzer).
  await writeStorage(h, { settings: DEFAULTS, settings$: { v: 2 } });
  const tabs = await Promise.all(Array.from({ length: 3 }, () => h.context.newPage()));
  // Tabs load the page again and again while the background stores a new value every few milliseconds,
  // each naming a numbered site.
  let storing = true;
  const loading = Promise.all(
    tabs.map(async (tab) => {
      while (storing) {
        await tab.goto(h.baseUrl + SEED);
        await waitForScan(tab);
      }
    }),
  );
  const seen = await storeNumberedSettings(h, DEFAULTS, 400);
  storing = false;
  await loading;
  expect(seen.length).toBeGreaterThanOrEqual(400);
  expect(seen.filter((n, i) => i > 0 && n <= seen[i - 1]!)).toEqual([]);
  expect((await readStorage(h, ['settings'])).settings).toEqual({ ...DEFAULTS, disabledSites: ['s400.example'] });
});
