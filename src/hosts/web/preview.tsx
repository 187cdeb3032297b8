/**
 * The browser preview (contract 6): an editable draft beside the findings panel, so that a
 * monitoring officer or a new user can try the checker and a policy without Office.
 */
import { Caption1, Field, Input, Label, MessageBar, MessageBarBody, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { StrictMode, useEffect, useId, useMemo, useState, useSyncExternalStore } from 'react';
import { createRoot } from 'react-dom/client';
import type { ResolvedPolicy } from '../../engine/policy.ts';
import { embeddedDefaultPolicy } from '../../policy/resolve.ts';
import '../../ui/global.css';
import { ProtocolPanel, ThemedApp } from '../../ui/ProtocolPanel.tsx';
import { strings } from '../../ui/strings.ts';
import { initialTheme } from '../../ui/theme.ts';
import { loadRuntimePolicy } from '../policy-runtime.ts';
import { type DraftFields, FormDraftStore } from '../form-store.ts';

const useStyles = makeStyles({
  page: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr)',
    gap: tokens.spacingHorizontalL,
    padding: tokens.spacingHorizontalM,
    maxWidth: '1200px',
    margin: '0 auto',
    '@media (min-width: 760px)': { gridTemplateColumns: 'minmax(0, 3fr) minmax(300px, 2fr)' },
  },
  header: { gridColumn: '1 / -1', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  policy: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  drop: {
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  panel: { minWidth: 0 },
});

type FieldName = keyof DraftFields;
const FIELDS: { name: FieldName; label: string; hint?: string; multiline?: boolean; type?: string }[] = [
  { name: 'from', label: 'From', hint: 'Name <email>' },
  { name: 'to', label: 'To', hint: 'Name <email>; separate recipients with ; or ,' },
  { name: 'cc', label: 'Cc' },
  { name: 'bcc', label: 'Bcc' },
  { name: 'subject', label: 'Subject' },
  { name: 'sendDate', label: 'Send date', hint: 'Leave empty to check as if sending now.', type: 'datetime-local' },
  { name: 'body', label: 'Body', multiline: true },
];

function PreviewPage({ store }: { store: FormDraftStore }) {
  const styles = useStyles();
  const fields = useSyncExternalStore(store.subscribe, () => store.get());
  const [policy, setPolicy] = useState<ResolvedPolicy | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const [loadErrors, setLoadErrors] = useState<string[]>([]);
  const [dragging, setDragging] = useState(false);
  const fileInputId = useId();
  const theme = useMemo(() => initialTheme(location.search, (q) => matchMedia(q).matches), []);

  useEffect(() => {
    void loadRuntimePolicy(new URL('.', location.href).href, location.search).then((r) => {
      setPolicy(r.policy);
      setNotice(r.notice);
    });
  }, []);

  async function loadFile(file: File) {
    const { formatProblem, parsePolicyText } = await import('../../policy/load.ts');
    const { policy: loaded, problems } = parsePolicyText(await file.text(), file.name);
    setLoadErrors(problems.map(formatProblem));
    if (loaded) {
      setPolicy(loaded);
      setNotice(undefined);
    }
  }

  const policyLine = !policy ? strings.checking : policy.inferPeople ? strings.defaultPolicy : strings.councilPolicy(policy.council.name);

  return (
    <ThemedApp theme={theme}>
      <main
        className={styles.page}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          const file = e.dataTransfer.files[0];
          if (file) void loadFile(file);
        }}
      >
        <header className={styles.header}>
          <h1 className={styles.title}>Protocol Checker preview</h1>
          <Text>Write or paste a draft. The checker reads it as you type; nothing you write leaves this page.</Text>
        </header>
        <form className={styles.form} aria-label="Draft" onSubmit={(e) => e.preventDefault()}>
          <div className={dragging ? `${styles.policy} ${styles.drop}` : styles.policy}>
            <Text>{policyLine}</Text>
            <Label htmlFor={fileInputId}>Load a policy file</Label>
            <Caption1 id={`${fileInputId}-hint`}>Choose the council's policy.json, or drop it on this page.</Caption1>
            <input
              id={fileInputId}
              aria-describedby={`${fileInputId}-hint`}
              type="file"
              accept=".json,application/json"
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                if (file) void loadFile(file);
              }}
            />
            {loadErrors.length > 0 && (
              <MessageBar intent="error" layout="multiline">
                <MessageBarBody>
                  <ul style={{ margin: 0, paddingLeft: '1.2em' }}>
                    {loadErrors.map((m, i) => (
                      <li key={i}>{m}</li>
                    ))}
                  </ul>
                </MessageBarBody>
              </MessageBar>
            )}
          </div>
          {FIELDS.map((f) => (
            <Field key={f.name} label={f.label} hint={f.hint}>
              {f.multiline ? (
                <Textarea value={fields[f.name]} onChange={(_, d) => store.set({ [f.name]: d.value })} rows={14} resize="vertical" />
              ) : (
                <Input
                  value={fields[f.name]}
                  type={(f.type ?? 'text') as 'text'}
                  onChange={(_, d) => store.set({ [f.name]: d.value })}
                />
              )}
            </Field>
          ))}
        </form>
        <div className={styles.panel}>{policy && <ProtocolPanel host={store} policy={policy} policyNotice={notice} showPolicy={false} />}</div>
      </main>
    </ThemedApp>
  );
}

const store = new FormDraftStore();
if (!import.meta.env.PROD) Object.assign(globalThis, { __previewStore: store, __embeddedDefault: embeddedDefaultPolicy });
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PreviewPage store={store} />
  </StrictMode>,
);
