// `npm run facts:tables`: writes facts/matcher/fold-tables.ts from the folding rules.
import { writeFileSync } from 'node:fs';
import { foldTablesModule } from '../facts/matcher/fold-rules';

const path = new URL('../facts/matcher/fold-tables.ts', import.meta.url);
writeFileSync(path, foldTablesModule());
console.log(`wrote ${path.pathname}`);
