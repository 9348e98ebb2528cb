/**
 * Light or dark card, following the page the reader is looking at rather than only the OS setting:
 * a dark news site at noon should get a dark card. We read the page's own background (body, then html)
 * and fall back to its `color-scheme` and the system preference when both are transparent.
 */
export type Theme = 'light' | 'dark';

/** Parses `rgb()/rgba()` as returned by getComputedStyle; null for anything else. */
export function parseRgb(value: string): { r: number; g: number; b: number; a: number } | null {
  const m = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(value.trim());
  if (!m) return null;
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
  return { r: Number(m[1]), g: Number(m[2]), b: Number(m[3]), a: alpha };
}

/** WCAG relative luminance of an sRGB colour (0 black … 1 white). */
export function luminance({ r, g, b }: { r: number; g: number; b: number }): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** The theme for a background colour string; null when it is transparent or unparsable. */
export function themeForBackground(value: string): Theme | null {
  const rgb = parseRgb(value);
  if (!rgb || rgb.a < 0.5) return null;
  // 0.18 is about where white and black text have equal contrast against the background.
  return luminance(rgb) < 0.18 ? 'dark' : 'light';
}

export function pageTheme(doc: Document = document): Theme {
  const view = doc.defaultView;
  if (!view) return 'light';
  for (const el of [doc.body, doc.documentElement]) {
    if (!el) continue;
    const theme = themeForBackground(view.getComputedStyle(el).backgroundColor);
    if (theme) return theme;
  }
  // Transparent page: the canvas is dark only if the page opted into dark colour schemes and the system is dark.
  const scheme = view.getComputedStyle(doc.documentElement).colorScheme;
  const systemDark = view.matchMedia('(prefers-color-scheme: dark)').matches;
  if (/\bdark\b/.test(scheme) && (systemDark || !/\blight\b/.test(scheme))) return 'dark';
  return 'light';
}
