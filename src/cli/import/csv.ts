/**
 * A spreadsheet export as rows of named cells, each with its line number, using csv-parse.
 * The delimiter is read from the header line (a comma, a semicolon as European Excel writes,
 * or a tab as "Unicode text" does); a `#TYPE …` line that PowerShell's Export-Csv puts first
 * is skipped; a row that cannot be read is returned as a problem naming its line, and the
 * others are still read.
 */
import { parse } from 'csv-parse/sync';

export interface CsvRow {
  /** 1-based line of the file where the row starts. */
  line: number;
  /** Cells by normalised column key (see `columnKey`). */
  cells: Map<string, string>;
  /** How many cells the row had, to spot a row cut short or run together. */
  width: number;
}

export interface CsvTable {
  /** Column keys in file order, as normalised. */
  columns: string[];
  /** Column headings as written. */
  headings: string[];
  rows: CsvRow[];
  /** Rows that could not be read: line and what was wrong. */
  problems: { line: number; message: string }[];
}

/** `Display name`, `displayName` and `DISPLAY_NAME` are one column: lower case, letters and digits only. */
export const columnKey = (heading: string): string => heading.toLowerCase().replace(/[^a-z0-9]/g, '');

function delimiterOf(headerLine: string): string {
  const counts = [',', ';', '\t'].map((d) => [d, headerLine.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![1] > 0 ? counts[0]![0] : ',';
}

export function readCsv(text: string): CsvTable {
  let body = text.replace(/^\uFEFF/, '');
  let offset = 0;
  // PowerShell's Export-Csv without -NoTypeInformation writes "#TYPE Selected.…" first.
  const first = body.match(/^#TYPE[^\n]*\n/);
  if (first) {
    body = body.slice(first[0].length);
    offset = 1;
  }
  const headerLine = body.slice(0, body.search(/\r?\n|$/));
  const problems: CsvTable['problems'] = [];
  const skipped: { endLine: number; message: string }[] = [];
  const records = parse(body, {
    delimiter: delimiterOf(headerLine),
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
    trim: true,
    skip_records_with_error: true,
    on_skip: (error: { lines?: number; code?: string; message: string } | undefined) => {
      if (!error) return;
      const message = error.code === 'CSV_QUOTE_NOT_CLOSED' ? 'a quotation mark is opened and never closed' : error.message;
      skipped.push({ endLine: (error.lines ?? 0) + offset, message });
    },
  }) as unknown as { record: string[]; info: { lines: number } }[];
  if (records.length === 0) return { columns: [], headings: [], rows: [], problems: skipped.map((s) => ({ line: s.endLine, message: s.message })) };
  const headings = records[0]!.record.map((h) => h.trim());
  const columns = headings.map(columnKey);
  const rows: CsvRow[] = [];
  let previousEnd = records[0]!.info.lines + offset;
  let s = 0;
  for (const { record, info } of records.slice(1)) {
    const end = info.lines + offset;
    // A skipped record sits between the previous record and this one.
    while (s < skipped.length && skipped[s]!.endLine < end) {
      problems.push({ line: previousEnd + 1, message: `${skipped[s]!.message} (the lines up to ${skipped[s]!.endLine} were left out)` });
      previousEnd = skipped[s]!.endLine;
      s += 1;
    }
    const lineCount = record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
    const start = end - lineCount;
    previousEnd = end;
    if (record.every((cell) => cell === '')) continue;
    const cells = new Map<string, string>();
    columns.forEach((key, i) => {
      if (key && !cells.has(key)) cells.set(key, record[i] ?? '');
    });
    rows.push({ line: start, cells, width: record.length });
  }
  for (; s < skipped.length; s++) problems.push({ line: previousEnd + 1, message: `${skipped[s]!.message} (the lines up to ${skipped[s]!.endLine} were left out)` });
  return { columns, headings, rows, problems };
}

/** The first of `keys` that the table has, for columns that exports name in several ways. */
export function pickColumn(table: CsvTable, keys: readonly string[]): string | undefined {
  return keys.find((k) => table.columns.includes(k));
}
