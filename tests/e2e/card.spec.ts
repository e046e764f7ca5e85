import type { Locator, Page } from '@playwright/test';
import { type CardPart, card as cardPart, inCard } from './card-view';
import { expect, test } from './fixtures';

const SEED = '/seeds/us-accuses-three-koreans.html';
const EDGES = '/tests/fixtures/reader/edges.html';
const MENTIONS = '/tests/fixtures/reader/mentions.html';

const cardOf = (page: Page): CardPart => cardPart(page);
/** The card once Floating UI has placed it and its facts have arrived. */
const placedCard = (page: Page): CardPart => cardPart(page, '.cl-card[data-placed]');
const closed = (page: Page) => expect.poll(() => cardOf(page).count()).toBe(0);

async function hoverAndWait(page: Page, mark: Locator): Promise<CardPart> {
  await mark.hover();
  const card = placedCard(page);
  await expect.poll(() => card.locator('.cl-fact').first().isVisible()).toBe(true);
  return card;
}

async function expectInsideViewport(page: Page, card: CardPart): Promise<void> {
  // Wait for the position to settle (Floating UI recomputes once the facts arrive and the card grows).
  await expect
    .poll(async () => {
      const box = await card.boundingBox();
      const { width, height } = page.viewportSize()!;
      if (!box) return 'no box';
      const inside = box.x >= 0 && box.y >= 0 && box.x + box.width <= width && box.y + box.height <= height;
      return inside ? 'inside' : `outside: ${JSON.stringify(box)} in ${width}×${height}`;
    })
    .toBe('inside');
}

test('the card stays inside the viewport for highlights at every edge and corner', async ({ open }) => {
  for (const viewport of [
    { width: 1200, height: 900 },
    { width: 460, height: 380 }, // smaller than the card: it must shrink, not spill
  ]) {
    const page = await open(EDGES, viewport);
    for (const id of ['top', 'bottom', 'left', 'right', 'top-left', 'top-right', 'bottom-left', 'bottom-right']) {
      const mark = page.locator(`#${id} [data-entity]`).first();
      const card = await hoverAndWait(page, mark);
      await expectInsideViewport(page, card);
      // The card never covers the highlight it explains, where there is room for both.
      if (viewport.height > 600) {
        const a = (await mark.boundingBox())!;
        const c = (await card.boundingBox())!;
        const overlaps = a.x < c.x + c.width && c.x < a.x + a.width && a.y < c.y + c.height && c.y < a.y + a.height;
        expect(overlaps, `card over the highlight at ${id}`).toBe(false);
      }
      await page.keyboard.press('Escape');
      await closed(page);
    }
    await page.close();
  }
});

test('a highlight near the bottom puts the card above it, at full height', async ({ open }) => {
  const page = await open(EDGES);
  const mark = page.locator('#bottom [data-entity]');
  const card = await hoverAndWait(page, mark);
  await expect
    .poll(async () => (await card.boundingBox())!.y + (await card.boundingBox())!.height)
    .toBeLessThanOrEqual((await mark.boundingBox())!.y);
  expect((await card.boundingBox())!.height).toBeGreaterThan(400);
});

test('hover intent: passing over a highlight opens nothing, resting on it opens the card', async ({ open }) => {
  const page = await open(SEED);
  const mark = page.locator('[data-entity="park-jin-hyok"]').first();
  // The reader's pointer crosses the highlight on its way elsewhere, well within the intent delay.
  const box = (await mark.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.move(1, 1);
  await page.waitForTimeout(600);
  await closed(page);
  await mark.hover();
  await expect.poll(() => placedCard(page).locator('.cl-title').text()).toBe('Park Jin Hyok');
});

test('a card is shown with its facts from the first frame it appears in, never "Loading"', async ({ open }) => {
  const page = await open(SEED);
  // Crossing one highlight makes the card's UI, hidden and empty, so a watcher can be put in its root.
  const crossed = (await page.locator('[data-entity="park-jin-hyok"]').first().boundingBox())!;
  await page.mouse.move(crossed.x + 2, crossed.y + crossed.height / 2);
  await page.mouse.move(1, 1);
  await expect.poll(() => inCard(page, (root) => root.querySelectorAll('.cl-card').length)).toBe(0);
  await inCard(page, (root) => {
    const seen: string[] = [];
    (root as unknown as { seen: string[] }).seen = seen;
    // Each change the card's root goes through, as one line: whether it is shown, and with what.
    new MutationObserver(() => {
      const card = root.querySelector('.cl-card');
      if (card?.hasAttribute('data-placed'))
        seen.push(
          card.querySelector('.cl-loading')
            ? 'shown loading'
            : card.querySelector('.cl-fact')
              ? 'shown with facts'
              : 'shown empty',
        );
    }).observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  await page.locator('[data-entity="ghaleb-alaumary"]').first().hover();
  await expect.poll(() => placedCard(page).locator('.cl-fact').count()).toBeGreaterThan(0);
  const seen = await inCard(page, (root) => [...new Set((root as unknown as { seen: string[] }).seen)]);
  expect(seen).toEqual(['shown with facts']);
});

test('pinning keeps the card open after the pointer leaves; unpinning lets it close', async ({ open }) => {
  const page = await open(SEED);
  const card = await hoverAndWait(page, page.locator('[data-entity="park-jin-hyok"]').first());
  await card.button('Pin card').click();
  await expect.poll(() => card.button('Unpin card').getAttribute('aria-pressed')).toBe('true');
  await page.mouse.move(2, 2);
  await page.waitForTimeout(800);
  expect(await card.isVisible()).toBe(true);
  // Hovering another highlight does not replace a pinned card.
  await page.locator('[data-entity="ghaleb-alaumary"]').first().hover();
  await page.waitForTimeout(600);
  expect(await card.locator('.cl-title').text()).toBe('Park Jin Hyok');
  await card.button('Unpin card').click();
  await page.mouse.move(2, 2);
  await closed(page);
});

test('a relation switches the card to the related entity, and Back returns', async ({ open }) => {
  const page = await open(SEED);
  const card = await hoverAndWait(page, page.locator('[data-entity="park-jin-hyok"]').first());
  const relation = card.locator('.cl-relation').first();
  const target = (await relation.textContent())!.trim();
  expect(target).not.toBe('Park Jin Hyok');
  await relation.click();
  await expect.poll(() => card.locator('.cl-title').text()).toBe(target);
  await expect.poll(() => card.locator('.cl-fact').first().isVisible()).toBe(true);
  // The card stays while the reader explores, even when the pointer leaves.
  await page.mouse.move(2, 2);
  await page.waitForTimeout(600);
  expect(await card.isVisible()).toBe(true);
  await card.button('Back').click();
  await expect.poll(() => card.locator('.cl-title').text()).toBe('Park Jin Hyok');
  await expect.poll(() => card.button('Back').count()).toBe(0);
});

test('"Mention N of M" moves between the entity\'s mentions and scrolls to each', async ({ open }) => {
  const page = await open(MENTIONS);
  const marks = page.locator('[data-entity="lazarus-group"]');
  await expect(marks).toHaveCount(3);
  const card = await hoverAndWait(page, marks.nth(0));
  const position = card.locator('.cl-position');
  const at = (n: number) => expect.poll(() => position.text()).toBe(`Mention ${n} of 3 on this page`);
  await at(1);
  await card.button('Next mention').click();
  await at(2);
  await expect(marks.nth(1)).toBeInViewport();
  await expectInsideViewport(page, card);
  await card.button('Next mention').click();
  await at(3);
  await expect(marks.nth(2)).toBeInViewport();
  await card.button('Next mention').click();
  await at(1);
  await expect(marks.nth(0)).toBeInViewport();
  await card.button('Previous mention').click();
  await at(3);
  await expect(marks.nth(2)).toBeInViewport();
});

test('the card follows the dark colour scheme and reduced motion', async ({ open }) => {
  const page = await open(SEED);
  const mark = page.locator('[data-entity="park-jin-hyok"]').first();
  const background = (card: CardPart) => card.evaluate((el) => getComputedStyle(el).backgroundColor);
  const animation = (card: CardPart) => card.evaluate((el) => getComputedStyle(el).animationName);
  let card = await hoverAndWait(page, mark);
  expect(await background(card)).toBe('rgb(255, 255, 255)');
  expect(await animation(card)).toBe('cl-in');
  await page.keyboard.press('Escape');

  await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
  await page.mouse.move(2, 2);
  card = await hoverAndWait(page, mark);
  const rgb = (await background(card)).match(/\d+/g)!.map(Number);
  expect(Math.max(...rgb.slice(0, 3))).toBeLessThan(60); // a dark background…
  const text = (await card.evaluate((el) => getComputedStyle(el).color)).match(/\d+/g)!.map(Number);
  expect(Math.min(...text.slice(0, 3))).toBeGreaterThan(200); // …with light text
  expect(await animation(card)).toBe('none');
});

test('a hostile page stylesheet cannot restyle the card', async ({ open }) => {
  const page = await open(SEED);
  const mark = page.locator('[data-entity="park-jin-hyok"]').first();
  const parts = [
    '.cl-card',
    '.cl-title',
    '.cl-chip',
    '.cl-summary',
    '.cl-section',
    '.cl-fact-text',
    '.cl-sources a',
    '.cl-footer',
    '.cl-icon',
  ];
  const looks = (card: CardPart) =>
    card.evaluate((el, selectors) => {
      const root = el.getRootNode() as ShadowRoot;
      const host = root.host as HTMLElement;
      const style = (e: Element) => {
        const s = getComputedStyle(e);
        return [
          s.color,
          s.fontSize,
          s.fontFamily,
          s.fontWeight,
          s.display,
          s.backgroundColor,
          s.width,
          s.visibility,
        ].join(' | ');
      };
      return {
        host: [getComputedStyle(host).display, getComputedStyle(host).position, getComputedStyle(host).color].join(
          ' | ',
        ),
        parts: Object.fromEntries(selectors.map((sel) => [sel, style(el.matches(sel) ? el : el.querySelector(sel)!)])),
      };
    }, parts);
  const card = await hoverAndWait(page, mark);
  const before = await looks(card);
  await page.keyboard.press('Escape');
  await page.mouse.move(2, 2);

  await page.addStyleTag({
    content: `
      * { color: red !important; font-size: 40px !important; display: block !important; }
      case-lens-card, case-lens-card * { all: unset !important; color: red !important; font: 40px/3 serif !important;
        display: block !important; position: absolute !important; width: 5px !important; visibility: hidden !important;
        background: lime !important; }
      .cl-card, .cl-title, section, h2, button { color: red !important; font-size: 40px !important; display: none !important; }`,
  });
  const hostile = await hoverAndWait(page, mark);
  const after = await looks(hostile);
  expect(after).toEqual(before);
  expect(after.parts['.cl-card']).toContain('14px');
  expect(after.parts['.cl-title']).toContain('16px');
  expect(after.parts['.cl-card']).not.toContain('rgb(255, 0, 0)');
  await expectInsideViewport(page, hostile);
});
