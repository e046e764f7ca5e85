// `npm run --silent facts:import -- <file> --out <pack.json> [--id ID] [--title T] [--version V]
//   [--licence L] [--source-url URL --source-title T] [--report-json FILE]`:
// a STIX 2.0/2.1 bundle or MISP galaxy cluster file → a fact pack (facts/README.md, "Fact packs").
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { MAX_CATALOGUE_BYTES } from '../facts/packs/limits';
import { formatReport, ImportError } from '../facts/packs/report';

const USAGE =
  'usage: npm run --silent facts:import -- <file> --out <pack.json> [--id ID] [--title T] [--version V] [--licence L] [--source-url URL] [--source-title T]';

/** Writes beside the target and renames at the end: a failed import never leaves half a file. */
function writeWhole(path: string, text: string): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    const fd = openSync(temp, 'w');
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      id: { type: 'string' },
      title: { type: 'string' },
      version: { type: 'string' },
      licence: { type: 'string' },
      'source-url': { type: 'string' },
      'source-title': { type: 'string' },
      'report-json': { type: 'string' },
    },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1 || !values.out) throw new ImportError(USAGE);
  let size: number;
  try {
    size = statSync(file).size;
  } catch (error) {
    throw new ImportError(
      `${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
  }
  // Checked before reading: a file past the limit costs nothing.
  if (size > MAX_CATALOGUE_BYTES) {
    throw new ImportError(
      `${file}: file too large (${(size / 1024 / 1024).toFixed(0)} MB; the limit is ${MAX_CATALOGUE_BYTES / 1024 / 1024} MB)`,
    );
  }
  const started = performance.now();
  const [{ importCatalogue }, { everydayEnglish }] = await Promise.all([
    import('../facts/packs/import'),
    import('./word-counts'),
  ]);
  const { pack, report } = importCatalogue(readFileSync(file, 'utf8'), {
    file,
    counts: everydayEnglish(),
    id: values.id,
    title: values.title,
    version: values.version,
    licence: values.licence,
    sourceUrl: values['source-url'],
    sourceTitle: values['source-title'],
  });
  writeWhole(values.out, `${JSON.stringify(pack, null, 2)}\n`);
  if (values['report-json']) writeWhole(values['report-json'], `${JSON.stringify(report, null, 2)}\n`);
  const aliases = pack.entities.reduce((n, e) => n + e.aliases.length, 0);
  const relations = pack.entities.reduce((n, e) => n + e.relations.length, 0);
  const ambiguous = pack.entities.reduce((n, e) => n + e.aliasRules.filter((a) => a.needsContext).length, 0);
  process.stdout.write(
    [
      `${file}: ${report.format} → pack "${pack.id}" (${pack.title}, version ${pack.version}) in ${values.out}`,
      `${pack.entities.length} entities, ${aliases} aliases (${ambiguous} need context), ${relations} relations, ${Math.round(performance.now() - started)} ms`,
      formatReport(report),
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  const known = error instanceof ImportError;
  process.stderr.write(`facts:import: ${known ? error.message : (error as Error).stack}\n`);
  process.exit(known ? 1 : 2);
});
