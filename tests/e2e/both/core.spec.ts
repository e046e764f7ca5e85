import { clickInCard, hover, openScanned, poll, waitFor, waitForScan } from '../driver/page';
import { openPopup, setInPopup, waitForMarkCount } from '../driver/extension-ui';
import type { Tab } from '../driver/types';
import { expect, test } from '../fixtures';
import { readMarks, readPainted, textNodesSnapshotOf } from '../marks';

/**
 * The extension's core, from the same spec in every browser: highlights and
 * their exact undo, the hover card, the popup and its live effect on the page,
 * content that arrives later, an open shadow root and a frame. The card is
 * read over the browser's protocol (Tab.inShadowOf), as it would be if its
 * shadow root were closed.
 */

const SEED = '/seeds/us-accuses-three-koreans.html';
const MENTIONS = '/tests/fixtures/reader/mentions.html';

/** The card's title, position line, claim box and first fact, once it is placed and its facts arrived. */
const cardState = (tab: Tab) =>
  tab.inShadowOf('case-lens-card', (root) => {
    const card = root.querySelector('.cl-card[data-placed]');
    if (!card?.querySelector('.cl-fact')) return null;
    const text = (sel: string) => card.querySelector(sel)?.textContent?.trim() ?? null;
    return {
      title: text('.cl-title'),
      position: text('.cl-position'),
      claim: text('.cl-claim'),
      correction: text('.cl-correction'),
      pinned: card.querySelector('[aria-pressed="true"]') !== null,
      back: card.querySelector('button[aria-label="Back"]') !== null,
      relation: text('.cl-relation'),
    };
  });

type CardState = NonNullable<Awaited<ReturnType<typeof cardState>>>;
const cardWhere = (tab: Tab, ok: (c: CardState) => boolean) =>
  poll(
    () => cardState(tab),
    (c) => c !== null && ok(c),
  );
const noCard = (tab: Tab) =>
  poll(
    () => cardState(tab),
    (c) => c === null,
  );

test('the seed article: every core entity highlighted with its category; the master switch undoes it exactly, live', async ({
  driver,
}) => {
  const page = await openScanned(driver, SEED);
  const marks = await readMarks(page);
  const names = new Set(marks.filter((m) => !m.value).map((m) => `${m.entity}:${m.category}`));
  for (const core of [
    'park-jin-hyok:person',
    'jon-chang-hyok:person',
    'kim-il:person',
    'ghaleb-alaumary:person',
    'reconnaissance-general-bureau:organization',
    'wannacry:malware',
  ])
    expect(names, core).toContain(core);
  expect(marks.filter((m) => m.claim === 'contradicted').length).toBeGreaterThan(0);
  // The page's text as the page made it, node by node, from a copy taken with Case Lens off.
  await setInPopup(driver, 'input[data-setting="enabled"]', false);
  await waitForMarkCount(page, (n) => n === 0);
  const original = await textNodesSnapshotOf(page);
  await setInPopup(driver, 'input[data-setting="enabled"]', true);
  await waitForMarkCount(page, (n) => n === marks.length);
  await setInPopup(driver, 'input[data-setting="enabled"]', false);
  await waitForMarkCount(page, (n) => n === 0);
  expect(await textNodesSnapshotOf(page)).toEqual(original);
  await setInPopup(driver, 'input[data-setting="enabled"]', true);
  await waitForMarkCount(page, (n) => n === marks.length);
  await page.close();
});

test('the hover card: opens on rest, pins, follows a relation and back, moves between mentions, shows a claim box', async ({
  driver,
}) => {
  const page = await openScanned(driver, SEED);
  await hover(page, '[data-entity="park-jin-hyok"]');
  const first = (await cardWhere(page, (c) => c.title === 'Park Jin Hyok'))!;
  await clickInCard(page, 'button[aria-label="Pin card"]');
  await cardWhere(page, (c) => c.pinned);
  await page.mouseMove(2, 2);
  await new Promise((r) => setTimeout(r, 800));
  await cardWhere(page, (c) => c.title === 'Park Jin Hyok');
  // A relation switches the card; Back returns.
  expect(first.relation).not.toBe('Park Jin Hyok');
  await clickInCard(page, '.cl-relation');
  await cardWhere(page, (c) => c.title === first.relation && c.back);
  await clickInCard(page, 'button[aria-label="Back"]');
  await cardWhere(page, (c) => c.title === 'Park Jin Hyok' && !c.back);
  await clickInCard(page, 'button[aria-label="Unpin card"]');
  await page.mouseMove(2, 2);
  await noCard(page);
  // A value the page gets wrong: the card says what the page says and what the record says.
  await hover(page, '[data-claim="contradicted"][data-entity="wannacry"]');
  await cardWhere(page, (c) => (c.claim ?? '').includes('This page says “2018” — the record says 2017'));
  await page.mouseMove(2, 2);
  await noCard(page);
  await page.close();

  const mentions = await openScanned(driver, MENTIONS);
  await hover(mentions, '[data-entity="lazarus-group"]');
  await cardWhere(mentions, (c) => c.position === 'Mention 1 of 3 on this page');
  await clickInCard(mentions, 'button[aria-label="Next mention"]');
  await cardWhere(mentions, (c) => c.position === 'Mention 2 of 3 on this page');
  await waitFor(
    mentions,
    () => {
      const r = document.querySelectorAll('[data-entity="lazarus-group"]')[1]!.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    },
    undefined,
    { what: 'the second mention to scroll into view' },
  );
  await clickInCard(mentions, 'button[aria-label="Previous mention"]');
  await cardWhere(mentions, (c) => c.position === 'Mention 1 of 3 on this page');
  await mentions.close();
});

test('the popup: search, on this page, checks; category and site switches change the page live', async ({ driver }) => {
  const search = await openPopup(driver);
  await waitFor(search, () => document.querySelector('input[type="search"]'), undefined, { what: 'the search box' });
  await search.evaluate(() => (document.querySelector('input[type="search"]') as HTMLInputElement).focus());
  await search.type('Hidden Cobra');
  await waitFor(search, () => document.querySelector('[role="option"][aria-selected="true"]'), undefined, {
    what: 'a selected search result',
  });
  expect(await search.evaluate(() => document.querySelector('[role="option"][aria-selected="true"]')!.id)).toBe(
    'pl-result-lazarus-group',
  );
  await search.press('Enter');
  await waitFor(
    search,
    () => document.querySelector('#pl-detail-title')?.textContent?.includes('Lazarus Group'),
    undefined,
    {
      what: 'the detail view',
    },
  );
  await search.close();

  const page = await openScanned(driver, SEED);
  const tabId = await driver.tabIdOf(page);
  const popup = await openPopup(driver, tabId);
  await waitFor(popup, () => document.querySelectorAll('.pl-mention').length > 0, undefined, {
    what: 'the popup to list the names on the page',
  });
  const listed = await popup.evaluate(() =>
    [...document.querySelectorAll('.pl-mention')].map((e) => e.getAttribute('data-entity')),
  );
  const onPage = [...new Set((await readMarks(page)).filter((m) => !m.value).map((m) => m.entity))];
  expect([...listed].sort()).toEqual([...onPage].sort());
  const checks = await popup.evaluate(() => [...document.querySelectorAll('.pl-check')].map((e) => e.textContent));
  expect(checks.some((c) => c?.includes('“Kim II” — a wrong form of Kim Il'))).toBe(true);
  await popup.close();

  const people = (await readMarks(page)).filter((m) => m.category === 'person').length;
  expect(people).toBeGreaterThan(3);
  const total = await waitForMarkCount(page, (n) => n > 0);
  await setInPopup(driver, 'input[data-category="person"]', false, tabId);
  await poll(
    () => readMarks(page),
    (ms) => ms.length > 0 && ms.every((m) => m.category !== 'person'),
  );
  await setInPopup(driver, 'input[data-category="person"]', true, tabId);
  await waitForMarkCount(page, (n) => n === total);
  await setInPopup(driver, 'input[data-setting="site"]', false, tabId);
  await waitForMarkCount(page, (n) => n === 0);
  await setInPopup(driver, 'input[data-setting="site"]', true, tabId);
  await waitForMarkCount(page, (n) => n === total);
  await page.close();
});

test('content added later, an open shadow root and a frame are highlighted', async ({ driver }) => {
  const page = await openScanned(driver, '/tests/fixtures/live/case-page.html');
  await page.evaluate(() => {
    const p = document.createElement('p');
    p.id = 'late';
    p.textContent = 'Later: Ghaleb Alaumary laundered money for the Lazarus Group.';
    document.body.append(p);
  });
  await waitFor(page, () => document.querySelectorAll('#late [data-entity]').length === 2, undefined, {
    what: 'the added paragraph to be highlighted',
  });
  await page.close();

  const shadow = await openScanned(driver, '/tests/fixtures/live/shadow.html');
  await waitFor(
    shadow,
    () => document.querySelector('#scripted')?.shadowRoot?.querySelector('[data-entity]') != null,
    undefined,
    { what: 'a highlight in the open shadow root' },
  );
  await shadow.close();

  // A root given after load to a host already in a page that names nothing else: only the page-world
  // patch's announcement, under the name it handed over before any page script ran, can bring it to the
  // scout (no MutationObserver tells of it). The page, listening for every event it could, hears none.
  const listening = await driver.newTab();
  await listening.goto(`${driver.baseUrl}/tests/fixtures/hostile/listening.html`);
  await waitFor(
    listening,
    () => document.querySelector('#host')?.shadowRoot?.querySelector('[data-entity="park-jin-hyok"]') != null,
    undefined,
    { what: 'a highlight in the root attached after load' },
  );
  expect(await listening.evaluate(() => (window as unknown as { heard: string[] }).heard)).toEqual([]);
  await listening.close();

  const frames = await openScanned(driver, '/tests/fixtures/live/frames.html');
  const frame = frames.frames().find((f) => f.url().endsWith('/frame-case.html'));
  expect(frame).toBeDefined();
  await waitForScan(frame!);
  const inFrame = new Set((await readMarks(frame!)).map((m) => m.entity));
  expect([...inFrame]).toEqual(expect.arrayContaining(['ghaleb-alaumary', 'lazarus-group']));
  await frames.close();
});

test('painted highlights: chosen in the popup, the same highlights as wrapped, and the page unchanged', async ({
  driver,
}) => {
  const wrapped = await openScanned(driver, '/tests/fixtures/live/case-page.html');
  const expected = await readMarks(wrapped);
  expect(expected.length).toBeGreaterThan(3);
  await wrapped.close();

  await setInPopup(driver, 'input[data-setting="renderer"][value="paint"]', true);
  try {
    const painted = await openScanned(driver, '/tests/fixtures/live/case-page.html');
    expect(
      await poll(
        () => readPainted(painted),
        (marks) => marks.length === expected.length,
      ),
    ).toEqual(expected);
    expect(await painted.evaluate(() => document.querySelectorAll('case-lens-mark').length)).toBe(0);
    await painted.close();
  } finally {
    await setInPopup(driver, 'input[data-setting="renderer"][value="wrap"]', true);
  }
});
