/**
 * Print per-rule precision and recall for labelled corpora: each argument is a folder of council
 * folders (policy.json, labels.json and .eml drafts), or one council folder.
 *
 *   npx tsx scripts/corpus-score.ts tests/corpus/real-world/tuning [--misses]
 */
import { existsSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { checkCouncils, formatMismatches, formatTables, scoreRules, type ScoredCase } from '../tests/helpers/score.ts';

const args = process.argv.slice(2);
const misses = args.includes('--misses');
const groups: { name: string; drafts: number; scores: ReturnType<typeof scoreRules>; cases: ScoredCase[] }[] = [];
for (const arg of args.filter((a) => !a.startsWith('--'))) {
  const dir = resolve(arg);
  const cases = existsSync(resolve(dir, 'labels.json'))
    ? (await checkCouncils(dirname(dir))).filter((c) => c.council === basename(dir))
    : await checkCouncils(dir);
  groups.push({ name: basename(dir), drafts: cases.length, scores: scoreRules(cases), cases });
}
if (groups.length === 0) {
  console.error('usage: npx tsx scripts/corpus-score.ts <corpus folder>... [--misses]');
  process.exit(2);
}
console.log(formatTables(groups));
if (misses) for (const g of groups) console.log(`\n${g.name}:\n${formatMismatches(g.cases, g.scores).join('\n')}`);
