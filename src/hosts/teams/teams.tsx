/**
 * The Teams personal tab: for the communications team drafting a press release, newsletter
 * item or post, and for a councillor on a phone checking a reply. Paste or write the text,
 * see the same findings panel, apply fixes, and copy the compliant text.
 */
import { Button, Field, Input, Link, MessageBar, MessageBarBody, Select, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { Copy20Regular } from '@fluentui/react-icons';
import { StrictMode, useEffect, useState, useSyncExternalStore } from 'react';
import { createRoot } from 'react-dom/client';
import '../../ui/global.css';
import type { ThemeName } from '../../ui/host.ts';
import { type FindingCounts, ProtocolPanel, ThemedApp } from '../../ui/ProtocolPanel.tsx';
import { strings } from '../../ui/strings.ts';
import { initialTheme } from '../../ui/theme.ts';
import { FormDraftStore, type DraftFields } from '../form-store.ts';
import { loadRuntimePolicy, type RuntimePolicy } from '../policy-runtime.ts';
import { connectToTeams, type TeamsSession } from './teams-session.ts';

const useStyles = makeStyles({
  page: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr)',
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalM,
    maxWidth: '1200px',
    margin: '0 auto',
    '@media (min-width: 900px)': { gridTemplateColumns: 'minmax(0, 3fr) minmax(320px, 2fr)' },
  },
  header: { gridColumn: '1 / -1', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  copyRow: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center' },
  // Touch: at least 44 px targets on phones.
  touch: { minHeight: '44px' },
  jump: { display: 'inline-flex', alignItems: 'center', alignSelf: 'flex-start', minHeight: '44px' },
});

const KINDS: { value: string; label: string }[] = [
  { value: 'press release', label: 'Press release' },
  { value: 'statement', label: 'Media statement' },
  { value: 'newsletter', label: 'Newsletter item' },
  { value: 'social media post', label: 'Social media or Teams post' },
  { value: '', label: 'Email or reply' },
];

function copyText(fields: DraftFields): string {
  return fields.subject ? `${fields.subject}\n\n${fields.body}` : fields.body;
}

function TeamsTab({ store, session, runtime }: { store: FormDraftStore; session: TeamsSession; runtime: RuntimePolicy }) {
  const styles = useStyles();
  const fields = useSyncExternalStore(store.subscribe, () => store.get());
  const [theme, setTheme] = useState<ThemeName>(session.theme);
  const [copied, setCopied] = useState<string>('');
  const [counts, setCounts] = useState<FindingCounts>({ ready: false, error: 0, warning: 0, info: 0 });
  const outstanding = counts.ready ? strings.summary(counts.error, counts.warning, 0) : '';

  useEffect(() => session.onThemeChange(setTheme), [session]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(copyText(store.get()));
      setCopied(
        counts.error > 0
          ? `Copied, but ${counts.error === 1 ? '1 problem still needs' : `${counts.error} problems still need`} fixing before you publish it.`
          : 'Copied. Paste it where you are publishing it.',
      );
    } catch {
      setCopied('Copying was not allowed here. Select the text and copy it yourself.');
    }
  }

  return (
    <ThemedApp theme={theme}>
      <main className={styles.page}>
        <header className={styles.header}>
          <h1 className={styles.title}>Check before you publish</h1>
          <Text>Paste or write a press release, newsletter item, post or reply. Nothing you write leaves this device.</Text>
          {/* On a phone the findings are below the form: the result comes first, and takes the user there. */}
          {outstanding && (
            <Link className={styles.jump} href="#findings">
              {outstanding}: see the findings
            </Link>
          )}
          {!session.inTeams && (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>This page is open outside Teams. It works the same, but it cannot follow your Teams theme or know who you are.</MessageBarBody>
            </MessageBar>
          )}
        </header>
        <form className={styles.form} aria-label="Draft" onSubmit={(e) => e.preventDefault()}>
          <Field label="What you are writing">
            <Select className={styles.touch} value={fields.publicity ?? ''} onChange={(_, d) => store.set({ publicity: d.value })}>
              {KINDS.map((k) => (
                <option key={k.label} value={k.value}>
                  {k.label}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Headline" hint="Or the subject line.">
            <Input className={styles.touch} value={fields.subject} onChange={(_, d) => store.set({ subject: d.value })} />
          </Field>
          <Field label="Text">
            <Textarea value={fields.body} onChange={(_, d) => store.set({ body: d.value })} rows={12} resize="vertical" />
          </Field>
          <Field label="To" hint="Optional: the media distribution or recipients, as Name <email>; separated by ;">
            <Input className={styles.touch} value={fields.to} onChange={(_, d) => store.set({ to: d.value })} />
          </Field>
          <Field label="From" hint={session.userEmail ? 'Your Teams account.' : 'Your council email address.'}>
            <Input className={styles.touch} value={fields.from} onChange={(_, d) => store.set({ from: d.value })} type="email" />
          </Field>
          <Field label="Publication date" hint="Leave empty to check as if publishing now.">
            <Input className={styles.touch} type="datetime-local" value={fields.sendDate} onChange={(_, d) => store.set({ sendDate: d.value })} />
          </Field>
          <div className={styles.copyRow}>
            {/* Copy is the main action only once nothing must be fixed; until then it says what is left. */}
            <Button className={styles.touch} appearance={counts.error > 0 ? 'secondary' : 'primary'} icon={<Copy20Regular />} onClick={() => void copy()} disabled={!fields.body.trim()}>
              {counts.error > 0 ? `Copy text (${strings.summary(counts.error, 0, 0)})` : 'Copy text'}
            </Button>
            <Button className={styles.touch} appearance="subtle" onClick={() => store.newDraft()}>
              Start a new draft
            </Button>
            <Text role="status">{copied}</Text>
          </div>
        </form>
        <div id="findings">
          <ProtocolPanel
            host={store}
            policy={runtime.policy}
            policyNotice={runtime.notice}
            docsBase={new URL('.', location.href).href}
            onCounts={setCounts}
            publicity={!!fields.publicity}
          />
        </div>
      </main>
    </ThemedApp>
  );
}

async function start() {
  const root = createRoot(document.getElementById('root')!);
  const fallback = initialTheme(location.search, (q) => matchMedia(q).matches);
  const [session, runtime] = await Promise.all([connectToTeams(fallback), loadRuntimePolicy(new URL('.', location.href).href, location.search)]);
  const store = new FormDraftStore({ publicity: 'press release', ...(session.userEmail ? { from: session.userEmail } : {}) });
  root.render(
    <StrictMode>
      <TeamsTab store={store} session={session} runtime={runtime} />
    </StrictMode>,
  );
}

void start();
