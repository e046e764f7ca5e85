import { importShared, SHARED_FILES } from './tests/unit/threat-intel';
import { loadCasePack } from './scripts/case-pack';
import { findCollisions } from './facts/packs/collisions';
const packs = [loadCasePack()];
for (const f of SHARED_FILES) {
  const { pack, report } = importShared(f);
  packs.push(pack);
  const j = report.toJSON();
  console.log(
    f,
    pack.id,
    'entities',
    pack.entities.length,
    'aliases',
    pack.entities.reduce((n, e) => n + e.aliases.length, 0),
    'ctx',
    pack.entities.reduce((n, e) => n + e.aliasRules.filter((a) => a.needsContext).length, 0),
    'relations',
    pack.entities.reduce((n, e) => n + e.relations.length, 0),
    'skipped',
    j.skipped.reduce((n, l) => n + l.count, 0),
  );
  console.log('   ', j.skipped.map((l) => `${l.count} ${l.reason}`).join(' | '));
}
const c = findCollisions(packs.filter((p) => ['case', 'attack'].includes(p.id)));
console.log(
  'case+attack merge',
  JSON.stringify(c.mergeGroups.map((g) => g.members.map((m) => m.id))),
  'conflicts',
  c.aliasConflicts.length,
  c.aliasConflicts.map((a) => a.key + ':' + a.claims.map((x) => x.id).join('/')).join(' ; '),
);
const all = findCollisions(packs);
console.log(
  'all merge',
  all.mergeGroups.length,
  'conflicts',
  all.aliasConflicts.length,
  'dup ids',
  all.duplicateIds.length,
);
console.log(
  JSON.stringify(
    all.mergeGroups
      .filter((g) => g.members.some((m) => m.pack === 'case'))
      .map((g) => g.members.map((m) => m.pack + ':' + m.id)),
  ),
);
