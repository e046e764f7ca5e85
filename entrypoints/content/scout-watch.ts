import { SHADOW_ATTACHED_EVENT } from './shadow-event';

/** Text that no page shows as prose. */
const UNREAD_PARENTS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT']);
/** Longest stretch of looking before the thread is given back (ms). */
const SLICE_MS = 8;
/** Nodes visited between two reads of the clock. */
const NODES_PER_CLOCK_READ = 256;
/**
 * Text is tested in chunks of about this many characters: text nodes joined
 * without a separator, as the scanner joins inline text (so "<b>Sony</b>
 * Pictures" is seen), with the end of the previous chunk in front.
 */
const CHUNK = 32_768;
const CARRY = 64;
/**
 * What a page changes is looked at in batches at most this often: a page that
 * re-renders all the time (tickers, carousels, advertisements) costs one
 * short task per batch, not one per change.
 */
const CHANGES_DELAY_MS = 250;

export interface ScoutOptions {
  /** True when a text holds words some case name needs (facts/scout.ts). */
  hasCandidate(text: string): boolean;
  /** Called once, when the frame first holds such words. */
  onCandidate(): void;
}

/**
 * The part of Case Lens that runs in every frame: it looks through the
 * frame's text, then through what the page adds or changes, and calls
 * `onCandidate` once when it sees a case name, after which it stops and
 * leaves the frame to the full script. It writes nothing to the page (no
 * element, attribute, event or performance entry), so a page that never
 * names the case cannot tell it is there. A frame of zero size that names
 * the case is handed on only once it is given a size. Returns a function
 * that stops it.
 */
export function watchForCase(win: Window, { hasCandidate, onCandidate }: ScoutOptions): () => void {
  const doc = win.document;
  const queue: Node[] = [];
  /** The next queued node to read: an index, since shifting a long queue costs its length each time. */
  let head = 0;
  let parts: string[] = [];
  let pending = 0;
  let carry = '';
  let walker: TreeWalker | null = null;
  let timer: number | undefined;
  let stopped = false;

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'characterData') queue.push(record.target);
      else for (const node of record.addedNodes) queue.push(node);
    }
    schedule(CHANGES_DELAY_MS);
  });
  const observe = (root: Node) => observer.observe(root, { childList: true, characterData: true, subtree: true });
  const onShadowAttached = (event: Event) => {
    const shadow = (event.composedPath()[0] as Element | undefined)?.shadowRoot;
    if (shadow) {
      observe(shadow);
      queue.push(shadow);
      schedule();
    }
  };

  function stop(): void {
    stopped = true;
    observer.disconnect();
    doc.removeEventListener(SHADOW_ATTACHED_EVENT, onShadowAttached, true);
    win.removeEventListener('resize', onResize);
    if (timer !== undefined) win.clearTimeout(timer);
    queue.length = 0;
    head = 0;
    parts = [];
    walker = null;
  }

  function found(): void {
    stop();
    // A frame of zero size (a tracking pixel, a widget loaded hidden) starts the rest of Case Lens only
    // once it is given a size. Asked only here: reading a frame's size can force a layout.
    if (win !== win.top && isZeroSize()) win.addEventListener('resize', onResize);
    else onCandidate();
  }

  /** Adds a text node's data to the chunk; true when a full chunk held a candidate. */
  function read(text: Text): boolean {
    const parent = text.parentNode;
    if (parent !== null && UNREAD_PARENTS.has(parent.nodeName)) return false;
    parts.push(text.data);
    pending += text.data.length;
    return pending >= CHUNK && flush();
  }

  /** Tests what was read since the last test; true when it held a candidate. */
  function flush(): boolean {
    if (pending === 0) return false;
    const text = carry + parts.join('');
    carry = text.slice(-CARRY);
    parts = [];
    pending = 0;
    return hasCandidate(text);
  }

  /** Looks on from where it left off; gives the thread back after SLICE_MS. Returns true when done. */
  function look(): boolean {
    const start = performance.now();
    let visited = 0;
    for (;;) {
      if (walker === null) {
        const next = queue[head++];
        if (next === undefined) {
          queue.length = 0;
          head = 0;
          if (flush()) break;
          return true;
        }
        if (next.nodeType === Node.TEXT_NODE) {
          if (read(next as Text)) break;
          continue;
        }
        if (!next.isConnected) continue;
        walker = doc.createTreeWalker(next, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
      }
      const node = walker.nextNode();
      if (node === null) {
        walker = null;
        continue;
      }
      if (node.nodeType === Node.TEXT_NODE) {
        if (read(node as Text)) break;
      } else {
        const shadow = (node as Element).shadowRoot;
        if (shadow) {
          observe(shadow);
          queue.push(shadow);
        }
      }
      visited += 1;
      if (visited % NODES_PER_CLOCK_READ === 0 && performance.now() - start > SLICE_MS) return false;
    }
    found();
    return true;
  }

  function schedule(delayMs = 0): void {
    if (stopped || timer !== undefined) return;
    timer = win.setTimeout(() => {
      timer = undefined;
      if (!stopped && !look()) schedule();
    }, delayMs);
  }

  function begin(): void {
    observe(doc);
    doc.addEventListener(SHADOW_ATTACHED_EVENT, onShadowAttached, true);
    queue.push(doc);
    if (!look()) schedule();
  }

  function isZeroSize(): boolean {
    return win.innerWidth === 0 || win.innerHeight === 0;
  }
  function onResize(): void {
    if (isZeroSize()) return;
    win.removeEventListener('resize', onResize);
    onCandidate();
  }
  begin();
  return stop;
}
