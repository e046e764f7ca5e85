import type { Plugin } from 'vite';
import { pageRecord } from '../facts/page-record';
import { join } from 'node:path';
import { loadEntityFiles } from './fact-files';

const ID = 'virtual:page-record';
const RESOLVED = `\0${ID}`;

/**
 * `import record from 'virtual:page-record'`: the bundled entities' names and
 * claims as the full page script needs them (facts/page-record.ts), read and
 * checked from the entity files when the extension is built; a malformed
 * record stops the build, named.
 */
export function pageRecordPlugin(entitiesDir: string): Plugin {
  return {
    name: 'case-lens-page-record',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      const files = loadEntityFiles(entitiesDir);
      for (const { fileName } of files) this.addWatchFile(join(entitiesDir, fileName));
      return `export default ${JSON.stringify(pageRecord(files.map((f) => f.entity)))};`;
    },
  };
}
