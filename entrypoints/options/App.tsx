import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { bundledEntities } from '@/facts/bundled';
import caseManifest from '@/facts/case-pack.json';
import { findCollisions } from '@/facts/packs/collisions';
import { MAX_CATALOGUE_BYTES } from '@/facts/packs/limits';
import { packCounts, readPackFile, tooLarge } from '@/facts/packs/loading';
import { casePack, type Pack, PackError } from '@/facts/packs/schema';
import {
  type BrokenPack,
  removePack,
  type StoredPack,
  savePack,
  setPackEnabled,
  storedPacks,
  watchPacks,
} from '@/lib/pack-library';

const CASE = casePack(caseManifest, bundledEntities);
const BUNDLED_IDS: ReadonlySet<string> = new Set(bundledEntities.map((e) => e.id));

/** What a pack shares with the others on: entities that are the same thing, names another entity also claims. */
interface Overlap {
  sameThing: number;
  sharedNames: number;
}

function overlaps(packs: Pack[]): Map<string, Overlap> {
  const found = new Map<string, Overlap>(packs.map((p) => [p.id, { sameThing: 0, sharedNames: 0 }]));
  const { mergeGroups, aliasConflicts } = findCollisions(packs);
  for (const group of mergeGroups) for (const m of group.members) found.get(m.pack)!.sameThing += 1;
  for (const conflict of aliasConflicts) {
    for (const pack of new Set(conflict.claims.map((c) => c.pack))) found.get(pack)!.sharedNames += 1;
  }
  return found;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

function countsLine(pack: Pack): string {
  const c = packCounts(pack);
  return `${plural(c.entities, 'entity', 'entities')} · ${plural(c.aliases, 'name')} · ${plural(c.facts, 'sourced fact')} · ${plural(c.relations, 'relation')}`;
}

function Sources({ pack }: { pack: Pack }) {
  return (
    <ul class="op-sources">
      {pack.sources.map((s) => (
        <li key={s.url}>
          <a href={s.url} target="_blank" rel="noopener noreferrer">
            {s.title}
          </a>
        </li>
      ))}
    </ul>
  );
}

/**
 * The options page: the bundled case and the fact packs the reader loaded
 * (lib/pack-library.ts), each with its provenance, a switch and a way to
 * remove it, and a file picker to load or update one. A file is checked
 * whole before anything is stored (facts/packs/loading.ts); what is wrong
 * with it is said in words that name the file and the field.
 */
export function App() {
  const [stored, setStored] = useState<{ packs: StoredPack[]; broken: BrokenPack[] } | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const fileRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const read = () =>
      storedPacks().then(setStored, (e: unknown) => setError(`The loaded packs could not be read: ${String(e)}`));
    void read();
    // Another options page, or the same one in another window, changed them.
    return watchPacks(() => void read());
  }, []);

  const shared = useMemo(
    () => overlaps([CASE, ...(stored?.packs.filter((p) => p.enabled).map((p) => p.pack) ?? [])]),
    [stored],
  );

  const load = async (file: File) => {
    setError('');
    setStatus(`Reading ${file.name}…`);
    try {
      // Refused before it is read: a file past the limit costs nothing.
      if (file.size > MAX_CATALOGUE_BYTES) throw tooLarge(file.name, file.size);
      const pack = readPackFile(file.name, await file.text(), BUNDLED_IDS);
      const before = await savePack(pack, file.name);
      setStatus(
        before
          ? `Updated “${pack.title}” from version ${before.pack.version} to ${pack.version}: ${countsLine(pack)}.`
          : `Loaded “${pack.title}”: ${countsLine(pack)}.`,
      );
    } catch (e) {
      setStatus('');
      setError(e instanceof PackError ? e.message : `${file.name} was not loaded: ${String(e)}`);
    } finally {
      // The same file can be chosen again (after fixing it).
      if (fileRef.current) fileRef.current.value = '';
    }
  };

  const remove = async (entry: { id: string; title: string }) => {
    setError('');
    try {
      await removePack(entry.id);
      setStatus(`Removed “${entry.title}”.`);
    } catch (e) {
      setError(`“${entry.title}” was not removed: ${String(e)}`);
    }
  };

  const toggle = async (entry: StoredPack, enabled: boolean) => {
    setError('');
    try {
      await setPackEnabled(entry.pack.id, enabled);
    } catch (e) {
      setError(`“${entry.pack.title}” was not switched ${enabled ? 'on' : 'off'}: ${String(e)}`);
    }
  };

  const overlapLine = (id: string) => {
    const o = shared.get(id);
    if (!o || (o.sameThing === 0 && o.sharedNames === 0)) return null;
    const parts = [];
    if (o.sameThing > 0)
      parts.push(`${plural(o.sameThing, 'entity', 'entities')} also in another pack (the same catalogue id)`);
    if (o.sharedNames > 0) parts.push(`${plural(o.sharedNames, 'name')} another pack's entity also uses`);
    return <p class="op-overlap">{parts.join('; ')}</p>;
  };

  return (
    <main class="op-app">
      <h1>Case Lens: fact packs</h1>
      <p class="op-intro">
        A fact pack is a catalogue of names with sourced facts. The case Case Lens follows is built in; other packs,
        made from a STIX 2.1 bundle or a MISP galaxy, can be loaded beside it. Packs are kept in this browser only:
        nothing is sent anywhere.
      </p>

      <section aria-labelledby="op-load-title" class="op-section">
        <h2 id="op-load-title">Load a pack</h2>
        <label class="op-file">
          <span>Choose a pack file (.json). A pack with the same id replaces the one loaded before.</span>
          <input
            ref={fileRef}
            type="file"
            accept=".json,application/json"
            data-action="load-pack"
            onChange={(e) => {
              const file = (e.currentTarget as HTMLInputElement).files?.[0];
              if (file) void load(file);
            }}
          />
        </label>
        <p class="op-status" role="status">
          {status}
        </p>
        {error && (
          <p class="op-error" role="alert">
            {error}
          </p>
        )}
      </section>

      <section aria-labelledby="op-packs-title" class="op-section">
        <h2 id="op-packs-title">Packs</h2>
        <ul class="op-packs">
          <li class="op-pack" data-pack={CASE.id}>
            <h3>{CASE.title}</h3>
            <p class="op-meta">
              Built in · version {CASE.version} · {countsLine(CASE)}
            </p>
            <p class="op-meta">Licence: {CASE.licence}</p>
            <Sources pack={CASE} />
            {overlapLine(CASE.id)}
          </li>
          {stored?.packs.map((entry) => (
            <li key={entry.pack.id} class="op-pack" data-pack={entry.pack.id}>
              <h3>{entry.pack.title}</h3>
              <p class="op-meta">
                <code>{entry.pack.id}</code> · version {entry.pack.version} · {countsLine(entry.pack)}
              </p>
              <p class="op-meta">
                Licence: {entry.pack.licence}
                {entry.fileName && ` · loaded from ${entry.fileName}`}
              </p>
              <Sources pack={entry.pack} />
              {entry.enabled && overlapLine(entry.pack.id)}
              <div class="op-actions">
                <label class="op-toggle">
                  <input
                    type="checkbox"
                    role="switch"
                    checked={entry.enabled}
                    data-action="switch-pack"
                    onChange={(e) => void toggle(entry, (e.currentTarget as HTMLInputElement).checked)}
                  />
                  <span>Use this pack</span>
                </label>
                <button
                  type="button"
                  data-action="remove-pack"
                  onClick={() => void remove({ id: entry.pack.id, title: entry.pack.title })}
                >
                  Remove
                </button>
              </div>
            </li>
          ))}
          {stored?.broken.map((entry) => (
            <li key={entry.id} class="op-pack op-broken" data-pack={entry.id}>
              <h3>A stored pack that no longer reads: {entry.id}</h3>
              <pre class="op-problem">{entry.problem}</pre>
              <div class="op-actions">
                <button
                  type="button"
                  data-action="remove-pack"
                  onClick={() => void remove({ id: entry.id, title: entry.id })}
                >
                  Remove
                </button>
              </div>
            </li>
          ))}
        </ul>
        {stored && stored.packs.length === 0 && stored.broken.length === 0 && (
          <p class="op-empty">No pack loaded yet: only the built-in case is used.</p>
        )}
      </section>
    </main>
  );
}
