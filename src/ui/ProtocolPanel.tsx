/**
 * The findings panel: a summary line, one card per finding, the result of the last action
 * (with Undo), and dismissed findings for this draft. Host-blind: it gets a DraftHost.
 */
import {
  FluentProvider,
  teamsHighContrastTheme,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { CheckmarkCircle20Filled } from '@fluentui/react-icons';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import type { ResolvedPolicy } from '../engine/policy.ts';
import { Notice, PanelButton } from './controls.tsx';
import { FindingCard } from './FindingCard.tsx';
import './panel.css';
import type { DraftHost, ThemeName } from './host.ts';
import { RULE_TITLES, strings } from './strings.ts';
import { findingKey, useProtocolCheck } from './useProtocolCheck.ts';

export const THEMES = { light: webLightTheme, dark: webDarkTheme, highContrast: teamsHighContrastTheme } as const;


export interface FindingCounts {
  ready: boolean;
  error: number;
  warning: number;
  info: number;
}

export interface ProtocolPanelProps {
  host: DraftHost;
  policy: ResolvedPolicy;
  /** Shown above the findings: e.g. the council policy could not be loaded. */
  policyNotice?: string;
  docsBase?: string;
  /** Say which policy is in use under the heading (the preview says it beside its policy picker instead). */
  showPolicy?: boolean;
  /** The panel heading's level: 1 where the panel is the whole page (the taskpane), else 2. */
  headingLevel?: 1 | 2;
  /** Told the counts of the findings still showing, after every check (the Teams tab shows them by its Copy button). */
  onCounts?: (counts: FindingCounts) => void;
  /** Extra content under the heading (the Teams tab's copy button, say). */
  children?: ReactNode;
}

export function ProtocolPanel({ host, policy, policyNotice, docsBase, showPolicy = true, headingLevel = 2, onCounts, children }: ProtocolPanelProps) {
  const state = useProtocolCheck(host, policy);
  const [showDismissed, setShowDismissed] = useState(false);
  const noticeRef = useRef<HTMLDivElement>(null);
  const summaryRef = useRef<HTMLParagraphElement>(null);
  const [busy, setBusy] = useState(false);

  // After Apply, Undo or Dismiss, put focus on the result line (which holds Undo), or on the summary.
  useEffect(() => {
    if (state.actionCount === 0) return;
    (noticeRef.current ?? summaryRef.current)?.focus();
  }, [state.actionCount]);

  const visible = state.findings.filter((f) => !state.dismissed.has(findingKey(f)));
  const dismissed = state.findings.filter((f) => state.dismissed.has(findingKey(f)));
  const count = (sev: string) => visible.filter((f) => f.severity === sev).length;

  const ready = state.status === 'ready';
  const [errors, warnings, infos] = [count('error'), count('warning'), count('info')];
  useEffect(() => onCounts?.({ ready, error: errors, warning: warnings, info: infos }), [ready, errors, warnings, infos, onCounts]);

  const summaryText =
    state.status === 'checking' ? strings.checking : state.status === 'failed' ? strings.checkFailed : visible.length === 0 ? strings.nothingFound : strings.summary(count('error'), count('warning'), count('info'));

  return (
    <div className="pc-panel">
      {headingLevel === 1 ? <h1 className="pc-panel-heading">{strings.panelHeading}</h1> : <h2 className="pc-panel-heading">{strings.panelHeading}</h2>}
      {showPolicy && <span className="pc-policy">{policy.inferPeople ? strings.defaultPolicy : strings.councilPolicy(policy.council.name)}</span>}
      {policyNotice && (
        <Notice intent="warning">{policyNotice}</Notice>
      )}
      {children}
      <p className="pc-summary" ref={summaryRef} tabIndex={-1} role="status" aria-live="polite">
        {state.status === 'ready' && visible.length === 0 && <CheckmarkCircle20Filled className="pc-ok" aria-hidden="true" />}
        <span className="pc-strong" data-testid="summary">
          {summaryText}
        </span>
      </p>
      {state.notice && (
        <div ref={noticeRef} tabIndex={-1}>
          <Notice
            intent={state.notice.kind === 'applied' || state.notice.kind === 'undone' ? 'success' : 'error'}
            actions={state.notice.kind === 'applied' && <PanelButton onClick={() => void state.undo()}>{strings.undo}</PanelButton>}
          >
              {state.notice.kind === 'applied'
                ? strings.applied(state.notice.title)
                : state.notice.kind === 'undone'
                  ? strings.undone
                  : state.notice.kind === 'refused'
                    ? strings.refused(state.notice.message)
                    : strings.checkFailed}
          </Notice>
        </div>
      )}
      <ul className="pc-findings" aria-label="Findings">
        {visible.map((f) => (
          <li key={findingKey(f)}>
            <FindingCard
              finding={f}
              headingLevel={headingLevel === 1 ? 2 : 3}
              docsBase={docsBase}
              busy={busy}
              onApply={(s) => {
                setBusy(true);
                void state.apply(s).finally(() => setBusy(false));
              }}
              onDismiss={(reason) => state.dismiss(f, reason)}
            />
          </li>
        ))}
      </ul>
      {dismissed.length > 0 && (
        <div className="pc-dismissed">
          <span>{strings.dismissedCount(dismissed.length)}</span>
          <PanelButton appearance="subtle" aria-expanded={showDismissed} onClick={() => setShowDismissed((v) => !v)}>
            {showDismissed ? strings.hideDismissed : strings.showDismissed}
          </PanelButton>
          {showDismissed && (
            <ul className="pc-findings">
              {dismissed.map((f) => {
                const key = findingKey(f);
                const reason = state.dismissed.get(key);
                return (
                  <li key={key}>
                    <span>
                      {RULE_TITLES[f.rule]}
                      {reason ? ` — ${strings.dismissedBecause(reason)}` : ''}
                    </span>{' '}
                    <PanelButton size="small" onClick={() => state.restoreDismissed(key)}>
                      {strings.restore}
                    </PanelButton>
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}

/** The panel inside Fluent's provider with the host's theme. */
export function ThemedApp({ theme, children }: { theme: ThemeName; children: ReactNode }) {
  return (
    <FluentProvider theme={THEMES[theme]} style={{ minHeight: '100vh' }} data-theme={theme}>
      {children}
    </FluentProvider>
  );
}
