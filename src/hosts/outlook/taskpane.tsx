/**
 * The Outlook compose taskpane: waits for Office, reads the council policy (contract 7) and
 * renders the findings panel over the compose item.
 */
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import '../../ui/global.css';
import type { ThemeName } from '../../ui/host.ts';
import { Notice } from '../../ui/controls.tsx';
import { ProtocolPanel, ThemedApp } from '../../ui/ProtocolPanel.tsx';
import { initialTheme } from '../../ui/theme.ts';
import { loadRuntimePolicy, type RuntimePolicy } from '../policy-runtime.ts';
import { OutlookComposeHost, documentVisibility } from './compose-host.ts';
import { officeTheme } from './theme.ts';

function Taskpane({ item, runtime }: { item: Office.MessageCompose; runtime: RuntimePolicy }) {
  const [host] = useState(() => new OutlookComposeHost(item, documentVisibility));
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
        <ProtocolPanel host={host} policy={runtime.policy} policyNotice={runtime.notice} docsBase={new URL('.', location.href).href} headingLevel={1} />
      </main>
    </ThemedApp>
  );
}

const root = createRoot(document.getElementById('root')!);

Office.onReady(async (info) => {
  const item = Office.context.mailbox?.item as Office.MessageCompose | undefined;
  if (info.host !== Office.HostType.Outlook || !item || typeof item.body?.setAsync !== 'function') {
    root.render(
      <ThemedApp theme={initialTheme(location.search, (q) => matchMedia(q).matches)}>
        <main>
          <h1 className="visually-hidden">Protocol check</h1>
          <Notice intent="info">Open this add-in from a message you are writing in Outlook. To try the checker without Outlook, use the preview page.</Notice>
        </main>
      </ThemedApp>,
    );
    return;
  }
  const runtime = await loadRuntimePolicy(new URL('.', location.href).href, location.search);
  root.render(
    <StrictMode>
      <Taskpane item={item} runtime={runtime} />
    </StrictMode>,
  );
});
