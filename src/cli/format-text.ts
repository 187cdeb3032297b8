/**
 * The readable report: one block per file, one block per finding, each file's block printed as
 * soon as it is checked and the totals last. Severity is always a word, so colour only ever
 * repeats what the text says (colour is off unless asked for).
 */
import type { Citation, Evidence, Finding, PackId, Severity } from '../engine/types.ts';
import { evidenceRange } from './position.ts';
import { type CheckedFile, type FileResult, isFailed, PACK_NAMES, type ReportWriter, type Totals, TotalsCounter } from './results.ts';

const ANSI = { reset: '\x1b[0m', bold: '\x1b[1m', dim: '\x1b[2m', red: '\x1b[31m', yellow: '\x1b[33m', blue: '\x1b[34m' };
const SEVERITY_COLOUR: Record<Severity, string> = { error: ANSI.red, warning: ANSI.yellow, info: ANSI.blue };
const FIELD_LABEL: Record<Evidence['field'], string> = { from: 'From', to: 'To', cc: 'Cc', bcc: 'Bcc', subject: 'subject', body: 'body', date: 'Date' };
const QUOTE_LIMIT = 100;

type Paint = (style: string, text: string) => string;

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A quote on one line, cut with an ellipsis when it is long. */
function oneLine(quote: string): string {
  const flat = quote.replace(/(?<!\s)\s*\r?\n\s*/g, ' ').trim();
  return flat.length > QUOTE_LIMIT ? `${flat.slice(0, QUOTE_LIMIT - 1)}…` : flat;
}

export function describeEvidence(evidence: Evidence, file: Pick<CheckedFile, 'body' | 'subject' | 'date'>): string {
  const label = FIELD_LABEL[evidence.field];
  if (evidence.recipient) return `${label}: ${evidence.recipient}`;
  const range = evidenceRange(evidence, file);
  if (range) {
    const text = evidence.field === 'body' ? file.body : file.subject;
    const quote = evidence.quote ?? text.slice(evidence.start, evidence.end);
    return `${label} ${range.start.line}:${range.start.column}: "${oneLine(quote)}"`;
  }
  if (evidence.field === 'date') return `Date: ${file.date ?? 'the time of sending'}`;
  if (evidence.quote) return `${label}: "${oneLine(evidence.quote)}"`;
  return label;
}

export function describeCitation(citation: Citation): string {
  const section = citation.section ? ` (${citation.section})` : '';
  const other = citation.otherCouncil ? ' [another council\'s protocol: good practice]' : '';
  const protocol = citation.title ?? PACK_NAMES[citation.pack as PackId] ?? citation.pack;
  return `${protocol}, paragraph ${citation.paragraph}${section}: ${citation.summary}${other}`;
}

function findingBlock(finding: Finding, file: CheckedFile, paint: Paint): string[] {
  const indent = '    ';
  const lines = [`  ${paint(SEVERITY_COLOUR[finding.severity] + ANSI.bold, finding.severity)}  ${paint(ANSI.bold, finding.rule)}  ${finding.message}`];
  lines.push(`${indent}Evidence: ${describeEvidence(finding.evidence, file)}`);
  for (const citation of finding.citations) lines.push(`${indent}Protocol: ${describeCitation(citation)}`);
  for (const suggestion of finding.suggestions) {
    lines.push(`${indent}${suggestion.edits.length > 0 ? 'Fix' : 'Advice'}: ${suggestion.title}`);
  }
  lines.push(`${indent}${paint(ANSI.dim, `More: ${finding.docs}`)}`);
  return lines;
}

function fileBlock(result: FileResult, paint: Paint): string {
  const out = [paint(ANSI.bold, result.file)];
  if (isFailed(result)) {
    out.push(`  ${paint(ANSI.red + ANSI.bold, 'not checked')}  ${result.error}`);
  } else if (result.findings.length === 0) {
    out.push('  No problems found.');
  } else {
    result.findings.forEach((finding, i) => {
      if (i > 0) out.push('');
      out.push(...findingBlock(finding, result, paint));
    });
  }
  return `${out.join('\n')}\n\n`;
}

function summaryLine(t: Totals): string {
  const notChecked = t.failed ? `, ${t.failed} not checked` : '';
  return `${plural(t.files, 'file')}${notChecked}: ${plural(t.bySeverity.error, 'error')}, ${plural(t.bySeverity.warning, 'warning')}, ${t.bySeverity.info} info\n`;
}

/** Prints each file's block as soon as it is checked, and the totals at the end. */
export function textReportWriter(options: { color: boolean }): ReportWriter {
  const paint: Paint = options.color ? (style, text) => `${style}${text}${ANSI.reset}` : (_style, text) => text;
  const counter = new TotalsCounter();
  return {
    add(result) {
      counter.add(result);
      return fileBlock(result, paint);
    },
    end() {
      return summaryLine(counter.totals);
    },
  };
}

export function formatText(results: readonly FileResult[], options: { color: boolean }): string {
  const writer = textReportWriter(options);
  return results.map((result) => writer.add(result)).join('') + writer.end();
}
