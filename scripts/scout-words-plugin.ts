import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import type { LexiconEntity } from '../facts/lexicon';
import { scoutWordList, scoutWords } from '../facts/scout-words';
import { everydayEnglish } from './word-counts';

const ID = 'virtual:scout-words';
const RESOLVED = `\0${ID}`;

/**
 * `import words from 'virtual:scout-words'`: the words the scout looks for
 * (facts/scout-words.ts), folded, one per line, chosen from the
 * bundled entity files when the extension is built, so a frame carries a
 * couple of kilobytes of words instead of the lexicon and a word-frequency list.
 */
export function scoutWordsPlugin(entitiesDir: string): Plugin {
  return {
    name: 'case-lens-scout-words',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      const files = readdirSync(entitiesDir).filter((f) => f.endsWith('.json'));
      const entities = files.map((f) => {
        const path = join(entitiesDir, f);
        this.addWatchFile(path);
        return JSON.parse(readFileSync(path, 'utf8')) as LexiconEntity;
      });
      const counts = everydayEnglish();
      const list = scoutWordList(scoutWords(entities, (word) => counts.count(word)));
      return `export default ${JSON.stringify(list)};`;
    },
  };
}
