import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/**
 * Whether a page is light or dark, from the colour its background is painted
 * in: the highlight tints are chosen for the page in front of the reader, not
 * for the system's colour scheme (a dark site on a light system, or the other
 * way round). Pure: the caller reads the computed colours.
 */
export type Tone = 'light' | 'dark';

/** The tone of a computed CSS colour (`rgb(…)`/`rgba(…)`), or null when it is (nearly) transparent or unreadable. */
export function toneOfColor(color: string): Tone | null {
  const m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:[\s,/]+([\d.]+%?))?\s*\)$/.exec(color.trim());
  if (!m) return null;
  const alphaText = m[4];
  const alpha =
    alphaText === undefined ? 1 : alphaText.endsWith('%') ? Number(alphaText.slice(0, -1)) / 100 : Number(alphaText);
  if (!(alpha >= 0.5)) return null;
  // Relative luminance (WCAG) of the sRGB colour.
  const [r, g, b] = [m[1], m[2], m[3]].map((c) => {
    const v = Math.min(255, Number(c)) / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  // Mid-grey (luminance ~0.18) is where black and white text contrast equally.
  return luminance < 0.18 ? 'dark' : 'light';
}

/**
 * The page's tone from the backgrounds of its body and root element (the
 * first that is painted), then its declared colour scheme; null when nothing
 * says, and the system's scheme decides.
 */
export function pageTone(
  bodyBackground: string | null,
  rootBackground: string | null,
  rootColorScheme: string | null,
): Tone | null {
  for (const background of [bodyBackground, rootBackground]) {
    const tone = background ? toneOfColor(background) : null;
    if (tone) return tone;
  }
  const scheme = (rootColorScheme ?? '').split(/\s+/);
  if (scheme.includes('dark') && !scheme.includes('light')) return 'dark';
  if (scheme.includes('light') && !scheme.includes('dark')) return 'light';
  return null;
}

/**
 * Reads the page's tone once the page has had a moment to paint, outside any
 * scan slice (computed style is kept out of the scan), and again when the
 * system's scheme changes, since many sites follow it.
 */
export function watchPageTone(ctx: ContentScriptContext, onTone: (tone: Tone | null) => void): () => void {
  const read = () => {
    const root = document.documentElement;
    const rootStyle = getComputedStyle(root);
    const body = document.body ? getComputedStyle(document.body).backgroundColor : null;
    onTone(pageTone(body, rootStyle.backgroundColor, rootStyle.colorScheme));
  };
  const schedule = () => ctx.requestIdleCallback(read, { timeout: 1000 });
  ctx.addEventListener(matchMedia('(prefers-color-scheme: dark)'), 'change', schedule);
  return schedule;
}
