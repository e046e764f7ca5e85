import words from 'virtual:scout-words';
import { createScout } from '@/facts/scout';
import { CANDIDATE_REPORT, RUNNING } from '@/lib/candidate-report';
import { watchForCase } from './content/scout-watch';
import { takeShadowEventName } from './content/shadow-event';

interface Runtime {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}

/**
 * The content script of every frame (declared in wxt.config.ts): small and
 * quiet. It starts at document_start, just before the page-world patch, to
 * take the name the patch reports shadow roots with (shadow-event.ts); once
 * the document is parsed, it looks for the words case names need and, when
 * it finds them, asks the background to start the rest of Case Lens in this
 * frame (case-lens.ts). One script in the content scripts' world rather than
 * two: each costs a fresh frame its own evaluation. It uses the browser's own
 * API object rather than a polyfill: one call does not need one.
 */
export default defineUnlistedScript(() => {
  takeShadowEventName(document);
  // A report can be lost (the background restarting, the frame not ready to be injected): until the full
  // script is running in this frame, it is sent again, after 2, 4 and 8 s.
  const report = (attempt: number): void => {
    const api = ((globalThis as { browser?: Runtime }).browser ?? (globalThis as { chrome?: Runtime }).chrome)!;
    void api.runtime.sendMessage(CANDIDATE_REPORT).catch(() => undefined);
    if (attempt < 3)
      setTimeout(
        () => {
          if (!(RUNNING in globalThis)) report(attempt + 1);
        },
        2000 * 2 ** attempt,
      );
  };
  const watch = () => watchForCase(window, { hasCandidate: createScout(words), onCandidate: () => report(0) });
  // When the document is parsed, before its load event, at which shadow-watch announces the shadow roots the
  // page attached before (shadow-watch.ts). A document already parsed (an about:blank frame) is read now.
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', watch, { once: true });
  else watch();
});
