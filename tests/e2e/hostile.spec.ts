import { expect, test, type Page } from '@playwright/test';
import type { RendererKind } from '../../lib/settings';
import { setInPopup, type Harness } from './extension';
import { countHighlights, expectHighlights, expectRenderer, hoverHighlight } from './marks';
import { extensionUiTexts, type LongTask, longTasksWithExtension } from './outside';
import { launchForFile, openScanned } from './session';
import { askPage, readStorage, tabIdOf, writeStorage } from './worker';

/**
 * Pages that change, misbehave or attack (the ways a page can lose its text, freeze, forge a verdict or switch Case Lens off), one
 * test each, judged only by what the contract lets anyone observe: the
 * `data-*` output of highlights, `case-lens-*` elements read over the
 * DevTools protocol, `case-lens:scan` measures, browser traces, and the same
 * page in the same Chromium without the extension.
 */

const HOSTILE = '/tests/fixtures/hostile';
const CASE_PAGE = '/tests/fixtures/live/case-page.html';

let h: Harness;
let renderer: RendererKind = 'wrap';
launchForFile((harness, chosen) => {
  h = harness;
  renderer = chosen;
});

/** The tests that run with both renderers (the project chromium-paint runs these): all that concern highlights. */
const BOTH = { tag: '@paint' };

declare global {
  interface Window {
    held: Text;
    seen: unknown;
    churn(on: boolean): number;
  }
}

/** Whether a visible piece of the extension's UI names `text`: a card that opened. */
async function cardShowing(page: Page, text: string): Promise<boolean> {
  return (await extensionUiTexts(page)).some((t) => t.includes(text));
}

test('1 page text: appendData on a text node the page holds never loses its sentence', BOTH, async () => {
  const page = await openScanned(h, `${HOSTILE}/held-text.html`);
  await expectHighlights(page, '#log', 'park-jin-hyok', 1);
  await expectRenderer(page, renderer);
  const before = (await page.locator('#log').textContent())!;
  const appended = ' The hearing was adjourned.';
  const heldBefore = await page.evaluate((words) => {
    const data = window.held.data;
    window.held.appendData(words);
    return data;
  }, appended);
  await page.waitForTimeout(800);
  const after = (await page.locator('#log').textContent())!;
  // Appending to the node the page holds means at the end of its text (what the page gets without Case
  // Lens) or, where wrapping split that node, right after what the held piece held: never anything less.
  const readings = [before + appended, before.slice(0, heldBefore.length) + appended + before.slice(heldBefore.length)];
  expect(readings, `the paragraph now reads ${JSON.stringify(after)}`).toContain(after);
  await page.close();
});

test(
  '1 page text: an append to the node a page split off the one it held keeps its sentence in order',
  BOTH,
  async () => {
    // Found by the page-mutation fuzzer: the page split its own node at 0, so the node before Case Lens's
    // highlight was one Case Lens never split, and the highlight's text came back after the appended words.
    const page = await openScanned(h, `${HOSTILE}/held-text.html`);
    await expectHighlights(page, '#log', 'park-jin-hyok', 1);
    const before = (await page.locator('#log').textContent())!;
    const appended = ' The hearing was adjourned.';
    await page.evaluate((words) => window.held.splitText(0).appendData(words), appended);
    await expectHighlights(page, '#log', 'park-jin-hyok', 1);
    await expect(page.locator('#log')).toHaveText(before + appended);
    await page.close();
  },
);

test(
  '1 page text: an append made while the paragraph was out of the document keeps its sentence in order',
  BOTH,
  async () => {
    // Found by the page-mutation fuzzer: no observer sees a change to a node out of the document, so the
    // words appended there stood before the highlight, inside the sentence, once the paragraph came back.
    const page = await openScanned(h, `${HOSTILE}/held-text.html`);
    const paragraph = page.locator('#article p').first();
    await expectHighlights(page, '#article p', 'lazarus-group', 1);
    const before = (await paragraph.textContent())!;
    const appended = ' It was named in 2014.';
    // In tasks of their own: within one, an observer still hears of changes to the nodes removed in it.
    await page.evaluate(() => {
      const article = document.getElementById('article')!;
      window.seen = { article, held: article.querySelector('p')!.firstChild };
      article.remove();
    });
    await page.evaluate((words) => (window.seen as { held: Text }).held.appendData(words), appended);
    await page.evaluate(() => document.querySelector('main')!.append((window.seen as { article: Element }).article));
    await expect(paragraph).toHaveText(before + appended);
    await expectHighlights(page, '#article p', 'lazarus-group', 1);
    await page.close();
  },
);

test(
  '2 editors: a document put in designMode keeps no highlight, even when the page changes nothing after',
  BOTH,
  async () => {
    // Found by the page-mutation fuzzer: designMode is no attribute, so no MutationObserver record tells of it.
    const page = await openScanned(h, CASE_PAGE);
    await expectRenderer(page, renderer);
    const text = await page.evaluate(() => {
      document.designMode = 'on';
      return document.body.textContent;
    });
    await expectHighlights(page, 'body', undefined, 0, 3000);
    expect(await page.evaluate(() => document.body.textContent)).toBe(text);
    await page.close();
  },
);

test(
  '2 editors: a page that turns designMode on and appends to a text node it holds, in one moment, keeps its sentence in order',
  BOTH,
  async () => {
    // Found by the page-mutation fuzzer: the highlights were unwrapped before the append was read, so the
    // appended words landed inside the sentence, before the text our wrapper held.
    const page = await openScanned(h, `${HOSTILE}/held-text.html`);
    await expectHighlights(page, '#log', 'park-jin-hyok', 1);
    const before = (await page.locator('#log').textContent())!;
    const appended = ' The hearing was adjourned.';
    await page.evaluate((words) => {
      document.designMode = 'on';
      window.held.appendData(words);
    }, appended);
    await expectHighlights(page, 'body', undefined, 0, 3000);
    expect(await page.locator('#log').textContent()).toBe(before + appended);
    await page.close();
  },
);

test('2 editors: highlights moved into an editor go, with their text back as it was', BOTH, async () => {
  // Found by the page-mutation fuzzer: an editor that adopts the page's own paragraphs (as inline CMS
  // editors do) moves them, and the paragraphs kept their highlights.
  const page = await openScanned(h, CASE_PAGE);
  const text = await page.evaluate(() => {
    const editor = document.createElement('div');
    editor.id = 'editor';
    editor.contentEditable = 'true';
    document.body.append(editor);
    const p = document.querySelector('main p')!;
    const before = p.textContent;
    editor.append(p);
    return before;
  });
  await expectHighlights(page, '#editor', undefined, 0, 3000);
  expect(await page.locator('#editor').textContent()).toBe(text);
  await page.close();
});

test(
  '2 editors: a paragraph made editable while out of the document keeps no highlight when put back',
  BOTH,
  async () => {
    // Found by the page-mutation fuzzer (there with the <body> a single-page app replaced): an element taken
    // out of the document, made editable there, where no observer hears it, and moved back in kept its
    // highlights inside the editor.
    const page = await openScanned(h, CASE_PAGE);
    expect(await countHighlights(page, 'main p:first-of-type')).toBeGreaterThan(0);
    const text = await page.evaluate(async () => {
      const p = document.querySelector<HTMLElement>('main p')!;
      const before = p.textContent;
      p.remove();
      // Once the observers' records of the removal are delivered, they no longer hear the removed node.
      await new Promise((resolve) => setTimeout(resolve, 300));
      p.contentEditable = 'true';
      p.id = 'back';
      document.body.append(p);
      return before;
    });
    await expectHighlights(page, '#back', undefined, 0, 3000);
    expect(await page.locator('#back').textContent()).toBe(text);
    await page.close();
  },
);

test(
  '3 long paragraphs: 30,000 abbreviations in one paragraph give no task over 50 ms of Case Lens scanning, and its names are highlighted',
  BOTH,
  async () => {
    const page = await h.context.newPage();
    const long = await longTasksWithExtension(page, h.extensionId, async () => {
      await page.goto(`${h.baseUrl}${HOSTILE}/abbreviations.html`);
      await expectHighlights(page, '#long', 'park-jin-hyok', 2, 10_000);
      await expectHighlights(page, '#long', 'lazarus-group', 1);
      await expectHighlights(page, '#after', 'ghaleb-alaumary', 1);
      await page.waitForTimeout(500);
    });
    // Measured by the browser (a trace of the renderer's main thread), not by Case Lens's own measures. The
    // task that evaluates the full script when it is injected (compiling it and setting up its modules) is
    // not scanning work and is reported apart: it is the same on every page that names the case. The
    // scout's first look, which runs as its script is evaluated, counts.
    const evaluation = (t: LongTask) =>
      t.scripts.every((url) => url.endsWith('/case-lens.js')) &&
      t.events.every((e) => /^(EvaluateScript|v8\.compile) /.test(e));
    test.info().annotations.push({
      type: 'evaluation',
      description:
        long
          .filter(evaluation)
          .map((t) => `${t.ms.toFixed(1)} ms`)
          .join(', ') || 'under 50 ms',
    });
    expect(
      long.filter((t) => !evaluation(t)),
      'tasks over 50 ms in which Case Lens scanned',
    ).toEqual([]);
    const text = await page.locator('#long').textContent();
    expect(text).toMatch(/^Park Jin Hyok was charged in 2018/);
    expect(text!.split('Mr. ').length - 1).toBe(30_000);
    await page.close();
  },
);

test(
  '4 single-page apps: after a storm and a replaced <body>, the new body is scanned and its card opens',
  BOTH,
  async () => {
    const page = await openScanned(h, CASE_PAGE);
    // A card opened before the navigation: its host lived in the old body.
    await hoverHighlight(page, 'body', 'park-jin-hyok');
    await expect.poll(() => cardShowing(page, 'Park Jin Hyok'), { timeout: 5000 }).toBe(true);
    await page.mouse.move(1, 1);
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          // The old view re-renders a long list, then the app navigates and swaps the body within 100 ms.
          const feed = document.getElementById('feed')!;
          for (let i = 0; i < 600; i += 1) {
            const p = document.createElement('p');
            p.textContent = `Market note ${i}.`;
            feed.append(p);
          }
          setTimeout(() => {
            history.pushState({}, '', '/next-article');
            const body = document.createElement('body');
            body.innerHTML =
              '<main><h1>Sentenced</h1><p id="next">Ghaleb Alaumary was sentenced in Savannah.</p></main>';
            document.body.replaceWith(body);
            resolve();
          }, 20);
        }),
    );
    await expectHighlights(page, '#next', 'ghaleb-alaumary', 1, 5000);
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.id = 'later';
      p.textContent = 'Park Jin Hyok remains at large.';
      document.body.append(p);
    });
    await expectHighlights(page, '#later', 'park-jin-hyok', 1, 5000);
    await hoverHighlight(page, '#next', 'ghaleb-alaumary');
    await expect.poll(() => cardShowing(page, 'Ghaleb Alaumary'), { timeout: 5000 }).toBe(true);
    await page.close();
  },
);

test(
  '5 forgery: a page-made mark opens no card, and rewritten verdicts change nothing Case Lens reports',
  BOTH,
  async () => {
    const page = await openScanned(h, '/tests/fixtures/claims/garbled-report.html');
    const tabId = await tabIdOf(h, page);
    const checksBefore = ((await askPage(h, tabId, 'pageSummary')) as { checks: unknown[] }).checks;
    expect(checksBefore.length).toBeGreaterThan(0);

    await page.evaluate(() => {
      const forged = document.createElement('case-lens-mark');
      forged.id = 'forged';
      forged.setAttribute('data-entity', 'park-jin-hyok');
      forged.setAttribute('data-category', 'person');
      forged.setAttribute('data-claim', 'confirmed');
      forged.setAttribute('data-claim-index', '0');
      forged.textContent = 'they stole $9';
      const p = document.createElement('p');
      p.append('Our sources: ', forged, '.');
      document.querySelector('article')!.append(p);
      forged.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
    });
    await page.waitForTimeout(1000);
    expect(await extensionUiTexts(page), 'a card opened for a synthetic event on a forged mark').toEqual([]);
    // A real pointer on the forged element: trusted event, but not the extension's mark.
    await page.locator('#forged').hover();
    await page.waitForTimeout(1000);
    expect(await extensionUiTexts(page), 'a card opened for a forged mark').toEqual([]);

    // The page rewrites the verdicts of the real markers: the popup's checks do not change.
    await page.evaluate(() => {
      for (const el of document.querySelectorAll('[data-claim="contradicted"]'))
        el.setAttribute('data-claim', 'confirmed');
    });
    const checksAfter = ((await askPage(h, tabId, 'pageSummary')) as { checks: unknown[] }).checks;
    expect(checksAfter).toEqual(checksBefore);

    await page.close();
  },
);

test(
  "5 forgery: the card's shadow root is closed, so a page can neither read what the reader opened nor rewrite it",
  BOTH,
  async () => {
    const page = await openScanned(h, '/seeds/us-accuses-three-koreans.html');
    await hoverHighlight(page, 'body', 'park-jin-hyok');
    await expect.poll(() => cardShowing(page, 'Park Jin Hyok'), { timeout: 5000 }).toBe(true);
    const seen = await page.evaluate(() => {
      const host = [...document.querySelectorAll('*')].find((el) => el.localName.startsWith('case-lens-card'))!;
      let replaced = false;
      try {
        host.attachShadow({ mode: 'open' });
        replaced = true;
      } catch {
        // A host holds one root: the page cannot put its own in place of the card's.
      }
      return {
        root: host.shadowRoot === null ? 'hidden' : 'readable',
        replaced,
        attributes: [...host.attributes].map((a) => `${a.name}=${a.value}`).join(' '),
        text: host.textContent,
      };
    });
    expect(seen.root).toBe('hidden');
    expect(seen.replaced).toBe(false);
    expect(seen.attributes).not.toMatch(/park|jin|hyok/i);
    expect(seen.text).toBe('');
    // The card itself is there and whole, as the DevTools protocol reads it.
    expect(await cardShowing(page, 'Park Jin Hyok')).toBe(true);
    await page.close();
  },
);

test('12 page-world patch: a shadow root attached after load is announced under a name the page never learns', async () => {
  const page = await h.context.newPage();
  await page.goto(`${h.baseUrl}${HOSTILE}/listening.html`);
  // The root's text is highlighted: the announcement reached Case Lens ...
  await expect
    .poll(
      () =>
        page.evaluate(() => {
          const shadow = document.getElementById('host')!.shadowRoot;
          if (!shadow) return 0;
          let painted = 0;
          for (const [name, highlight] of CSS.highlights)
            if (name.startsWith('case-lens__park-jin-hyok__'))
              for (const range of highlight) if (shadow.contains(range.startContainer)) painted += 1;
          return shadow.querySelectorAll('[data-entity="park-jin-hyok"]').length + painted;
        }),
      { timeout: 10_000 },
    )
    .toBe(1);
  // ... and the page, which recorded every event made or dispatched through its built-ins and listened for
  // the names an extension would use, heard nothing it did not make itself, and its document holds nothing
  // it did not make.
  expect(await page.evaluate(() => (window as unknown as { heard: string[] }).heard)).toEqual([]);
  expect(await page.evaluate(() => [...document.childNodes].map((node) => node.nodeName))).toEqual(['html', 'HTML']);
  await page.close();
});

test('12 page-world patch: where Case Lens is switched off, for every site or for one, the page keeps its own attachShadow', async () => {
  const page = await h.context.newPage();
  /** Whether the page's attachShadow is the patch's Proxy, as the DevTools protocol sees it (no page can). */
  const patched = async () => {
    await page.goto(`${h.baseUrl}/tests/fixtures/quiet/plain.html`);
    const cdp = await page.context().newCDPSession(page);
    try {
      const { result } = await cdp.send('Runtime.evaluate', { expression: 'Element.prototype.attachShadow' });
      return result.subtype === 'proxy';
    } finally {
      await cdp.detach();
    }
  };
  const on = { enabled: true, categories: {}, disabledSites: [], renderer };
  const site = new URL(h.baseUrl).hostname;
  try {
    await expect.poll(patched).toBe(true);
    await writeStorage(h, { settings: { ...on, enabled: false } });
    await expect.poll(patched).toBe(false);
    // Nothing else of Case Lens's is left in the page either: its document holds only what it parsed.
    expect(await page.evaluate(() => [...document.childNodes].map((node) => node.nodeName))).toEqual(['html', 'HTML']);
    await writeStorage(h, { settings: on });
    await expect.poll(patched).toBe(true);
    await writeStorage(h, { settings: { ...on, disabledSites: [site] } });
    await expect.poll(patched).toBe(false);
  } finally {
    await writeStorage(h, { settings: on });
  }
  await expect.poll(patched).toBe(true);
  // Updated in place, the registration still outlives the browser session.
  const registered = await h.worker.evaluate(() =>
    (
      globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(): Promise<object[]> } } }
    ).chrome.scripting.getRegisteredContentScripts(),
  );
  expect(registered).toEqual([expect.objectContaining({ world: 'MAIN', persistAcrossSessions: true })]);
  await page.close();
});

test("12 page-world patch: attachShadow and toString read as the browser's own, and an error from them names no extension", async () => {
  // A page that never names the case: only the scout and the page-world patch run there.
  const page = await h.context.newPage();
  await page.goto(`${h.baseUrl}/tests/fixtures/quiet/plain.html`);
  const seen = await page.evaluate(() => {
    const source = Function.prototype.toString;
    const stacks: string[] = [];
    const el = document.createElement('div');
    document.body.append(el);
    el.attachShadow({ mode: 'open' });
    for (const fail of [
      () => el.attachShadow({ mode: 'open' }),
      () => Element.prototype.attachShadow.call({} as Element, { mode: 'open' }),
      () => source.call({}),
    ]) {
      try {
        fail();
        stacks.push('no error');
      } catch (error) {
        stacks.push(String((error as Error).stack));
      }
    }
    return {
      attachShadow: source.call(Element.prototype.attachShadow),
      asString: String(Element.prototype.attachShadow),
      toString: source.call(source),
      name: `${Element.prototype.attachShadow.name}/${Element.prototype.attachShadow.length}/${source.name}/${source.length}`,
      own: source.call(function own(a: number) {
        return a;
      }),
      stacks,
    };
  });
  expect(seen.attachShadow).toBe('function attachShadow() { [native code] }');
  expect(seen.asString).toBe('function attachShadow() { [native code] }');
  expect(seen.toString).toBe('function toString() { [native code] }');
  expect(seen.name).toBe('attachShadow/1/toString/0');
  expect(seen.own).toContain('return a');
  expect(seen.stacks).toHaveLength(3);
  for (const stack of seen.stacks) {
    expect(stack).toMatch(/Error/);
    expect(stack).not.toContain('chrome-extension://');
    expect(stack).not.toContain(h.extensionId);
  }
  await page.close();
});

test('6 announcement: a replayed start message neither stops Case Lens nor tells the page its id', async () => {
  const page = await openScanned(h, `${HOSTILE}/announce.html`);
  const marks = await countHighlights(page, 'body');
  expect(marks).toBeGreaterThan(0);
  const received = await page.evaluate(() => JSON.stringify(window.seen));
  expect(received, 'messages the page received').not.toContain(h.extensionId);
  await page.evaluate((id) => {
    // Everything the page heard, and WXT's announcement rebuilt for an id learnt elsewhere, with another messageId.
    const types = new Set<string>([`${id}:content:wxt:content-script-started`]);
    for (const data of window.seen as { type?: unknown }[]) if (typeof data?.type === 'string') types.add(data.type);
    for (const type of types) {
      const detail = { contentScriptName: 'content', messageId: 'from-the-page' };
      window.postMessage({ type, ...detail }, '*');
      document.dispatchEvent(new CustomEvent(type, { detail }));
    }
  }, h.extensionId);
  await page.waitForTimeout(500);
  expect(await countHighlights(page, 'body')).toBe(marks);
  await page.evaluate(() => {
    const p = document.createElement('p');
    p.textContent = 'Ghaleb Alaumary was sentenced in Savannah.';
    document.getElementById('feed')!.append(p);
  });
  await expectHighlights(page, '#feed', 'ghaleb-alaumary', 1, 5000);
  await page.close();
});

test('9 frames without a host: the per-site switch covers srcdoc and about:blank frames of the site', async () => {
  const page = await openScanned(h, `${HOSTILE}/frames.html`);
  const marksPerFrame = () =>
    Promise.all(page.frames().map((f) => f.evaluate(() => document.querySelectorAll('[data-entity]').length)));
  await expect
    .poll(marksPerFrame, { timeout: 5000 })
    .toEqual([expect.any(Number), expect.any(Number), expect.any(Number)]);
  for (const count of await marksPerFrame()) expect(count).toBeGreaterThan(0);
  const tabId = await tabIdOf(h, page);
  await setInPopup(h, 'input[data-setting="site"]', false, tabId);
  try {
    await expect.poll(marksPerFrame, { timeout: 5000 }).toEqual([0, 0, 0]);
  } finally {
    await setInPopup(h, 'input[data-setting="site"]', true, tabId);
  }
  await page.close();
});

test('10 page elements: a page that defines its own case-lens-card cannot break the card', async () => {
  const page = await openScanned(h, `${HOSTILE}/own-elements.html`);
  // The first hover may meet the page's element; the second must work all the same.
  await hoverHighlight(page, 'body', 'park-jin-hyok');
  await page.waitForTimeout(1000);
  await page.mouse.move(1, 1);
  await page.waitForTimeout(800);
  await hoverHighlight(page, 'body', 'park-jin-hyok');
  await expect.poll(() => cardShowing(page, 'Park Jin Hyok'), { timeout: 5000 }).toBe(true);
  await page.close();
});

test('11 settings: two popups changing different settings at once both keep their change', async () => {
  const first = await h.context.newPage();
  await first.goto(`chrome-extension://${h.extensionId}/popup.html`);
  const second = await h.context.newPage();
  await second.goto(`chrome-extension://${h.extensionId}/popup.html`);
  for (const popup of [first, second]) await expect(popup.locator('input[data-category="malware"]')).toBeChecked();
  // Both clicks in one task, before either popup hears of the other's write.
  await first.evaluate(() => {
    const views = (
      globalThis as unknown as { chrome: { extension: { getViews(o: object): Window[] } } }
    ).chrome.extension.getViews({ type: 'tab' });
    const popups = views.filter((v) => v.location.pathname === '/popup.html');
    popups[0]!.document.querySelector<HTMLInputElement>('input[data-category="malware"]')!.click();
    popups[1]!.document.querySelector<HTMLInputElement>('input[data-category="person"]')!.click();
  });
  await expect
    .poll(async () => {
      const { categories } = ((await readStorage(h, ['settings'])).settings ?? {}) as {
        categories?: Record<string, boolean>;
      };
      return [categories?.malware, categories?.person];
    })
    .toEqual([false, false]);
  await first.close();
  await second.close();
  await writeStorage(h, { settings: { enabled: true, categories: {}, disabledSites: [], renderer } });
});

test('11 settings: a write the browser refuses is shown in the popup, not silently lost', async () => {
  const popup = await h.context.newPage();
  await popup.goto(`chrome-extension://${h.extensionId}/popup.html`);
  await expect(popup.locator('input[data-category="malware"]')).toBeChecked();
  // Fill storage to its quota: the next settings write that grows the value fails.
  await h.worker.evaluate(async () => {
    const local = (
      globalThis as unknown as {
        chrome: {
          storage: {
            local: { QUOTA_BYTES: number; getBytesInUse(k: null): Promise<number>; set(i: object): Promise<void> };
          };
        };
      }
    ).chrome.storage.local;
    const used = await local.getBytesInUse(null);
    await local.set({ filler: 'x'.repeat(local.QUOTA_BYTES - used - 'filler'.length - 2) });
  });
  try {
    await popup.locator('input[data-category="malware"]').click();
    await expect(popup.getByRole('alert')).toContainText(/not saved|could not/i, { timeout: 5000 });
  } finally {
    await h.worker.evaluate(() =>
      (
        globalThis as unknown as { chrome: { storage: { local: { remove(k: string): Promise<void> } } } }
      ).chrome.storage.local.remove('filler'),
    );
    await popup.close();
    await writeStorage(h, { settings: { enabled: true, categories: {}, disabledSites: [], renderer } });
  }
});

test(
  "8 restless pages: a shadow root attached while a storm's walk over the page is waiting is read too",
  BOTH,
  async () => {
    // Found by the fuzzer: 600 paragraphs added at once queue one walk over the page; a root attached before
    // that walk begins was observed but left out of it, and the walk, passing its host, took it as read.
    const page = await openScanned(h, CASE_PAGE);
    await page.evaluate(async () => {
      const host = document.createElement('div');
      host.id = 'late-host';
      document.body.append(host);
      for (let i = 0; i < 600; i += 1) {
        const p = document.createElement('p');
        p.textContent = `Note ${i}.`;
        document.body.append(p);
      }
      // The storm's records are read at the end of this task; the root comes in the next.
      await new Promise((resolve) => setTimeout(resolve, 0));
      host.attachShadow({ mode: 'open' }).innerHTML = '<p>Ghaleb Alaumary pleaded guilty.</p>';
    });
    await expect
      .poll(() =>
        page.evaluate(() => {
          const shadow = document.querySelector('#late-host')!.shadowRoot!;
          let painted = 0;
          for (const [name, highlight] of CSS.highlights)
            if (name.startsWith('case-lens__ghaleb-alaumary__'))
              for (const range of highlight) if (range.startContainer.getRootNode() === shadow) painted += 1;
          return shadow.querySelectorAll('[data-entity="ghaleb-alaumary"]').length + painted;
        }),
      )
      .toBe(1);
    await page.close();
  },
);

test(
  '8 restless pages: a name waiting for the case context, whose text the page rewrote, does not stop the scan',
  BOTH,
  async () => {
    // Found by the page-mutation fuzzer. "Kim Il" waits for the case context; the page rewrites its text
    // node, and a highlight made in it since puts the waiting name's old place inside the highlight: its
    // end was resolved to a negative offset, a DOM Range threw, and every scan after it threw again.
    const page = await openScanned(h, CASE_PAGE);
    await page.evaluate(async () => {
      history.pushState({}, '', '#view-1');
      const body = document.createElement('body');
      body.innerHTML = '<main><span>Park Jin Hyok</span> and <b>Kim Il</b><p>Then Park Jin Hyok.</p></main>';
      document.body.replaceWith(body);
      await new Promise((resolve) => setTimeout(resolve, 0));
      (document.querySelector('b')!.firstChild as Text).replaceData(0, 2, ' WannaCry spread in 2017. ');
      await new Promise((resolve) => setTimeout(resolve, 200));
      document.querySelector('span')!.textContent = ' Park Jin Hyok was charged. ';
    });
    await expectHighlights(page, 'span', 'park-jin-hyok', 1);
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.id = 'later';
      p.textContent = 'Ghaleb Alaumary was sentenced.';
      document.body.append(p);
    });
    await expectHighlights(page, '#later', 'ghaleb-alaumary', 1);
    await page.close();
  },
);

test(
  '8 restless pages: under 600 cells changing every 50 ms, the name at the end of 5 MB of text is highlighted',
  BOTH,
  async () => {
    const page = await h.context.newPage();
    const started = Date.now();
    await page.goto(`${h.baseUrl}${HOSTILE}/restless.html`);
    const loaded = Date.now() - started;
    // Within 5 s of the load event (here about 1 s after it).
    await expectHighlights(page, '#last', 'park-jin-hyok', 1, 5_000);
    const highlighted = Date.now() - started;
    test
      .info()
      .annotations.push({ type: 'restless', description: `loaded in ${loaded} ms, highlighted at ${highlighted} ms` });
    // The table kept changing all along, and its numbers were never wrapped.
    expect(await countHighlights(page, '#ticker')).toBe(0);
    await page.close();
  },
);

test(
  '8 restless pages: a feed replaced every 50 ms for a minute (20 s painted) leaves Case Lens holding none of the removed nodes',
  BOTH,
  async () => {
    test.setTimeout(180_000);
    const page = await openScanned(h, `${HOSTILE}/replacing.html`);
    await expect.poll(() => countHighlights(page, '#feed')).toBeGreaterThan(0);
    const cdp = await page.context().newCDPSession(page);
    /** Nodes and event listeners alive in the tab's renderer once everything unreachable is collected. */
    const liveCounts = async () => {
      // Three full collections: objects one collection frees can hold others that only the next one can.
      for (let i = 0; i < 3; i += 1) await cdp.send('HeapProfiler.collectGarbage');
      return cdp.send('Memory.getDOMCounters');
    };
    const before = await liveCounts();
    await page.evaluate(() => window.churn(true));
    // Painted, the same minute would check the same renderer-neutral parts again: a third of it keeps npm test short.
    await page.waitForTimeout(renderer === 'paint' ? 20_000 : 60_000);
    const versions = await page.evaluate(() => window.churn(false));
    // Case Lens kept up to the end: the last version of the feed is highlighted.
    await expectHighlights(page, '#feed p:last-child', undefined, 1);
    const after = await liveCounts();
    test.info().annotations.push({
      type: 'live nodes and listeners',
      description: `${before.nodes} and ${before.jsEventListeners} before, ${after.nodes} and ${after.jsEventListeners} after ${versions} versions of the feed`,
    });
    // One highlighted version of the feed is about 150 nodes: all of them, kept, would be over 100,000
    // (a list of first highlights that nothing read kept 40,000 of them).
    expect(after.nodes - before.nodes, `nodes after ${versions} versions of the feed`).toBeLessThan(1_000);
    // A listener per timer set (WXT's ctx.setTimeout) grew by one per scan slice and per second.
    expect(after.jsEventListeners - before.jsEventListeners, 'event listeners').toBeLessThan(20);
    await cdp.detach();
    await page.close();
  },
);
