import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import cardCss from '@/components/card.css?inline';
import { type Annotator, createAnnotator } from '@/facts/annotator';
import { bundledClaimSubjects, bundledLexicon } from '@/facts/bundled-lexicon';
import { createClaimChecker } from '@/facts/claims';
import { compileLexiconInSlices, type LexiconEntity } from '@/facts/lexicon';
import type { PageLexicon } from '@/facts/packs/page-lexicon';
import { backgroundMessages } from '@/lib/messages';
import { readPackLexicon, watchPackLexicon } from '@/lib/pack-lexicon-read';
import { readSettings, watchSettings } from '@/lib/settings-read';
import { documentSite } from '@/lib/settings-values';
import { guardAgainstForgedAnnouncements } from './announcement-guard';
import { BadgeCount } from './badge-count';
import { CardHost } from './card-host';
import { watchDesignMode } from './design-mode-watch';
import { HighlightNavigator } from './highlight-navigator';
import { Highlighter } from './highlighter';
import { canPaint, Painter } from './painter';
import { RendererSwitch } from './renderer';
import { listenForHover } from './hover-intent';
import { answerPageMessages } from './page-messages';
import { PageStyle } from './page-style';
import { summarizePage } from './page-summary';
import { PageSwitch } from './page-switch';
import { watchPageTone } from './page-tone';
import { Scanner } from './scanner';
import { scriptTimers } from './script-timers';
import { shadowEventName } from './shadow-event';
import { caseLensTimeline } from './timeline';

/** Wires the page side together; every part is undone when the extension goes away. */
export async function startCaseLens(ctx: ContentScriptContext): Promise<void> {
  guardAgainstForgedAnnouncements(ctx);
  // The site the per-site switch speaks of; srcdoc and about:blank frames belong to the site that made them.
  const host = documentSite(location, document.referrer);
  const isTop = window === window.top;
  const [initial, packLexicon] = await Promise.all([readSettings(), readPackLexicon()]);
  // The case and the packs the reader has on, compiled into one matcher: the case's names first, so a
  // spelling a pack shares with the case highlights the case's entity (the card shows the pack's too).
  // Compiled in slices, each recorded as a case-lens:compile measure: a large store must not block the page.
  const compile = (lexicon: PageLexicon | null) => {
    const all: LexiconEntity[] = lexicon ? [...bundledLexicon, ...lexicon.entities] : bundledLexicon;
    return compileLexiconInSlices(all, {
      onSlice: (start, end) => caseLensTimeline.measure('case-lens:compile', start, end),
    }).then((matcher) => ({ matcher, entities: new Map(all.map((e) => [e.id, e])) }));
  };
  let lexicon = await compile(packLexicon);
  if (ctx.isInvalid) return;
  const claims = new Map(bundledClaimSubjects.map((s) => [s.id, s.claims]));
  const names = {
    nameOf: (id: string) => lexicon.entities.get(id)?.aliases[0]?.text ?? id,
    claimsOf: (id: string) => claims.get(id),
  };
  const claimChecker = createClaimChecker(bundledClaimSubjects);
  const annotatorOf = ({ matcher, entities }: typeof lexicon): Annotator =>
    createAnnotator({ matcher, claims: claimChecker, categoryOf: (id) => entities.get(id)?.category });
  let currentAnnotator = annotatorOf(lexicon);
  // The scanner keeps this one; a change of packs puts another behind it.
  const annotator: Annotator = { annotate: (text, decide) => currentAnnotator.annotate(text, decide) };

  const timers = scriptTimers(ctx);
  const pageStyle = new PageStyle();
  const wrapping = new Highlighter();
  let painting: Painter | null = null;
  // The reader's choice of renderer (settings.renderer), taken each time the page is switched on.
  const highlighter = new RendererSwitch(wrapping);
  const chosenRenderer = () => {
    if (pageSwitch.settings.renderer !== 'paint' || !canPaint()) return wrapping;
    painting ??= new Painter({
      onName: (name, a) =>
        pageStyle.addPainted(name, {
          category: a.category,
          value: a.kind === 'value',
          claim: a.kind === 'wrong-form' ? 'contradicted' : a.kind === 'value' ? a.verdict : null,
        }),
    });
    return painting;
  };
  const badge = new BadgeCount(highlighter, (count) =>
    isTop ? backgroundMessages.sendMessage('reportPageCount', count) : Promise.resolve(),
  );
  const mentionsOf = (id: string) => highlighter.names().filter((m) => highlighter.annotationOf(m)?.entityId === id);
  const card = new CardHost(ctx, {
    css: cardCss,
    annotationOf: (mark) => highlighter.annotationOf(mark),
    mentionsOf,
    fetchEntity: (request) => backgroundMessages.sendMessage('getEntity', request),
    timers,
  });
  const navigation = new HighlightNavigator({
    timers,
    mentions: () => highlighter.names(),
    mentionsOf,
    card,
    flash: (mention, on) => highlighter.flash(mention, on),
  });
  const watchEditor = watchDesignMode(
    timers,
    document,
    () => highlighter.size > 0,
    () => {
      scanner.quietly(() => highlighter.unwrap());
      badge.update();
    },
  );
  const scanner: Scanner = new Scanner(document, {
    timers,
    annotator,
    highlighter,
    isCategoryShown: (category) => pageSwitch.isCategoryShown(category),
    onChange: () => {
      badge.update();
      watchEditor();
    },
    onShadowRoot: (shadow) => pageStyle.apply(shadow),
    packOf: (id) => lexicon.entities.get(id)?.pack,
  });
  const readTone = watchPageTone(ctx, (tone) => {
    if (pageSwitch.isRunning) pageStyle.setTone(tone);
  });
  const pageSwitch: PageSwitch = new PageSwitch(host, initial, {
    start: () => {
      highlighter.use(chosenRenderer());
      pageStyle.apply(document);
      scanner.start();
      readTone();
    },
    stop: () => {
      card.close();
      navigation.destroy();
      scanner.stop();
      highlighter.unwrap();
      pageStyle.removeAll();
      badge.update();
    },
    hide: (categories) => {
      card.close();
      scanner.quietly(() => highlighter.unwrap((a) => categories.includes(a.category)));
      badge.update();
    },
    show: () => scanner.rescan(),
  });

  listenForHover(ctx, {
    card,
    timers,
    ownMark: (target) => (target instanceof HTMLElement && highlighter.annotationOf(target) ? target : null),
    painting: () => highlighter.kind === 'paint' && highlighter.size > 0,
    mentionAt: (x, y) => highlighter.mentionAt(x, y, scanner.shadowRoots()),
  });
  if (isTop) {
    answerPageMessages(ctx, {
      summary: () => summarizePage(highlighter, names, host, pageSwitch.isRunning),
      isRunning: () => pageSwitch.isRunning,
      highlighter,
      navigation,
    });
  }
  ctx.onInvalidated(() => {
    pageSwitch.turnOff();
    card.destroy();
  });
  ctx.addEventListener(window, 'wxt:locationchange', () => scanner.rescan());
  // Reported by the page-world patch (shadow-watch.ts), from inside the page's attachShadow, under the
  // random name it handed this world at document_start.
  const shadowEvent = shadowEventName();
  if (shadowEvent) {
    ctx.addEventListener(document, shadowEvent as keyof DocumentEventMap, (event) => {
      const shadowHost = event.composedPath()[0];
      if (shadowHost instanceof Element) scanner.addShadowRootOf(shadowHost);
    });
  }
  // Packs loaded, changed or switched off while the page is open: compiled again, and the page read again
  // with them. Changes that come while one is compiling are taken together, the latest last.
  let packsWanted: PageLexicon | null | undefined;
  let compiling = false;
  const applyPacks = async () => {
    if (compiling) return;
    compiling = true;
    while (packsWanted !== undefined && !ctx.isInvalid) {
      const wanted: PageLexicon | null = packsWanted;
      packsWanted = undefined;
      const next = await compile(wanted);
      if (ctx.isInvalid || packsWanted !== undefined) continue;
      lexicon = next;
      currentAnnotator = annotatorOf(next);
      card.closeAndForget();
      if (pageSwitch.isRunning) {
        scanner.stop();
        highlighter.unwrap();
        badge.update();
        scanner.start();
      }
    }
    compiling = false;
  };
  ctx.onInvalidated(
    watchPackLexicon((next) => {
      packsWanted = next;
      void applyPacks();
    }),
  );
  let changes = 0;
  ctx.onInvalidated(
    watchSettings((next) => {
      changes += 1;
      pageSwitch.apply(next);
    }),
  );
  // A change made while this script was starting (a click on the popup's switch as the page
  // finished loading) came before the watch and would be lost for the life of the page: read
  // once more, unless the watch has already delivered something newer.
  void readSettings().then((latest) => {
    if (changes === 0 && !ctx.isInvalid) pageSwitch.apply(latest);
  });
  pageSwitch.apply(initial);
}
