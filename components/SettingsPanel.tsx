import { CATEGORIES } from '@/facts/constants';
import type { Settings } from '@/lib/settings';
import { CATEGORY_STYLE } from './categories';

interface Props {
  settings: Settings;
  host: string | null;
  onChange(update: (s: Settings) => Settings): void;
}

/** Category toggles with their colour legend, and the per-site switch. */
export function SettingsPanel({ settings, host, onChange }: Props) {
  const siteOn = host ? !settings.disabledSites.includes(host) : true;
  return (
    <div class="pl-settings">
      {host && (
        <label class="pl-toggle">
          <input
            type="checkbox"
            checked={siteOn}
            data-setting="site"
            onChange={(e) => {
              const on = (e.currentTarget as HTMLInputElement).checked;
              onChange((s) => ({
                ...s,
                disabledSites: on ? s.disabledSites.filter((h) => h !== host) : [...s.disabledSites, host],
              }));
            }}
          />
          <span>On {host}</span>
        </label>
      )}
      <fieldset class="pl-categories">
        <legend>Highlight</legend>
        {CATEGORIES.map((c) => (
          <label key={c} class="pl-toggle">
            <input
              type="checkbox"
              checked={settings.categories[c]}
              data-category={c}
              onChange={(e) => {
                const on = (e.currentTarget as HTMLInputElement).checked;
                onChange((s) => ({ ...s, categories: { ...s.categories, [c]: on } }));
              }}
            />
            <span class="pl-swatch" style={{ background: CATEGORY_STYLE[c].tint, borderColor: CATEGORY_STYLE[c].tone }} />
            <span>{CATEGORY_STYLE[c].label}</span>
          </label>
        ))}
      </fieldset>
    </div>
  );
}
