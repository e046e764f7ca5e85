import { readFileSync } from 'node:fs';
import { card } from './card-view';
import { expect, test } from './fixtures';
// @ts-expect-error: plain ES module functions, shared with the benchmark, that run inside the page
import { checkCaseSentences } from '../../scripts/bench/in-page.mjs';

// A sample page of the benchmark: each span[data-bench-case] holds sentence N of case-sentences.json.
const BRIEF = '/tests/fixtures/bench/case-brief.html';
const sentences: { expect: [string, string][] }[] = JSON.parse(
  readFileSync('tests/fixtures/bench/case-sentences.json', 'utf8'),
).sentences;

test('marks every name of the case brief exactly: in flow text, lists, tables, across inline elements and in a shadow root', async ({
  open,
}) => {
  const page = await open(BRIEF);
  const check: { spans: number; expected: number; marked: number; wrong: string[] } = await page.evaluate(
    checkCaseSentences,
    sentences.map((s) => s.expect),
  );
  expect(check.wrong).toEqual([]);
  expect(check.spans).toBe(30);
  expect(check.expected).toBe(90);
  expect(check.marked).toBe(90);
  // The shadow root's sentences were among them.
  expect(await page.locator('#embedded [data-bench-case] case-lens-mark').count()).toBeGreaterThanOrEqual(9);
  // Editors, text boxes, text areas, buttons, scripts and SVG hold case names but are never wrapped.
  expect(await page.locator('#not-text case-lens-mark').count()).toBe(0);
  await expect(page.locator('#not-text textarea')).toHaveValue('Park Jin Hyok wrote WannaCry for the Lazarus Group.');
});

test('a hover records how its card reached the screen as a case-lens:card measure', async ({ open }) => {
  const page = await open(BRIEF);
  await page.locator('[data-bench-case="0"] case-lens-mark[data-entity="park-jin-hyok"]').hover();
  await expect.poll(() => card(page).isVisible()).toBe(true);
  await page.waitForFunction(() => performance.getEntriesByName('case-lens:card').length > 0);
  const detail = await page.evaluate(
    () => (performance.getEntriesByName('case-lens:card')[0] as PerformanceMeasure).detail,
  );
  expect(Number.isInteger(detail.frames) && detail.frames > 0, `frames: ${detail.frames}`).toBe(true);
  expect(detail.frameMs).toBeGreaterThanOrEqual(detail.renderMs);
});
