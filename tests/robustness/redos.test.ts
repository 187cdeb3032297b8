/**
 * No regular expression in src/ may take super-linear time on some input (issue 16): a pattern
 * that backtracks quadratically freezes the taskpane on a long pasted body. Every pattern is
 * judged by recheck (a maintained ReDoS checker, automaton analysis with fuzzing as fallback):
 *
 * - literal patterns, found by parsing every source file of src/ with the TypeScript parser;
 * - constructed patterns (`new RegExp(…)`, `RegExp(…)`), recorded as they are made while the
 *   modules load and while every draft of the samples and corpora is read and checked under its
 *   own policy. The lexicon's compiled matchers are included this way: compile.ts turns phrases
 *   into token patterns, and any RegExp it or the lexicon made would be recorded here too.
 *
 * A pattern that is not `safe` fails the test unless it is listed below with a reason. The
 * verdicts are deterministic (see DETERMINISTIC), so the judgement runs in every CI run.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { check as recheck, type Diagnostics } from 'recheck';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;

interface Found {
  source: string;
  flags: string;
  where: string;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out.sort();
}

/** Every regular-expression literal in src/ (not tests), with the first place it appears. */
function literalPatterns(): Found[] {
  const found = new Map<string, Found>();
  for (const file of sourceFiles(join(ROOT, 'src'))) {
    const text = readFileSync(file, 'utf8');
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const visit = (node: ts.Node) => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const literal = node.getText(sf);
        const end = literal.lastIndexOf('/');
        const source = literal.slice(1, end);
        const flags = literal.slice(end + 1);
        const key = `${source}/${flags}`;
        if (!found.has(key)) found.set(key, { source, flags, where: `${relative(ROOT, file)}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}` });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return [...found.values()];
}

/** Patterns the checker cannot judge (it times out or does not support a feature), each with a reason; each must pass the timing test below. */
const CANNOT_JUDGE: Record<string, string> = {};

const key = (p: { source: string; flags: string }) => `/${p.source}/${p.flags}`;

let literals: Found[] = [];
let constructed: Found[] = [];
/** The src/ lines where a RegExp was made while the drafts were read and checked. */
const sites = new Set<string>();

/** Every `new RegExp(…)` or `RegExp(…)` in src/ (not tests), as file:line. */
function constructorCalls(): string[] {
  const out: string[] = [];
  for (const file of sourceFiles(join(ROOT, 'src'))) {
    const text = readFileSync(file, 'utf8');
    if (!text.includes('RegExp(')) continue;
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const visit = (node: ts.Node) => {
      if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
        out.push(`${relative(ROOT, file)}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return out;
}

/**
 * Constructor calls the drafts and policies cannot reach in Node, each with what the pattern is
 * built from; the test fails on any other call that was not reached (its pattern went unjudged).
 */
const NOT_REACHED: Record<string, string> = {
  'src/ui/FillInForm.tsx': 'the panel (React, browser only): a pattern built from a placeholder\'s name',
};

beforeAll(async () => {
  literals = literalPatterns();

  // Record every RegExp made from here on, with the src/ file that made it.
  const Native = RegExp;
  const made = new Map<string, Found>();
  // The caller is the first frame after this file's own: a pattern a package makes is not ours.
  const record = (re: RegExp) => {
    const frame = new Error().stack?.split('\n').slice(1).find((line) => !line.includes('/tests/robustness/'));
    const at = frame && /\((.*?):(\d+):\d+\)|at (\/.*?):(\d+):\d+/.exec(frame);
    if (!at) return;
    const where = `${relative(ROOT, (at[1] ?? at[3])!)}:${at[2] ?? at[4]}`;
    if (!where.startsWith('src/')) return;
    sites.add(where);
    const k = `/${re.source}/${re.flags}`;
    if (!made.has(k)) made.set(k, { source: re.source, flags: re.flags, where });
  };
  globalThis.RegExp = new Proxy(Native, {
    construct(target, args, newTarget) {
      const re = Reflect.construct(target, args, newTarget === globalThis.RegExp ? target : newTarget) as RegExp;
      record(re);
      return re;
    },
    apply(target, self, args) {
      const re = Reflect.apply(target, self, args) as RegExp;
      record(re);
      return re;
    },
  });
  try {
    const { check, normaliseDraft, draftDateOr } = await import('../../src/engine/check.ts');
    const { maintainedFreeMail } = await import('../../src/engine/free-mail-full.ts');
    const { parsePolicyText } = await import('../../src/policy/load.ts');
    const { embeddedDefaultPolicy } = await import('../../src/policy/resolve.ts');
    const { parseDraftBytes } = await import('../../src/cli/read-draft.ts');
    const { parseArgs } = await import('../../src/cli/args.ts');
    await import('../../src/cli/main.ts');
    parseArgs(['--format', 'json', '--now', '2027-04-12T09:30:00+01:00', 'x.eml']);

    // Every folder of drafts with its own policy, and the samples under the embedded default too.
    const folders: { drafts: string; policy?: string }[] = [
      { drafts: 'samples/drafts' },
      { drafts: 'samples/drafts', policy: 'samples/policy.json' },
      { drafts: 'tests/fixtures/mail' },
    ];
    for (const policy of findPolicies(join(ROOT, 'tests/corpus'))) folders.push({ drafts: relative(ROOT, join(policy, '..')), policy: relative(ROOT, policy) });
    for (const folder of folders) {
      const policy = folder.policy ? parsePolicyText(readFileSync(join(ROOT, folder.policy), 'utf8'), folder.policy).policy : embeddedDefaultPolicy();
      if (!policy) continue;
      for (const file of draftFiles(join(ROOT, folder.drafts))) {
        let draft;
        try {
          draft = normaliseDraft(await parseDraftBytes(file, new Uint8Array(readFileSync(file))));
        } catch {
          continue; // a fixture that is meant to be refused
        }
        check(draft, policy, { now: draftDateOr(draft, new Date('2027-04-14T10:00:00+01:00')), freeMail: maintainedFreeMail });
      }
    }
  } finally {
    globalThis.RegExp = Native;
  }
  constructed = [...made.values()];
}, 600_000);

function findPolicies(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...findPolicies(path));
    else if (name === 'policy.json') out.push(path);
  }
  return out.sort();
}

function draftFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...draftFiles(path));
    else if (/\.(eml|msg)$/.test(name) || (name.endsWith('.json') && !['policy.json', 'labels.json'].includes(name))) out.push(path);
  }
  return out.sort();
}

/**
 * recheck's fuzzing is seeded (randomSeed 0 by default) but also cut short by wall-clock budgets
 * while it breeds and tries attack strings: on a busy machine those cut-offs changed its verdicts
 * from run to run. Without them it is bounded by its step counts alone (incubationLimit,
 * attackLimit, seedingLimit), so the same pattern gets the same verdict on any machine.
 */
const DETERMINISTIC = { randomSeed: 0, incubationTimeout: null, attackTimeout: null, seedingTimeout: null, recallTimeout: -1 } as const;

/** recheck's verdict on every pattern, a few at a time. */
async function judge(patterns: Found[]): Promise<{ found: Found; result: Diagnostics }[]> {
  const out: { found: Found; result: Diagnostics }[] = [];
  const queue = [...patterns];
  const worker = async () => {
    for (let p = queue.shift(); p; p = queue.shift()) out.push({ found: p, result: await recheck(p.source, p.flags, { ...DETERMINISTIC, timeout: 60_000 }) });
  };
  await Promise.all([worker(), worker()]);
  // A timeout says the machine was busy, not that the pattern is unsafe: judge those again, one at
  // a time, with a longer budget.
  for (const entry of out) {
    if (entry.result.status === 'unknown' && entry.result.error.kind === 'timeout') entry.result = await recheck(entry.found.source, entry.found.flags, { ...DETERMINISTIC, timeout: 300_000 });
  }
  return out;
}

describe('regular expressions in src/ (ReDoS)', () => {
  it('finds the patterns it is meant to judge: literals in every module and those the code constructs', () => {
    expect(literals.length).toBeGreaterThan(200);
    expect(literals.some((p) => p.where.startsWith('src/engine/analysis/publicity-kind.ts') && p.source.includes('@'))).toBe(true);
    // Constructed at load time (eml.ts's reply prefixes) and while checking (names from a policy).
    expect(constructed.some((p) => p.where.startsWith('src/mail/eml.ts'))).toBe(true);
    expect(constructed.length).toBeGreaterThan(5);
  });

  it('reached every place in src/ that constructs a pattern, so that each constructed pattern was judged', () => {
    const unreached = constructorCalls().filter((site) => !sites.has(site) && !NOT_REACHED[site.replace(/:\d+$/, '')]);
    expect(unreached).toEqual([]);
  });

  it('judges every pattern safe (linear), apart from those listed with a reason', async () => {
    const all = new Map<string, Found>();
    for (const p of [...literals, ...constructed]) if (!all.has(key(p))) all.set(key(p), p);
    const verdicts = await judge([...all.values()]);
    const problems: string[] = [];
    const flagged: { key: string; where: string }[] = [];
    for (const { found, result } of verdicts) {
      const k = key(found);
      if (result.status === 'safe') continue;
      if (result.status === 'unknown' && CANNOT_JUDGE[k]) continue;
      const why = result.status === 'vulnerable' ? result.complexity.summary : `cannot be judged (${result.error.kind})`;
      problems.push(`${found.where}: ${k.slice(0, 160)} is ${result.status}: ${why}`);
      flagged.push({ key: k, where: found.where });
    }
    if (process.env.REDOS_DUMP) (await import('node:fs')).writeFileSync(process.env.REDOS_DUMP, JSON.stringify(flagged, null, 1));
    expect(problems).toEqual([]);
  }, 900_000);
});
