import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, ROOT, waitForScan, type Harness } from './extension';
import { checkUnmarked, marksInExcludedContexts, normalizeText, readMentions } from './marks';

/**
 * Every page under tests/fixtures/matching/ comes with a JSON file beside it:
 * the mentions that must be highlighted (entity, text as the reader sees it,
 * count) and texts that must stay unmarked. The page's marks are compared with
 * that list as a whole, so a name marked that the list does not expect is a
 * false positive and precision is meaningful.
 */
interface Expectation {
  page: string;
  marks: { entity: string; text: string; count: number }[];
  unmarked: string[];
  /** Form fields whose value must be untouched: selector → value. */
  fields?: Record<string, string>;
}

const FIXTURES = 'tests/fixtures/matching';
const fixtures = readdirSync(join(ROOT, FIXTURES))
  .filter((f) => f.endsWith('.html'))
  .sort()
  .map((file) => ({
    file,
    expected: JSON.parse(readFileSync(join(ROOT, FIXTURES, file.replace(/\.html$/, '.json')), 'utf8')) as Expectation,
  }));

let h: Harness;
test.beforeAll(async () => {
  h = await launch();
});
test.afterAll(async () => {
  await h.close();
});

const keyOf = (entity: string, text: string) => `${entity} = ${normalizeText(text)}`;

test('every fixture page is marked exactly as expected: precision and recall are 1.0', async () => {
  test.setTimeout(30_000 + fixtures.length * 5_000);
  expect(fixtures.length).toBeGreaterThanOrEqual(10);
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  const rows: string[] = [];
  const problems: string[] = [];

  for (const { file, expected } of fixtures) {
    const page = await h.context.newPage();
    await page.goto(`${h.baseUrl}/${FIXTURES}/${file}`);
    await waitForScan(page);

    const want = new Map<string, number>();
    for (const m of expected.marks)
      want.set(keyOf(m.entity, m.text), (want.get(keyOf(m.entity, m.text)) ?? 0) + m.count);
    const got = new Map<string, number>();
    for (const m of await readMentions(page))
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
      const actual = await page.locator(selector).inputValue();
      if (actual !== value) problems.push(`${file}: ${selector} holds ${JSON.stringify(actual)}`);
    }
    await page.close();
  }

  const precision = truePositives / Math.max(1, truePositives + falsePositives);
  const recall = truePositives / Math.max(1, truePositives + falseNegatives);
  console.log(
    [
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
