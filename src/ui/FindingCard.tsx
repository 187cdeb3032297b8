/**
 * One finding: severity (icon and words, never colour alone), what is wrong, the evidence,
 * the protocol paragraph it rests on, and what to do — fixes as "Apply" buttons, advice as text.
 */
import { PanelButton } from './controls.tsx';
import { ErrorCircle20Filled, Info20Filled, Warning20Filled } from '@fluentui/react-icons';
import { useId, useState } from 'react';
import type { Finding, Suggestion } from '../engine/types.ts';
import { FIELD_LABELS, PACK_NAMES, RULE_TITLES, SEVERITY_LABELS, strings } from './strings.ts';


export interface FindingCardProps {
  finding: Finding;
  onApply(suggestion: Suggestion): void;
  onDismiss(reason: string): void;
  /** Base URL of the rule docs (the site's docs/ folder). */
  docsBase?: string;
  busy?: boolean;
  /** The card title's heading level: one below the panel's heading. */
  headingLevel?: 2 | 3 | 4;
}

const ICONS = { error: ErrorCircle20Filled, warning: Warning20Filled, info: Info20Filled } as const;

export function FindingCard({ finding, onApply, onDismiss, docsBase = '', busy, headingLevel = 3 }: FindingCardProps) {
  const Heading = `h${headingLevel}` as const;
  const headingId = useId();
  const reasonId = useId();
  const [dismissing, setDismissing] = useState(false);
  const [reason, setReason] = useState('');
  const Icon = ICONS[finding.severity];
  const title = RULE_TITLES[finding.rule];
  const fixes = finding.suggestions.filter((s) => s.edits.length > 0);
  const advice = finding.suggestions.filter((s) => s.edits.length === 0);
  const { evidence } = finding;
  const fieldLabel = FIELD_LABELS[evidence.field] ?? evidence.field;

  return (
    <section
      className={`pc-card pc-card-${finding.severity}`}
      aria-labelledby={headingId}
      data-rule={finding.rule}
      data-severity={finding.severity}
    >
      <div className="pc-card-header">
        <Icon
          className={`pc-icon pc-icon-${finding.severity}`}
          aria-hidden="true"
        />
        <div>
          <span className="pc-caption pc-severity">{SEVERITY_LABELS[finding.severity]}</span>
          <Heading id={headingId} className="pc-card-heading" tabIndex={-1}>
            <span className="visually-hidden">{SEVERITY_LABELS[finding.severity]}: </span>
            {title}
          </Heading>
        </div>
      </div>
      <p className="pc-message">
        {finding.message}
      </p>
      {evidence.recipient ? (
        <p className="pc-evidence">{strings.evidenceRecipient(fieldLabel, evidence.recipient)}</p>
      ) : evidence.quote ? (
        <blockquote className="pc-evidence">
          <span className="pc-caption">{strings.evidenceQuote(fieldLabel)}</span> “{evidence.quote}”
        </blockquote>
      ) : null}
      {fixes.length > 0 && (
        <div className="pc-actions">
          {fixes.map((s, i) => (
            <PanelButton
              key={i}
              appearance={i === 0 ? 'primary' : 'secondary'}
              className="pc-apply pc-touch"
              aria-label={strings.applyName(s.title)}
              disabled={busy}
              onClick={() => onApply(s)}
            >
              {strings.applyPrefix}: {s.title}
            </PanelButton>
          ))}
        </div>
      )}
      {advice.length > 0 && (
        <ul className="pc-list" aria-label={strings.advice}>
          {advice.map((s, i) => (
            <li key={i}>
              <span>{s.title}</span>
            </li>
          ))}
        </ul>
      )}
      <ul className="pc-list" aria-label="Protocol">
        {finding.citations.map((c, i) => (
          <li key={i} className="pc-citation">
            <span className="pc-caption">
              <strong>{strings.paragraph(PACK_NAMES[c.pack], c.section ? `${c.paragraph} (${c.section})` : c.paragraph)}</strong>: {c.summary}
              {c.otherCouncil ? ` ${strings.otherCouncil}` : ''}
            </span>
          </li>
        ))}
      </ul>
      <div className="pc-row">
        <a className="pc-link pc-touch-link" href={`${docsBase}docs/rules/${finding.rule}.html`} target="_blank" rel="noopener">
          {strings.aboutRule}
          <span className="visually-hidden">: {title}</span>
        </a>
        {!dismissing && (
          <PanelButton className="pc-touch" appearance="subtle" size="small" aria-label={strings.dismissName(title)} onClick={() => setDismissing(true)}>
            {strings.dismiss}
          </PanelButton>
        )}
      </div>
      {dismissing && (
        <form
          className="pc-fix"
          onSubmit={(e) => {
            e.preventDefault();
            onDismiss(reason);
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
            <PanelButton className="pc-touch" type="button" appearance="subtle" onClick={() => setDismissing(false)}>
              {strings.cancel}
            </PanelButton>
          </div>
        </form>
      )}
    </section>
  );
}
