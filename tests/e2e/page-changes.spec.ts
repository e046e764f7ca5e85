import type { Page } from '@playwright/test';
import { scanWork, waitForScan } from './extension';
import { expect, test } from './fixtures';
import { readMentions } from './marks';

/**
 * Pages that change after they load: content added and edited later, storms
 * of mutations, single-page-app navigations and a renderer that owns its text
 * nodes. Latency is measured inside the page, from the change to the
 * highlight appearing, so the test's own polling does not count.
 */

const CASE_PAGE = '/tests/fixtures/live/case-page.html';
const REACT_PAGE = '/tests/fixtures/live/react-like.html';

const idsIn = (page: Page, selector: string) =>
  page.$$eval(`${selector} [data-entity]`, (els) => els.map((e) => e.getAttribute('data-entity')));

test('content added later and text edited later are highlighted within a second', async ({ open }) => {
  const page = await open(CASE_PAGE);
  const added = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const p = document.createElement('p');
        p.textContent = 'Update: Ghaleb Alaumary was sentenced in Savannah.';
        const started = performance.now();
        const seen = new MutationObserver(() => {
          if (p.querySelector('[data-entity]')) resolve(performance.now() - started);
        });
        seen.observe(p, { childList: true, subtree: true });
        setTimeout(() => resolve(Infinity), 5000);
        document.getElementById('feed')!.append(p);
      }),
  );
  expect(added).toBeLessThan(1000);
  expect(await idsIn(page, '#feed')).toEqual(['ghaleb-alaumary']);

  const edited = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const status = document.getElementById('status')!;
        const started = performance.now();
        const seen = new MutationObserver(() => {
          if (status.querySelector('[data-entity]')) resolve(performance.now() - started);
        });
        seen.observe(status, { childList: true, subtree: true });
        setTimeout(() => resolve(Infinity), 5000);
        (status.firstChild as Text).data = 'Breaking: a new WannaCry variant appeared.';
      }),
  );
  expect(edited).toBeLessThan(1000);
  expect(await idsIn(page, '#status')).toEqual(['wannacry']);
});

test('changes are scanned in batches, and the scanner ignores its own wrapping', async ({ open }) => {
  const page = await open(CASE_PAGE);
  const before = await scanWork(page);
  await page.evaluate(() => {
    const feed = document.getElementById('feed')!;
    for (let i = 0; i < 50; i += 1) {
      const p = document.createElement('p');
      p.textContent = `Item ${i}: Park Jin Hyok and the Lazarus Group.`;
      feed.append(p);
    }
  });
  await expect(page.locator('#feed [data-entity="lazarus-group"]')).toHaveCount(50);
  await waitForScan(page);
  const after = await scanWork(page);
  // Fifty insertions in one task are one batch: a few slices of ~8 ms (more when the machine is busy),
  // far from one per node.
  expect(after.slices - before.slices).toBeLessThan(10);
  // Wrapping 100 names mutated the page; none of that may start another scan.
  await page.waitForTimeout(600);
  expect((await scanWork(page)).slices).toBe(after.slices);
});

test("reading the page's changes is measured as scanning work when it happens, not only in the slice that follows", async ({
  open,
}) => {
  const page = await open(CASE_PAGE);
  const measured = await page.evaluate(async () => {
    const count = () => performance.getEntriesByName('case-lens:scan').length;
    const before = count();
    // The page rewrites a paragraph holding highlights: the observer's callback discards our pieces of it.
    const p = document.querySelector('#main p')!;
    p.firstChild!.remove();
    // Mutation observers run at the next microtask checkpoint; the slice comes 100 ms later.
    await Promise.resolve();
    return count() - before;
  });
  expect(measured).toBe(1);
});

test('a storm of 5,000 insertions ends in one rescan: no loop, no pile-up, every name marked', async ({ open }) => {
  const page = await open(CASE_PAGE);
  const before = await scanWork(page);
  await page.evaluate(() => {
    const feed = document.getElementById('feed')!;
    for (let i = 0; i < 5000; i += 1) {
      const p = document.createElement('p');
      p.textContent = i % 10 === 0 ? `Message ${i} mentions Ghaleb Alaumary.` : `Message ${i} is small talk.`;
      feed.append(p);
    }
  });
  await expect(page.locator('#feed [data-entity="ghaleb-alaumary"]')).toHaveCount(500, { timeout: 15_000 });
  await waitForScan(page, 500);
  const storm = await scanWork(page);
  // One walk over the page after the storm, in slices of ~8 ms; a pile-up would be thousands.
  expect(storm.slices - before.slices).toBeLessThan(150);
  await page.waitForTimeout(600);
  expect((await scanWork(page)).slices).toBe(storm.slices);
  const texts = await page.$$eval('#feed p', (ps) => ps.map((p) => p.textContent));
  expect(texts).toHaveLength(5000);
  expect(texts[4990]).toBe('Message 4990 mentions Ghaleb Alaumary.');
});

test('a feed that keeps adding content over time is scanned in step, without a backlog', async ({ open }) => {
  const page = await open(CASE_PAGE);
  await page.evaluate(async () => {
    const feed = document.getElementById('feed')!;
    for (let batch = 0; batch < 100; batch += 1) {
      for (let i = 0; i < 20; i += 1) {
        const p = document.createElement('p');
        p.textContent = i === 0 ? `Batch ${batch}: WannaCry news.` : `Batch ${batch}, item ${i}.`;
        feed.append(p);
      }
      await new Promise((r) => setTimeout(r, 10));
    }
  });
  await expect(page.locator('#feed [data-entity="wannacry"]')).toHaveCount(100);
  await waitForScan(page);
  const work = await scanWork(page);
  await page.waitForTimeout(600);
  expect((await scanWork(page)).slices).toBe(work.slices);
});

test('a long-lived page without context keeps a bounded list of ambiguous names, and marks them all once the case appears', async ({
  open,
}) => {
  const page = await open('/tests/fixtures/matching/neg-lazarus-bethany.html');
  // Thousands of ambiguous mentions arrive while the page is not about the case.
  await page.evaluate(async () => {
    for (let batch = 0; batch < 15; batch += 1) {
      const list = document.createElement('ul');
      for (let i = 0; i < 200; i += 1) {
        const li = document.createElement('li');
        li.textContent = `Comment ${batch * 200 + i}: Lazarus again.`;
        list.append(li);
      }
      document.body.append(list);
      await new Promise((r) => setTimeout(r, 120));
    }
  });
  await waitForScan(page);
  expect(await page.locator('[data-entity="lazarus-group"]').count()).toBe(1); // the aside's Lazarus Group
  // Then the page turns to the case: every waiting name is marked, those beyond the list's bound too.
  await page.evaluate(() => {
    const p = document.createElement('p');
    p.textContent = 'Update: the Lazarus Group and Park Jin Hyok are named in a new indictment.';
    document.body.append(p);
  });
  await expect(page.locator('li [data-entity="lazarus-group"]')).toHaveCount(3000, { timeout: 15_000 });
});

test('text edited 1,000 times, in one task and over time, settles correct with one highlight', async ({ open }) => {
  const page = await open(CASE_PAGE);
  // In one task: the observer sees a thousand records for one node.
  await page.evaluate(() => {
    const text = document.getElementById('status')!.firstChild as Text;
    for (let i = 0; i < 1000; i += 1) text.data = `Edit ${i}: Jon Chang Hyok`;
  });
  await expect(page.locator('#status [data-entity="jon-chang-hyok"]')).toHaveCount(1);
  // Over time: edits keep arriving while the scanner is wrapping and the page keeps
  // writing to the text node it owns (the one we split).
  const before = await scanWork(page);
  await page.evaluate(async () => {
    const p = document.createElement('p');
    p.id = 'ticker';
    const text = document.createTextNode('Ticker starts: WannaCry');
    p.append(text);
    document.getElementById('feed')!.append(p);
    for (let i = 0; i < 1000; i += 1) {
      text.data = i % 2 ? `Tick ${i}: WannaCry and Ghaleb Alaumary` : `Tick ${i}: the Lazarus Group`;
      if (i % 50 === 0) await new Promise((r) => setTimeout(r, 30));
    }
    text.data = 'Final: Ghaleb Alaumary and WannaCry';
  });
  await waitForScan(page, 300, before.slices);
  await expect(page.locator('#ticker')).toHaveText('Final: Ghaleb Alaumary and WannaCry');
  expect(await idsIn(page, '#ticker')).toEqual(['ghaleb-alaumary', 'wannacry']);
  await expect(page.locator('#status')).toHaveText('Edit 999: Jon Chang Hyok');
  const work = await scanWork(page);
  await page.waitForTimeout(600);
  expect((await scanWork(page)).slices).toBe(work.slices);
});

test('a single-page-app navigation rescans: context follows the new page', async ({ open }) => {
  const page = await open(CASE_PAGE);
  expect(await idsIn(page, '#main')).toContain('lazarus-group');
  // The app navigates to a keyboard review: the case article is gone, so RGB is lighting.
  const before = await scanWork(page);
  await page.evaluate(() => {
    history.pushState({}, '', '/reviews/keyboard');
    document.getElementById('main')!.innerHTML =
      '<h1>Keyboard review</h1><p>Per-key RGB lighting and RGB software that works.</p>';
  });
  await waitForScan(page, 300, before.slices);
  expect(await idsIn(page, 'body')).toEqual([]);
  // Back to a case story: its names, ambiguous ones included, are marked again.
  await page.evaluate(() => {
    history.pushState({}, '', '/live/case');
    document.getElementById('main')!.innerHTML =
      '<h1>Case update</h1><p>The RGB ran Lazarus; Park Jin Hyok and Ghaleb Alaumary were named.</p>';
  });
  await expect(page.locator('#main [data-entity]')).toHaveCount(4);
  expect(await idsIn(page, '#main')).toEqual([
    'reconnaissance-general-bureau',
    'lazarus-group',
    'park-jin-hyok',
    'ghaleb-alaumary',
  ]);
});

test('ambiguous names lose their highlights when the case content leaves the page', async ({ open }) => {
  const page = await open(CASE_PAGE);
  await page.evaluate(() => {
    const p = document.createElement('p');
    p.id = 'aside';
    p.textContent = 'Sidebar: the RGB keyboard deal of the week.';
    document.body.append(p);
  });
  await expect(page.locator('#aside [data-entity]')).toHaveCount(1);
  await page.evaluate(() => document.getElementById('main')!.remove());
  await expect(page.locator('#aside [data-entity]')).toHaveCount(0);
  await expect(page.locator('#aside')).toHaveText('Sidebar: the RGB keyboard deal of the week.');
});

test('a value that waited for context is judged when the highlights left on the page restore it', async ({ open }) => {
  const page = await open(CASE_PAGE);
  const before = await scanWork(page);
  await page.evaluate(() => {
    document.getElementById('main')!.innerHTML =
      '<p>Park Jin Hyok was charged in June.</p><p>Park Jin Hyok worked for Chosun Expo.</p>' +
      '<p>Park Jin Hyok is wanted by the FBI.</p><p>Park Jin Hyok remains at large.</p>' +
      '<p>Park Jin Hyok was named again.</p><p>Ghaleb Alaumary was sentenced.</p>';
  });
  await waitForScan(page, 300, before.slices);
  const settled = await scanWork(page);
  // The newest blocks naming Park go, with a sentence that names nobody: the first block still names him.
  await page.evaluate(() => {
    const main = document.getElementById('main')!;
    for (const p of [...main.querySelectorAll('p')].slice(1, 5)) p.remove();
    const claim = document.createElement('p');
    claim.id = 'claim';
    claim.textContent = 'Prosecutors say the three tried to steal $3 billion.';
    main.append(claim);
  });
  await waitForScan(page, 300, settled.slices);
  await expect(page.locator('#claim [data-claim="contradicted"]')).toHaveText('$3 billion');
});

test('a renderer that rewrites, replaces and removes its own text nodes never shows duplicated or lost text', async ({
  open,
}) => {
  const page = await open(REACT_PAGE);
  const shown = () => page.$$eval('#app li', (lis) => lis.map((li) => li.textContent));
  const model = () => page.evaluate(() => (window as unknown as { model(): string[] }).model());
  await expect(page.locator('#app [data-entity]')).toHaveCount(5);

  type App = {
    render(t: string[]): void;
    replaceText(i: number, t: string): void;
    removeThenAppend(i: number, t: string): void;
  };
  const settled = async (before: { slices: number }) => {
    await waitForScan(page, 300, before.slices);
    expect(await shown()).toEqual(await model());
  };
  // nodeValue on the original text nodes (one of them we split at its very start).
  let before = await scanWork(page);
  await page.evaluate(() =>
    (window as unknown as App).render([
      'Ghaleb Alaumary was sentenced to 140 months.',
      'Still no trace of Park Jin Hyok.',
      'WannaCry hit the NHS in 2017.',
      'Jon Chang Hyok and Kim Il were charged with him.',
    ]),
  );
  expect(await shown()).toEqual(await model());
  await settled(before);
  expect(await readMentions(page)).toContainEqual({ entity: 'jon-chang-hyok', text: 'Jon Chang Hyok' });

  // Replace and remove-then-append the nodes it holds, several times in a row without waiting.
  before = await scanWork(page);
  await page.evaluate(() => {
    const app = window as unknown as App;
    app.replaceText(0, 'Alaumary case closed; Ghaleb Alaumary is in prison.');
    app.removeThenAppend(1, 'Park Jin Hyok appears on a new FBI poster.');
    app.replaceText(1, 'Park Jin Hyok: no change.');
    app.render(['Ghaleb Alaumary.', 'Park Jin Hyok: no change.', 'Nothing about WannaCry today.']);
  });
  expect(await shown()).toEqual(await model());
  await settled(before);
  expect((await readMentions(page)).filter((m) => m.entity === 'ghaleb-alaumary')).toHaveLength(1);

  // A burst of renders while scans are in flight.
  before = await scanWork(page);
  await page.evaluate(async () => {
    const app = window as unknown as App;
    for (let i = 0; i < 40; i += 1) {
      app.render([`Round ${i}: Ghaleb Alaumary`, `Park Jin Hyok round ${i}`, i % 2 ? 'WannaCry again' : 'quiet']);
      if (i % 3 === 0) app.replaceText(2, `Replaced ${i}: the Lazarus Group`);
      await new Promise((r) => setTimeout(r, i % 4 === 0 ? 120 : 5));
    }
  });
  await settled(before);
  const mentions = await readMentions(page);
  expect(mentions.filter((m) => m.entity === 'ghaleb-alaumary')).toHaveLength(1);
  expect(mentions.filter((m) => m.entity === 'park-jin-hyok').length).toBe(2); // the tracker line and row 2
});
