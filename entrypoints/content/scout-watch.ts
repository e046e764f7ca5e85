import { shadowEventName } from './shadow-event';

/**
 * Text that no page shows as prose, by the parent's `localName` (an interned
 * string; `nodeName` builds a new upper-case one for every call).
 */
const UNREAD_PARENTS = new Set(['script', 'style', 'noscript']);
/**
 * DOM constants as numbers: reading `Node` or `NodeFilter` makes a fresh
 * frame's isolated world build those interface objects first.
 */
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const DOCUMENT_NODE = 9;
const FRAGMENT_NODE = 11;
const SHOW_ELEMENT = 0x1;
const UNREAD_SELECTOR = [...UNREAD_PARENTS].join(',');
/** Longest stretch of looking before the thread is given back (ms). */
const SLICE_MS = 8;
/** Steps (a node read, an element walked, a chunk tested) between two reads of the clock. */
const STEPS_PER_CLOCK_READ = 256;
/**
 * Text is tested in chunks of about this many characters: text nodes joined
 * without a separator, as the scanner joins inline text (so "<b>Sony</b>
 * Pictures" is seen), with the end of the previous chunk in front. Each test
 * has a fixed cost (folding passes, a search per word or an expression that
 * the engine compiles on its second use), so chunks are large: a news front
 * page's 201K characters, mostly indentation, cost 3 ms to test in 32K
 * chunks and 1.5 ms in 128K ones; 128K characters of dense prose fold and
 * test in a few milliseconds, well within a task.
 */
const CHUNK = 131_072;
const CARRY = 64;
/**
 * What a page changes is looked at in batches at most this often: a page that
 * re-renders all the time (tickers, carousels, advertisements) costs one
 * short task per batch, not one per change.
 */
const CHANGES_DELAY_MS = 250;

/** A scout made when the frame starts: it hears shadow roots announced from then on, and reads once begun. */
export interface ScoutWatch {
  /** Reads the document and the roots of `hosts` (announced before it was made), then what the page changes. */
  begin(hosts?: readonly Element[]): void;
  stop(): void;
}

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
 * the case is handed on only once it is given a size. It listens for the
 * page-world patch's announcements as soon as it is made, and reads the
 * document, with the roots of hosts announced before, when `begin` is called.
 */
export function watchForCase(win: Window, { hasCandidate, onCandidate }: ScoutOptions): ScoutWatch {
  const doc = win.document;
  const queue: Node[] = [];
  /** The next queued node to read: an index, since shifting a long queue costs its length each time. */
  let head = 0;
  /** What is left to read of the root being looked at, last first (so that pops come in document order). */
  let toRead: Node[] = [];
  /** A long text being read in chunks, and how far. */
  let long: string | null = null;
  let longAt = 0;
  /**
   * The elements of a subtree the page added, walked for open shadow roots
   * once its text is read. The document and announced roots are not walked:
   * shadow-watch.ts announces the hosts it sees given a root, and
   * opening every element would cost a large page's frame a third of a
   * megabyte (an isolated world keeps an object for each node it touches).
   */
  let walker: TreeWalker | null = null;
  /** Shadow roots found while walking added elements, whose hosts were given them outside the document. */
  const walkAlso = new WeakSet<Node>();
  let parts: string[] = [];
  let pending = 0;
  let carry = '';
  let timer: number | undefined;
  let stopped = false;
  /** The random name the page-world patch announces attached shadow roots with (shadow-event.ts). */
  const shadowEvent = shadowEventName();

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
    if (shadowEvent) doc.removeEventListener(shadowEvent, onShadowAttached, true);
    win.removeEventListener('resize', onResize);
    if (timer !== undefined) win.clearTimeout(timer);
    queue.length = 0;
    head = 0;
    toRead = [];
    long = null;
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

  /** Adds text to the chunk; true when a full chunk held a candidate. */
  function add(text: string): boolean {
    parts.push(text);
    pending += text.length;
    return pending >= CHUNK && flush();
  }

  /** Adds a subtree's whole text, or starts reading it in chunks when it is long. */
  function addWhole(text: string): boolean {
    if (text.length <= CHUNK) return add(text);
    long = text;
    longAt = 0;
    return false;
  }

  /**
   * Reads one node of a root. A subtree with no script, style or noscript in
   * it is read whole with `textContent`, one native call; only the elements
   * on the way to such text are opened. A frame's isolated world keeps an
   * object for every node its code touches for as long as the node lives:
   * reading text node by node kept 0.3 MB on a large news page, where this
   * keeps a tenth of it. True when a chunk held a candidate.
   */
  function readNode(node: Node): boolean {
    const type = node.nodeType;
    if (type === TEXT_NODE) {
      const parent = node.parentNode;
      if (parent !== null && UNREAD_PARENTS.has((parent as Element).localName)) return false;
      return add((node as Text).data);
    }
    if (type === DOCUMENT_NODE) {
      const document = node as Document;
      // A document with nothing unread in it (an advertisement's or a widget's few words) is read through a
      // Range: no element of it is touched, and a fresh frame's isolated world then builds none of the element
      // interfaces, the larger part of what reading a small frame costs.
      if (document.querySelector(UNREAD_SELECTOR) === null) {
        const range = document.createRange();
        range.selectNodeContents(document);
        return addWhole(range.toString());
      }
      // What is unread is inside the root element (or is it): the root is opened without asking again.
      const root = document.documentElement;
      if (root !== null && !UNREAD_PARENTS.has(root.localName)) open(root);
      return false;
    }
    if (type !== ELEMENT_NODE && type !== FRAGMENT_NODE) return false;
    if (type === ELEMENT_NODE && UNREAD_PARENTS.has((node as Element).localName)) return false;
    if ((node as ParentNode).querySelector(UNREAD_SELECTOR) === null) return addWhole(node.textContent ?? '');
    open(node);
    return false;
  }

  /** Queues a node's children to be read, last first (so that pops come in document order). */
  function open(node: Node): void {
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) toRead.push(children[i]!);
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

  /**
   * Looks on from where it left off: the text of each queued root, then its
   * elements for open shadow roots, which are queued in turn. Gives the
   * thread back after SLICE_MS. Returns true when done.
   */
  function look(): boolean {
    // Date rather than performance: a millisecond clock is enough, and it costs the frame no DOM object.
    const start = Date.now();
    let steps = 0;
    for (;;) {
      if (long !== null) {
        const piece = long.slice(longAt, longAt + CHUNK);
        longAt += CHUNK;
        if (longAt >= long.length) long = null;
        if (add(piece)) break;
        steps = STEPS_PER_CLOCK_READ - 1;
      } else if (toRead.length > 0) {
        if (readNode(toRead.pop()!)) break;
      } else if (walker !== null) {
        const element = walker.nextNode() as Element | null;
        if (element === null) walker = null;
        else {
          const shadow = element.shadowRoot;
          if (shadow) {
            observe(shadow);
            walkAlso.add(shadow);
            queue.push(shadow);
          }
        }
      } else {
        const next = queue[head++];
        if (next === undefined) {
          queue.length = 0;
          head = 0;
          if (flush()) break;
          // The carried end is a slice, which keeps the whole last chunk alive: a few hundred kilobytes.
          // What the page changes later does not continue that text.
          carry = '';
          return true;
        }
        if (next.nodeType === TEXT_NODE) {
          if (readNode(next)) break;
          continue;
        }
        if (!next.isConnected) continue;
        toRead.push(next);
        if (next.nodeType === ELEMENT_NODE || walkAlso.has(next)) walker = doc.createTreeWalker(next, SHOW_ELEMENT);
      }
      steps += 1;
      if (steps % STEPS_PER_CLOCK_READ === 0 && Date.now() - start > SLICE_MS) return false;
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

  function begin(hosts: readonly Element[] = []): void {
    if (stopped) return;
    observe(doc);
    queue.push(doc);
    for (const host of hosts) {
      const shadow = host.shadowRoot;
      if (shadow && host.isConnected) {
        observe(shadow);
        queue.push(shadow);
      }
    }
    // Declarative roots come from the parser, not attachShadow: those of custom elements never defined.
    // Asked with querySelector first: most documents have none, and a NodeList costs a fresh world its interface.
    if (doc.querySelector(':not(:defined)') !== null)
      for (const host of doc.querySelectorAll(':not(:defined)')) {
        const shadow = host.shadowRoot;
        if (shadow) {
          observe(shadow);
          queue.push(shadow);
        }
      }
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
  if (shadowEvent) doc.addEventListener(shadowEvent, onShadowAttached, true);
  return { begin, stop };
}
