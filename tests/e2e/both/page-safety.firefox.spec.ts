import { openPopup } from '../driver/extension-ui';
import { poll, waitFor, waitForScan } from '../driver/page';
import type { Tab } from '../driver/types';
import { expect, test } from '../fixtures';
import { marksInExcludedContexts } from '../marks';
import {
  CORPUS,
  corpusPresent,
  corpusSample,
  fullCorpus,
  pages,
  recordText,
  seedNames,
  textDifference,
} from '../page-safety-checks';

/**
 * Page safety in Firefox on a fixed sample of the corpus: every sixth page in
 * name order (`npm run test:corpus`: every page; Chromium's page-safety.spec.ts
 * checks every second page, or every page in that run). Each page is
 * loaded with Case Lens off, names are written into it, its text recorded;
 * Case Lens is switched on (highlights, none in an excluded context) and off
 * again: the text must come back exactly.
 */
const sample = corpusSample(6);

test.use({ driverOptions: { extra: corpusPresent ? { corpus: CORPUS } : {} } });

/** Clicks the master switch of the popup kept open in `control` to `on`, then brings `page` back to the front. */
async function setEnabled(control: Tab, page: Tab, on: boolean): Promise<void> {
  await control.bringToFront();
  const state = () =>
    control.evaluate(() => (document.querySelector('input[data-setting="enabled"]') as HTMLInputElement).checked);
  if ((await state()) !== on) {
    const r = await control.evaluate(() => {
      const label = document.querySelector('input[data-setting="enabled"]')!.closest('label')!.getBoundingClientRect();
      return { x: label.left + label.width / 2, y: label.top + label.height / 2 };
    });
    await control.mouseClick(r.x, r.y);
  }
  await poll(state, (v) => v === on);
  await page.bringToFront();
}

test(`Case Lens never breaks a real page (${fullCorpus ? 'every page' : 'every sixth page'} of the corpus)`, async ({
  driver,
}) => {
  test.setTimeout(60_000 + sample.length * 20_000);
  expect(sample.length).toBeGreaterThanOrEqual(1);
  const control = await openPopup(driver);
  await waitFor(control, () => document.querySelector('input[data-setting="enabled"]'));
  const page = await driver.newTab();
  await setEnabled(control, page, false);
  const problems: string[] = [];
  let highlighted = 0;
  for (const { name, path } of sample) {
    try {
      // A saved page whose own script sends it to its live site: the dead proxy rejects that address,
      // and Firefox reports it on the navigation; the saved document stays and is checked.
      await page.goto(path).catch((error: Error) => {
        if (!/Address rejected/.test(error.message)) throw error;
      });
      await waitFor(page, () => document.readyState === 'complete');
      const seeded = await seedNames(page);
      await recordText(page);
      await setEnabled(control, page, true);
      // Seeded names must be scanned; a page where none could be seeded may never wake the scout.
      await waitForScan(page, 150, 0, seeded > 0 ? null : 1000);
      const marks = await page.evaluate(() => document.querySelectorAll('case-lens-mark').length);
      if (seeded > 0 && marks === 0) problems.push(`${name}: no highlight in ${seeded} seeded text nodes`);
      highlighted += marks;
      for (const frame of page.frames())
        for (const bad of await marksInExcludedContexts(frame).catch(() => []))
          problems.push(`${name}: mark in an excluded context: ${bad}`);
      await setEnabled(control, page, false);
      await waitFor(page, () => document.querySelectorAll('case-lens-mark').length === 0);
      const difference = await textDifference(page);
      if (difference) problems.push(`${name}: text after switching off differs: ${difference}`);
    } catch (error) {
      problems.push(`${name}: check failed: ${(error as Error).message.split('\n')[0]}`);
      await setEnabled(control, page, false);
    }
  }
  await setEnabled(control, page, true);
  console.log(
    `page-safety (Firefox): ${sample.length} pages (${fullCorpus ? 'all' : 'every sixth'} of ${pages.length}${corpusPresent ? '' : ', corpus not found: committed pages only'}), ${highlighted} highlights, ${problems.length} problems`,
  );
  expect(problems).toEqual([]);
});
