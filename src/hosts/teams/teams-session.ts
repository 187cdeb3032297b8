/**
 * The Teams host, through @microsoft/teams-js: initialise (guarded: outside Teams
 * `app.initialize` never answers), read the theme and the signed-in user, and follow theme
 * changes. Outside Teams the tab still works as a web page.
 */
import { app } from '@microsoft/teams-js';
import type { ThemeName } from '../../ui/host.ts';

export interface TeamsSession {
  inTeams: boolean;
  theme: ThemeName;
  /** The signed-in user's address (userPrincipalName), when Teams gives one. */
  userEmail?: string;
  onThemeChange(listener: (theme: ThemeName) => void): void;
}

/** Teams' theme names → ours. */
export function themeFromTeams(theme: string | undefined, fallback: ThemeName): ThemeName {
  if (theme === 'dark') return 'dark';
  if (theme === 'contrast') return 'highContrast';
  if (theme === 'default') return 'light';
  return fallback;
}

const standalone = (theme: ThemeName): TeamsSession => ({ inTeams: false, theme, onThemeChange: () => {} });

export async function connectToTeams(fallbackTheme: ThemeName, timeoutMs = 4000): Promise<TeamsSession> {
  // Not in a frame: certainly not in Teams, so do not wait for a host that will never answer.
  if (typeof window === 'undefined' || window.parent === window) return standalone(fallbackTheme);
  try {
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      app.initialize(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('Teams did not answer')), timeoutMs);
      }),
    ]).finally(() => clearTimeout(timer));
    const context = await app.getContext();
    return {
      inTeams: true,
      theme: themeFromTeams(context.app.theme, fallbackTheme),
      userEmail: context.user?.userPrincipalName || context.user?.loginHint || undefined,
      onThemeChange(listener) {
        app.registerOnThemeChangeHandler((theme) => listener(themeFromTeams(theme, fallbackTheme)));
      },
    };
  } catch {
    return standalone(fallbackTheme);
  }
}
