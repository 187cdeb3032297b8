/**
 * One problem, compact first: a title that says what is wrong, one line of explanation and the
 * main fix. "Why?" opens the rest: the whole explanation, every piece of evidence, the other
 * fixes, advice, the protocol paragraphs it rests on, the rule's page and Dismiss. Severity is an
 * icon and words, never colour alone.
 */
import { ErrorCircle20Filled, Info20Filled, Warning20Filled } from '@fluentui/react-icons';
import { type KeyboardEvent, useId, useRef, useState } from 'react';
import type { Draft, PackId, Suggestion } from '../engine/types.ts';
import { PanelButton } from './controls.tsx';
import { describeEvidence } from './evidence.ts';
import { FillInForm } from './FillInForm.tsx';
import { placeholdersIn } from './placeholders.ts';
import type { Problem } from './problems.ts';
import { PACK_NAMES, SEVERITY_LABELS, problemTitle, strings } from './strings.ts';

export interface FindingCardProps {
  problem: Problem;
  /** The draft the problem was found in (for names beside addresses). */
  draft?: Draft;
  onApply(suggestion: Suggestion): void;
  onDismiss(reason: string): void;
  /** Base URL of the rule pages (the site's docs/ folder). */
  docsBase?: string;
  busy?: boolean;
  /** The card title's heading level: one below its group's heading. */
  headingLevel?: 3 | 4;
  /** Publicity (the Teams tab): words for a release or post rather than an email. */
  publicity?: boolean;
}

const ICONS = { error: ErrorCircle20Filled, warning: Warning20Filled, info: Info20Filled } as const;

export function FindingCard({ problem, draft, onApply, onDismiss, docsBase = '', busy, headingLevel = 3, publicity = false }: FindingCardProps) {
  const Heading = `h${headingLevel}` as const;
  const headingId = useId();
  const detailsId = useId();
  const reasonId = useId();
  const [open, setOpen] = useState(false);
  const [dismissing, setDismissing] = useState(false);
  const [reason, setReason] = useState('');
  // A fix that needs the user's words (why someone is copied in): asked for before applying.
  const [asking, setAsking] = useState<Suggestion | undefined>();
  const dismissButton = useRef<HTMLButtonElement>(null);
  const Icon = ICONS[problem.severity];
  const title = problemTitle(problem.rule, problem.recipient, draft, publicity);
  const [primary, ...otherFixes] = problem.fixes;
  const [message, ...otherMessages] = problem.messages;

  const fixButton = (s: Suggestion, appearance: 'primary' | 'secondary') => (
    <PanelButton
      key={s.title}
      appearance={appearance}
      className="pc-apply pc-touch"
      aria-label={strings.applyName(s.title)}
      disabled={busy}
      onClick={() => (placeholdersIn(s).length ? setAsking(s) : onApply(s))}
    >
      {strings.applyPrefix}: {s.title}
    </PanelButton>
  );

  const closeDismiss = () => {
    setDismissing(false);
    // Focus goes back to the button that opened the form, never to the page.
    queueMicrotask(() => dismissButton.current?.focus());
  };

  return (
    <article className={`pc-card pc-card-${problem.severity}`} aria-labelledby={headingId} data-rule={problem.rule} data-severity={problem.severity} data-key={problem.key}>
      <div className="pc-card-header">
        <Icon className={`pc-icon pc-icon-${problem.severity}`} aria-hidden="true" />
        <Heading id={headingId} className="pc-card-heading" tabIndex={-1}>
          <span className="visually-hidden">{SEVERITY_LABELS[problem.severity]}: </span>
          {title}
        </Heading>
      </div>
      <div className="pc-message-row">
        <p className={open ? 'pc-message' : 'pc-message pc-clamp'}>{message}</p>
        <PanelButton className="pc-touch pc-why" appearance="subtle" size="small" aria-expanded={open} aria-controls={open ? detailsId : undefined} onClick={() => setOpen((v) => !v)}>
          {open ? strings.lessDetail : strings.why}
          <span className="visually-hidden">: {title}</span>
        </PanelButton>
      </div>
      {asking ? (
        <FillInForm
          suggestion={asking}
          busy={busy}
          onApply={(filled) => {
            setAsking(undefined);
            onApply(filled);
          }}
          onCancel={() => setAsking(undefined)}
        />
      ) : (
        primary && <div className="pc-actions">{fixButton(primary, 'primary')}</div>
      )}
      {open && (
        <div id={detailsId} className="pc-details">
          {otherMessages.map((m) => (
            <p key={m} className="pc-message">
              {m}
            </p>
          ))}
          <ul className="pc-list pc-evidence-list" aria-label={strings.evidence}>
            {problem.evidence.map((e, i) => {
              const d = describeEvidence(e, draft);
              return (
                <li key={i} className="pc-evidence">
                  <span className="pc-caption">{d.label}</span> {d.quoted ? `“${d.text}”` : d.text}
                </li>
              );
            })}
          </ul>
          {!asking && otherFixes.length > 0 && <div className="pc-actions">{otherFixes.map((s) => fixButton(s, 'secondary'))}</div>}
          {problem.advice.length > 0 && (
            <ul className="pc-list" aria-label={strings.advice}>
              {problem.advice.map((s) => (
                <li key={s.title}>{s.title}</li>
              ))}
            </ul>
          )}
          <ul className="pc-list" aria-label={strings.protocol}>
            {problem.citations.map((c, i) => (
              <li key={i} className="pc-citation pc-caption">
                <strong>{strings.paragraph(c.title ?? PACK_NAMES[c.pack as PackId] ?? c.pack, c.section ? `${c.paragraph} (${c.section})` : c.paragraph)}</strong>: {c.summary}
                {c.otherCouncil ? ` ${strings.otherCouncil}` : ''}
              </li>
            ))}
          </ul>
          <div className="pc-row pc-card-tools">
            <a className="pc-link pc-touch-link" href={`${docsBase}docs/rules/${problem.rule}.html`} target="_blank" rel="noopener">
              {strings.aboutRule}
              <span className="visually-hidden">: {title}</span>
            </a>
            {!dismissing && (
              <PanelButton ref={dismissButton} className="pc-touch" appearance="subtle" size="small" aria-label={strings.dismissName(title)} onClick={() => setDismissing(true)}>
                {strings.dismiss}
              </PanelButton>
            )}
          </div>
        </div>
      )}
      {open && dismissing && (
        <form
          className="pc-fix"
          onSubmit={(e) => {
            e.preventDefault();
            onDismiss(reason);
          }}
          onKeyDown={(e: KeyboardEvent) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              closeDismiss();
            }
          }}
        >
          {/* A native label and textarea styled with Fluent's tokens: Fluent's Field and Textarea add
              about 5 KB (gzip) to the taskpane for this one optional box. */}
          <label htmlFor={reasonId} className="pc-reason-label">
            {strings.dismissReason}
          </label>
          <textarea id={reasonId} className="pc-reason" value={reason} onChange={(e) => setReason(e.currentTarget.value)} rows={2} autoFocus />
          <div className="pc-row">
            <PanelButton className="pc-touch" type="submit" appearance="secondary">
              {strings.dismissConfirm}
            </PanelButton>
            <PanelButton className="pc-touch" type="button" appearance="subtle" onClick={closeDismiss}>
              {strings.cancel}
            </PanelButton>
          </div>
        </form>
      )}
    </article>
  );
}
