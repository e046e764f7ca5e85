import type { Page } from '@playwright/test';
import { openPopup, popupUrl, type Harness } from './extension';
import { expect, test } from './fixtures';
import { badgeText, readStorage, tabIdOf } from './worker';

const SEED = '/seeds/us-accuses-three-koreans.html';

/** The popup speaking about `page`'s tab, as it does when opened from the toolbar over that tab. */
async function popupFor(h: Harness, page: Page): Promise<Page> {
  const tabId = await tabIdOf(h, page);
  const popup = await h.context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(popupUrl(h, tabId));
  return popup;
}

// Name highlights only: markers around values the page states (data-claim-index) are checks, not mentions.
const NAMES = '[data-entity]:not([data-claim-index])';

const countsOn = (page: Page) =>
  page.$$eval(NAMES, (els) => {
    // One mention per match: a wrapper that follows one of the same entity with no text between continues it.
    const counts: Record<string, number> = {};
    const last: Record<string, Element> = {};
    for (const el of els) {
      const id = el.getAttribute('data-entity')!;
      const prev = last[id];
      let continues = false;
      if (prev) {
        const between = document.createRange();
        between.setStartAfter(prev);
        between.setEndBefore(el);
        continues = between.toString() === '';
      }
      if (!continues) counts[id] = (counts[id] ?? 0) + 1;
      last[id] = el;
    }
    return counts;
  });

test('search results are a listbox the arrow keys move through; Enter opens the detail view, Back returns to the search box', async ({
  harness: h,
}) => {
  const popup = await openPopup(h);
  const search = popup.getByRole('searchbox', { name: 'Search the case record' });
  await search.fill('Hidden Cobra');
  const options = popup.getByRole('listbox', { name: 'Search results' }).getByRole('option');
  expect(await options.count()).toBeGreaterThanOrEqual(2);
  await expect(options.nth(0)).toHaveAttribute('aria-selected', 'true');
  await expect(search).toHaveAttribute('aria-activedescendant', 'pl-result-lazarus-group');
  await search.press('ArrowDown');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(options.nth(0)).toHaveAttribute('aria-selected', 'false');
  const second = (await options.nth(1).getAttribute('data-entity'))!;
  await expect(search).toHaveAttribute('aria-activedescendant', `pl-result-${second}`);
  await search.press('ArrowUp');
  await search.press('ArrowUp'); // stays on the first
  await expect(options.nth(0)).toHaveAttribute('aria-selected', 'true');
  await search.press('Enter');
  const title = popup.locator('#pl-detail-title');
  await expect(title).toHaveText('Lazarus Group');
  await expect(title).toBeFocused();
  await expect(popup.getByRole('region', { name: 'Lazarus Group' })).toBeVisible();
  // A relation opens that entity; Back walks the trail, then returns focus to the search box.
  const relation = popup.locator('.cl-relation').first();
  const target = (await relation.textContent())!.trim();
  await relation.click();
  await expect(title).toHaveText(target);
  await popup.getByRole('button', { name: '← Back' }).click();
  await expect(title).toHaveText('Lazarus Group');
  await popup.getByRole('button', { name: '← Back' }).click();
  await expect(title).toHaveCount(0);
  await expect(search).toBeFocused();
  // Escape clears a search instead of closing the popup.
  await search.fill('wannacry');
  await expect(options.first()).toBeVisible();
  await search.press('Escape');
  await expect(search).toHaveValue('');
});

test('"On this page" lists every entity with its count; clicking one scrolls to and flashes its mentions in turn', async ({
  harness: h,
  open,
}) => {
  const page = await open(SEED);
  const expected = await countsOn(page);
  const popup = await popupFor(h, page);
  const rows = popup.locator('.pl-mention');
  await expect(rows.first()).toBeVisible();
  const listed = Object.fromEntries(
    await rows.evaluateAll((els) =>
      els.map((e) => [e.getAttribute('data-entity')!, Number(e.querySelector('.pl-count')!.firstChild!.textContent)]),
    ),
  );
  expect(listed).toEqual(expected);

  const [entity, count] = Object.entries(expected).sort((a, b) => b[1] - a[1])[0]!;
  expect(count).toBeGreaterThan(1);
  const marks = page.locator(`[data-entity="${entity}"]:not([data-claim-index])`);
  for (let i = 0; i < count + 1; i += 1) {
    // Start each time from the far end of the page, so the jump is a real scroll.
    await page.evaluate((top) => window.scrollTo(0, top ? 0 : document.body.scrollHeight), i % 2);
    await popup.locator(`.pl-mention[data-entity="${entity}"] .pl-reveal`).click();
    const target = marks.nth(i % count);
    await expect(target).toHaveClass(/case-lens-flash/);
    await expect(target).toBeInViewport();
    await expect(popup.getByRole('status')).toHaveText(new RegExp(`mention ${(i % count) + 1} of ${count}`));
  }
  // The flash ends by itself.
  await expect(page.locator('.case-lens-flash')).toHaveCount(0, { timeout: 5000 });
  // Details opens the record in the popup.
  await popup
    .locator(`.pl-mention[data-entity="${entity}"]`)
    .getByRole('button', { name: /^Details about / })
    .click();
  await expect(popup.locator('#pl-detail-title')).toBeVisible();
});

test('the category toggles are the colour legend of the highlights', async ({ harness: h, open }) => {
  const page = await open(SEED);
  const popup = await popupFor(h, page);
  const categories = await page.$$eval(NAMES, (els) => [...new Set(els.map((e) => e.getAttribute('data-category')!))]);
  for (const category of categories) {
    const onPage = await page
      .locator(`[data-category="${category}"]:not([data-claim-index])`)
      .first()
      .evaluate((e) => getComputedStyle(e).backgroundColor);
    const swatch = popup.locator(`label:has(input[data-category="${category}"]) .pl-swatch`);
    expect(await swatch.evaluate((e) => getComputedStyle(e).backgroundColor), category).toBe(onPage);
    await expect(
      popup.getByRole('checkbox', {
        name: new RegExp(`^${await swatch.evaluate((e) => e.nextElementSibling!.textContent)}$`),
      }),
    ).toBeChecked();
  }
});

test('the per-site switch turns Case Lens off on this site only, and back on', async ({ harness: h, open }) => {
  const page = await open(SEED);
  const popup = await popupFor(h, page);
  const site = popup.getByRole('switch', { name: 'Highlight on 127.0.0.1' });
  await expect(site).toBeChecked();
  await site.click();
  await expect(page.locator('[data-entity]')).toHaveCount(0);
  expect(await readStorage(h, ['settings'])).toMatchObject({
    settings: { enabled: true, disabledSites: ['127.0.0.1'] },
  });
  await expect(popup.getByText('Highlighting is off on this page.')).toBeVisible();
  // Other sites keep it: the master switch is still on.
  await expect(popup.getByRole('switch', { name: 'Highlighting' })).toBeChecked();
  await site.click();
  await expect(page.locator('[data-entity="park-jin-hyok"]').first()).toBeVisible();
  expect(await readStorage(h, ['settings'])).toMatchObject({ settings: { disabledSites: [] } });
});

test('the toolbar badge counts the distinct case entities on the tab, and clears when switched off', async ({
  harness: h,
  open,
}) => {
  const page = await open(SEED);
  const tabId = await tabIdOf(h, page);
  const distinct = Object.keys(await countsOn(page)).length;
  expect(distinct).toBeGreaterThan(5);
  await expect.poll(() => badgeText(h, tabId)).toBe(String(distinct));
  // New content with a new entity raises it.
  await page.evaluate(() => {
    const p = document.createElement('p');
    p.textContent = 'Analysts also blame the Lazarus Group.';
    document.body.append(p);
  });
  await expect(page.locator('[data-entity="lazarus-group"]').first()).toBeVisible();
  await expect.poll(() => badgeText(h, tabId)).toBe(String(distinct + 1));
  const popup = await popupFor(h, page);
  const master = popup.getByRole('switch', { name: 'Highlighting' });
  await master.click();
  await expect(page.locator('[data-entity]')).toHaveCount(0);
  await expect.poll(() => badgeText(h, tabId)).toBe('');
  await master.click();
  await expect.poll(() => badgeText(h, tabId)).toBe(String(distinct + 1));
});

test('quick clicks on the master switch each turn it over, and it ends where the last one left it, as stored', async ({
  harness: h,
}) => {
  const popup = await openPopup(h);
  const box = popup.locator('input[data-setting="enabled"]');
  await expect(box).toBeChecked();
  const stored = async () =>
    ((await readStorage(h, ['settings'])).settings as { enabled?: boolean } | undefined)?.enabled;
  // Clicks a few milliseconds apart land while the changes before them are still being stored, and
  // those changes' storage events come in between them: a switch that followed the events flipped back
  // under the pointer, and the next click then stored the opposite of what the reader meant.
  for (let round = 0; round < 5; round += 1) {
    const seen = await box.evaluate(async (input: HTMLInputElement) => {
      const states: boolean[] = [];
      for (let click = 0; click < 7; click += 1) {
        input.click();
        states.push(input.checked);
        await new Promise((resolve) => setTimeout(resolve, 3));
      }
      return states;
    });
    // Each click turned the switch over from where the one before left it.
    const first = round % 2 !== 0;
    expect(seen, `round ${round}`).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => (i % 2 === 0 ? first : !first)));
    await expect.poll(stored, { message: `round ${round}` }).toBe(round % 2 !== 0);
    await expect(box).toBeChecked({ checked: round % 2 !== 0 });
  }
  await popup.close();
});
