import { ChromiumDriver } from '../driver/chromium';
import { openScanned } from '../driver/page';
import type { Driver } from '../driver/types';
import { expect, test } from '../fixtures';
import { type MarkRecord, normalizeText, readMarks } from '../marks';
import { FIXTURES, fixtures } from './matching-fixtures';

/**
 * Run by the Firefox project only: the same pages in a Chromium launched beside
 * it, compared mark by mark (entity, category, claim, value or name, text), so
 * the two browsers agree on every mark, not only on precision and recall.
 */
const SEED = '/seeds/us-accuses-three-koreans.html';

async function marksOn(driver: Driver, path: string, mayBeQuiet: boolean): Promise<MarkRecord[]> {
  const page = await openScanned(driver, path, undefined, mayBeQuiet ? 1500 : null);
  const marks = (await readMarks(page)).map((m) => ({ ...m, text: normalizeText(m.text) }));
  await page.close();
  return marks;
}

test('Firefox marks the same highlights as Chromium, one by one, on the seed article and every fixture', async ({
  driver,
  engine,
}) => {
  expect(engine).toBe('firefox');
  test.setTimeout(120_000 + fixtures.length * 6_000);
  const chromium = await ChromiumDriver.launch();
  try {
    const differences: string[] = [];
    let compared = 0;
    const pages = [{ path: SEED, quiet: false }];
    for (const f of fixtures) pages.push({ path: `/${FIXTURES}/${f.file}`, quiet: f.expected.marks.length === 0 });
    for (const { path, quiet } of pages) {
      const [inChromium, inFirefox] = [await marksOn(chromium, path, quiet), await marksOn(driver, path, quiet)];
      compared += inChromium.length;
      if (JSON.stringify(inFirefox) !== JSON.stringify(inChromium))
        differences.push(`${path}: Chromium ${JSON.stringify(inChromium)}\n  Firefox ${JSON.stringify(inFirefox)} `);
      console.log(`${path}: ${inChromium.length} marks in Chromium, ${inFirefox.length} in Firefox`);
    }
    console.log(`${fixtures.length + 1} pages, ${compared} marks compared (entity, category, claim, value, text)`);
    expect(differences).toEqual([]);
  } finally {
    await chromium.close();
  }
});
