import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import cardCss from '@/components/card.css?inline';
import { bundledClaimSubjects, bundledLexicon } from '@/facts/bundled-lexicon';
import { createClaimChecker, describeClaim } from '@/facts/claims';
import { compileLexiconInSlices } from '@/facts/lexicon';
import { CATEGORIES } from '@/facts/constants';
import type { ContentRequest, PageCheck, PageMention, PageSummary } from '@/lib/messages';
import { isActiveOn, loadSettings, watchSettings, type Settings } from '@/lib/settings';
import { CardHost } from './card-host';
import { SHADOW_ATTACHED_EVENT } from './dom-rules';
import { Highlighter } from './highlighter';
import { HighlightNavigator } from './highlight-navigator';
import { PageStyle } from './page-style';
import { pageTone } from './page-tone';
import { Scanner } from './scanner';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*', 'file:///*'],
  allFrames: true,
  matchAboutBlank: true,
  matchOriginAsFallback: true,
  runAt: 'document_idle',
  // The card's CSS is bundled as a string and given to its shadow root: a CSS file would have to be
  // a web-accessible resource, which any page could probe to learn that Case Lens is installed.
  cssInjectionMode: 'manual',
  main: (ctx) => startCaseLens(ctx),
});

/** Wires settings, scanner, highlighter and card together; every part is undone on invalidation. */
async function startCaseLens(ctx: ContentScriptContext): Promise<void> {
  const host = location.hostname;
  let settings: Settings = await loadSettings();
  // Compiled in slices, each recorded as a case-lens:compile measure: a large store must not block the page.
  const matcher = await compileLexiconInSlices(bundledLexicon, {
    onSlice: (start, end) => performance.measure('case-lens:compile', { start, end }),
  });
  if (ctx.isInvalid) return;
  const names = new Map(bundledLexicon.map((e) => [e.id, e.aliases[0]?.text ?? e.id]));
  const categories = new Map(bundledLexicon.map((e) => [e.id, e.category]));
  const claimsOf = new Map(bundledClaimSubjects.map((s) => [s.id, s.claims]));
  const highlighter = new Highlighter();
  const pageStyle = new PageStyle();
  const isTop = window === window.top;

  /** Wrappers of names (claim markers around values are left out). */
  const nameMentions = () => highlighter.mentions().filter((m) => !m.hasAttribute('data-claim-index'));

  const reportCount = (() => {
    let last = -1;
    return () => {
      if (!isTop) return;
      // Runs after every scan slice: a count needs no document order, so the wrappers are not sorted for it.
      const ids = new Set<string | null>();
      for (const m of highlighter.all())
        if (!m.hasAttribute('data-claim-index')) ids.add(m.getAttribute('data-entity'));
      const count = ids.size;
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
    claims: createClaimChecker(bundledClaimSubjects),
    categoryOf: (id) => categories.get(id),
  });
  const card = new CardHost(ctx, {
    css: cardCss,
    mentionsOf: (id) => nameMentions().filter((m) => m.getAttribute('data-entity') === id),
  });
  const navigation = new HighlightNavigator({ mentions: nameMentions, card });

  /**
   * Picks the highlight tints for the page's own background, once the page has
   * had a moment to paint, outside any scan slice: reading computed style is
   * kept out of the scan. Read again when the system's scheme changes, since
   * many sites follow it.
   */
  const readPageTone = () => {
    const read = () => {
      if (!running) return;
      const root = document.documentElement;
      const rootStyle = getComputedStyle(root);
      const body = document.body ? getComputedStyle(document.body).backgroundColor : null;
      pageStyle.setTone(pageTone(body, rootStyle.backgroundColor, rootStyle.colorScheme));
    };
    if ('requestIdleCallback' in window) requestIdleCallback(read, { timeout: 1000 });
    else setTimeout(read, 200);
  };
  ctx.addEventListener(matchMedia('(prefers-color-scheme: dark)'), 'change', () => readPageTone());

  let running = false;
  const turnOn = () => {
    if (running) return;
    running = true;
    pageStyle.apply(document);
    scanner.start();
    readPageTone();
  };
  const turnOff = () => {
    if (!running) return;
    running = false;
    card.close();
    navigation.destroy();
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
    const checks: PageCheck[] = [];
    for (const mark of highlighter.mentions()) {
      const id = mark.getAttribute('data-entity')!;
      if (mark.getAttribute('data-claim') === 'contradicted') {
        // A wrong name form carries no claim index: it is reported as a wrong form, not against a value.
        const claimIndex = mark.getAttribute('data-claim-index');
        const claim = claimIndex === null ? undefined : claimsOf.get(id)?.[Number(claimIndex)];
        checks.push({
          entityId: id,
          name: names.get(id) ?? id,
          stated: mark.textContent ?? '',
          record: claim ? describeClaim(claim) : null,
          about: claim?.about ?? null,
          index: checks.length,
        });
      }
      if (mark.hasAttribute('data-claim-index')) continue; // a value, not a mention of the name
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
      checks,
    };
  };

  if (isTop) {
    const onMessage = (message: unknown) => {
      const request = message as ContentRequest;
      if (request?.type === 'page-summary') return Promise.resolve(summary());
      if (request?.type === 'reveal') {
        if (!running) return Promise.resolve(false);
        if (request.check !== true) return Promise.resolve(navigation.reveal(request.entityId, request.index));
        const checks = highlighter.mentions().filter((m) => m.getAttribute('data-claim') === 'contradicted');
        const mark = checks[request.index];
        return Promise.resolve(mark ? navigation.show(mark) : false);
      }
      if (request?.type === 'step-highlight') return Promise.resolve(running && navigation.step(request.direction));
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  }

  if (isActiveOn(settings, host)) turnOn();
}
