/**
 * `--format json`: exactly PRODUCT.md contract 1, one JSON document. The streaming writer
 * prints the same bytes as `formatJson`, one element of `results` at a time, so that a large
 * folder is never held in memory.
 */
import type { Finding } from '../engine/types.ts';
import { type FileResult, isFailed, type ReportWriter } from './results.ts';

type JsonResult = { file: string; findings: Finding[] } | { file: string; error: string };

export interface JsonReport {
  results: JsonResult[];
}

function jsonResult(r: FileResult): JsonResult {
  return isFailed(r) ? { file: r.file, error: r.error } : { file: r.file, findings: r.findings };
}

export function toJsonReport(results: readonly FileResult[]): JsonReport {
  return { results: results.map(jsonResult) };
}

export function formatJson(results: readonly FileResult[]): string {
  return `${JSON.stringify(toJsonReport(results), null, 2)}\n`;
}

// What JSON.stringify(report, null, 2) puts around and between the elements of `results`. Each
// element sits two levels deep, so each of its lines gets four spaces (a string in JSON never
// holds a raw line break, so every line break is JSON.stringify's own).
const OPEN = '{\n  "results": [\n';
const BETWEEN = ',\n';
const CLOSE = '\n  ]\n}\n';
const EMPTY = '{\n  "results": []\n}\n';

function indentedElement(r: FileResult): string {
  return `    ${JSON.stringify(jsonResult(r), null, 2).replace(/\n/g, '\n    ')}`;
}

/** Writes the document of `formatJson` as the results come. */
export function jsonReportWriter(): ReportWriter {
  let count = 0;
  return {
    add(result) {
      return (count++ === 0 ? OPEN : BETWEEN) + indentedElement(result);
    },
    end() {
      return count === 0 ? EMPTY : CLOSE;
    },
  };
}
