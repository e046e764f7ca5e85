// Functions the benchmark runs inside pages (Playwright serialises them: each
// must be self-contained, with no reference to anything outside its body).

/**
 * Installed before any page script: records long tasks and long animation
 * frames (with their script attribution) so that tasks can be blamed on the
 * extension or on the page afterwards.
 */
export function recordLongTasks() {
  const store = { longTasks: [], frames: [] };
  Object.defineProperty(window, '__caseLensBench', { value: store, enumerable: false });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) store.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    /* not supported */
  }
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        store.frames.push({
          start: e.startTime,
          duration: e.duration,
          scripts: e.scripts.map((s) => ({
            url: s.sourceURL,
            invoker: s.invoker,
            start: s.startTime,
            duration: s.duration,
          })),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    /* not supported */
  }
}

/** What the extension did on the page: its measures, its marks, the long tasks. */
export function extensionReport() {
  const scans = performance
    .getEntriesByName('case-lens:scan')
    .map((m) => ({ start: m.startTime, duration: m.duration }));
  const compile = performance
    .getEntriesByName('case-lens:compile')
    .map((m) => ({ start: m.startTime, duration: m.duration }));
  // One mention per run of wrappers: a wrapper continues the previous one when
  // the nearest non-empty text before it sits in a wrapper of the same entity.
  const roots = [document];
  for (let i = 0; i < roots.length; i += 1)
    for (const el of roots[i].querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
  let mentions = 0;
  let wrappers = 0;
  for (const root of roots) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let previousEntity = null;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.data.length === 0) continue;
      // Names only: markers around values the page states (data-claim-index) are checks, not mentions.
      const mark = node.parentElement?.closest('case-lens-mark:not([data-claim-index])');
      const entity = mark ? mark.getAttribute('data-entity') : null;
      if (mark && entity !== previousEntity) mentions += 1;
      previousEntity = mark ? entity : null;
    }
    wrappers += root.querySelectorAll('case-lens-mark').length;
  }
  // Painted highlights (paint mode): one range per mention; names only, not the values the page states.
  for (const [name, highlight] of CSS.highlights) {
    if (name.startsWith('case-lens__') && !name.includes('__value-')) mentions += highlight.size;
  }
  const bench = window.__caseLensBench ?? { longTasks: [], frames: [] };
  return { scans, compile, mentions, wrappers, longTasks: bench.longTasks, frames: bench.frames };
}

/**
 * For pages built with case sentences: every inserted sentence must show
 * exactly its expected mentions. Returns how many expected mentions are marked
 * right, and the first few differences.
 */
export function checkCaseSentences(expectations) {
  const roots = [document];
  for (let i = 0; i < roots.length; i += 1)
    for (const el of roots[i].querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
  const spans = roots.flatMap((root) => [...root.querySelectorAll('[data-bench-case]')]);
  let expected = 0;
  let marked = 0;
  const wrong = [];
  // Painted highlights (paint mode): each name's range, with its entity and text.
  const painted = [];
  for (const [name, highlight] of CSS.highlights) {
    if (!name.startsWith('case-lens__') || name.includes('__value-')) continue;
    const entity = name.split('__')[1];
    for (const r of highlight) {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      painted.push({ entity, range });
    }
  }
  for (const span of spans) {
    const want = expectations[Number(span.getAttribute('data-bench-case'))];
    const got = painted
      .filter((p) => span.contains(p.range.startContainer))
      .sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range))
      .map((p) => ({ entity: p.entity, text: p.range.toString() }));
    let last = null;
    for (const mark of span.querySelectorAll('case-lens-mark:not([data-claim-index])')) {
      const entity = mark.getAttribute('data-entity');
      // Pieces of one match are adjacent in document order with no text between.
      const prevText = (() => {
        const walker = span.ownerDocument.createTreeWalker(span, NodeFilter.SHOW_TEXT);
        walker.currentNode = mark;
        for (let n = walker.previousNode(); n; n = walker.previousNode()) if (n.data.length > 0) return n;
        return null;
      })();
      const continues = last && prevText && last.mark.contains(prevText) && last.entity === entity;
      if (continues) {
        last.text += mark.textContent;
        last.mark = mark;
      } else {
        last = { entity, text: mark.textContent, mark };
        got.push(last);
      }
    }
    const norm = (s) => s.replace(/\s+/g, ' ');
    const gotPairs = got.map((g) => [g.entity, norm(g.text)]);
    expected += want.length;
    for (const [entity, text] of want) {
      const i = gotPairs.findIndex(([e, t]) => e === entity && t === norm(text));
      if (i >= 0) {
        marked += 1;
        gotPairs.splice(i, 1);
      } else if (wrong.length < 5) wrong.push(`missing ${entity}="${text}" in: ${span.textContent}`);
    }
    for (const [entity, text] of gotPairs) if (wrong.length < 5) wrong.push(`extra ${entity}="${text}"`);
  }
  return { spans: spans.length, expected, marked, wrong };
}

/**
 * The floor: one TreeWalker pass over every text node of the body and one
 * regular expression of every alias, run on a page without the extension.
 * The expression is the fastest form measured here: `\b` boundaries and the
 * `i` flag (Unicode-aware lookarounds with the `u` flag cost 3-8 times more).
 */
export function floorScan(aliases) {
  const escapeAlias = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[\s\u00a0-]+/g, '[\\s\\u00a0-]+');
  const source = aliases
    .map((a) => escapeAlias(a.text))
    .sort((a, b) => b.length - a.length)
    .join('|');
  const started = performance.now();
  const pattern = new RegExp(`\\b(?:${source})\\b`, 'gi');
  let count = 0;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = node.data;
    pattern.lastIndex = 0;
    while (pattern.exec(data) !== null) count += 1;
  }
  return { ms: performance.now() - started, count };
}

/**
 * The naive way: one mark.js `mark()` call on the whole body per alias. Stops
 * after `budgetMs` (when given) and reports how many aliases it got through,
 * so that the caller can extrapolate. Aliases are taken in a strided order so
 * that a stopped run has sampled the whole list.
 */
export function naiveMarkJs({ aliases, budgetMs }) {
  const order = [];
  const stride = 7;
  for (let s = 0; s < stride; s += 1) for (let i = s; i < aliases.length; i += stride) order.push(aliases[i]);
  const limiters = [...',.;:!?\'"()[]{}’‘“”'];
  const instance = new window.Mark(document.body);
  const started = performance.now();
  let done = 0;
  for (const alias of order) {
    instance.mark(alias.text, {
      separateWordSearch: false,
      caseSensitive: alias.caseSensitive === true,
      accuracy: { value: 'exactly', limiters },
    });
    done += 1;
    if (budgetMs && performance.now() - started > budgetMs) break;
  }
  const ms = performance.now() - started;
  return { ms, done, total: aliases.length, marks: document.querySelectorAll('mark[data-markjs]').length };
}
