import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CaseContext, type WaitingName } from '../../entrypoints/content/case-context';
import { createAnnotator, type NameAnnotation } from '../../facts/annotator';
import { bundledEntities } from '../../facts/bundled';
import caseManifest from '../../facts/case-pack.json' with { type: 'json' };
import { compileLexicon, type LexiconEntity } from '../../facts/lexicon';
import { createPackScout } from '../../facts/pack-scout';
import { scoutFold } from '../../facts/scout';
import { createCardCatalogue } from '../../facts/packs/card-catalogue';
import { buildPageLexicon, isPageLexicon } from '../../facts/packs/page-lexicon';
import { casePack, type Pack } from '../../facts/packs/schema';
import { entities as caseEntities } from './case-annotator';
import type { PackScoutWords } from '../../facts/packs/page-lexicon';

/** The pack scout as the case's scout runs it: on text it has folded. */
const scoutFor = (words: PackScoutWords) => {
  const test = createPackScout(words);
  return (text: string) => test(scoutFold(text));
};

/** A small pack in the shape `facts:import` writes: two groups, one of them the case's Lazarus Group by ATT&CK id. */
const pack: Pack = {
  id: 'demo',
  title: 'Demo catalogue',
  version: '1',
  licence: 'CC0',
  sources: [{ title: 'Demo', url: 'https://example.org/demo' }],
  entities: [
    {
      id: 'demo-apt28',
      name: 'APT28',
      category: 'group',
      aliases: ['APT28', 'Sofacy', 'Fancy Bear'],
      aliasRules: [{ text: 'APT28' }, { text: 'Sofacy' }, { text: 'Fancy Bear', needsContext: true }],
      summary: 'A group the catalogue attributes to Russia.',
      facts: [],
      relations: [],
      claims: [],
      catalogueIds: ['G0007'],
    },
    {
      id: 'demo-turla',
      name: 'Turla',
      category: 'group',
      aliases: ['Turla', 'Snake', 'Waterbug'],
      aliasRules: [{ text: 'Turla', needsContext: true }, { text: 'Snake', needsContext: true }, { text: 'Waterbug' }],
      summary: 'Another group.',
      facts: [],
      relations: [],
      claims: [],
      catalogueIds: ['G0010'],
    },
    {
      id: 'demo-lazarus',
      name: 'Lazarus Group',
      category: 'group',
      aliases: ['Lazarus Group', 'HIDDEN COBRA'],
      aliasRules: [{ text: 'Lazarus Group' }, { text: 'HIDDEN COBRA' }],
      summary: 'The catalogue’s Lazarus Group.',
      facts: [
        {
          date: '2017',
          text: 'A fact the catalogue states.',
          status: 'attributed',
          sources: [{ title: 'Demo', url: 'https://example.org/g0032' }],
        },
      ],
      relations: [],
      claims: [],
      catalogueIds: ['G0032'],
    },
  ],
};

describe('the loaded packs on the page side', () => {
  const { lexicon, scout } = buildPageLexicon([pack], 'r1');

  it('keep only what the matcher reads, and a lexicon of the wrong shape is refused', () => {
    expect(isPageLexicon(lexicon)).toBe(true);
    expect(lexicon.entities[0]).toEqual({
      id: 'demo-apt28',
      category: 'group',
      pack: 'demo',
      aliases: [{ text: 'APT28' }, { text: 'Sofacy' }, { text: 'Fancy Bear', needsContext: true }],
    });
    expect(isPageLexicon({ ...lexicon, entities: [{ id: 'x' }] })).toBe(false);
    expect(isPageLexicon('packs')).toBe(false);
  });

  it('give the pack scout only the names that may stand alone, and it finds them as whole words in any order of nodes', () => {
    expect(scout.words.split('\n').sort()).toEqual(['apt28', 'hidden cobra', 'lazarus group', 'sofacy', 'waterbug']);
    const has = scoutFor(scout);
    expect(has('Analysts tied the Sofacy implant to it.')).toBe(true);
    expect(has('A report on HIDDEN\u00a0COBRA.')).toBe(true);
    expect(has('A page about snakes, bears and fancy turtles.')).toBe(false);
    // Words must be whole: "waterbugs" is an insect's plural, not the group.
    expect(has('Waterbugs live in ponds.')).toBe(false);
    // And in the name's order, side by side: "cobra" then "hidden" far apart is no name.
    expect(has('A cobra was hidden in the garden.')).toBe(false);
    expect(has('Hidden cobras.')).toBe(false);
    const unspaced = scoutFor(
      buildPageLexicon(
        [{ ...pack, entities: [{ ...pack.entities[0]!, aliasRules: [{ text: '김수키' }], aliases: ['김수키'] }] }],
        'r',
      ).scout,
    );
    expect(unspaced('보안 업체는 김수키는 ...')).toBe(true);
  });

  it('find a name exactly when its words stand side by side, in order, among the text’s words', () => {
    const has = scoutFor(scout);
    const names = scout.words.split('\n').map((name) => name.split(' '));
    const word = fc.constantFrom(
      'hidden',
      'cobra',
      'Sofacy',
      'APT28',
      'lazarus',
      'group',
      'the',
      'water',
      'bug',
      'Waterbug',
      '-',
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 30 }), fc.constantFrom(' ', ', ', '\n', ' (', '. '), (words, gap) => {
        const text = words.join(gap);
        const tokens = scoutFold(text)
          .split(/[^\p{L}\p{N}]+/u)
          .filter((t) => t.length > 0);
        const expected = names.some((name) => tokens.some((_, i) => name.every((part, k) => tokens[i + k] === part)));
        expect(has(text)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('keep the case’s context apart: a pack’s names are no evidence for the case, nor the case’s for a pack', () => {
    document.body.innerHTML = '<p>one</p><p>two</p>';
    const [a, b] = [...document.querySelectorAll('p')];
    const packOf = (id: string) => (id.startsWith('demo-') ? 'demo' : undefined);
    const context = new CaseContext(packOf);
    context.note('demo-apt28', a!);
    context.note('demo-lazarus', b!);
    expect(context.activeFor('demo')).toBe(true);
    expect(context.active).toBe(false);
    const turla: NameAnnotation = {
      kind: 'name',
      entityId: 'demo-turla',
      category: 'group',
      start: 0,
      end: 5,
      aliasIndex: 0,
      needsContext: true,
      pack: 'demo',
    };
    const lazarus: NameAnnotation = { ...turla, entityId: 'lazarus-group', pack: undefined, end: 7 };
    const text = a!.firstChild as Text;
    const waiting = (annotation: NameAnnotation): WaitingName => ({
      annotation,
      range: { startNode: text, startOffset: 0, endNode: text, endOffset: 3 },
    });
    context.defer(waiting(turla), 'one');
    context.defer(
      { ...waiting(lazarus), range: { startNode: text, startOffset: 1, endNode: text, endOffset: 3 } },
      'ne',
    );
    const taken = context.takeDeferred(
      (node, offset) => ({ node, offset }),
      (p) => context.activeFor(p),
    );
    // The pack's ambiguous name is shown; the case's waits for the case's own context.
    expect(taken.map((t) => t.annotation.entityId)).toEqual(['demo-turla']);
    expect(context.pending).toBe(1);
    expect(context.pendingPacks()).toEqual([undefined]);
  });

  it('give the imported catalogues one context between them: a report cites names from several', () => {
    document.body.innerHTML = '<p>one</p><p>two</p>';
    const [a, b] = [...document.querySelectorAll('p')];
    const packOf = (id: string) => (id.split('-')[0] === 'case' ? undefined : id.split('-')[0]);
    const context = new CaseContext(packOf);
    context.note('attack-apt28', a!);
    context.note('misp-turla', b!);
    expect(context.activeFor('attack')).toBe(true);
    expect(context.activeFor('misp')).toBe(true);
    expect(context.active).toBe(false);
  });

  it('annotate pack names with their pack, leave them out of the claim check, and ask each pack’s context apart', () => {
    const all: LexiconEntity[] = [...caseEntities, ...lexicon.entities];
    const byId = new Map(all.map((e) => [e.id, e]));
    const annotator = createAnnotator({ matcher: compileLexicon(all), categoryOf: (id) => byId.get(id)?.category });
    const asked: (string | undefined)[] = [];
    const [result] = [
      ...annotator.annotate('Sofacy and Fancy Bear met Lazarus Group.', (_named, p) => {
        asked.push(p);
        return p === 'demo';
      }),
    ];
    expect(result!.marks.map((m) => [m.entityId, m.kind === 'value' ? null : m.pack])).toEqual([
      ['demo-apt28', 'demo'],
      ['demo-apt28', 'demo'],
      // The case's names come first in the matcher: the shared spelling is the case's entity.
      ['lazarus-group', undefined],
    ]);
    expect(result!.named).toEqual(['demo-apt28', 'lazarus-group']);
    expect(asked).toEqual([undefined, 'demo']);
  });

  it('show a spelling the case and a pack share as the pack’s entity where the case’s needs a context the page lacks', () => {
    // The case's "Andariel" needs the case's context; a catalogue's stands alone.
    expect(
      caseEntities.find((e) => e.id === 'andariel')!.aliases.find((a) => a.text === 'Andariel')!.needsContext,
    ).toBe(true);
    const andariel = {
      ...pack.entities[0]!,
      id: 'demo-andariel',
      name: 'Andariel',
      aliases: ['Andariel'],
      aliasRules: [{ text: 'Andariel' }],
      catalogueIds: ['G0138'],
    };
    const packed = buildPageLexicon([{ ...pack, entities: [...pack.entities, andariel] }], 'r2').lexicon;
    const all: LexiconEntity[] = [...caseEntities, ...packed.entities];
    const byId = new Map(all.map((e) => [e.id, e]));
    const annotator = createAnnotator({ matcher: compileLexicon(all), categoryOf: (id) => byId.get(id)?.category });
    const annotate = (text: string, caseContext: boolean) => {
      const [result] = [...annotator.annotate(text, (_named, p) => (p === undefined ? caseContext : false))];
      return {
        shown: result!.marks.map((m) => m.entityId),
        waiting: result!.waiting.map((m) => m.entityId),
        named: result!.named,
      };
    };
    // No case context: the pack's Andariel is shown. It is no evidence for the catalogues' context, since
    // the spelling's first claimant, the case's, needs context (on a page about the case it would otherwise
    // make the catalogues' ordinary words names: packs-corpus.test.ts).
    expect(annotate('Andariel struck again.', false)).toEqual({
      shown: ['demo-andariel'],
      waiting: [],
      named: [],
    });
    // In a page about the case, the case's own.
    expect(annotate('Andariel struck again.', true).shown).toEqual(['andariel']);
    // A shared spelling that nobody may show yet waits as the case's, its first claimant.
    const [only] = [
      ...createAnnotator({ matcher: compileLexicon(caseEntities), categoryOf: () => 'group' }).annotate(
        'Andariel struck again.',
        () => false,
      ),
    ];
    expect(only!.waiting.map((m) => m.entityId)).toEqual(['andariel']);
  });

  it('tell the card of the same thing in other packs, with its facts, and of others with the same name', () => {
    const catalogue = createCardCatalogue(bundledEntities, casePack(caseManifest, bundledEntities), [pack]);
    const lazarus = catalogue.view({ id: 'lazarus-group', aliasIndex: 0 })!;
    expect(lazarus.pack).toBeUndefined();
    expect(lazarus.others).toEqual([
      expect.objectContaining({
        id: 'demo-lazarus',
        reason: 'same',
        catalogueIds: ['G0032'],
        pack: { id: 'demo', title: 'Demo catalogue' },
      }),
    ]);
    expect(lazarus.others![0]!.facts).toHaveLength(1);
    const apt28 = catalogue.view({ id: 'demo-apt28', aliasIndex: 1 })!;
    expect(apt28.pack).toEqual({ id: 'demo', title: 'Demo catalogue' });
    expect(apt28.others).toBeUndefined();
    // A second pack that gives "Sofacy" to another thing: both are named, neither silently wins.
    const other: Pack = {
      ...pack,
      id: 'other',
      title: 'Other catalogue',
      entities: [
        {
          ...pack.entities[1]!,
          id: 'other-x',
          name: 'X',
          aliases: ['Sofacy'],
          aliasRules: [{ text: 'Sofacy' }],
          catalogueIds: ['Z1'],
        },
      ],
    };
    const both = createCardCatalogue(bundledEntities, casePack(caseManifest, bundledEntities), [pack, other]);
    expect(both.view({ id: 'demo-apt28', aliasIndex: 1 })!.others).toEqual([
      expect.objectContaining({ id: 'other-x', reason: 'same-name', facts: [] }),
    ]);
    expect(both.view({ id: 'nobody' })).toBeNull();
  });
});
