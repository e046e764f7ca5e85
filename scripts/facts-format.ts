// Rewrites every entity file in canonical form (key order, facts by date, relations sorted).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatEntity } from '../facts/store';
import { ENTITIES_DIR, loadEntityFiles } from './fact-files';

let changed = 0;
for (const { fileName, text, entity } of loadEntityFiles()) {
  const formatted = formatEntity(entity);
  if (formatted !== text) {
    writeFileSync(join(ENTITIES_DIR, fileName), formatted);
    changed += 1;
  }
}
console.log(`facts:format: ${changed} file(s) rewritten`);
