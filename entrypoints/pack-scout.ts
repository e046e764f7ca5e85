import { scoutFold } from '@/facts/scout';
import { RUNNING } from '@/lib/candidate-report';
import { lookForPacks } from './content/pack-look';
import { reportCandidate } from './content/report-candidate';
import { watchForCase } from './content/scout-watch';

/**
 * The packs' scout for the tabs already open when a pack is loaded or
 * changed: the background injects it into their frames (lib/pack-sync.ts),
 * where the case's scout started without the packs. In pages loaded later,
 * the case's scout looks for the packs' names itself (scout.ts).
 */
export default defineUnlistedScript(() => {
  if (RUNNING in globalThis) return;
  const hasPack = lookForPacks(
    () => {
      watch.stop();
      reportCandidate();
    },
    () => watch.stop(),
  );
  const watch = watchForCase(window, {
    hasCandidate: (text) => hasPack(scoutFold(text)),
    onCandidate: () => undefined,
  });
  watch.begin();
});
