/**
 * The findings panel: a sticky summary (counts by severity that jump to their group, the
 * dismissed count, and the result of the last action with Undo), then one compact card per
 * problem, grouped by severity, then the problems dismissed for this draft. Opened from the
 * send-time dialog, the problems that stopped the send come first, with Send anyway with a
 * reason (SendAnyway.tsx). Host-blind: it gets a DraftHost.
 *
 * Calm at the moment of action: after Apply or Dismiss the page does not scroll and focus goes
 * to the next problem (or the summary when none is left); a problem that appears above the
 * cards the user is reading does not push them down.
 */
import { FluentProvider, teamsHighContrastTheme, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { CheckmarkCircle20Filled } from '@fluentui/react-icons';
import { type ReactNode, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ResolvedPolicy } from '../engine/policy.ts';
import type { Severity } from '../engine/types.ts';
import { Notice, PanelButton } from './controls.tsx';
import { FindingCard } from './FindingCard.tsx';
import './panel.css';
import type { DraftHost, ThemeName } from './host.ts';
import { type Problem, problemsOf } from './problems.ts';
import { type SendAnywayChoice, type SendAnywayResult, StoppedSend } from './SendAnyway.tsx';
import { problemTitle, SEVERITY_LABELS, strings } from './strings.ts';
import { useProtocolCheck } from './useProtocolCheck.ts';

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
  /** Shown above the findings: the council policy could not be used (one line, detail behind a disclosure). */
  policyNotice?: string;
  docsBase?: string;
  /** Say which policy is in use under the heading (the preview says it beside its policy picker instead). */
  showPolicy?: boolean;
  /** The panel heading's level: 1 where the panel is the whole page (the taskpane), else 2. */
  headingLevel?: 1 | 2;
  /** Told the counts of the problems still showing, after every check (the Teams tab shows them by its Copy button). */
  onCounts?: (counts: FindingCounts) => void;
  /** Publicity words (the Teams tab, for a release or post). */
  publicity?: boolean;
  /**
   * Problem keys to open on (the ones that stopped a send): they are shown first, under "Your
   * email has not been sent", and the first is focused once it shows.
   */
  focusOn?: readonly string[];
  /** Opened from the send dialog: record "Send anyway with a reason" and send (the Outlook taskpane). */
  onSendAnyway?: (choice: SendAnywayChoice) => Promise<SendAnywayResult>;
  /** Extra content under the heading (the Teams tab's copy button, say). */
  children?: ReactNode;
}

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

/** Where the last action was, so focus can go to the problem that took its place. */
interface Pending {
  key: string;
  index: number;
  scrollY: number;
}

/** The panel's heading, at the level the page gives it. */
function PanelHeading({ level }: { level: 1 | 2 }) {
  return level === 1 ? <h1 className="pc-panel-heading">{strings.panelHeading}</h1> : <h2 className="pc-panel-heading">{strings.panelHeading}</h2>;
}

/**
 * What the pane shows while the council's policy is fetched, before the panel can check
 * anything: the same heading and status line as the panel, so nothing jumps when it arrives.
 */
export function LoadingPanel({ headingLevel = 2 }: { headingLevel?: 1 | 2 }) {
  return (
    <div className="pc-panel">
      <PanelHeading level={headingLevel} />
      <div className="pc-sticky">
        <p className="pc-summary" role="status" aria-live="polite">
          <span className="pc-spinner" aria-hidden="true" />
          <span className="pc-strong">{strings.loadingPolicy}</span>
        </p>
      </div>
    </div>
  );
}

export function ProtocolPanel({ host, policy, policyNotice, docsBase, showPolicy = true, headingLevel = 2, onCounts, publicity = false, focusOn, onSendAnyway, children }: ProtocolPanelProps) {
  const state = useProtocolCheck(host, policy);
  const [showDismissed, setShowDismissed] = useState(false);
  const summaryRef = useRef<HTMLParagraphElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const stickyRef = useRef<HTMLDivElement>(null);
  const pending = useRef<Pending | undefined>(undefined);
  const positions = useRef(new Map<string, number>());
  const [busy, setBusy] = useState(false);
  const groupHeading = headingLevel === 1 ? 'h2' : 'h3';
  const cardHeading = headingLevel === 1 ? 3 : 4;

  // A release or post is published, not sent: the engine words its findings so (publicityMessages).
  const problems = problemsOf(state.findings);
  const visible = problems.filter((p) => !state.dismissed.has(p.key));
  const dismissed = problems.filter((p) => state.dismissed.has(p.key));
  // Opened from the send dialog: the problems that stopped the send come first, in their own section.
  const showStopped = state.status === 'ready' && !!focusOn?.length;
  const stopped = showStopped ? visible.filter((p) => focusOn!.includes(p.key)) : [];
  const grouped = showStopped ? visible.filter((p) => !focusOn!.includes(p.key)) : visible;
  // The cards in page order: where focus goes after an action.
  const ordered = [...stopped, ...grouped];
  const count = (sev: Severity) => visible.filter((p) => p.severity === sev).length;
  const ready = state.status === 'ready';
  const [errors, warnings, infos] = [count('error'), count('warning'), count('info')];
  useEffect(() => onCounts?.({ ready, error: errors, warning: warnings, info: infos }), [ready, errors, warnings, infos, onCounts]);

  const cardHeadingOf = (key: string) => listRef.current?.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"] .pc-card-heading`);

  // After Apply, Undo or Dismiss: focus on the problem that took the acted-on one's place (or the
  // same one, when the action was refused), else on the summary; the scroll position stays.
  useEffect(() => {
    if (state.actionCount === 0) return;
    const p = pending.current;
    pending.current = undefined;
    const keys = ordered.map((v) => v.key);
    const target = p && keys.includes(p.key) ? p.key : keys[Math.min(p?.index ?? 0, keys.length - 1)];
    const element = (target && cardHeadingOf(target)) || summaryRef.current;
    element?.focus({ preventScroll: true });
    if (p && Math.abs(window.scrollY - p.scrollY) > 1) window.scrollTo({ top: p.scrollY, behavior: 'instant' });
    // Only if the problem now in focus is wholly out of sight (the one acted on was long and
    // open), bring it just into view: focus must never be hidden.
    const rect = element?.getBoundingClientRect();
    const top = stickyRef.current?.getBoundingClientRect().bottom ?? 0;
    if (rect && (rect.bottom <= top || rect.top >= window.innerHeight)) element!.scrollIntoView({ block: 'nearest' });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only once per action
  }, [state.actionCount]);

  // A problem that appears above the one being read must not push it down the page: keep the
  // first card that was in view where it was (the browser's own scroll anchoring does not work
  // at the top of the page, where most reading happens in a short pane).
  useLayoutEffect(() => {
    const cards = [...(listRef.current?.querySelectorAll<HTMLElement>('[data-key]') ?? [])];
    const topOf = (el: HTMLElement) => el.getBoundingClientRect().top + window.scrollY;
    const before = positions.current;
    const added = cards.some((c) => !before.has(c.dataset.key!));
    if (added && before.size > 0 && !pending.current) {
      const viewTop = window.scrollY + (stickyRef.current?.offsetHeight ?? 0);
      const anchor = cards.find((c) => before.has(c.dataset.key!) && before.get(c.dataset.key!)! >= viewTop - 1);
      if (anchor) {
        const delta = topOf(anchor) - before.get(anchor.dataset.key!)!;
        if (Math.abs(delta) > 1) window.scrollBy({ top: delta, behavior: 'instant' });
      }
    }
    positions.current = new Map(cards.map((c) => [c.dataset.key!, topOf(c)]));
  });

  // Opened from the send dialog: go to the first problem that stopped the send, once.
  const focusedOnOpen = useRef(false);
  useEffect(() => {
    if (focusedOnOpen.current || !focusOn?.length || !ready) return;
    const key = focusOn.find((k) => visible.some((v) => v.key === k));
    const heading = key && cardHeadingOf(key);
    if (!heading) return;
    focusedOnOpen.current = true;
    heading.focus({ preventScroll: true });
    heading.closest('article')?.scrollIntoView({ block: 'center' });
  });

  const remember = (key: string) => {
    pending.current = { key, index: Math.max(0, ordered.findIndex((v) => v.key === key)), scrollY: window.scrollY };
  };

  const empty = !!state.draft && !state.draft.body.trim() && !state.draft.subject.trim();
  const dismissedTail = dismissed.length ? ` ${strings.dismissedTail(dismissed.length)}.` : '';
  const summaryText =
    state.status === 'checking'
      ? strings.checking
      : state.status === 'failed'
        ? strings.checkFailed
        : empty
          ? strings.startWriting
          : visible.length === 0
            ? `${strings.nothingFound}${dismissedTail}`
            : `${strings.summary(errors, warnings, infos)}.${dismissedTail}`;

  const jump = (sev: Severity) => {
    // A severity whose problems all stopped the send has no group of its own: go to their section.
    const heading = document.getElementById(`pc-group-${sev}`) ?? document.querySelector<HTMLElement>('#pc-stopped .pc-group-heading');
    heading?.focus({ preventScroll: true });
    heading?.scrollIntoView({ block: 'start' });
    if (heading && stickyRef.current) window.scrollBy({ top: -stickyRef.current.offsetHeight, behavior: 'instant' });
  };

  /** One problem's card, wherever it is shown. */
  const card = (p: Problem) => (
    <FindingCard
      problem={p}
      {...(state.draft ? { draft: state.draft } : {})}
      headingLevel={cardHeading}
      docsBase={docsBase}
      busy={busy}
      publicity={publicity}
      onApply={(s) => {
        remember(p.key);
        setBusy(true);
        void state.apply(s).finally(() => setBusy(false));
      }}
      onDismiss={(reason) => {
        remember(p.key);
        void state.dismiss(p.key, reason);
      }}
    />
  );

  const notice = state.notice;
  return (
    <div className="pc-panel">
      <PanelHeading level={headingLevel} />
      {showPolicy && <span className="pc-policy">{policy.inferPeople ? strings.defaultPolicy : strings.councilPolicy(policy.council.name)}</span>}
      {policyNotice && <PolicyNotice detail={policyNotice} />}
      {children}
      <div className="pc-sticky" ref={stickyRef}>
        <p className="pc-summary" ref={summaryRef} tabIndex={-1} role="status" aria-live="polite">
          {state.status === 'checking' && <span className="pc-spinner" aria-hidden="true" />}
          {ready && !empty && visible.length === 0 && <CheckmarkCircle20Filled className="pc-ok" aria-hidden="true" />}
          <span className="pc-strong" data-testid="summary">
            {ready && !empty && visible.length > 0 ? <SummaryLinks counts={{ error: errors, warning: warnings, info: infos }} onJump={jump} tail={dismissedTail} /> : summaryText}
          </span>
        </p>
        {state.status === 'failed' && (
          <PanelButton className="pc-touch" onClick={() => void state.recheck()}>
            {strings.tryAgain}
          </PanelButton>
        )}
        {notice && (
          <Notice
            intent={notice.kind === 'applied' || notice.kind === 'undone' ? 'success' : 'error'}
            actions={
              notice.kind === 'applied' &&
              notice.plan &&
              !notice.undoWithdrawn && (
                <PanelButton className="pc-touch" size="small" onClick={() => void state.undo()}>
                  {strings.undo}
                </PanelButton>
              )
            }
          >
            {notice.kind === 'applied'
              ? `${strings.applied(notice.title)}${notice.undoWithdrawn ? ` ${strings.undoWithdrawn}` : ''}`
              : notice.kind === 'undone'
                ? strings.undone(notice.title)
                : notice.kind === 'refused'
                  ? strings.refused(notice.message)
                  : strings.actionFailed}
          </Notice>
        )}
      </div>
      <div ref={listRef} className="pc-groups">
        {showStopped && (
          <StoppedSend
            problems={stopped}
            renderCard={card}
            canSendAnyway={policy.sendTime.mode !== 'block'}
            headingLevel={headingLevel === 1 ? 2 : 3}
            {...(policy.audit ? { audit: policy.audit } : {})}
            {...(onSendAnyway ? { onSend: onSendAnyway } : {})}
            onSent={() => void state.recheck()}
          />
        )}
        {SEVERITIES.map((sev) => {
          const inGroup = grouped.filter((p) => p.severity === sev);
          if (!inGroup.length) return null;
          const Group = groupHeading;
          return (
            <section key={sev} className="pc-group" aria-labelledby={`pc-group-${sev}`}>
              <Group id={`pc-group-${sev}`} className="pc-group-heading" tabIndex={-1}>
                {strings.groupHeading(SEVERITY_LABELS[sev], inGroup.length)}
              </Group>
              <ul className="pc-findings">
                {inGroup.map((p) => (
                  <li key={p.key}>{card(p)}</li>
                ))}
              </ul>
            </section>
          );
        })}
      </div>
      {dismissed.length > 0 && (
        <div className="pc-dismissed">
          <span>{strings.dismissedCount(dismissed.length)}</span>
          <PanelButton className="pc-touch" appearance="subtle" aria-expanded={showDismissed} onClick={() => setShowDismissed((v) => !v)}>
            {showDismissed ? strings.hideDismissed : strings.showDismissed}
          </PanelButton>
          {showDismissed && (
            <ul className="pc-findings">
              {dismissed.map((p) => {
                const reason = state.dismissed.get(p.key);
                const title = problemTitle(p.rule, p.recipient, state.draft, publicity);
                return (
                  <li key={p.key} className="pc-dismissed-item">
                    <span>
                      {title}
                      {reason ? ` — ${strings.dismissedBecause(reason)}` : ''}
                    </span>
                    <PanelButton
                      className="pc-touch"
                      aria-label={`${strings.restore}: ${title}`}
                      onClick={() => {
                        void state.restoreDismissed(p.key).then(() => {
                          // Focus follows the problem back into the list.
                          requestAnimationFrame(() => cardHeadingOf(p.key)?.focus());
                        });
                      }}
                    >
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

/** "5 must fix, 3 to check, 1 piece of advice.": each count a link to its group. */
function SummaryLinks({ counts, onJump, tail }: { counts: Record<Severity, number>; onJump(s: Severity): void; tail: string }) {
  const words: Record<Severity, (n: number) => string> = {
    error: (n) => strings.summary(n, 0, 0),
    warning: (n) => strings.summary(0, n, 0),
    info: (n) => strings.summary(0, 0, n),
  };
  const shown = SEVERITIES.filter((s) => counts[s] > 0);
  return (
    <>
      {shown.map((s, i) => (
        <span key={s}>
          {i > 0 ? ', ' : ''}
          <a
            className="pc-link pc-touch-link pc-jump"
            href={`#pc-group-${s}`}
            onClick={(e) => {
              e.preventDefault();
              onJump(s);
            }}
          >
            {words[s](counts[s])}
          </a>
        </span>
      ))}
      .{tail}
    </>
  );
}

/**
 * A council policy that could not be used: one plain line for everyone, and the detail (the
 * file, the field, what was wrong) behind a disclosure for the monitoring officer.
 */
function PolicyNotice({ detail }: { detail: string }) {
  return (
    <Notice intent="warning">
      {strings.policyBroken}
      <details className="pc-disclosure">
        <summary className="pc-touch-link">{strings.policyDetail}</summary>
        <span className="pc-caption">{detail}</span>
      </details>
    </Notice>
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
