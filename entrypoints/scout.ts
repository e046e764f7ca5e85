import words from 'virtual:scout-words';
import { createScout } from '@/facts/scout';
import { CANDIDATE_REPORT, RUNNING } from '@/lib/candidate-report';
import { watchForCase } from './content/scout-watch';
import { takeEarlyHosts } from './content/shadow-event';

interface Runtime {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}

/**
 * The content script of every frame (declared in wxt.config.ts): small and
 * quiet. When the document is parsed (document_end), it looks for the words
 * case names need and, when it finds them, asks the background to start the
 * rest of Case Lens in this frame (case-lens.ts). It uses the browser's own
 * API object rather than a polyfill: one call does not need one.
 */
export default defineUnlistedScript(() => {
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
  const scout = watchForCase(window, { hasCandidate: createScout(words), onCandidate: () => report(0) });
  scout.begin(takeEarlyHosts(document));
});
