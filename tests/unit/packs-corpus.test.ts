// @vitest-environment node
// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONTEXT_ENTITIES } from '../../entrypoints/content/case-context';
import { foldString } from '../../facts/matcher/fold';
import type { Pack } from '../../facts/packs/schema';
import { textRuns } from './page-text';
import { CORPUS, compilePacks, haveCorpus, haveThreatIntel, importShared } from './threat-intel';

/**
 * Precision and recall of the imported catalogues with the production
 * matcher: ATT&CK, the MISP threat-actor galaxy and Microsoft's names,
 * compiled together with their alias rules. A name that needs context is
 * shown only where a page names at least CONTEXT_ENTITIES entities
 * unambiguously (the content script's rule).
 */

const CATALOGUES = [
  'mitre-attack-enterprise-groups-software.json',
  'misp-galaxy-threat-actor.json',
  'misp-galaxy-microsoft-activity-group.json',
];
const POSITIVES = 'tests/fixtures/packs';

interface Shown {
  text: string;
  entityId: string;
  needsContext: boolean;
}

/** The names a page shows: unambiguous ones always, the others once the page has context. */
function shownOn(runs: string[], matcher: ReturnType<typeof compilePacks>): { shown: Shown[]; context: boolean } {
  const all: Shown[] = [];
  for (const run of runs) {
    for (const m of matcher.findAll(run)) {
      all.push({ text: run.slice(m.start, m.end), entityId: m.entry.entityId, needsContext: m.entry.needsContext });
    }
  }
  const sure = new Set(all.filter((h) => !h.needsContext).map((h) => h.entityId));
  const context = sure.size >= CONTEXT_ENTITIES;
  return { shown: context ? all : all.filter((h) => !h.needsContext), context };
}

if (!haveThreatIntel) {
  console.warn(
    'packs-corpus: ../shared/research/threat-intel is absent: the catalogue precision and recall are not measured',
  );
}

describe.skipIf(!haveThreatIntel)('imported catalogue names on real pages', () => {
  let matcher: ReturnType<typeof compilePacks>;
  beforeAll(() => {
    const packs: Pack[] = CATALOGUES.map((f) => importShared(f).pack);
    matcher = compilePacks(packs);
  });

  it('reach a recall of at least 0.9 on positive pages about other groups', () => {
    let expectedTotal = 0;
    let foundTotal = 0;
    const missed: string[] = [];
    for (const page of readdirSync(POSITIVES).filter((f) => f.endsWith('.html'))) {
      const { expected } = JSON.parse(readFileSync(join(POSITIVES, page.replace(/\.html$/, '.json')), 'utf8')) as {
        expected: Record<string, number>;
      };
      const { shown, context } = shownOn(textRuns(readFileSync(join(POSITIVES, page), 'utf8')), matcher);
      expect(context, `${page} names at least two entities unambiguously`).toBe(true);
      const seen = new Map<string, number>();
      for (const h of shown) seen.set(foldString(h.text), (seen.get(foldString(h.text)) ?? 0) + 1);
      for (const [name, count] of Object.entries(expected)) {
        const found = Math.min(count, seen.get(foldString(name)) ?? 0);
        expectedTotal += count;
        foundTotal += found;
        if (found < count) missed.push(`${page}: ${name} (${found}/${count})`);
      }
    }
    const recall = foundTotal / expectedTotal;
    console.info(
      `catalogue recall on positive pages: ${foundTotal}/${expectedTotal} = ${recall.toFixed(3)}; missed: ${missed.join('; ') || 'none'}`,
    );
    expect(expectedTotal).toBeGreaterThanOrEqual(40);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });

  it.skipIf(!haveCorpus)('highlight nothing on the 130 corpus pages, which name no threat actor', () => {
    const files = readdirSync(CORPUS).filter((f) => f.endsWith('.html'));
    const unambiguous = new Map<string, number>();
    let contextPages = 0;
    for (const file of files) {
      const { shown, context } = shownOn(textRuns(readFileSync(join(CORPUS, file), 'utf8')), matcher);
      if (context) contextPages += 1;
      for (const h of shown) {
        const key = `${h.text} → ${h.entityId}`;
        unambiguous.set(key, (unambiguous.get(key) ?? 0) + 1);
      }
    }
    const list = [...unambiguous].sort((a, b) => b[1] - a[1]);
    const total = list.reduce((n, [, c]) => n + c, 0);
    console.info(
      `catalogue names shown on ${files.length} corpus pages: ${total} (${list.map(([k, c]) => `${c}× ${k}`).join('; ') || 'none'}); pages with context: ${contextPages}`,
    );
    expect(files.length).toBe(130);
    expect(list).toEqual([]);
    expect(contextPages).toBe(0);
  });

  it('show no catalogue name on a page about the case, in all its spellings, beside ordinary words that are catalogue names', async () => {
    const { createAnnotator } = await import('../../facts/annotator');
    const { compileLexicon } = await import('../../facts/lexicon');
    const { buildPageLexicon } = await import('../../facts/packs/page-lexicon');
    const { pageRecord } = await import('../../facts/page-record');
    const { loadEntityFiles } = await import('../../scripts/fact-files');
    const packs: Pack[] = CATALOGUES.map((f) => importShared(f).pack);
    const all = [
      ...pageRecord(loadEntityFiles().map((f) => f.entity)).lexicon,
      ...buildPageLexicon(packs, 'r').lexicon.entities,
    ];
    const packOf = new Map(all.map((e) => [e.id, e.pack]));
    const annotator = createAnnotator({ matcher: compileLexicon(all), categoryOf: () => 'group', chunkChars: 1000 });
    const sentences = ['case-sentences-spellings.json', 'case-sentences-values.json'].flatMap((file) =>
      (
        JSON.parse(readFileSync(join('tests/fixtures/bench', file), 'utf8')) as { sentences: { html: string }[] }
      ).sentences.map((s) => s.html.replace(/<[^>]+>/g, '')),
    );
    // Ordinary words that are catalogue names needing context, between the case's sentences.
    const text = sentences.join(' Kevin James left the Royal Empire page for Cuba. ');
    // The content script's rule: a context is active once CONTEXT_ENTITIES of its entities are named unambiguously.
    const named = { case: new Set<string>(), catalogues: new Set<string>() };
    const shown: string[] = [];
    for (const result of annotator.annotate(text, (ids, pack) => {
      for (const id of ids) (packOf.get(id) ? named.catalogues : named.case).add(id);
      return (pack === undefined ? named.case : named.catalogues).size >= CONTEXT_ENTITIES;
    }))
      for (const m of result.marks)
        if (m.kind !== 'value' && m.pack) shown.push(`${text.slice(m.start, m.end)} → ${m.entityId}`);
    expect(named.case.size).toBeGreaterThan(20);
    expect(shown).toEqual([]);
    expect([...named.catalogues]).toEqual([]);
  });
});
