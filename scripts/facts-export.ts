// `npm run --silent facts:export`: the whole bundled store as JSON on stdout
// (the shape is in CONTRACT.md; `aliasRules`, `kind`, `claims` and `catalogueIds` are extras).
// It is the `entities` of the case's pack (facts/case-pack.json).
import { loadCasePack } from './case-pack';

try {
  process.stdout.write(`${JSON.stringify(loadCasePack().entities, null, 2)}\n`);
} catch (error) {
  process.stderr.write(`facts:export: ${(error as Error).message}\n`);
  process.exit(1);
}
