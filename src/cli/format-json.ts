/** `--format json`: exactly PRODUCT.md contract 1, one JSON document. */
import type { Finding } from '../engine/types.ts';
import { type FileResult, isFailed } from './results.ts';

export interface JsonReport {
  results: ({ file: string; findings: Finding[] } | { file: string; error: string })[];
}

export function toJsonReport(results: readonly FileResult[]): JsonReport {
  return {
    results: results.map((r) => (isFailed(r) ? { file: r.file, error: r.error } : { file: r.file, findings: r.findings })),
  };
}

export function formatJson(results: readonly FileResult[]): string {
  return `${JSON.stringify(toJsonReport(results), null, 2)}\n`;
}
