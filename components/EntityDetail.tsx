import type { EntityView } from '@/facts/view';
import { CATEGORY_STYLE, STATUS_LABEL, formatFactDate } from './categories';
import { SourceKindLabel } from './SourceKindLabel';

interface Props {
  view: EntityView;
  /** Switches the view to a related entity. */
  onSelect?(id: string): void;
  /** Headings inside the card start at this level, for a correct outline. */
  headingLevel?: 2 | 3;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
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
      <ol class="cl-facts">
        {view.facts.map((fact, i) => (
          <li key={i} class={`cl-fact cl-status-${fact.status}`}>
            <div class="cl-fact-meta">
              <time dateTime={fact.date}>{formatFactDate(fact.date)}</time>
              <span class="cl-status" data-status={fact.status}>
                {STATUS_LABEL[fact.status]}
              </span>
            </div>
            <p class="cl-fact-text">{fact.text}</p>
            <p class="cl-sources">
              {fact.sources.map((source, j) => (
                <a key={j} href={source.url} target="_blank" rel="noopener noreferrer" title={source.title}>
                  <SourceKindLabel kind={source.kind} />
                  {source.title} <span class="cl-host">({hostOf(source.url)})</span>
                </a>
              ))}
            </p>
          </li>
        ))}
      </ol>
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
