import words from 'virtual:scout-words';
import { createScout } from '@/facts/scout';
import { reportCandidate } from './content/report-candidate';
import { watchForCase } from './content/scout-watch';
import { takeEarlyHosts } from './content/shadow-event';

/**
 * The content script of every frame (declared in wxt.config.ts): small and
 * quiet. When the document is parsed (document_end), it looks for the words
 * case names need and, when it finds them, asks the background to start the
 * rest of Case Lens in this frame (case-lens.ts).
 */
export default defineUnlistedScript(() => {
  const scout = watchForCase(window, { hasCandidate: createScout(words), onCandidate: () => reportCandidate() });
  scout.begin(takeEarlyHosts(document));
});
