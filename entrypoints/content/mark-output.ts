import { CASE_PACK_ID } from '@/facts/packs/case-id';
import type { Annotation } from '@/facts/annotator';

/**
 * The attributes a wrapper carries for readers and outside checks
 * (CONTRACT.md): output only. Nothing in the extension reads them back; what a
 * wrapper means is the highlighter's own memory.
 */
export function outputAttributes(annotation: Annotation): [string, string][] {
  const out: [string, string][] = [
    ['data-entity', annotation.entityId],
    ['data-category', annotation.category],
    // The fact pack the name comes from; the bundled case is the pack "case".
    ['data-pack', (annotation.kind !== 'value' && annotation.pack) || CASE_PACK_ID],
  ];
  if (annotation.kind === 'wrong-form') {
    out.push(['data-wrong-form', String(annotation.aliasIndex)], ['data-claim', 'contradicted']);
  } else if (annotation.kind === 'value') {
    out.push(
      ['data-claim', annotation.verdict],
      ['data-claim-index', String(annotation.claimIndex)],
      ['data-claim-kind', annotation.claimKind],
    );
  }
  return out;
}
