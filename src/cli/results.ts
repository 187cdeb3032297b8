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

export function totals(results: readonly FileResult[]): Totals {
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  let failed = 0;
  for (const result of results) {
    if (isFailed(result)) failed++;
    else for (const finding of result.findings) bySeverity[finding.severity]++;
  }
  return { files: results.length, failed, bySeverity };
}

/** The protocols' names as a reader would know them (PRODUCT.md, "The protocols"). */
export const PACK_NAMES: Record<PackId, string> = {
  crawley: 'Crawley Borough Council protocol',
  'tower-hamlets': 'Tower Hamlets protocol (2022 draft)',
  'district-model': 'district council model protocol',
  'town-council': 'town council protocol',
  'surrey-heath': 'Surrey Heath Borough Council protocol',
};
