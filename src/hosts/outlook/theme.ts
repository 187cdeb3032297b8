/** Office's theme → ours: a dark body background means dark; forced colours mean high contrast. */
import type { ThemeName } from '../../ui/host.ts';

function luminance(hex: string): number | undefined {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return undefined;
  const n = parseInt(m[1]!, 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => c / 255);
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

export function officeTheme(context: Pick<Office.Context, 'officeTheme'> | undefined, fallback: ThemeName): ThemeName {
  if (fallback === 'highContrast') return fallback;
  const background = context?.officeTheme?.bodyBackgroundColor;
  const l = background ? luminance(background) : undefined;
  if (l === undefined) return fallback;
  return l < 0.4 ? 'dark' : 'light';
}
