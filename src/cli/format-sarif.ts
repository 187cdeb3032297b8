/**
 * `--format sarif`: SARIF 2.1.0 (OASIS), for code-scanning dashboards and CI annotations.
 *
 * Body evidence carries a region, but its lines and columns count in the plain-text body the
 * checker saw, not in the .eml file's bytes (which are headers, MIME parts and encodings).
 * Each such location says so in its property bag. Recipient, sender and date evidence have
 * no region: they are logical locations named after the header field and the address.
 */
import type { ResolvedPolicy } from '../engine/policy.ts';
import type { Rule } from '../engine/rule.ts';
import type { Finding, Severity } from '../engine/types.ts';
import { evidenceRange } from './position.ts';
import { type CheckedFile, type FailedFile, type FileResult, isFailed, type ReportWriter } from './results.ts';

export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

type SarifLevel = 'error' | 'warning' | 'note' | 'none';
const LEVEL: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note' };

export interface SarifOptions {
  rules: readonly Rule[];
  policy: ResolvedPolicy;
  version: string;
  /** Rule documentation by id (the Markdown of docs/rules/<id>.md), where it exists. */
  docs?: ReadonlyMap<string, string>;
}

/** A relative path stays relative (SARIF allows URI references); absolute paths become file URLs. */
export function artifactUri(file: string): string {
  if (/^[A-Za-z]:[\\/]/.test(file)) return `file:///${file.replace(/\\/g, '/').split('/').map(encodeURIComponent).join('/').replace(/^([A-Za-z])%3A/, '$1:')}`;
  const encoded = file.split('/').map(encodeURIComponent).join('/');
  return file.startsWith('/') ? `file://${encoded}` : encoded;
}

function ruleDescriptor(rule: Rule, policy: ResolvedPolicy, docs: ReadonlyMap<string, string> | undefined) {
  const { id, description, defaultSeverity, fixable } = rule.meta;
  const setting = policy.rules[id];
  const severity = typeof setting === 'object' ? setting.severity : defaultSeverity;
  const docPath = `docs/rules/${id}.md`;
  const summary = description || `Protocol rule ${id}.`;
  return {
    id,
    shortDescription: { text: summary },
    help: {
      text: `${summary} Documentation: ${docPath}`,
      markdown: docs?.get(id) ?? `${summary}\n\nSee [${docPath}](${docPath}).`,
    },
    defaultConfiguration: { enabled: setting !== 'off', level: LEVEL[severity] },
    properties: { docs: docPath, fixable, tags: ['member-officer-protocol'] },
  };
}

function location(finding: Finding, file: CheckedFile) {
  const artifactLocation = { uri: artifactUri(file.file) };
  const { evidence } = finding;
  const range = evidenceRange(evidence, file);
  if (range) {
    return {
      physicalLocation: {
        artifactLocation,
        region: {
          startLine: range.start.line,
          startColumn: range.start.column,
          endLine: range.end.line,
          endColumn: range.end.column,
          ...(evidence.quote !== undefined ? { snippet: { text: evidence.quote } } : {}),
        },
      },
      logicalLocations: [{ name: evidence.field, kind: 'element' }],
      properties: {
        regionRefersTo: evidence.field === 'body' ? 'the plain-text body as parsed, not the bytes of the file' : 'the subject line',
        ...(evidence.start !== undefined ? { start: evidence.start, end: evidence.end ?? evidence.start } : {}),
      },
    };
  }
  const name = evidence.recipient ?? evidence.field;
  return {
    physicalLocation: { artifactLocation },
    logicalLocations: [{ name, fullyQualifiedName: evidence.recipient ? `${evidence.field}/${evidence.recipient}` : evidence.field, kind: 'element' }],
  };
}

/** One checked file's SARIF results: all they need of the body (lines and columns) is worked out here. */
function sarifResultsOf(result: CheckedFile, ruleIndex: ReadonlyMap<string, number>) {
  return result.findings.map((finding) => ({
    ruleId: finding.rule,
    ...(ruleIndex.has(finding.rule) ? { ruleIndex: ruleIndex.get(finding.rule)! } : {}),
    level: LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [location(finding, result)],
    properties: {
      messageId: finding.messageId,
      evidence: finding.evidence,
      citations: finding.citations,
      suggestions: finding.suggestions,
    },
  }));
}

function sarifLog(sarifResults: ReturnType<typeof sarifResultsOf>, failures: readonly FailedFile[], options: SarifOptions) {
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0' as const,
    runs: [
      {
        tool: {
          driver: {
            name: 'protocol-check',
            version: options.version,
            rules: options.rules.map((rule) => ruleDescriptor(rule, options.policy, options.docs)),
          },
        },
        invocations: [
          {
            executionSuccessful: failures.length === 0,
            toolExecutionNotifications: failures.map((failure) => ({
              level: 'error' as const,
              message: { text: `${failure.file}: ${failure.error}` },
              locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(failure.file) } } }],
            })),
          },
        ],
        columnKind: 'utf16CodeUnits' as const,
        properties: { policy: options.policy.source },
        results: sarifResults,
      },
    ],
  };
}

const ruleIndexOf = (rules: readonly Rule[]) => new Map(rules.map((rule, i) => [rule.meta.id as string, i]));

export function toSarif(results: readonly FileResult[], options: SarifOptions) {
  const ruleIndex = ruleIndexOf(options.rules);
  const sarifResults = results.flatMap((result) => (isFailed(result) ? [] : sarifResultsOf(result, ruleIndex)));
  return sarifLog(sarifResults, results.filter(isFailed), options);
}

export function formatSarif(results: readonly FileResult[], options: SarifOptions): string {
  return `${JSON.stringify(toSarif(results, options), null, 2)}\n`;
}

/**
 * SARIF is one document whose run lists the results after the rules, so it is printed at the
 * end. Meanwhile only the text it will print is kept: each result is turned into its JSON as it
 * comes (a quote taken from a body could otherwise hold on to the whole body), and the pieces
 * are set into the document at the end, with the same bytes as `formatSarif`.
 */
export function sarifReportWriter(options: SarifOptions): ReportWriter {
  const ruleIndex = ruleIndexOf(options.rules);
  // The results sit four levels deep in the document: eight spaces before each of their lines.
  const pieces: string[] = [];
  const failures: FailedFile[] = [];
  return {
    add(result) {
      if (isFailed(result)) failures.push({ file: result.file, error: result.error });
      else for (const one of sarifResultsOf(result, ruleIndex)) pieces.push(`        ${JSON.stringify(one, null, 2).replace(/\n/g, '\n        ')}`);
      return '';
    },
    end() {
      const empty = `${JSON.stringify(sarifLog([], failures, options), null, 2)}\n`;
      if (pieces.length === 0) return empty;
      // `results` is the run's last member, so its empty array is the last one in the text.
      const at = empty.lastIndexOf('"results": []');
      return `${empty.slice(0, at)}"results": [\n${pieces.join(',\n')}\n      ]${empty.slice(at + '"results": []'.length)}`;
    },
  };
}
