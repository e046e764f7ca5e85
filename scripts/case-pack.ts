import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type CaseManifest, caseManifestSchema, casePack, type Pack, parsePack } from '../facts/packs/schema';
import { loadEntityFiles } from './fact-files';

export const CASE_MANIFEST = resolve(process.cwd(), 'facts/case-pack.json');

/** The bundled case as a pack: facts/case-pack.json and the entity files, validated. */
export function loadCasePack(): Pack {
  const manifest: CaseManifest = caseManifestSchema.parse(JSON.parse(readFileSync(CASE_MANIFEST, 'utf8')));
  const entities = loadEntityFiles().map((e) => e.entity);
  const pack = casePack(manifest, entities);
  parsePack('facts/case-pack.json', pack);
  // The pack as built, not as parsed: the parser would reorder each entity's keys.
  return pack;
}
