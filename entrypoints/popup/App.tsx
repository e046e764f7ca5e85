import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { EntityDetail } from '@/components/EntityDetail';
import { CaseTimeline } from '@/components/CaseTimeline';
import { PageChecks } from '@/components/PageChecks';
import { PageMentions } from '@/components/PageMentions';
import { SearchResults } from '@/components/SearchResults';
import { SettingsPanel } from '@/components/SettingsPanel';
import { CATEGORY_STYLE, formatFactDate } from '@/components/categories';
import { bundledEntities } from '@/facts/bundled';
import { buildTimeline } from '@/facts/timeline';
import { buildEntityView } from '@/facts/view';
import { type PageMention, type PageSummary, pageMessages, topFrameOf } from '@/lib/messages';
import { askStartingCaseLens } from '@/lib/case-lens-start';
import { useCatalogue } from './use-catalogue';
import {
  applySettingsChange,
  changeSettings,
  loadSettings,
  watchSettings,
  type Settings,
  type SettingsChange,
} from '@/lib/settings';

/** The tab the popup speaks about: the active tab, or `?tab=<id>` when opened as a page. */
async function targetTabId(): Promise<number | null> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

const timeline = buildTimeline(bundledEntities);
const factCount = bundledEntities.reduce((n, e) => n + e.facts.length, 0);
const newestFact = bundledEntities
  .flatMap((e) => e.facts.map((f) => f.date ?? ''))
  .sort()
  .pop();

export function App() {
  /** Null until the stored settings are read: no switch is shown (or can be flipped) in a state that is not real. */
  const [settings, setSettings] = useState<Settings | null>(null);
  const [query, setQuery] = useState('');
  const [activeIndex, setActiveIndex] = useState(0);
  const [trail, setTrail] = useState<string[]>([]);
  const [page, setPage] = useState<PageSummary | null>(null);
  const [tabId, setTabId] = useState<number | null>(null);
  const [showTimeline, setShowTimeline] = useState(false);
  /** How many times each entity was revealed: each click goes to its next mention. */
  const [revealed, setRevealed] = useState<Record<string, number>>({});
  const [revealStatus, setRevealStatus] = useState('');
  const searchRef = useRef<HTMLInputElement>(null);
  const detailRef = useRef<HTMLHeadingElement>(null);

  /**
   * This popup's changes still being stored. While one is, the storage events
   * that come in are older than what the switches show (the event of the
   * change before it can arrive after the click): applied, they flipped a
   * switch back for a moment, and a click in that moment stored the opposite
   * of what the reader meant. Once the last change is stored, what it stored
   * is shown, and events apply again.
   */
  const pendingChanges = useRef(0);
  useEffect(() => {
    let heard = false;
    void loadSettings().then((loaded) => {
      // A change heard while reading is newer than what was read.
      if (!heard) setSettings(loaded);
    });
    return watchSettings((next) => {
      heard = true;
      if (pendingChanges.current === 0) setSettings(next);
    });
  }, []);

  const refreshPage = async (id: number | null) => {
    if (id === null) return setPage(null);
    try {
      setPage(await askStartingCaseLens(id, () => pageMessages.sendMessage('pageSummary', undefined, topFrameOf(id))));
    } catch {
      setPage(null); // Case Lens cannot run there (browser pages, the store, PDFs)
    }
  };

  useEffect(() => {
    void targetTabId().then((id) => {
      setTabId(id);
      void refreshPage(id);
    });
  }, []);

  // The page follows settings changes a moment later: read its summary again then.
  useEffect(() => {
    const timer = setTimeout(() => void refreshPage(tabId), 400);
    return () => clearTimeout(timer);
  }, [settings, tabId]);

  const catalogue = useCatalogue();
  const results = useMemo(() => catalogue.search(query), [catalogue, query]);
  const detailId = trail.at(-1) ?? null;
  const detail = useMemo(
    () => (detailId ? buildEntityView(catalogue.entities, detailId) : null),
    [catalogue, detailId],
  );
  const detailPack = detailId ? catalogue.packOf(detailId) : null;

  /** Why the last change was not stored, when the browser refused it. */
  const [saveError, setSaveError] = useState('');
  // A change shows at once, and is stored as that one change applied to what is stored by then: another
  // popup may have changed another setting meanwhile, and writing the whole value held here would undo it.
  const settingsNow = useRef(settings);
  settingsNow.current = settings;
  const update = (change: SettingsChange) => {
    if (!settingsNow.current) return;
    const shown = applySettingsChange(settingsNow.current, change);
    settingsNow.current = shown;
    setSettings(shown);
    setSaveError('');
    pendingChanges.current += 1;
    changeSettings(change).then(
      (stored) => {
        pendingChanges.current -= 1;
        if (pendingChanges.current === 0) setSettings(stored);
      },
      (error: unknown) => {
        pendingChanges.current -= 1;
        setSaveError(`Your change was not saved: ${error instanceof Error ? error.message : String(error)}`);
        // The switches go back to what is stored.
        void loadSettings().then(setSettings);
      },
    );
  };
  const open = (id: string) => {
    setShowTimeline(false);
    setTrail((t) => [...t, id]);
  };
  const onPage = useMemo(() => new Set(page?.mentions.map((m) => m.entityId) ?? []), [page]);
  const back = () => setTrail((t) => t.slice(0, -1));

  // Keyboard and screen-reader users land on what changed: the detail's heading, or the search box when back.
  const detailShown = detailId !== null && !query;
  useEffect(() => {
    if (detailShown) detailRef.current?.focus();
  }, [detailId, detailShown]);
  const previousTrail = useRef(0);
  useEffect(() => {
    if (trail.length === 0 && previousTrail.current > 0) searchRef.current?.focus();
    previousTrail.current = trail.length;
  }, [trail.length]);

  useEffect(() => {
    document.getElementById(`pl-result-${results[activeIndex]?.id}`)?.scrollIntoView({ block: 'nearest' });
  }, [activeIndex, results]);

  const reveal = async (mention: PageMention) => {
    if (tabId === null) return;
    const index = revealed[mention.entityId] ?? 0;
    const shown = await pageMessages
      .sendMessage('revealMention', { entityId: mention.entityId, index }, topFrameOf(tabId))
      .catch(() => false);
    setRevealed((r) => ({ ...r, [mention.entityId]: index + 1 }));
    setRevealStatus(
      shown
        ? `Showing ${mention.name}, mention ${(index % mention.count) + 1} of ${mention.count}, on the page.`
        : `${mention.name} is no longer on the page.`,
    );
  };

  const onSearchKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && query) {
      // Clears the search instead of closing the popup.
      event.preventDefault();
      setQuery('');
      return;
    }
    if (!query || results.length === 0) return;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActiveIndex((i) => Math.min(i + 1, results.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActiveIndex((i) => Math.max(i - 1, 0));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const chosen = results[activeIndex];
      if (chosen) {
        setQuery('');
        open(chosen.id);
      }
    }
  };

  return (
    <main class="pl-app">
      <header class="pl-header">
        <h1 class="pl-title">Case Lens</h1>
        {settings && (
          <label class="pl-switch">
            <span>Highlighting</span>
            <input
              type="checkbox"
              role="switch"
              checked={settings.enabled}
              data-setting="enabled"
              onChange={(e) => {
                update({ key: 'enabled', on: (e.currentTarget as HTMLInputElement).checked });
              }}
            />
          </label>
        )}
      </header>
      <input
        type="search"
        ref={searchRef}
        class="pl-search"
        placeholder="Search people, groups, incidents…"
        aria-label="Search the case record"
        aria-controls={query && results.length > 0 ? 'pl-results' : undefined}
        aria-activedescendant={query && results[activeIndex] ? `pl-result-${results[activeIndex]!.id}` : undefined}
        value={query}
        onInput={(e) => {
          setQuery((e.currentTarget as HTMLInputElement).value);
          setActiveIndex(0);
        }}
        onKeyDown={onSearchKey}
      />
      {query ? (
        <SearchResults
          query={query}
          results={results}
          activeIndex={activeIndex}
          onOpen={(id) => {
            setQuery('');
            open(id);
          }}
        />
      ) : detail ? (
        <section class="pl-detail" aria-labelledby="pl-detail-title">
          <div class="pl-detail-head">
            <button type="button" class="pl-back" onClick={back}>
              ← Back
            </button>
            <h2 id="pl-detail-title" class="pl-detail-title" tabIndex={-1} ref={detailRef}>
              {detail.name}
            </h2>
            <span class="pl-result-category">{CATEGORY_STYLE[detail.category].label}</span>
          </div>
          {detailPack && (
            <p class="pl-pack" data-pack-title={detailPack}>
              From the fact pack <strong>{detailPack}</strong>
            </p>
          )}
          <EntityDetail view={detail} onSelect={open} />
        </section>
      ) : showTimeline ? (
        <section class="pl-detail" aria-labelledby="pl-timeline-title">
          <div class="pl-detail-head">
            <button type="button" class="pl-back" onClick={() => setShowTimeline(false)}>
              ← Back
            </button>
            <h2 id="pl-timeline-title" class="pl-detail-title">
              Case timeline
            </h2>
          </div>
          <CaseTimeline events={timeline} onPage={onPage} onOpen={open} />
        </section>
      ) : (
        <>
          {page && page.checks.length > 0 && (
            <section class="pl-section" aria-labelledby="pl-checks-title">
              <h2 id="pl-checks-title">Checks on this page</h2>
              <PageChecks
                checks={page.checks}
                onReveal={(index) => {
                  if (tabId !== null)
                    void pageMessages.sendMessage('revealCheck', index, topFrameOf(tabId)).catch(() => undefined);
                }}
              />
            </section>
          )}
          <section class="pl-section" aria-labelledby="pl-page-title">
            <h2 id="pl-page-title">On this page</h2>
            {!page ? (
              <p class="pl-empty">Case Lens does not run on this page.</p>
            ) : !page.active ? (
              <p class="pl-empty">Highlighting is off on this page.</p>
            ) : (
              <PageMentions
                mentions={page.mentions}
                onOpen={open}
                onReveal={(entityId) => {
                  const mention = page?.mentions.find((m) => m.entityId === entityId);
                  if (mention) void reveal(mention);
                }}
              />
            )}
            <p class="pl-status" role="status">
              {revealStatus}
            </p>
          </section>
          <p class="pl-section">
            <button type="button" class="pl-link" data-view="timeline" onClick={() => setShowTimeline(true)}>
              Case timeline: {timeline.length} dated events →
            </button>
          </p>
          <section class="pl-section" aria-labelledby="pl-settings-title">
            <h2 id="pl-settings-title">Settings</h2>
            {saveError && (
              <p class="pl-error" role="alert">
                {saveError}
              </p>
            )}
            {settings && <SettingsPanel settings={settings} host={page?.host || null} onChange={update} />}
            <p>
              <button
                type="button"
                class="pl-link"
                data-view="packs"
                onClick={() => void browser.runtime.openOptionsPage()}
              >
                Fact packs: load a catalogue beside the case →
              </button>
            </p>
          </section>
        </>
      )}
      <footer class="pl-footer">
        {bundledEntities.length} entities · {factCount} sourced facts · record as of {formatFactDate(newestFact)} ·
        nothing you read leaves your browser
      </footer>
    </main>
  );
}
