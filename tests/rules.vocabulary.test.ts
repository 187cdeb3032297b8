/**
 * Vocabulary lives in the lexicon (src/engine/lexicon/data/*.json), not in code: a meta-test in
 * the typescript-eslint style. It reads every rule and analysis module with the TypeScript
 * parser and fails on a regular expression that holds words (more than a few, as vocabulary
 * does) or on an array of word strings. Short structural patterns (addresses, header lines,
 * white space, a "Fw:" prefix) pass, and so does a declaration whose comment begins
 * `structural:` and says why (an address's local part, a policy's role ids).
 *
 * NOT_YET_MOVED lists the modules still to move onto the lexicon, with what they hold; each must
 * still break the rule (so that a module that moves comes off the list).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const DIRS = ['src/engine/rules', 'src/engine/analysis'];
/** More distinct words than this in one pattern is a word list, not structure. */
const MAX_WORDS_IN_PATTERN = 4;
/** More word strings than this in one array literal is a word list. */
const MAX_WORDS_IN_ARRAY = 4;

const NOT_YET_MOVED: Record<string, string> = {
  // Split out of analysis/publicity.ts, which held all of these (newsletters and public events have moved).
  'src/engine/analysis/publicity-kind.ts': 'publicity headings and subjects, comms team mailboxes and job titles',
  'src/engine/analysis/attribution.ts': 'speech verbs, speech frames, lead-in words and speaker appositions',
  'src/engine/analysis/councillor-references.ts': 'councillor offices',
  'src/engine/analysis/election-scope.ts': 'whole-area wording ("across the district", "every ward")',
  'src/engine/analysis/embargo.ts': 'embargo wording',
  'src/engine/analysis/written-dates.ts': 'month names',
  'src/engine/rules/letterhead-for-party-matters.ts': 'the words of an inline logo placeholder (office lines moved: publicity.office-title)',
  'src/engine/analysis/recipients.ts': 'disclosure wording for silent copies',
  'src/engine/rules/silent-copy.ts': 'disclosure wording',
  'src/engine/rules/press-release-quotes.ts': 'spokesperson roles',
};

function wordsIn(pattern: string): Set<string> {
  // Letters-only runs of three or more, outside escapes such as \b, \s, \w.
  const cleaned = pattern.replace(/\\[a-zA-Z]/g, ' ').replace(/\(\?[:=!<]+/g, ' ');
  return new Set((cleaned.match(/[A-Za-z]{3,}/g) ?? []).map((w) => w.toLowerCase()));
}

interface Violation {
  line: number;
  what: string;
}

function violationsIn(file: string): Violation[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const out: Violation[] = [];
  const line = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
  // A declaration (or property) whose leading comment says `structural:` is exempt, with its reason.
  const structural = (node: ts.Node): boolean => {
    for (let n: ts.Node | undefined = node; n && !ts.isSourceFile(n); n = n.parent) {
      if (ts.isVariableStatement(n) || ts.isPropertyAssignment(n) || ts.isFunctionDeclaration(n)) {
        const comments = ts.getLeadingCommentRanges(text, n.getFullStart()) ?? [];
        return comments.some((c) => /^\/[/*]\s*structural:\s*\S.{8,}/.test(text.slice(c.pos, c.end)));
      }
    }
    return false;
  };
  const visit = (node: ts.Node) => {
    if (structural(node)) return;
    if (ts.isRegularExpressionLiteral(node)) {
      const words = wordsIn(node.text.slice(1, node.text.lastIndexOf('/')));
      if (words.size > MAX_WORDS_IN_PATTERN) out.push({ line: line(node), what: `a pattern with ${words.size} words` });
    } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
      const words = wordsIn(node.arguments?.[0]?.getText(source) ?? '');
      if (words.size > MAX_WORDS_IN_PATTERN) out.push({ line: line(node), what: `new RegExp with ${words.size} words` });
    } else if (ts.isArrayLiteralExpression(node)) {
      const strings = node.elements.filter((e) => ts.isStringLiteral(e) && /^[A-Za-z][A-Za-z' -]*$/.test(e.text));
      if (strings.length > MAX_WORDS_IN_ARRAY && strings.length === node.elements.length) out.push({ line: line(node), what: `a list of ${strings.length} words` });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

const modules = DIRS.flatMap((dir) =>
  readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'index.ts')
    .map((f) => `${dir}/${f}`),
);

describe('vocabulary lives in the lexicon', () => {
  it.each(modules.filter((m) => !(m in NOT_YET_MOVED)))('%s holds no word list or wordy pattern', (file) => {
    expect(violationsIn(file).map((v) => `${file}:${v.line}: ${v.what}`)).toEqual([]);
  });
  it.each(Object.keys(NOT_YET_MOVED))('%s is still to move (take it off NOT_YET_MOVED when it has)', (file) => {
    expect(violationsIn(file).length, `${file} no longer holds vocabulary`).toBeGreaterThan(0);
  });
  it('finds a word list planted in a rule', () => {
    const planted = ts.createSourceFile('x.ts', "const INSULTS = /\\b(?:idiot|moron|useless|clueless|disgrace)\\b/i;", ts.ScriptTarget.ES2022, true);
    let found = 0;
    const visit = (n: ts.Node) => {
      if (ts.isRegularExpressionLiteral(n) && wordsIn(n.text).size > MAX_WORDS_IN_PATTERN) found += 1;
      ts.forEachChild(n, visit);
    };
    visit(planted);
    expect(found).toBe(1);
  });
});
