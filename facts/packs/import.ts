import type { WordCounts } from './ambiguity';
import { buildPack, slugOf } from './build';
import { MAX_CATALOGUE_BYTES } from './limits';
import { isMispClusters, readMisp } from './misp';
import { ImportError, ImportReport } from './report';
import { type Pack, type PackManifest, packManifestSchema } from './schema';
import { isStixBundle, readStix } from './stix';

export { MAX_CATALOGUE_BYTES };

/**
 * Catalogue file → fact pack, pure: the caller reads the file and writes the
 * pack. STIX 2.0/2.1 bundles and MISP galaxy clusters (one, or an array).
 */

export interface ImportOptions {
  /** Label for messages (the file name). */
  file: string;
  counts: WordCounts;
  /** Manifest fields given by the caller; the rest are read from the file. */
  id?: string;
  title?: string;
  version?: string;
  licence?: string;
  sourceTitle?: string;
  sourceUrl?: string;
}

export interface ImportResult {
  pack: Pack;
  report: ImportReport;
}

/** The manifest from the caller's fields and what the catalogue says of itself; missing ones name the option. */
function manifestOf(options: ImportOptions, found: Partial<PackManifest>): PackManifest {
  const given = {
    ...(options.id ? { id: options.id } : {}),
    ...(options.title ? { title: options.title } : {}),
    ...(options.version ? { version: options.version } : {}),
    ...(options.licence ? { licence: options.licence } : {}),
    ...(options.sourceUrl
      ? {
          sources: [
            { title: options.sourceTitle ?? options.title ?? found.title ?? options.file, url: options.sourceUrl },
          ],
        }
      : {}),
  };
  const manifest = { ...found, ...given };
  const missing = (['id', 'title', 'version', 'licence', 'sources'] as const).filter((k) => manifest[k] === undefined);
  if (missing.length > 0) {
    const option = (k: string): string => (k === 'sources' ? '--source-url <url> (and --source-title)' : `--${k}`);
    throw new ImportError(
      `${options.file}: the file does not say its pack's ${missing.join(', ')}: give ${missing.map(option).join(', ')}`,
    );
  }
  if (manifest.id === 'case')
    throw new ImportError(`${options.file}: pack id "case" is the bundled case's: give another --id`);
  const checked = packManifestSchema.safeParse(manifest);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw new ImportError(`${options.file}: pack ${issue.path.join('.')}: ${issue.message}`);
  }
  return checked.data;
}

function stixPack(raw: Record<string, unknown>, options: ImportOptions, report: ImportReport): Pack {
  const read = readStix(raw, report);
  report.format = `STIX ${read.specVersion} bundle`;
  const found: Partial<PackManifest> = {
    ...(read.latest ? { version: read.latest.slice(0, 10) } : {}),
    ...(read.licence ? { licence: read.licence } : {}),
    ...(read.attack
      ? {
          id: 'attack',
          title: 'MITRE ATT&CK',
          sources: [{ title: 'MITRE ATT&CK', url: 'https://attack.mitre.org/' }],
        }
      : {}),
  };
  const manifest = manifestOf(options, found);
  return buildPack(read.objects, read.relations, { manifest, counts: options.counts, report });
}

function mispPack(raw: unknown, options: ImportOptions, report: ImportReport): Pack {
  const read = readMisp(raw, report);
  report.format = `MISP galaxy (${read.clusters.map((c) => c.type).join(', ')})`;
  const fromMisp = read.clusters.every((c) => c.source === 'MISP Project');
  const found: Partial<PackManifest> = {
    id: read.clusters.length === 1 ? `misp-${slugOf(read.clusters[0]!.type)}` : 'misp',
    title: `MISP galaxy: ${read.clusters.map((c) => c.name).join(', ')}`,
    version: read.clusters.map((c) => (read.clusters.length === 1 ? c.version : `${c.type} ${c.version}`)).join(', '),
    // The MISP project publishes its galaxies under these two licences (its repository's LICENSE.md).
    ...(fromMisp
      ? {
          licence: 'CC0 1.0 or BSD 2-Clause (dual), as the MISP project publishes its galaxies',
          sources: [{ title: 'MISP galaxy (MISP Project)', url: 'https://github.com/MISP/misp-galaxy' }],
        }
      : {}),
  };
  const manifest = manifestOf(options, found);
  return buildPack(read.objects, read.relations, { manifest, counts: options.counts, report });
}

/** Parses and converts; throws ImportError naming the object and field on bad input. */
export function importCatalogue(text: string, options: ImportOptions): ImportResult {
  if (text.length > MAX_CATALOGUE_BYTES) {
    throw new ImportError(`${options.file}: file too large (over ${MAX_CATALOGUE_BYTES / 1024 / 1024} MB)`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ImportError(`${options.file}: not JSON (${(error as Error).message})`);
  }
  const report = new ImportReport();
  if (isStixBundle(raw)) return { pack: stixPack(raw as Record<string, unknown>, options, report), report };
  if (isMispClusters(raw)) return { pack: mispPack(raw, options, report), report };
  throw new ImportError(
    `${options.file}: neither a STIX 2.x bundle ({ "type": "bundle", "objects": [...] }) nor a MISP galaxy cluster ({ "values": [...] }, or an array of them)`,
  );
}
