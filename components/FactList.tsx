import type { FactView } from '@/facts/view';
import { STATUS_LABEL, formatFactDate } from './categories';
import { SourceKindLabel } from './SourceKindLabel';

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/** Dated facts, each with its status and sources. */
export function FactList({ facts }: { facts: FactView[] }) {
  return (
    <ol class="cl-facts">
      {facts.map((fact, i) => (
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
  );
}
