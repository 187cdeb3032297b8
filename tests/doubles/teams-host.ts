/**
 * A double of the Teams web client for the personal tab, speaking @microsoft/teams-js's real
 * postMessage protocol (read from teams-js 2.x: internal/communication.js, appHelpers.js,
 * handlers.js, messageObjects.js). teams-js has no test kit, hence this.
 *
 * The double is a parent page served at https://teams.microsoft.com/ (an origin on teams-js's
 * built-in valid-origins list, so the tab's teams-js accepts its answers) that iframes the tab
 * at the manifest's `contentUrl`, and answers the tab's requests as Teams does:
 *
 * - a request from the tab is `{id, uuidAsString, func, args, apiVersionTag, timestamp,
 *   monotonicTimestamp, teamsJsInstanceId, isProxiedFromChild}`; the host answers with
 *   `{id, uuidAsString, args}` (teams-js matches the answer by uuid, then by id), posted to the
 *   tab's own origin. Messages from any other window or origin are ignored and recorded.
 * - `initialize` args `[sdkVersion, runtimeApiVersion, validMessageOrigins?]` → args
 *   `[frameContext, hostClientType, runtimeConfigJson, clientSupportedSdkVersion]`.
 * - `getContext` → args `[context]`, in the flat wire shape Teams sends (`theme`,
 *   `userPrincipalName`, `entityId`, …), which teams-js turns into `app.theme`,
 *   `user.userPrincipalName`, `page.id` and the rest.
 * - `registerHandler` args `[handlerName]` is one-way: the host notes that the tab listens.
 * - a host-initiated event is `{func, args}` with no numeric `id` (so teams-js routes it to its
 *   handler table, not to a pending request): `themeChange` args `[theme]` is sent only once
 *   the tab has registered for it, as Teams does.
 *
 * The Node side (`TeamsHostDouble`) drives the page: read what the tab asked, change the theme.
 */
import type { BrowserContext, Frame, Page } from 'playwright-core';

/** Where the double's Teams page is served: Teams on the web. */
export const TEAMS_HOST_URL = 'https://teams.microsoft.com/v2/';

/**
 * The request teams-js makes as soon as it is imported (validOrigins.js `prefetchOriginsFromCDN`):
 * Microsoft's list of valid host origins. Outside the network the request fails and teams-js
 * uses the list built into the library, which includes teams.microsoft.com.
 */
export const TEAMS_VALID_ORIGINS_CDN = 'https://res.cdn.office.net/teams-js/validDomains/json/validDomains.json';

/** Teams' theme names, as `getContext` and `themeChange` carry them. */
export type TeamsTheme = 'default' | 'dark' | 'contrast';

export interface TeamsHostOptions {
  /** The tab's content URL (the manifest's `staticTabs[].contentUrl`). */
  contentUrl: string;
  /** The tab's entity id (the manifest's `staticTabs[].entityId`): the context's `page.id`. */
  entityId: string;
  theme?: TeamsTheme;
  user: { userPrincipalName: string; displayName: string; objectId?: string; tenantId?: string };
  /** `web`, `desktop`, `android`, `ios` … (teams-js HostClientType). */
  hostClientType?: string;
  locale?: string;
}

/** One message as the double saw it arrive from the tab. */
export interface ReceivedMessage {
  id: number;
  uuid?: string;
  func: string;
  args: unknown[];
  apiVersionTag?: string;
}

export interface HostState {
  received: ReceivedMessage[];
  /** Messages that came from another window or origin, which Teams ignores. */
  ignored: { origin: string; data: unknown }[];
  /** Host-initiated messages sent to the tab (`themeChange` …). */
  sent: { func: string; args: unknown[] }[];
  /** Handler names the tab registered (`registerHandler`). */
  registered: string[];
}

/** The runtime a Teams web client reports (apiVersion 4): what this host supports. */
export const RUNTIME_CONFIG = {
  apiVersion: 4,
  isLegacyTeams: false,
  hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
  supports: {
    app: {},
    appInstallDialog: {},
    dialog: { url: { bot: {}, parentCommunication: {} }, update: {} },
    menus: {},
    pages: { appButton: {}, tabs: {}, config: {}, backStack: {}, fullTrust: {} },
    teams: { fullTrust: {} },
    teamsCore: {},
  },
};

interface PageConfig {
  contentUrl: string;
  tabOrigin: string;
  theme: TeamsTheme;
  hostClientType: string;
  runtimeConfig: string;
  context: Record<string, unknown>;
}

/**
 * Runs inside the double's Teams page (serialised into its script, so it must not close over
 * anything): the host end of teams-js's protocol.
 */
function hostMain(config: PageConfig): void {
  const state: HostState = { received: [], ignored: [], sent: [], registered: [] };
  let theme = config.theme;
  const frame = (): HTMLIFrameElement => document.getElementById('tab') as HTMLIFrameElement;

  function reply(request: { id: number; uuidAsString?: string }, args: unknown[]): void {
    frame().contentWindow?.postMessage({ id: request.id, uuidAsString: request.uuidAsString, args, monotonicTimestamp: performance.now() }, config.tabOrigin);
  }

  function send(func: string, args: unknown[]): void {
    state.sent.push({ func, args });
    frame().contentWindow?.postMessage({ func, args, monotonicTimestamp: performance.now() }, config.tabOrigin);
  }

  window.addEventListener('message', (event: MessageEvent) => {
    // Teams answers only its own app frame, and only from the app's origin.
    if (event.source !== frame().contentWindow || event.origin !== config.tabOrigin) {
      state.ignored.push({ origin: event.origin, data: event.data });
      return;
    }
    const data = event.data as { id?: unknown; uuidAsString?: string; func?: unknown; args?: unknown[]; apiVersionTag?: string };
    if (typeof data !== 'object' || data === null || typeof data.id !== 'number' || typeof data.func !== 'string') {
      state.ignored.push({ origin: event.origin, data });
      return;
    }
    const request = { id: data.id, uuidAsString: data.uuidAsString };
    const args = Array.isArray(data.args) ? data.args : [];
    state.received.push({ id: data.id, uuid: data.uuidAsString, func: data.func, args, apiVersionTag: data.apiVersionTag });
    switch (data.func) {
      case 'initialize': {
        // args[0] is the tab's teams-js version; this host supports it.
        const sdkVersion = typeof args[0] === 'string' ? args[0] : '2.0.0';
        reply(request, [config.context.frameContext, config.hostClientType, config.runtimeConfig, sdkVersion]);
        break;
      }
      case 'getContext':
        reply(request, [{ ...config.context, theme }]);
        break;
      case 'registerHandler':
        if (typeof args[0] === 'string' && !state.registered.includes(args[0])) state.registered.push(args[0]);
        break;
      default:
        // One-way notifications (appInitialization.*) need no answer; anything else is recorded
        // so a test can see what the tab asked for.
        break;
    }
  });

  (window as unknown as { teamsHost: unknown }).teamsHost = {
    state,
    /** Change the Teams theme; tells the tab only if it registered for theme changes. */
    setTheme(next: TeamsTheme): boolean {
      theme = next;
      if (!state.registered.includes('themeChange')) return false;
      send('themeChange', [next]);
      return true;
    },
  };
}

/** The double's Teams page: the host script, then the app frame. */
export function hostPageHtml(options: TeamsHostOptions): string {
  const theme = options.theme ?? 'default';
  const hostClientType = options.hostClientType ?? 'web';
  const config: PageConfig = {
    contentUrl: options.contentUrl,
    tabOrigin: new URL(options.contentUrl).origin,
    theme,
    hostClientType,
    runtimeConfig: JSON.stringify(RUNTIME_CONFIG),
    context: {
      entityId: options.entityId,
      subEntityId: '',
      frameContext: 'content',
      hostClientType,
      hostName: 'Teams',
      locale: options.locale ?? 'en-GB',
      userPrincipalName: options.user.userPrincipalName,
      loginHint: options.user.userPrincipalName,
      userDisplayName: options.user.displayName,
      userObjectId: options.user.objectId ?? '00000000-0000-4000-8000-000000000001',
      tid: options.user.tenantId ?? '00000000-0000-4000-8000-0000000000aa',
      userLicenseType: 'Unknown',
      tenantSKU: 'enterprise',
      appSessionId: '00000000-0000-4000-8000-0000000000bb',
      sessionId: '00000000-0000-4000-8000-0000000000cc',
      ringId: 'general',
      isFullScreen: false,
      isMultiWindow: false,
    },
  };
  // `<` escaped so that no string in the config can close the script element.
  const script = `(${hostMain.toString()})(${JSON.stringify(config).replaceAll('<', '\\u003c')});`;
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Microsoft Teams (test double)</title>
<style>html,body{margin:0;height:100%;overflow:hidden}iframe{display:block;border:0;width:100%;height:100%}</style>
<script>${script}</script>
</head>
<body><iframe id="tab" title="Protocol Checker" src="${options.contentUrl.replaceAll('"', '&quot;')}" allow="clipboard-read; clipboard-write"></iframe></body>
</html>
`;
}

/** Drives the double's page from the test. */
export class TeamsHostDouble {
  constructor(
    readonly page: Page,
    readonly options: TeamsHostOptions,
  ) {}

  /** The tab's frame inside the Teams page. */
  get tab(): Frame {
    const frame = this.page.frames().find((f) => f.url().startsWith(this.options.contentUrl.split('?')[0]!));
    if (!frame) throw new Error(`the Teams page has no frame at ${this.options.contentUrl}`);
    return frame;
  }

  async state(): Promise<HostState> {
    return this.page.evaluate(() => (window as unknown as { teamsHost: { state: HostState } }).teamsHost.state);
  }

  /** The names of the requests the tab made, in order. */
  async requests(): Promise<string[]> {
    return (await this.state()).received.map((m) => m.func);
  }

  /** Wait until the tab has registered a handler (for example `themeChange`). */
  async waitForHandler(name: string, timeout = 5000): Promise<void> {
    await this.page.waitForFunction((n) => (window as unknown as { teamsHost: { state: HostState } }).teamsHost.state.registered.includes(n), name, { timeout });
  }

  /** Switch the Teams theme, as the user does in Teams' settings; fails if the tab never listened. */
  async setTheme(theme: TeamsTheme): Promise<void> {
    const sent = await this.page.evaluate((t) => (window as unknown as { teamsHost: { setTheme(t: TeamsTheme): boolean } }).teamsHost.setTheme(t), theme);
    if (!sent) throw new Error('the tab has not registered a themeChange handler, so Teams would not tell it');
  }
}

/**
 * Serve the double's Teams page in this browser context and open it in `page`. Register it after
 * any catch-all route: Playwright runs the routes registered last first.
 */
export async function openInTeams(context: BrowserContext, page: Page, options: TeamsHostOptions): Promise<TeamsHostDouble> {
  const html = hostPageHtml(options);
  await context.route(`${new URL(TEAMS_HOST_URL).origin}/**`, (route) =>
    route.request().url() === TEAMS_HOST_URL ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }) : route.fulfill({ status: 404, body: '' }),
  );
  await page.goto(TEAMS_HOST_URL);
  const host = new TeamsHostDouble(page, options);
  await page.waitForFunction((url) => [...document.querySelectorAll('iframe')].some((f) => f.src === url), options.contentUrl);
  return host;
}
