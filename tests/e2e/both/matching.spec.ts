import { openScanned } from '../driver/page';
import { expect, test } from '../fixtures';
import { FIXTURES, fixtures } from './matching-fixtures';
import { checkUnmarked, marksInExcludedContexts, normalizeText, readMarks } from '../marks';

/**
 * Every page under tests/fixtures/matching/ comes with a JSON file beside it:
 * the mentions that must be highlighted (entity, text as the reader sees it,
 * count) and texts that must stay unmarked. The page's marks are compared with
 * that list as a whole, so a name marked that the list does not expect is a
 * false positive and precision is meaningful. Runs in every browser.
 */
const keyOf = (entity: string, text: string) => `${entity} = ${normalizeText(text)}`;

test('every fixture page is marked exactly as expected: precision and recall are 1.0', async ({ driver, engine }) => {
  test.setTimeout(30_000 + fixtures.length * 5_000);
  expect(fixtures.length).toBeGreaterThanOrEqual(10);
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  const rows: string[] = [];
  const problems: string[] = [];

  for (const { file, expected } of fixtures) {
    // A page expected to show nothing may never wake the scout; one that names the case must be scanned.
    const page = await openScanned(driver, `/${FIXTURES}/${file}`, undefined, expected.marks.length ? null : 1500);
    const want = new Map<string, number>();
    for (const m of expected.marks)
      want.set(keyOf(m.entity, m.text), (want.get(keyOf(m.entity, m.text)) ?? 0) + m.count);
    const got = new Map<string, number>();
    for (const m of (await readMarks(page)).filter((m) => !m.value))
      got.set(keyOf(m.entity, m.text), (got.get(keyOf(m.entity, m.text)) ?? 0) + 1);

    let tp = 0;
    for (const key of new Set([...want.keys(), ...got.keys()])) {
      const w = want.get(key) ?? 0;
      const g = got.get(key) ?? 0;
      tp += Math.min(w, g);
      if (g > w) problems.push(`${file}: ${g - w} unexpected mark(s) ${key}`);
      if (w > g) problems.push(`${file}: ${w - g} missing mark(s) ${key}`);
    }
    const expectedCount = [...want.values()].reduce((a, b) => a + b, 0);
    const gotCount = [...got.values()].reduce((a, b) => a + b, 0);
    truePositives += tp;
    falsePositives += gotCount - tp;
    falseNegatives += expectedCount - tp;
    rows.push(
      `${file.padEnd(28)} expected ${String(expectedCount).padStart(3)}  marked ${String(gotCount).padStart(3)}  correct ${String(tp).padStart(3)}`,
    );

    for (const check of await checkUnmarked(page, expected.unmarked)) {
      // An expectation that is not on the page would pass without testing anything.
      if (check.occurrences === 0)
        problems.push(`${file}: unmarked text ${JSON.stringify(check.text)} is not on the page`);
      if (check.marked > 0) problems.push(`${file}: ${JSON.stringify(check.text)} is marked ${check.marked} time(s)`);
    }
    for (const bad of await marksInExcludedContexts(page))
      problems.push(`${file}: mark in an excluded context: ${bad}`);
    for (const [selector, value] of Object.entries(expected.fields ?? {})) {
      const actual = await page.evaluate((sel) => (document.querySelector(sel) as HTMLInputElement).value, selector);
      if (actual !== value) problems.push(`${file}: ${selector} holds ${JSON.stringify(actual)}`);
    }
    await page.close();
  }

  const precision = truePositives / Math.max(1, truePositives + falsePositives);
  const recall = truePositives / Math.max(1, truePositives + falseNegatives);
  console.log(
    [
      `${engine}:`,
      ...rows,
      `${fixtures.length} fixture pages, ${truePositives + falseNegatives} expected mentions`,
      `precision ${precision.toFixed(3)} (${falsePositives} false positives), recall ${recall.toFixed(3)} (${falseNegatives} missed)`,
      ...problems,
    ].join('\n'),
  );
  expect(problems).toEqual([]);
  expect(precision).toBe(1);
  expect(recall).toBe(1);
});
