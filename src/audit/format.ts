/**
 * The audit report as JSON and as CSV, with the same numbers. The CSV is "long": one row per
 * number (section, item, measure, value), which a spreadsheet's pivot table turns into any
 * table the monitoring officer wants, and which never needs a column added for a new rule.
 */
import type { AuditReport, RuleCounts } from './report.ts';

export function formatAuditJson(report: AuditReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** One CSV field: quoted when it holds a comma, a quote or a line break; a leading =, +, - or @ is defused for spreadsheets. */
function field(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const RULE_MEASURES: readonly (keyof RuleCounts)[] = ['findings', 'sentAnyway', 'overridden', 'falsePositive', 'fixed', 'withoutStamp'];

export function formatAuditCsv(report: AuditReport): string {
  const rows: (string | number)[][] = [['section', 'item', 'measure', 'value']];
  rows.push(['total', '', 'messages', report.messages], ['total', '', 'unreadable', report.unreadable], ['total', '', 'sentWithoutCheck', report.sentWithoutCheck]);
  rows.push(['stamps', '', 'found', report.stamps.found], ['stamps', '', 'opened', report.stamps.opened], ['stamps', '', 'notOpened', report.stamps.notOpened]);
  for (const [id, counts] of Object.entries(report.rules)) for (const m of RULE_MEASURES) rows.push(['rule', id, m, counts[m]]);
  for (const [month, per] of Object.entries(report.months)) for (const [id, n] of Object.entries(per)) rows.push([`month ${month}`, id, 'findings', n]);
  for (const [reason, n] of Object.entries(report.reasons)) rows.push(['reason', reason, 'records', n]);
  for (const s of report.senders) rows.push(['sender', s.sender, 'overrides', s.overrides]);
  for (const u of report.unreadableItems) rows.push(['unreadable', u.item, u.error, 1]);
  return `${rows.map((r) => r.map(field).join(',')).join('\r\n')}\r\n`;
}
