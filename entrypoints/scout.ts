import words from 'virtual:scout-words';
import { createScout } from '@/facts/scout';
import { CANDIDATE_REPORT } from '@/lib/candidate-report';
import { watchForCase } from './content/scout-watch';

interface Runtime {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}

/**
 * The content script of every frame (declared in wxt.config.ts): small and
 * quiet. It looks for the words case names need and, when it finds them,
 * asks the background to start the rest of Case Lens in this frame
 * (case-lens.ts). It uses the browser's own API object rather than a
 * polyfill: one call does not need one.
 */
export default defineUnlistedScript(() => {
  const api = ((globalThis as { browser?: Runtime }).browser ?? (globalThis as { chrome?: Runtime }).chrome)!;
  watchForCase(window, {
    hasCandidate: createScout(words),
    onCandidate: () => void api.runtime.sendMessage(CANDIDATE_REPORT).catch(() => undefined),
  });
});
