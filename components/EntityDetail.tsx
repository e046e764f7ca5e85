import type { EntityView } from '@/facts/view';
import { CATEGORY_STYLE } from './categories';
import { FactList } from './FactList';

interface Props {
  view: EntityView;
  /** Switches the view to a related entity. */
  onSelect?(id: string): void;
  /** Headings inside the card start at this level, for a correct outline. */
  headingLevel?: 2 | 3;
}

/** An entity's summary, dated facts with status and sources, relations and spellings. */
export function EntityDetail({ view, onSelect, headingLevel = 3 }: Props) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div class="cl-detail">
      {view.correction && (
        <p class="cl-correction" role="note">
          <strong>“{view.correction.wrongForm}”</strong> is a wrong form. {view.correction.text}
        </p>
      )}
      <p class="cl-summary">{view.summary}</p>
      <H class="cl-section">Facts</H>
      <FactList facts={view.facts} />
      {view.relations.length > 0 && (
        <>
          <H class="cl-section">Related</H>
          <ul class="cl-relations">
            {view.relations.map((r) => (
              <li key={`${r.direction}-${r.type}-${r.targetId}`}>
                <span class="cl-relation-label">{r.label}</span>{' '}
                <button
                  type="button"
                  class="cl-relation"
                  data-target={r.targetId}
                  style={{ borderColor: CATEGORY_STYLE[r.targetCategory].tone }}
                  onClick={() => onSelect?.(r.targetId)}
                >
                  {r.targetName}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {view.aliases.length > 1 && (
        <>
          <H class="cl-section">Also written</H>
          <p class="cl-aliases">{view.aliases.filter((a) => a !== view.name).join(' · ')}</p>
        </>
      )}
    </div>
  );
}
