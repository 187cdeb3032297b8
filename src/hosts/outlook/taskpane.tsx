/**
 * The Outlook compose taskpane: waits for Office, reads the council policy (contract 7) and
 * renders the findings panel over the compose item. Opened by the send dialog's Review findings,
 * it starts on the problems that stopped the send and offers Send anyway with a reason.
 */
import { StrictMode, useCallback, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import '../../ui/global.css';
import type { ThemeName } from '../../ui/host.ts';
import { Notice } from '../../ui/controls.tsx';
import { LoadingPanel, ProtocolPanel, ThemedApp } from '../../ui/ProtocolPanel.tsx';
import { initialTheme } from '../../ui/theme.ts';
import { loadRuntimePolicy, type RuntimePolicy } from '../policy-runtime.ts';
import { OutlookComposeHost, documentVisibility } from './compose-host.ts';
import { officeCall } from './office-async.ts';
import { sendAnywayFromPane } from './send-anyway.ts';
import { officeTheme } from './theme.ts';
import type { SendAnywayChoice } from '../../ui/SendAnyway.tsx';

/** The problems that stopped a send, when the Smart Alerts dialog's Review findings opened the pane (its contextData). */
function readStoppedBy(item: Office.MessageCompose): Promise<string[]> {
  const withContext = item as Office.MessageCompose & { getInitializationContextAsync?: (cb: (r: Office.AsyncResult<string>) => void) => void };
  if (typeof withContext.getInitializationContextAsync !== 'function') return Promise.resolve([]);
  return officeCall<string>((cb) => withContext.getInitializationContextAsync!(cb)).then(
    (text) => {
      try {
        const data = JSON.parse(text) as { stoppedBy?: unknown };
        return Array.isArray(data.stoppedBy) ? data.stoppedBy.filter((k): k is string => typeof k === 'string') : [];
      } catch {
        return [];
      }
    },
    () => [],
  );
}

function Taskpane({ item, runtime }: { item: Office.MessageCompose; runtime: RuntimePolicy }) {
  const [stoppedBy, setStoppedBy] = useState<string[]>([]);
  useEffect(() => {
    void readStoppedBy(item).then(setStoppedBy);
  }, [item]);
  const [host] = useState(() => new OutlookComposeHost(item, documentVisibility));
  // "Send anyway with a reason", offered when the send dialog opened the pane.
  const sendAnyway = useCallback((choice: SendAnywayChoice) => sendAnywayFromPane(item, runtime.policy, choice), [item, runtime.policy]);
  const [theme, setTheme] = useState<ThemeName>(() => officeTheme(Office.context, initialTheme(location.search, (q) => matchMedia(q).matches)));
  useEffect(() => {
    // Follow Office's theme when the user changes it (OfficeThemeChanged, Mailbox 1.14; older
    // clients keep the starting theme).
    const fallback = initialTheme(location.search, (q) => matchMedia(q).matches);
    const onTheme = (event?: Office.OfficeThemeChangedEventArgs) => setTheme(officeTheme(event?.officeTheme ? { officeTheme: event.officeTheme } : Office.context, fallback));
    try {
      Office.context.mailbox?.addHandlerAsync?.(Office.EventType.OfficeThemeChanged, onTheme);
    } catch {
      /* not offered here */
    }
  }, []);
  return (
    <ThemedApp theme={theme}>
      <main>
        <ProtocolPanel host={host} policy={runtime.policy} policyNotice={runtime.notice} docsBase={new URL('.', location.href).href} headingLevel={1} focusOn={stoppedBy} onSendAnyway={sendAnyway} />
      </main>
    </ThemedApp>
  );
}

const root = createRoot(document.getElementById('root')!);

// The council's policy is asked for at once, while Office starts up; onReady gets the same
// (cached) answer. Until it is in, the pane says what it is waiting for rather than stay blank.
const policyBase = new URL('.', location.href).href;
void loadRuntimePolicy(policyBase, location.search).catch(() => undefined);
root.render(
  <ThemedApp theme={initialTheme(location.search, (q) => matchMedia(q).matches)}>
    <main>
      <LoadingPanel headingLevel={1} />
    </main>
  </ThemedApp>,
);

Office.onReady(async (info) => {
  const item = Office.context.mailbox?.item as Office.MessageCompose | undefined;
  if (info.host !== Office.HostType.Outlook || !item || typeof item.body?.setAsync !== 'function') {
    root.render(
      <ThemedApp theme={initialTheme(location.search, (q) => matchMedia(q).matches)}>
        <main>
          <h1 className="visually-hidden">Protocol Checker</h1>
          <Notice intent="info">Open this add-in from a message you are writing in Outlook. To try the checker without Outlook, use the preview page.</Notice>
        </main>
      </ThemedApp>,
    );
    return;
  }
  const runtime = await loadRuntimePolicy(policyBase, location.search);
  root.render(
    <StrictMode>
      <Taskpane item={item} runtime={runtime} />
    </StrictMode>,
  );
});
