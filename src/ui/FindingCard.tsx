/**
 * One finding: severity (icon and words, never colour alone), what is wrong, the evidence,
 * the protocol paragraph it rests on, and what to do — fixes as "Apply" buttons, advice as text.
 */
import { Button, Caption1, Field, Link, Text, Textarea, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ErrorCircle20Filled, Info20Filled, Warning20Filled } from '@fluentui/react-icons';
import { useId, useState } from 'react';
import type { Finding, Suggestion } from '../engine/types.ts';
import { FIELD_LABELS, PACK_NAMES, RULE_TITLES, SEVERITY_LABELS, strings } from './strings.ts';

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderLeftWidth: tokens.strokeWidthThickest,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  error: { borderLeftColor: tokens.colorStatusDangerBorderActive },
  warning: { borderLeftColor: tokens.colorStatusWarningBorderActive },
  info: { borderLeftColor: tokens.colorBrandStroke1 },
  header: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalS },
  icon: { flexShrink: 0, marginTop: '2px' },
  iconError: { color: tokens.colorStatusDangerForeground1 },
  iconWarning: { color: tokens.colorStatusWarningForeground1 },
  iconInfo: { color: tokens.colorBrandForeground1 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, fontWeight: tokens.fontWeightSemibold },
  severity: { display: 'block', color: tokens.colorNeutralForeground2 },
  evidence: {
    margin: 0,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`,
    color: tokens.colorNeutralForeground2,
    overflowWrap: 'anywhere',
  },
  citation: { color: tokens.colorNeutralForeground2 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  actions: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'stretch' },
  fix: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  // Touch screens (a councillor in Teams on a phone): 44 px targets, as WCAG 2.5.5 and Apple's and Microsoft's guides ask.
  touch: { '@media (pointer: coarse)': { minHeight: '44px', minWidth: '44px' } },
  touchLink: { '@media (pointer: coarse)': { display: 'inline-flex', alignItems: 'center', minHeight: '44px' } },
  applyButton: { justifyContent: 'flex-start', textAlign: 'left', height: 'auto', paddingTop: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalXS },
});

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
  const styles = useStyles();
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
      className={mergeClasses(styles.card, styles[finding.severity])}
      aria-labelledby={headingId}
      data-rule={finding.rule}
      data-severity={finding.severity}
    >
      <div className={styles.header}>
        <Icon
          className={mergeClasses(styles.icon, finding.severity === 'error' ? styles.iconError : finding.severity === 'warning' ? styles.iconWarning : styles.iconInfo)}
          aria-hidden="true"
        />
        <div>
          <Caption1 className={styles.severity}>{SEVERITY_LABELS[finding.severity]}</Caption1>
          <Heading id={headingId} className={styles.heading} tabIndex={-1}>
            <span className="visually-hidden">{SEVERITY_LABELS[finding.severity]}: </span>
            {title}
          </Heading>
        </div>
      </div>
      <Text as="p" style={{ margin: 0 }}>
        {finding.message}
      </Text>
      {evidence.recipient ? (
        <p className={styles.evidence}>{strings.evidenceRecipient(fieldLabel, evidence.recipient)}</p>
      ) : evidence.quote ? (
        <blockquote className={styles.evidence}>
          <Caption1>{strings.evidenceQuote(fieldLabel)}</Caption1> “{evidence.quote}”
        </blockquote>
      ) : null}
      {fixes.length > 0 && (
        <div className={styles.actions}>
          {fixes.map((s, i) => (
            <Button
              key={i}
              appearance={i === 0 ? 'primary' : 'secondary'}
              className={mergeClasses(styles.applyButton, styles.touch)}
              aria-label={strings.applyName(s.title)}
              disabled={busy}
              onClick={() => onApply(s)}
            >
              {strings.applyPrefix}: {s.title}
            </Button>
          ))}
        </div>
      )}
      {advice.length > 0 && (
        <ul className={styles.list} aria-label={strings.advice}>
          {advice.map((s, i) => (
            <li key={i}>
              <Text>{s.title}</Text>
            </li>
          ))}
        </ul>
      )}
      <ul className={styles.list} aria-label="Protocol">
        {finding.citations.map((c, i) => (
          <li key={i} className={styles.citation}>
            <Caption1>
              <strong>{strings.paragraph(PACK_NAMES[c.pack], c.section ? `${c.paragraph} (${c.section})` : c.paragraph)}</strong>: {c.summary}
              {c.otherCouncil ? ` ${strings.otherCouncil}` : ''}
            </Caption1>
          </li>
        ))}
      </ul>
      <div className={styles.row}>
        <Link className={styles.touchLink} href={`${docsBase}docs/rules/${finding.rule}.html`} target="_blank" rel="noopener">
          {strings.aboutRule}
          <span className="visually-hidden">: {title}</span>
        </Link>
        {!dismissing && (
          <Button className={styles.touch} appearance="subtle" size="small" aria-label={strings.dismissName(title)} onClick={() => setDismissing(true)}>
            {strings.dismiss}
          </Button>
        )}
      </div>
      {dismissing && (
        <form
          className={styles.fix}
          onSubmit={(e) => {
            e.preventDefault();
            onDismiss(reason);
          }}
        >
          <Field label={strings.dismissReason}>
            <Textarea id={reasonId} value={reason} onChange={(_, d) => setReason(d.value)} resize="vertical" autoFocus />
          </Field>
          <div className={styles.row}>
            <Button className={styles.touch} type="submit" appearance="secondary">
              {strings.dismissConfirm}
            </Button>
            <Button className={styles.touch} type="button" appearance="subtle" onClick={() => setDismissing(false)}>
              {strings.cancel}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
