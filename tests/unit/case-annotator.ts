import type { PlacedRange } from '../../entrypoints/content/placed-range';
import { locate, textRuns } from '../../entrypoints/content/text-runs';
import { type Annotation, createAnnotator } from '../../facts/annotator';
import { createClaimChecker } from '../../facts/claims';
import { compileLexicon } from '../../facts/lexicon';
import { loadEntityFiles } from '../../scripts/fact-files';

/** The bundled store and an annotator over it, as the content script builds them. */
export const entities = loadEntityFiles().map(({ entity }) => entity);
export const matcher = compileLexicon(entities);
const categories = new Map(entities.map((e) => [e.id, e.category]));
export const categoryOf = (id: string) => categories.get(id);
export const caseAnnotator = createAnnotator({ matcher, claims: createClaimChecker(entities), categoryOf });

/**
 * What every run under `root` should have marked on a page about the case,
 * placed in the DOM, each run's last first (the order that keeps offsets valid).
 */
export function placedAnnotations(
  root: Node,
  annotator = caseAnnotator,
): { range: PlacedRange; annotation: Annotation }[] {
  const out: { range: PlacedRange; annotation: Annotation }[] = [];
  for (const run of [...textRuns(root)]) {
    const marks = [...annotator.annotate(run.text, () => true)].flatMap((r) => r.marks);
    for (const annotation of marks.reverse()) {
      const s = locate(run, annotation.start, false);
      const e = locate(run, annotation.end, true);
      out.push({
        range: { startNode: s.node, startOffset: s.offset, endNode: e.node, endOffset: e.offset },
        annotation,
      });
    }
  }
  return out;
}
