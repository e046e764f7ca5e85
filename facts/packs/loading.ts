import { CASE_PACK_ID } from './case-id';
import { MAX_CATALOGUE_BYTES } from './limits';
import { isMispClusters } from './misp';
import { type Pack, PackError, parsePack } from './schema';
import { isStixBundle } from './stix';

/**
 * A fact pack file as a reader loads it in the browser (the options page):
 * the checks `parsePack` cannot make alone, because they concern the packs
 * beside it. Pure, so the same rules hold in the tests and in the extension.
 */

export { CASE_PACK_ID } from './case-id';

/** What a pack holds, for the options page's list. */
export interface PackCounts {
  entities: number;
  aliases: number;
  facts: number;
  relations: number;
}

export function packCounts(pack: Pack): PackCounts {
  let aliases = 0;
  let facts = 0;
  let relations = 0;
  for (const entity of pack.entities) {
    aliases += entity.aliases.length;
    facts += entity.facts.length;
    relations += entity.relations.length;
  }
  return { entities: pack.entities.length, aliases, facts, relations };
}

/** The refusal of a file past the size limit (the options page asks before reading the file). */
export function tooLarge(fileName: string, bytes: number): PackError {
  return new PackError(
    `${fileName}: file too large (${(bytes / 1024 / 1024).toFixed(0)} MB; the limit is ${MAX_CATALOGUE_BYTES / 1024 / 1024} MB)`,
  );
}

/**
 * Reads a pack file's text into a pack, or throws a PackError that names the
 * file and what is wrong with it, so that nothing half-checked is stored:
 * not JSON, a catalogue that was not converted, a broken field, the bundled
 * case's id, an entity id without the pack's prefix (ids stay unique across
 * packs), an id given twice, a relation to an entity the pack does not hold.
 * `bundledIds` are the case's entity ids, which no pack may reuse.
 */
export function readPackFile(fileName: string, text: string, bundledIds: ReadonlySet<string>): Pack {
  if (text.length > MAX_CATALOGUE_BYTES) throw tooLarge(fileName, text.length);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new PackError(`${fileName}: not a fact pack: the file is not JSON (${(error as Error).message})`);
  }
  if (isStixBundle(raw) || isMispClusters(raw)) {
    const kind = isStixBundle(raw) ? 'a STIX bundle' : 'a MISP galaxy';
    throw new PackError(
      `${fileName}: ${kind}, not a fact pack yet: convert it first with \`npm run --silent facts:import -- ${fileName} --out pack.json\`, then load pack.json`,
    );
  }
  const pack = parsePack(fileName, raw);
  if (pack.id === CASE_PACK_ID) {
    throw new PackError(
      `${fileName}: the pack id "${CASE_PACK_ID}" belongs to the bundled case; give the pack another id`,
    );
  }
  const prefix = `${pack.id}-`;
  const ids = new Set<string>();
  for (const entity of pack.entities) {
    if (!entity.id.startsWith(prefix)) {
      throw new PackError(
        `${fileName}: entity "${entity.id}" must start with the pack's id and a hyphen ("${prefix}"), so that ids stay unique across packs`,
      );
    }
    if (bundledIds.has(entity.id)) {
      throw new PackError(`${fileName}: entity "${entity.id}" has the id of an entity of the bundled case`);
    }
    if (ids.has(entity.id)) throw new PackError(`${fileName}: entity "${entity.id}" is given twice`);
    ids.add(entity.id);
  }
  for (const entity of pack.entities) {
    for (const relation of entity.relations) {
      if (!ids.has(relation.target)) {
        throw new PackError(
          `${fileName}: entity "${entity.id}" has a ${relation.type} relation to "${relation.target}", which the pack does not hold`,
        );
      }
    }
  }
  return pack;
}
