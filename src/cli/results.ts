/** What the CLI found for each input: findings, or the reason the file could not be checked. */
import type { Finding, PackId, Severity } from '../engine/types.ts';

export interface CheckedFile {
  /** The path as given on the command line (or under the folder given), with forward slashes. */
  file: string;
  findings: Finding[];
  /** The plain-text body the engine saw: body evidence offsets point into it. */
  body: string;
  subject: string;
  /** The draft's Date, for date evidence. */
  date?: string;
}

export interface FailedFile {
  file: string;
  error: string;
}

export type FileResult = CheckedFile | FailedFile;

export function isFailed(result: FileResult): result is FailedFile {
  return 'error' in result;
}

export interface Totals {
  files: number;
  failed: number;
  bySeverity: Record<Severity, number>;
}

/** Totals kept up to date one result at a time, so that results need not be kept to count them. */
export class TotalsCounter {
  readonly totals: Totals = { files: 0, failed: 0, bySeverity: { error: 0, warning: 0, info: 0 } };

  add(result: FileResult): void {
    this.totals.files++;
    if (isFailed(result)) this.totals.failed++;
    else for (const finding of result.findings) this.totals.bySeverity[finding.severity]++;
  }
}

export function totals(results: readonly FileResult[]): Totals {
  const counter = new TotalsCounter();
  for (const result of results) counter.add(result);
  return counter.totals;
}

/**
 * A report written while the files are checked: `add` gives the text to print for one result
 * now (it may be empty), `end` the text that closes the report. Nothing of a result needs to be
 * kept once `add` returns, except what a format prints only at the end.
 */
export interface ReportWriter {
  add(result: FileResult): string;
  end(): string;
}

/** The protocols' names as a reader would know them (PRODUCT.md, "The protocols"). */
export const PACK_NAMES: Record<PackId, string> = {
  crawley: 'Crawley Borough Council protocol',
  'tower-hamlets': 'Tower Hamlets protocol (2022 draft)',
  'district-model': 'district council model protocol',
  'town-council': 'town council protocol',
  'surrey-heath': 'Surrey Heath Borough Council protocol',
};
