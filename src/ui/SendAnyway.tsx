/**
 * Opened from the send-time dialog's "Review findings" (issue 12): the problems that stopped the
 * email, at the top of the panel, and "Send anyway with a reason" — the council's reasons (or a
 * short default list), always "this is a false positive" and "other" with the user's own words.
 * Host-blind: the host records the choice and sends (or says to select Send again) through
 * `onSend`. Native controls styled with Fluent's tokens, like the rest of the taskpane.
 */
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import type { AuditSettings } from '../engine/policy.ts';
import { Notice, PanelButton } from './controls.tsx';
import { OTHER_REASON, reasonCodes, reasonLabel } from './override-reasons.ts';
import type { Problem } from './problems.ts';
import './send-anyway.css';
import { strings } from './strings.ts';

/** What the user chose, for the problems it covers. */
export interface SendAnywayChoice {
  /** The problem keys sent past. */
  keys: string[];
  /** Their rule ids, each once. */
  rules: string[];
  /** The reason code. */
  reason: string;
  /** The user's own words (reason "other"). */
  text?: string;
  /** What the panel's dismissed list says about these problems. */
  dismissReason: string;
}

export type SendAnywayResult = { kind: 'sent'; recorded: boolean } | { kind: 'sendAgain'; recorded: boolean } | { kind: 'failed' };

export interface StoppedSendProps {
  /** The problems that stopped the send and still stand. */
  problems: readonly Problem[];
  /** Each problem's card, as the panel draws it. */
  renderCard(problem: Problem): ReactNode;
  audit?: AuditSettings;
  /** False in `block` mode: the email cannot go until the problems are fixed. */
  canSendAnyway: boolean;
  /** Record the choice and send; absent where the host cannot (no form is offered). */
  onSend?(choice: SendAnywayChoice): Promise<SendAnywayResult>;
  /** Told after a send anyway, so the panel can read the item's dismissals again. */
  onSent?(): void;
  /** The section heading's level. */
  headingLevel: 2 | 3;
}

export function StoppedSend({ problems, renderCard, audit, canSendAnyway, onSend, onSent, headingLevel }: StoppedSendProps) {
  const headingId = useId();
  const [result, setResult] = useState<SendAnywayResult | undefined>();
  const resultRef = useRef<HTMLDivElement>(null);
  const Heading = `h${headingLevel}` as const;

  useEffect(() => {
    // Focus follows the outcome, so a screen reader reads it at once.
    if (result && result.kind !== 'failed') resultRef.current?.focus();
  }, [result]);

  const done = result && result.kind !== 'failed';
  return (
    <section className="pc-stopped" aria-labelledby={headingId} id="pc-stopped">
      <Heading id={headingId} className="pc-group-heading" tabIndex={-1}>
        {strings.stoppedHeading}
      </Heading>
      {done ? (
        <div ref={resultRef} tabIndex={-1} role="status" className="pc-stopped-result">
          <Notice intent={result.kind === 'sent' ? 'success' : 'info'}>
            {result.kind === 'sent' ? strings.sendAnywaySent : strings.sendAnywaySendAgain}
            {result.recorded ? ` ${strings.sendAnywayRecorded}` : ''}
          </Notice>
        </div>
      ) : problems.length === 0 ? (
        <Notice intent="success">{strings.stoppedNoneLeft}</Notice>
      ) : (
        <>
          <p className="pc-message">{strings.stoppedIntro(problems.length)}</p>
          <ul className="pc-findings">
            {problems.map((p) => (
              <li key={p.key}>{renderCard(p)}</li>
            ))}
          </ul>
          {!canSendAnyway ? (
            <Notice intent="warning">{strings.sendAnywayNotAllowed}</Notice>
          ) : (
            onSend && (
              <SendAnywayForm
                audit={audit}
                onSubmit={async (reason, text) => {
                  const choice: SendAnywayChoice = {
                    keys: problems.map((p) => p.key),
                    rules: [...new Set(problems.map((p) => p.rule))],
                    reason,
                    ...(text ? { text } : {}),
                    dismissReason: strings.sentAnywayBecause(reason === OTHER_REASON && text ? text : reasonLabel(reason)),
                  };
                  let outcome: SendAnywayResult;
                  try {
                    outcome = await onSend(choice);
                  } catch (error) {
                    console.error('Send anyway failed', error);
                    outcome = { kind: 'failed' };
                  }
                  setResult(outcome);
                  if (outcome.kind !== 'failed') onSent?.();
                  return outcome;
                }}
              />
            )
          )}
        </>
      )}
    </section>
  );
}

interface SendAnywayFormProps {
  audit?: AuditSettings;
  onSubmit(reason: string, text: string | undefined): Promise<SendAnywayResult>;
}

/** The disclosure button, then the reasons as a radio group, with the user's words for "other". */
function SendAnywayForm({ audit, onSubmit }: SendAnywayFormProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState('');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const first = useRef<HTMLInputElement>(null);
  const ownWords = useRef<HTMLTextAreaElement>(null);
  const codes = reasonCodes(audit);
  const recorded = !!audit?.publicKey;

  useEffect(() => {
    if (open) first.current?.focus();
  }, [open]);

  const close = () => {
    setOpen(false);
    setError(undefined);
    // Focus goes back to the button that opened the form, never to the page.
    queueMicrotask(() => opener.current?.focus());
  };

  async function submit() {
    if (!choice) {
      setError(strings.sendAnywayChoose);
      first.current?.focus();
      return;
    }
    const words = text.trim();
    if (choice === OTHER_REASON && !words) {
      setError(strings.sendAnywayWriteOwn);
      ownWords.current?.focus();
      return;
    }
    setError(undefined);
    setFailed(false);
    setBusy(true);
    const outcome = await onSubmit(choice, choice === OTHER_REASON ? words : undefined);
    setBusy(false);
    if (outcome.kind === 'failed') setFailed(true);
  }

  if (!open) {
    return (
      <div className="pc-row">
        <PanelButton ref={opener} className="pc-touch" appearance="secondary" aria-expanded={false} onClick={() => setOpen(true)}>
          {strings.sendAnywayOpen}
        </PanelButton>
      </div>
    );
  }
  return (
    <form
      className="pc-fill pc-send-anyway"
      aria-labelledby={`${id}-legend`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !busy) {
          e.preventDefault();
          close();
        }
      }}
    >
      <fieldset className="pc-fieldset" aria-describedby={[error ? `${id}-error` : '', recorded ? `${id}-recorded` : ''].filter(Boolean).join(' ') || undefined}>
        <legend id={`${id}-legend`} className="pc-legend">
          {strings.sendAnywayLegend}
        </legend>
        {error && (
          <p id={`${id}-error`} className="pc-field-error" role="alert">
            {error}
          </p>
        )}
        {codes.map((code, i) => (
          <label key={code} className="pc-choice pc-touch">
            <input
              ref={i === 0 ? first : undefined}
              type="radio"
              name={`${id}-reason`}
              value={code}
              checked={choice === code}
              onChange={() => {
                setChoice(code);
                setError(undefined);
                if (code === OTHER_REASON) queueMicrotask(() => ownWords.current?.focus());
              }}
            />
            <span>{reasonLabel(code)}</span>
          </label>
        ))}
        {choice === OTHER_REASON && (
          <>
            <label htmlFor={`${id}-own`} className="pc-reason-label">
              {strings.sendAnywayOwnWords}
            </label>
            <textarea
              id={`${id}-own`}
              ref={ownWords}
              className="pc-reason"
              rows={2}
              maxLength={300}
              value={text}
              aria-describedby={recorded ? `${id}-words` : undefined}
              onChange={(e) => setText(e.currentTarget.value)}
            />
            {recorded && (
              <p id={`${id}-words`} className="pc-caption">
                {audit?.includeReasonText ? strings.sendAnywayWordsRecorded : strings.sendAnywayWordsKept}
              </p>
            )}
          </>
        )}
      </fieldset>
      {recorded && (
        <p id={`${id}-recorded`} className="pc-caption">
          {strings.sendAnywayRecorded}
        </p>
      )}
      {failed && (
        <p className="pc-field-error" role="alert">
          {strings.sendAnywayFailed}
        </p>
      )}
      <p className="visually-hidden" role="status" aria-live="polite">
        {busy ? strings.sendAnywaySending : ''}
      </p>
      <div className="pc-row">
        <PanelButton className="pc-touch" type="submit" appearance="primary" disabled={busy}>
          {strings.sendAnywayConfirm}
        </PanelButton>
        <PanelButton className="pc-touch" type="button" appearance="secondary" disabled={busy} onClick={close}>
          {strings.cancel}
        </PanelButton>
      </div>
    </form>
  );
}
