// `npm run --silent facts:export`: the whole bundled store as JSON on stdout
// (the shape is in CONTRACT.md; `aliasRules`, `kind`, `catalogueIds` and `claims` are extras).
import { loadEntityFiles } from './fact-files';

try {
  const entities = loadEntityFiles().map(({ entity }) => ({
    id: entity.id,
    name: entity.name,
    category: entity.category,
    ...(entity.kind ? { kind: entity.kind } : {}),
    aliases: entity.aliases.map((a) => a.text),
    aliasRules: entity.aliases,
    ...(entity.catalogueIds ? { catalogueIds: entity.catalogueIds } : {}),
    summary: entity.summary,
    facts: entity.facts,
    relations: entity.relations,
    claims: entity.claims,
  }));
  process.stdout.write(`${JSON.stringify(entities, null, 2)}\n`);
} catch (error) {
  process.stderr.write(`facts:export: ${(error as Error).message}\n`);
  process.exit(1);
}
