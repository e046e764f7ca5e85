import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { ClaimBox } from '../../components/ClaimBox';
import { EntityDetail } from '../../components/EntityDetail';
import { SOURCE_KIND_LABEL, sourceKind } from '../../facts/source-kinds';
import { buildEntityView } from '../../facts/view';
import { loadEntityFiles } from '../../scripts/fact-files';

const entities = loadEntityFiles().map((e) => e.entity);

function mount(node: preact.ComponentChild): HTMLElement {
  const root = document.createElement('div');
  render(node, root);
  return root;
}

describe('the card shows each source with its kind', () => {
  it('puts the kind of the linked site before every fact source', () => {
    const view = buildEntityView(entities, 'park-jin-hyok')!;
    const root = mount(<EntityDetail view={view} />);
    const links = [...root.querySelectorAll<HTMLAnchorElement>('.cl-sources a')];
    expect(links.length).toBe(view.facts.reduce((n, f) => n + f.sources.length, 0));
    for (const a of links) {
      const label = a.querySelector('.cl-kind');
      const kind = sourceKind(a.getAttribute('href')!);
      expect(label?.getAttribute('data-kind'), a.href).toBe(kind);
      expect(label?.textContent, a.href).toBe(SOURCE_KIND_LABEL[kind]);
      // The label comes first, then the title.
      expect(a.firstElementChild).toBe(label);
    }
    const kinds = new Set(links.map((a) => a.querySelector('.cl-kind')!.getAttribute('data-kind')));
    expect(kinds.has('official')).toBe(true);
    expect(kinds.has('news')).toBe(true);
  });

  it('labels the sources behind a claim the page is checked against', () => {
    const park = entities.find((e) => e.id === 'park-jin-hyok')!;
    const view = buildEntityView(entities, 'park-jin-hyok', undefined, 0)!;
    const root = mount(<ClaimBox stated="$1.4 billion" verdict="contradicted" claim={view.claim!} />);
    const labels = [...root.querySelectorAll('.cl-sources a .cl-kind')].map((l) => l.getAttribute('data-kind'));
    expect(labels).toEqual(park.claims[0]!.sources.map((s) => sourceKind(s.url)));
  });
});
