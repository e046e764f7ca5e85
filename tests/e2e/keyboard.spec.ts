import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { serious, seriousViolations } from './axe';
import { card as cardPart, focusedCardTitle, showCardToAudit } from './card-view';
import { popupUrl, textNodesSnapshot, waitForScan, type Harness } from './extension';
import { expect, test } from './fixtures';
import { askPage, tabIdOf } from './worker';

const SEED = '/seeds/us-accuses-three-koreans.html';
const MENTIONS = '/tests/fixtures/reader/mentions.html';

/**
 * What the background sends when the reader presses a `next-highlight` / `previous-highlight` shortcut:
 * the `stepHighlight` message of lib/messages.ts, in @webext-core/messaging's envelope.
 */
async function command(h: Harness, page: Page, direction: 'next' | 'previous'): Promise<unknown> {
  return askPage(h, await tabIdOf(h, page), 'stepHighlight', direction);
}

/** Where focus is: the highlight's entity and text, or the card's title when the card has it. */
async function focused(
  page: Page,
): Promise<{ in?: string; title?: string | null; id?: string | null; text?: string | null }> {
  const outside = await page.evaluate(() => {
    const active = document.activeElement;
    return { in: active?.tagName.toLowerCase(), id: active?.getAttribute('data-entity'), text: active?.textContent };
  });
  // The card's root is closed: what has focus inside it is read over the protocol.
  if (outside.in?.startsWith('case-lens-card')) return { in: 'card', title: await focusedCardTitle(page) };
  return outside;
}

test('the next/previous commands walk the highlights in order, focus the card, and Escape returns to the highlight', async ({
  harness: h,
  open,
}) => {
  const page = await open(MENTIONS);
  // The commands step through name highlights; markers around stated values are reached from the popup's checks.
  const order = await page.$$eval('[data-entity]:not([data-claim-index])', (els) =>
    els.map((e) => `${e.getAttribute('data-entity')}:${e.textContent}`),
  );
  expect(order.length).toBeGreaterThanOrEqual(6);
  const card = cardPart(page);

  const visited: string[] = [];
  for (let i = 0; i < order.length; i += 1) {
    expect(await command(h, page, 'next')).toBe(true);
    await expect.poll(() => card.isVisible()).toBe(true);
    const anchor = await page.evaluate(() => {
      const marks = [...document.querySelectorAll<HTMLElement>('[data-entity]')];
      // The card's highlight is the one focus returns to: the only one with our temporary tabindex, or none.
      return marks.filter((m) => m.hasAttribute('tabindex')).length;
    });
    expect(anchor).toBeLessThanOrEqual(1);
    await expect.poll(async () => (await focused(page)).in).toBe('card');
    // Escape closes the card and gives focus back to the highlight, which is scrolled into view.
    await page.keyboard.press('Escape');
    await expect.poll(() => card.count()).toBe(0);
    const back = await focused(page);
    expect(back.in).toBe('case-lens-mark');
    visited.push(`${back.id}:${back.text}`);
    await expect(page.locator('case-lens-mark:focus')).toBeInViewport();
  }
  expect(visited).toEqual(order);

  // Past the last highlight it wraps to the first; previous goes back.
  expect(await command(h, page, 'next')).toBe(true);
  await page.keyboard.press('Escape');
  expect(await focused(page)).toMatchObject({ id: order[0]!.split(':')[0] });
  expect(await command(h, page, 'previous')).toBe(true);
  await page.keyboard.press('Escape');
  expect(`${(await focused(page)).id}:${(await focused(page)).text}`).toBe(order.at(-1));

  // Highlights never join the page's tab order: Tab from the focused highlight goes to the page's own controls.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.tagName)).toMatch(/^(A|BUTTON)$/);
  expect(await page.locator('case-lens-mark[tabindex]').count()).toBe(0);
});

test("with the card open, the command moves on from the card's highlight and the card follows", async ({
  harness: h,
  open,
}) => {
  const page = await open(MENTIONS);
  await page.locator('[data-entity="lazarus-group"]').first().hover();
  const card = cardPart(page, '.cl-card[data-placed]');
  await expect.poll(() => card.getAttribute('data-entity')).toBe('lazarus-group');
  const second = (await page.$$eval('[data-entity]:not([data-claim-index])', (els) =>
    els[1]!.getAttribute('data-entity'),
  ))!;
  expect(second).not.toBe('lazarus-group');
  expect(await command(h, page, 'next')).toBe(true);
  await expect.poll(() => card.getAttribute('data-entity')).toBe(second);
  await expect.poll(async () => (await focused(page)).in).toBe('card');
  await page.keyboard.press('Escape');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-entity'))).toBe(second);
});

test('a keyboard-opened card ignores the pointer passing by, and a click elsewhere dismisses it', async ({
  harness: h,
  open,
}) => {
  const page = await open(MENTIONS);
  expect(await command(h, page, 'next')).toBe(true);
  const card = cardPart(page, '.cl-card[data-placed]');
  await expect.poll(() => card.getAttribute('data-entity')).toMatch(/\w/); // its record has arrived
  const entity = await card.getAttribute('data-entity');
  await page.mouse.move(5, 5);
  await page.mouse.move(600, 10);
  await page.waitForTimeout(600);
  expect(await card.getAttribute('data-entity')).toBe(entity);
  await card.locator('.cl-title').click(); // clicks inside the card keep it
  expect(await card.isVisible()).toBe(true);
  await page.mouse.click(5, 5);
  await expect.poll(() => cardPart(page).count()).toBe(0);
});

test('the commands start from what is on screen; a page without names has no receiver', async ({
  harness: h,
  open,
}) => {
  const page = await open(MENTIONS);
  const third = page.locator('#m3 [data-entity]').first();
  await third.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, -40));
  expect(await command(h, page, 'next')).toBe(true);
  await page.keyboard.press('Escape');
  expect(await page.evaluate(() => document.activeElement?.closest('p')?.id)).toBe('m3');

  const plain = await h.context.newPage();
  await plain.goto(`${h.baseUrl}/tests/fixtures/reader/no-names.html`);
  // A page that names nothing never starts the full script: the tab has no receiver, which the
  // background's relay answers as false (lib/commands.ts, unit-tested).
  await waitForScan(plain);
  await expect(command(h, plain, 'next')).rejects.toThrow(
    /Receiving end does not exist|Could not establish connection/,
  );
  await plain.close();
});

test('keyboard navigation leaves the page text exactly as it was', async ({ harness: h, open }) => {
  const page = await open(SEED);
  const before = await textNodesSnapshot(page);
  for (let i = 0; i < 4; i += 1) {
    await command(h, page, 'next');
    await page.keyboard.press('Escape');
  }
  expect(await textNodesSnapshot(page)).toEqual(before);
});

test('axe: an open card has no serious or critical accessibility violations, for every category, light and dark', async ({
  open,
}) => {
  const seen = new Set<string>();
  for (const path of [SEED, MENTIONS]) {
    const page = await open(path);
    const categories = await page.$$eval('[data-category]', (els) => [
      ...new Set(els.map((e) => e.getAttribute('data-category')!)),
    ]);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      for (const category of categories) {
        seen.add(category);
        await page.locator(`[data-category="${category}"]`).first().hover();
        const card = cardPart(page, '.cl-card[data-placed]');
        await expect.poll(() => card.locator('.cl-fact').first().isVisible()).toBe(true);
        expect(await card.getAttribute('role')).toBe('dialog');
        expect(await card.getAttribute('aria-label')).toMatch(/^Case Lens: /);
        // Contrast is judged on the card at rest, not halfway through its fade-in.
        await card.evaluate((el) => Promise.all(el.getAnimations().map((a) => a.finished)).then(() => true));
        expect(await showCardToAudit(page)).toBe(true);
        const results = await new AxeBuilder({ page }).include('case-lens-card').analyze();
        // The audit reached inside the card: its checks name nodes within the shadow root.
        const inside = results.passes.flatMap((p) => p.nodes).filter((n) => Array.isArray(n.target[0]));
        expect(inside.length, `${category}, ${colorScheme}: nodes audited inside the card`).toBeGreaterThan(5);
        expect(serious(results.violations), `${category}, ${colorScheme}`).toEqual([]);
        await page.keyboard.press('Escape');
        await page.mouse.move(2, 2);
        await expect.poll(() => card.count()).toBe(0);
      }
    }
    await page.close();
  }
  expect(seen.size).toBeGreaterThanOrEqual(5);
});

test('axe: the popup has no serious or critical violations in its default, search and detail views', async ({
  harness: h,
  open,
}) => {
  const page = await open(SEED);
  const tabId = await tabIdOf(h, page);
  const popup = await h.context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  for (const colorScheme of ['light', 'dark'] as const) {
    await popup.emulateMedia({ colorScheme });
    await popup.goto(popupUrl(h, tabId));
    await expect(popup.locator('.pl-mention').first()).toBeVisible();
    expect(await seriousViolations(new AxeBuilder({ page: popup })), `default view, ${colorScheme}`).toEqual([]);

    await popup.getByRole('searchbox').fill('Hidden Cobra');
    await expect(popup.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
    expect(await seriousViolations(new AxeBuilder({ page: popup })), `search, ${colorScheme}`).toEqual([]);

    await popup.keyboard.press('Enter');
    await expect(popup.locator('#pl-detail-title')).toBeFocused();
    expect(await seriousViolations(new AxeBuilder({ page: popup })), `detail, ${colorScheme}`).toEqual([]);
  }
});
