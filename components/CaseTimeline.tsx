import { useState } from 'preact/hooks';
import { type TimelineEvent, visibleEvents } from '@/facts/timeline';
import { CategoryDot } from './CategoryDot';
import { STATUS_LABEL, formatFactDate } from './categories';

interface Props {
  events: TimelineEvent[];
  /** Entities the current page mentions: their events stand out. */
  onPage: Set<string>;
  onOpen(entityId: string): void;
}

/**
 * The dated events of the record in order, grouped by year, with their sources.
 * It opens with the case's events; births, offices and foundings stay in the
 * entities' cards unless the reader ticks the background box.
 */
export function CaseTimeline({ events, onPage, onOpen }: Props) {
  const [withBackground, setWithBackground] = useState(false);
  const hidden = events.length - visibleEvents(events, false).length;
  const years = new Map<string, TimelineEvent[]>();
  for (const e of visibleEvents(events, withBackground)) {
    const year = e.date.slice(0, 4);
    years.set(year, [...(years.get(year) ?? []), e]);
  }
  return (
    <div class="pl-timeline">
      {hidden > 0 && (
        <label class="pl-legend pl-background-toggle">
          <input
            type="checkbox"
            checked={withBackground}
            onClick={(ev) => setWithBackground((ev.currentTarget as HTMLInputElement).checked)}
          />{' '}
          Also show background ({hidden} births, offices and other settled facts)
        </label>
      )}
      {onPage.size > 0 && (
        <p class="pl-legend">
          <span class="pl-on-page-sample" /> events about names on this page
        </p>
      )}
      {[...years].map(([year, list]) => (
        <section key={year} class="pl-year" aria-labelledby={`pl-year-${year}`}>
          <h3 id={`pl-year-${year}`}>{year}</h3>
          <ol>
            {list.map((e, i) => (
              <li
                key={`${e.entityId}-${i}`}
                class={onPage.has(e.entityId) ? 'pl-event pl-on-page' : 'pl-event'}
                data-entity={e.entityId}
                data-background={e.background ? 'true' : undefined}
              >
                <div class="pl-event-meta">
                  <time dateTime={e.date}>{formatFactDate(e.date)}</time>
                  <span class="cl-status" data-status={e.fact.status}>
                    {STATUS_LABEL[e.fact.status]}
                  </span>
                </div>
                <button type="button" class="pl-link" onClick={() => onOpen(e.entityId)}>
                  <CategoryDot category={e.category} /> {e.entityName}
                </button>
                <p class="pl-event-text">{e.fact.text}</p>
                <p class="cl-sources">
                  {e.fact.sources.map((s, j) => (
                    <a key={j} href={s.url} target="_blank" rel="noopener noreferrer">
                      {s.title}
                    </a>
                  ))}
                </p>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
