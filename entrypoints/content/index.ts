import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import '@/components/card.css';
import { bundledLexicon } from '@/facts/bundled-lexicon';
import { compileLexicon } from '@/facts/lexicon';
import { CATEGORIES } from '@/facts/constants';
import type { ContentRequest, PageMention, PageSummary } from '@/lib/messages';
import { isActiveOn, loadSettings, watchSettings, type Settings } from '@/lib/settings';
import { CardHost } from './card-host';
import { SHADOW_ATTACHED_EVENT } from './dom-rules';
import { Highlighter } from './highlighter';
import { PageStyle } from './page-style';
import { Scanner } from './scanner';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*', 'file:///*'],
  allFrames: true,
  matchAboutBlank: true,
  matchOriginAsFallback: true,
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  main: (ctx) => startCaseLens(ctx),
});

/** Wires settings, scanner, highlighter and card together; every part is undone on invalidation. */
async function startCaseLens(ctx: ContentScriptContext): Promise<void> {
  const host = location.hostname;
  let settings: Settings = await loadSettings();
  const matcher = compileLexicon(bundledLexicon);
  const names = new Map(bundledLexicon.map((e) => [e.id, e.aliases[0]?.text ?? e.id]));
  const highlighter = new Highlighter();
  const pageStyle = new PageStyle();
  const isTop = window === window.top;

  const reportCount = (() => {
    let last = -1;
    return () => {
      if (!isTop) return;
      const count = new Set(highlighter.mentions().map((m) => m.getAttribute('data-entity'))).size;
      if (count === last) return;
      last = count;
      browser.runtime.sendMessage({ type: 'page-count', count }).catch(() => undefined);
    };
  })();

  const scanner = new Scanner(document, {
    matcher,
    highlighter,
    isCategoryShown: (category) => settings.categories[category],
    onChange: reportCount,
    onShadowRoot: (shadow) => pageStyle.apply(shadow),
  });
  const card = new CardHost(ctx, {
    mentionsOf: (id) => highlighter.mentions().filter((m) => m.getAttribute('data-entity') === id),
  });

  let running = false;
  const turnOn = () => {
    if (running) return;
    running = true;
    pageStyle.apply(document);
    scanner.start();
  };
  const turnOff = () => {
    if (!running) return;
    running = false;
    card.close();
    scanner.stop();
    highlighter.unwrap();
    pageStyle.removeAll();
    reportCount();
  };

  const applySettings = (next: Settings) => {
    const previous = settings;
    settings = next;
    if (!isActiveOn(next, host)) return turnOff();
    if (!running) return turnOn();
    const hidden = CATEGORIES.filter((c) => previous.categories[c] && !next.categories[c]);
    const shown = CATEGORIES.filter((c) => !previous.categories[c] && next.categories[c]);
    if (hidden.length > 0) {
      card.close();
      scanner.quietly(() => highlighter.unwrap((m) => hidden.includes(m.getAttribute('data-category') as never)));
      reportCount();
    }
    if (shown.length > 0) scanner.rescan();
  };

  card.listen();
  ctx.onInvalidated(() => {
    turnOff();
    card.destroy();
  });
  ctx.addEventListener(window, 'wxt:locationchange', () => scanner.rescan());
  // Reported by the main-world script (shadow-watch.content.ts), from inside the page's attachShadow.
  ctx.addEventListener(document, SHADOW_ATTACHED_EVENT, (event) => {
    const host = event.composedPath()[0];
    if (host instanceof Element) scanner.addShadowRootOf(host);
  });
  let changes = 0;
  const unwatch = watchSettings((next) => {
    changes += 1;
    applySettings(next);
  });
  ctx.onInvalidated(unwatch);
  // A change made while this script was starting (a click on the popup's switch as the page
  // finished loading) came before the watch and would be lost for the life of the page: read
  // once more, unless the watch has already delivered something newer.
  void loadSettings().then((latest) => {
    if (changes === 0 && !ctx.isInvalid) applySettings(latest);
  });

  const summary = (): PageSummary => {
    const counts = new Map<string, PageMention>();
    for (const mark of highlighter.mentions()) {
      const id = mark.getAttribute('data-entity')!;
      const entry = counts.get(id) ?? {
        entityId: id,
        name: names.get(id) ?? id,
        category: mark.getAttribute('data-category') ?? 'other',
        count: 0,
      };
      entry.count += 1;
      counts.set(id, entry);
    }
    return {
      host,
      active: running,
      mentions: [...counts.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
    };
  };

  if (isTop) {
    const onMessage = (message: unknown) => {
      const request = message as ContentRequest;
      if (request?.type === 'page-summary') return Promise.resolve(summary());
      if (request?.type === 'reveal') {
        const marks = highlighter.mentions().filter((m) => m.getAttribute('data-entity') === request.entityId);
        const mark = marks[request.index] ?? marks[0];
        if (!mark) return Promise.resolve(false);
        mark.scrollIntoView({ block: 'center' });
        mark.classList.add('case-lens-flash');
        setTimeout(() => mark.classList.remove('case-lens-flash'), 2600);
        return Promise.resolve(true);
      }
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  }

  if (isActiveOn(settings, host)) turnOn();
}
