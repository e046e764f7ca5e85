import words from 'virtual:scout-words';
import { createScout } from '@/facts/scout';
import { PACKS_ON } from '@/lib/pack-keys';
import { lookForPacks } from './content/pack-look';
import { reportCandidate } from './content/report-candidate';
import { watchForCase } from './content/scout-watch';
import { takeEarlyHosts } from './content/shadow-event';

/**
 * The content script of every frame (declared in wxt.config.ts): small and
 * quiet. When the document is parsed (document_end), it looks for the words
 * case names need and, when it finds them, asks the background to start the
 * rest of Case Lens in this frame (case-lens.ts). While a fact pack is on
 * (packs-on.ts has run), the same walk also looks for the packs' names: the
 * background, which holds them, answers later (pack-look.ts).
 */
export default defineUnlistedScript(() => {
  let hasPack: ((folded: string) => false) | null = null;
  if (PACKS_ON in globalThis) {
    hasPack = lookForPacks(
      () => {
        scout.stop();
        reportCandidate();
      },
      () => {
        hasPack = null;
      },
    );
  }
  const scout = watchForCase(window, {
    hasCandidate: createScout(words, hasPack ? (folded) => hasPack?.(folded) ?? false : undefined),
    onCandidate: () => reportCandidate(),
  });
  scout.begin(takeEarlyHosts(document));
});
