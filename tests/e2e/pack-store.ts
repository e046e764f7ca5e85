import type { Evaluator } from './driver/types';

/**
 * The options page's packs, driven the same way in every browser: a file
 * chosen in its input (as a DataTransfer, which both engines accept from a
 * page), and the packs' store emptied between tests.
 */

/** Chooses a pack file in the options page's "load" input, as a reader picking it would. */
export function choosePackFile(options: Evaluator, name: string, text: string): Promise<void> {
  return options.evaluate(
    ([fileName, contents]) => {
      const input = document.querySelector<HTMLInputElement>('input[data-action="load-pack"]');
      if (!input) throw new Error('the options page has no input to load a pack');
      const chosen = new DataTransfer();
      chosen.items.add(new File([contents], fileName, { type: 'application/json' }));
      input.files = chosen.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    [name, text] as const,
  );
}

/**
 * Empties the packs' store, so that the next test starts without any. The
 * database is emptied, not deleted: the background keeps it open, and a
 * deletion would wait for it, holding up every later opening.
 */
export function clearPacks(options: Evaluator): Promise<void> {
  return options.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const request = indexedDB.open('case-lens-packs');
        // No database yet: none is made here (one without its store would break the extension's).
        request.onupgradeneeded = () => request.transaction?.abort();
        request.onerror = () => resolve();
        request.onsuccess = () => {
          const db = request.result;
          if (!db.objectStoreNames.contains('packs')) {
            db.close();
            resolve();
            return;
          }
          const tx = db.transaction('packs', 'readwrite');
          tx.objectStore('packs').clear();
          tx.oncomplete = tx.onerror = () => {
            db.close();
            resolve();
          };
        };
      }),
  );
}
