// `npm run demo`: builds the extension and photographs it in Chromium for the README:
// the hover card on the seed article, a flagged claim, the popup's search, "On this page"
// list and case timeline, and the card and popup in dark mode. Writes PNGs to docs/screenshots/.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { findChromium, NO_BROWSER_MESSAGE, run } from './browser.mjs';
import { card as cardPart } from '../tests/e2e/card-view.ts';
import { poll } from '../tests/e2e/driver/page.ts';
import { launch, waitForScan } from '../tests/e2e/extension.ts';
import { tabIdOf } from '../tests/e2e/worker.ts';

const SEED = '/seeds/us-accuses-three-koreans.html';
const OUT = resolve('docs/screenshots');
const POPUP_SIZE = { width: 400, height: 600 };

const chromium = findChromium();
if (!chromium) {
  console.error(NO_BROWSER_MESSAGE);
  process.exit(1);
}
process.env.CHROMIUM_PATH = chromium;
run('npx', ['wxt', 'build']);
mkdirSync(OUT, { recursive: true });

/** Everything between the top of the highlight's paragraph and the bottom of the card, full width of both. */
async function cardShot(page, mark, file) {
  // The card's shadow root is closed: it is read over the DevTools protocol (tests/e2e/card-view.ts).
  const card = cardPart(page, '.cl-card[data-placed]');
  await poll(
    () => card.locator('.cl-fact').first().isVisible(),
    (visible) => visible,
  );
  await card.evaluate((el) => Promise.all(el.getAnimations().map((a) => a.finished)).then(() => true)); // its fade-in
  const a = await mark.locator('xpath=ancestor::p[1]').boundingBox();
  const b = await card.boundingBox();
  const x = Math.max(0, Math.min(a.x, b.x) - 16);
  const y = Math.max(0, Math.min(a.y, b.y) - 16);
  const right = Math.max(a.x + a.width, b.x + b.width) + 16;
  const bottom = Math.max(a.y + a.height, b.y + b.height) + 16;
  await page.screenshot({ path: `${OUT}/${file}`, clip: { x, y, width: right - x, height: bottom - y } });
  console.log(`wrote docs/screenshots/${file}`);
}

/** The popup as the toolbar shows it: at most 600 px tall, the rest scrolls. */
async function popupShot(popup, file) {
  await popup.waitForTimeout(150);
  const { height } = await popup.locator('.pl-app').boundingBox();
  await popup.screenshot({
    path: `${OUT}/${file}`,
    clip: { x: 0, y: 0, width: POPUP_SIZE.width, height: Math.min(height, POPUP_SIZE.height) },
  });
  console.log(`wrote docs/screenshots/${file}`);
}

async function photograph(scheme) {
  const suffix = scheme === 'dark' ? '-dark' : '';
  const h = await launch({ colorScheme: scheme });
  try {
    const page = await h.context.newPage();
    await page.goto(h.baseUrl + SEED);
    await waitForScan(page);
    const mark = page.locator('[data-entity="park-jin-hyok"]').first();
    await mark.scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, -120));
    await mark.hover();
    await cardShot(page, mark, `card${suffix}.png`);

    if (!suffix) {
      // A value the page gets wrong: the card says what the page says and what the record says.
      await page.mouse.move(1, 1);
      await poll(
        () => cardPart(page).count(),
        (n) => n === 0,
      );
      const wrong = page.locator('[data-claim="contradicted"][data-entity="wannacry"]');
      await wrong.scrollIntoViewIfNeeded();
      await page.evaluate(() => window.scrollBy(0, -120));
      await wrong.hover();
      await poll(
        () => cardPart(page, '.cl-claim').count(),
        (n) => n > 0,
      );
      await cardShot(page, wrong, 'card-claim.png');
    }

    const tabId = await tabIdOf(h, page);
    const popup = await h.context.newPage();
    await popup.setViewportSize(POPUP_SIZE);
    await popup.goto(`chrome-extension://${h.extensionId}/popup.html?tab=${tabId}`);
    await popup.locator('.pl-mention').first().waitFor();
    await popupShot(popup, `popup-on-this-page${suffix}.png`);

    await popup.getByRole('searchbox').fill('Hidden Cobra');
    await popup.locator('.pl-result').first().waitFor();
    await popupShot(popup, `popup-search${suffix}.png`);

    if (!suffix) {
      await popup.getByRole('searchbox').fill('');
      await popup.locator('[data-view="timeline"]').click();
      await popup.locator('.pl-event.pl-on-page').first().scrollIntoViewIfNeeded();
      await popupShot(popup, 'popup-timeline.png');
      await popup.getByRole('button', { name: '← Back' }).click();
      await popup.getByRole('searchbox').fill('Hidden Cobra');
      await popup.keyboard.press('Enter');
      await popup.locator('#pl-detail-title').waitFor();
      await popupShot(popup, 'popup-detail.png');
    }
    if (h.outsideRequests.length > 0) throw new Error(`requests left the machine: ${h.outsideRequests.join(', ')}`);
  } finally {
    await h.close();
  }
}

await photograph('light');
await photograph('dark');
