/** Medians and percentiles, and the table formatting the benchmarks share. */
export interface Stats {
  median: number;
  p95: number;
}

export function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: at(0.5), p95: at(0.95) };
}

export const ms = (n: number) => `${n.toFixed(3)} ms`;
export const pad = (s: string, n: number) => s.padEnd(n);

/** Least-squares slope of log(time) against log(size). */
export function fittedExponent(sizes: readonly number[], times: readonly number[], floor = 1e-3): number {
  const xs = sizes.map(Math.log);
  const ys = times.map((t) => Math.log(Math.max(t, floor)));
  const mx = xs.reduce((a, b) => a + b) / xs.length;
  const my = ys.reduce((a, b) => a + b) / ys.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    num += (xs[i]! - mx) * (ys[i]! - my);
    den += (xs[i]! - mx) ** 2;
  }
  return num / den;
}

/**
 * A JavaScript expression, for a child process to evaluate as it exits: its own peak resident
 * set in KB. Linux keeps `getrusage`'s `ru_maxrss` across exec, so a child started by a large
 * parent (the bench, after the audit exports) would report the parent's peak as its own; the
 * kernel's high-water mark of the process's own memory (`VmHWM` in /proc/self/status) starts
 * afresh at exec and counts every thread (the CLI's reading worker included). Elsewhere
 * `maxRSS` is all there is.
 */
export const PEAK_RSS_KB =
  "((s) => (s ? Number(/VmHWM:\\s*(\\d+)/.exec(s)?.[1] ?? process.resourceUsage().maxRSS) : process.resourceUsage().maxRSS))((() => { try { return process.getBuiltinModule('node:fs').readFileSync('/proc/self/status', 'utf8'); } catch { return ''; } })())";
