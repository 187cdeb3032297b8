/**
 * "Did you mean …?" for policy files: the known name nearest to a misspelt one.
 */

/** Levenshtein edit distance (insertions, deletions, substitutions), two rows at a time. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The known name closest to `name`, ignoring case, or undefined when none is close enough to be
 * a plausible typo: within a third of the longer name's length, and never more than 5 edits.
 * A known name that contains the given one (or the reverse) also counts ("surrey" → "surrey-heath").
 */
export function closestName(name: string, known: readonly string[]): string | undefined {
  const wanted = name.toLowerCase();
  // A name cut short ("soft" for "softBlock") is the likeliest slip: take the shortest such name.
  if (wanted.length >= 3) {
    const prefixed = known.filter((k) => k.toLowerCase().startsWith(wanted) && k.toLowerCase() !== wanted);
    if (prefixed.length) return prefixed.reduce((a, b) => (b.length < a.length ? b : a));
  }
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const c = candidate.toLowerCase();
    const distance = editDistance(wanted, c);
    const limit = Math.min(5, Math.max(2, Math.ceil(Math.max(wanted.length, c.length) / 3)));
    const contains = wanted.length >= 3 && (c.includes(wanted) || wanted.includes(c));
    if ((distance <= limit || contains) && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
