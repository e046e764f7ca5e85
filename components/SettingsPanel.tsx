import { CATEGORIES } from '@/facts/constants';
import { type RendererKind, siteOf, type Settings, type SettingsChange } from '@/lib/settings';
import { CATEGORY_STYLE } from './categories';

/** The two ways of showing a highlight (README, "Paint or wrap"). */
const RENDERER_CHOICES: { kind: RendererKind; label: string }[] = [
  { kind: 'wrap', label: 'Marked: an element around each name' },
  { kind: 'paint', label: "Painted: the page's text is not changed" },
];

interface Props {
  settings: Settings;
  /** The active tab's host name, when Case Lens runs there. */
  host: string | null;
  /** One change, named by what it changes. */
  onChange(change: SettingsChange): void;
}

/** The per-site switch, and category toggles that double as the colour legend of the highlights. */
export function SettingsPanel({ settings, host, onChange }: Props) {
  const site = host ? siteOf(host) : null;
  const siteOn = site ? !settings.disabledSites.includes(site) : true;
  return (
    <div class="pl-settings">
      {site && (
        <label class="pl-toggle pl-site">
          <input
            type="checkbox"
            role="switch"
            checked={siteOn}
            data-setting="site"
            onChange={(e) => {
              onChange({ key: 'site', site, on: (e.currentTarget as HTMLInputElement).checked });
            }}
          />
          <span>
            Highlight on <strong>{site}</strong>
          </span>
        </label>
      )}
      <fieldset class="pl-categories">
        <legend>Highlight these, in these colours</legend>
        {CATEGORIES.map((c) => (
          <label key={c} class="pl-toggle">
            <input
              type="checkbox"
              checked={settings.categories[c]}
              data-category={c}
              onChange={(e) => {
                onChange({ key: 'category', category: c, on: (e.currentTarget as HTMLInputElement).checked });
              }}
            />
            <span
              class="pl-swatch"
              aria-hidden="true"
              style={{ background: CATEGORY_STYLE[c].tint, borderColor: CATEGORY_STYLE[c].tone }}
            />
            <span>{CATEGORY_STYLE[c].label}</span>
          </label>
        ))}
      </fieldset>
      <fieldset class="pl-renderer">
        <legend>Show highlights</legend>
        {RENDERER_CHOICES.map(({ kind, label }) => (
          <label key={kind} class="pl-toggle">
            <input
              type="radio"
              name="pl-renderer"
              value={kind}
              checked={settings.renderer === kind}
              data-setting="renderer"
              onChange={() => onChange({ key: 'renderer', renderer: kind })}
            />
            <span>{label}</span>
          </label>
        ))}
      </fieldset>
    </div>
  );
}
