import type { SearchResult } from '@/facts/search';
import { CATEGORY_STYLE } from './categories';
import { CategoryDot } from './CategoryDot';

interface Props {
  query: string;
  results: SearchResult[];
  activeIndex: number;
  onOpen(id: string): void;
}

/** The popup's search results: a listbox the arrow keys move through. */
export function SearchResults({ query, results, activeIndex, onOpen }: Props) {
  if (results.length === 0) {
    return (
      <p class="pl-empty" role="status">
        Nothing in the record matches “{query}”.
      </p>
    );
  }
  return (
    <ul class="pl-results" role="listbox" id="pl-results" aria-label="Search results">
      {results.map((r, i) => (
        <li
          key={r.id}
          role="option"
          id={`pl-result-${r.id}`}
          aria-selected={i === activeIndex}
          class={i === activeIndex ? 'pl-result pl-active' : 'pl-result'}
          data-entity={r.id}
          onClick={() => onOpen(r.id)}
        >
          <CategoryDot category={r.category} />
          <span class="pl-result-name">{r.name}</span>
          <span class="pl-result-category">{CATEGORY_STYLE[r.category].label}</span>
          {r.pack && (
            <span class="pl-result-pack" data-pack-title={r.pack}>
              {r.pack}
            </span>
          )}
          <span class="pl-result-summary">{r.summary}</span>
        </li>
      ))}
    </ul>
  );
}
