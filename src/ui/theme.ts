/**
 * The theme a page should start in: `?theme=` (tests, screenshots), else the system's
 * forced-colours (high contrast) and colour-scheme preferences.
 */
import type { ThemeName } from './host.ts';

export function initialTheme(search: string, media: (query: string) => boolean): ThemeName {
  const asked = new URLSearchParams(search).get('theme');
  if (asked === 'light' || asked === 'dark' || asked === 'highContrast') return asked;
  if (media('(forced-colors: active)')) return 'highContrast';
  return media('(prefers-color-scheme: dark)') ? 'dark' : 'light';
}
