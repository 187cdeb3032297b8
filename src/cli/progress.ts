/**
 * A progress bar on the terminal, for commands that work through hundreds of files or a large
 * export (checking a folder of drafts, the audit report). One line on stderr, redrawn in place:
 *
 *   Checking drafts [==========>           ]  46%  920 of 2,000 drafts, about 12 s left
 *
 * It is drawn only where it cannot get in anyone's way (`shouldShowProgress`): stderr is a
 * terminal, and the report itself is not printed to the terminal (a line redrawn in place would
 * be torn apart by the report's own lines), so `protocol-check drafts/ > report.json` shows it
 * and `protocol-check drafts/` does not. Messages written while it is shown go through `note`,
 * which clears the bar first and draws it again after.
 */

/** Where the bar is drawn: stderr, or a stand-in in tests. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  /** The terminal's width in characters, where known. */
  columns?: number;
}

/** Fewer files than this finish before a bar would tell anyone anything. */
export const PROGRESS_THRESHOLD = 200;

export interface ProgressWhen {
  stderr: { isTTY?: boolean };
  env: Record<string, string | undefined>;
  /** True when the report goes to the same terminal (stdout is a TTY and no output file was named). */
  reportOnTerminal: boolean;
  /** How many files (or messages) there are to work through, where known. */
  items?: number;
  /** False with --no-progress. */
  enabled?: boolean;
  threshold?: number;
}

/** Whether a progress bar should be drawn (see the top of this module). */
export function shouldShowProgress(when: ProgressWhen): boolean {
  if (when.enabled === false || when.stderr.isTTY !== true || when.reportOnTerminal) return false;
  // A terminal that cannot move the cursor back would show every redraw on a line of its own.
  if (when.env.TERM === 'dumb') return false;
  return when.items === undefined || when.items > (when.threshold ?? PROGRESS_THRESHOLD);
}

export interface ProgressOptions {
  /** What is being done, first on the line: "Checking drafts". */
  label: string;
  /** How much work there is: a number of items, or of bytes with `unit: 'bytes'`. */
  total: number;
  unit?: 'items' | 'bytes';
  /** What an item is called, one and many: ['draft', 'drafts'] (items only). */
  noun?: readonly [string, string];
  /** Milliseconds between redraws (default 100): drawing every file would cost more than checking it. */
  intervalMs?: number;
  /** The clock, in milliseconds (tests give their own). */
  now?: () => number;
}

export interface ProgressBar {
  /** `done` of the total is finished; `detail` (such as "1,234 messages") is shown after the count. */
  update(done: number, detail?: string): void;
  /** Print a message of one or more whole lines without tearing the bar. */
  note(text: string): void;
  /** Clear the bar; the line is left empty for whatever is printed next. */
  finish(): void;
}

const CLEAR_LINE = '\r\x1b[K';
const BAR_WIDTH = 30;
const SHORTEST_BAR = 10;

const number = (n: number) => n.toLocaleString('en-GB');

function megabytes(bytes: number): string {
  return (bytes / 1_000_000).toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

/** "about 12 s left", "about 3 min left": whole seconds under two minutes, whole minutes after. */
function timeLeft(seconds: number): string {
  if (seconds < 1) return 'less than a second left';
  if (seconds < 120) return `about ${Math.round(seconds)} s left`;
  return `about ${Math.round(seconds / 60)} min left`;
}

/** The line as it is drawn for `done` of `total`, at most `columns - 1` characters wide (a full line would wrap on some terminals). */
export function progressLine(options: ProgressOptions, done: number, elapsedMs: number, columns: number, detail?: string): string {
  const total = Math.max(0, options.total);
  const share = total > 0 ? Math.min(1, Math.max(0, done / total)) : 0;
  const percent = `${String(Math.floor(share * 100)).padStart(3)}%`;
  const [one, many] = options.noun ?? ['file', 'files'];
  const count =
    options.unit === 'bytes' ? `${megabytes(done)} of ${megabytes(total)} MB` : `${number(done)} of ${number(total)} ${total === 1 ? one : many}`;
  // An estimate only after a second of work, when the rate means something.
  const left = done > 0 && done < total && elapsedMs >= 1000 ? timeLeft(((total - done) * elapsedMs) / done / 1000) : undefined;
  const words = [count, detail, left].filter(Boolean).join(', ');
  const limit = Math.max(20, columns - 1);
  const withoutBar = `${options.label} ${percent}  ${words}`;
  const room = limit - withoutBar.length - 3;
  if (room < SHORTEST_BAR) return withoutBar.slice(0, limit);
  const width = Math.min(BAR_WIDTH, room);
  const filled = Math.floor(share * width);
  const bar = filled >= width ? '='.repeat(width) : `${'='.repeat(filled)}>${' '.repeat(width - filled - 1)}`;
  return `${options.label} [${bar}] ${percent}  ${words}`;
}

/** A bar drawn on `stream`; call it only when `shouldShowProgress` says so. */
export function createProgressBar(stream: ProgressStream, options: ProgressOptions): ProgressBar {
  const now = options.now ?? (() => performance.now());
  const interval = options.intervalMs ?? 100;
  const started = now();
  let lastDrawn = -Infinity;
  let shown = false;
  let state: { done: number; detail?: string } = { done: 0 };

  const draw = () => {
    lastDrawn = now();
    stream.write(`${CLEAR_LINE}${progressLine(options, state.done, lastDrawn - started, stream.columns ?? 80, state.detail)}`);
    shown = true;
  };
  const clear = () => {
    if (shown) stream.write(CLEAR_LINE);
    shown = false;
  };

  return {
    update(done, detail) {
      state = detail === undefined ? { done } : { done, detail };
      // Every interval, and always when the work is complete so that the last state is seen.
      if (now() - lastDrawn >= interval || done >= options.total) draw();
    },
    note(text) {
      const wasShown = shown;
      clear();
      stream.write(text.endsWith('\n') ? text : `${text}\n`);
      if (wasShown) draw();
    },
    finish() {
      clear();
    },
  };
}
