/**
 * A meta-test in the typescript-eslint style: every catalogue id has its module, its tests, its
 * user page (docs/rules/) and its developer page (docs/developers/rules/); the id matches the
 * filename; each page has its fixed headings in order; and every paragraph a rule cites exists
 * in that pack's text.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULES, RULES_BY_ID } from '../src/engine/rules/index.ts';
import { PACK_IDS, RULE_IDS } from '../src/engine/types.ts';
import { PROTOCOLS_DIR } from './helpers/shared.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PROTOCOLS = PROTOCOLS_DIR;
const PACK_FILES: Record<(typeof PACK_IDS)[number], string> = {
  crawley: 'crawley.txt',
  'tower-hamlets': 'tower-hamlets-draft-2022.txt',
  'district-model': 'district-model.txt',
  'town-council': 'town-council.txt',
  'surrey-heath': 'surrey-heath.txt',
};
const DOC_HEADINGS = ['What it catches', 'Flagged', 'Not flagged', 'The fix', 'Citations', 'Configuration', 'When it does not apply'];
/** The page a councillor or officer reads from "About this rule" and `--explain`. */
const USER_HEADINGS = ['What it means', 'For example', 'What is fine', 'What to do', 'The protocol'];

const packText = new Map<string, string>();
function textOf(pack: (typeof PACK_IDS)[number]): string {
  if (!packText.has(pack)) packText.set(pack, readFileSync(join(PROTOCOLS!, PACK_FILES[pack]), 'utf8').replace(/~~/g, ''));
  return packText.get(pack)!;
}

/** The paragraph numbers a citation names: "5.4–5.6" → ["5.4", "5.6"], "4.8(e)" → ["4.8"], "§3" → ["3"]. */
function numbersIn(paragraph: string): string[] {
  return [...paragraph.matchAll(/\d+(?:\.\d+)*/g)].map((m) => m[0]);
}

/** Does the text have a paragraph (or section) with this number at the start of a line? */
function hasParagraph(text: string, number: string, loose: boolean): boolean {
  const n = number.replace(/\./g, '\\.');
  if (new RegExp(`^\\s*(?:[-*]\\s*)?(?:\\(?)${n}(?:[.)\\s]|$)`, 'm').test(text)) return true;
  // tower-hamlets' tracked changes and surrey-heath's amended §4 run old and new numbers together ("103.16" is 13.16,
  // "8.9.55" is 9.5): there, the number need only be a subsequence of a paragraph's number.
  if (!loose) return false;
  return [...text.matchAll(/^\s*(?:[-*]\s*)?(\d[\d.]*)/gm)].some((m) => isSubsequence(number, m[1]!) && m[1]!.length <= number.length * 2);
}

function isSubsequence(needle: string, haystack: string): boolean {
  let i = 0;
  for (const ch of haystack) if (ch === needle[i]) i += 1;
  return i === needle.length;
}

const words = (s: string) => s.toLowerCase().replace(/[^a-z0-9' ]+/g, ' ').split(/\s+/).filter(Boolean);

/** The longest run of consecutive words of `summary` that also stands in `text`: paraphrase, never paste. */
function longestSharedRun(summary: string, text: string): string {
  const haystack = ` ${words(text).join(' ')} `;
  const w = words(summary);
  let best = '';
  for (let i = 0; i < w.length; i++) {
    for (let j = i + best.split(' ').length; j <= w.length; j++) {
      const run = w.slice(i, j).join(' ');
      if (!haystack.includes(` ${run} `)) break;
      if (run.length > best.length) best = run;
    }
  }
  return best;
}

describe('rule catalogue', () => {
  it('registers every catalogue id once, in catalogue order', () => {
    expect(RULES.map((r) => r.meta.id)).toEqual([...RULE_IDS]);
  });

  for (const id of RULE_IDS) {
    describe(id, () => {
      const rule = RULES_BY_ID.get(id)!;
      it('has a module, a test file and a doc named by its id', () => {
        expect(existsSync(join(ROOT, 'src/engine/rules', `${id}.ts`))).toBe(true);
        expect(existsSync(join(ROOT, 'src/engine/rules', `${id}.test.ts`)), 'test file').toBe(true);
        expect(existsSync(join(ROOT, 'docs/rules', `${id}.md`)), 'user page').toBe(true);
        expect(existsSync(join(ROOT, 'docs/developers/rules', `${id}.md`)), 'developer page').toBe(true);
        expect(rule.meta.id).toBe(id);
      });

      it('has a description, messages and at least one citation', () => {
        expect(rule.meta.description.length).toBeGreaterThan(10);
        expect(Object.keys(rule.meta.messages).length).toBeGreaterThan(0);
        expect(Object.values(rule.meta.citations).flat().length).toBeGreaterThan(0);
      });

      it('writes its messages and citation summaries with one quote style: curly quotation marks and apostrophes', () => {
        const texts = [...Object.values(rule.meta.messages), ...Object.values(rule.meta.publicityMessages ?? {}), ...Object.values(rule.meta.citations).flat().map((c) => c!.summary)];
        for (const text of texts) {
          expect(text, 'a straight double quotation mark').not.toMatch(/"/);
          expect(text, 'a straight apostrophe').not.toMatch(/[A-Za-z]'[A-Za-z]/);
        }
      });

      it('has a user page in plain words: a title that says what is wrong, the fixed headings, every paragraph it cites', () => {
        const doc = readFileSync(join(ROOT, 'docs/rules', `${id}.md`), 'utf8');
        const title = /^# (.+)$/m.exec(doc)?.[1] ?? '';
        expect(title).not.toBe(id);
        expect(title).not.toMatch(/`/);
        const headings = [...doc.matchAll(/^## (.+)$/gm)].map((m) => m[1]!.trim());
        expect(headings).toEqual(USER_HEADINGS);
        // No implementation notes, severities in code font or corpus references for users.
        expect(doc).not.toMatch(/`|corpus|How it recognises|catalogue|\bregex|lexicon/i);
        for (const c of Object.values(rule.meta.citations).flat()) expect(doc, `cites ${c!.paragraph}`).toContain(`paragraph ${c!.paragraph}:`);
      });

      it('documents itself for developers with the fixed headings in order', () => {
        const doc = readFileSync(join(ROOT, 'docs/developers/rules', `${id}.md`), 'utf8');
        expect(doc.startsWith(`# ${id}`)).toBe(true);
        const headings = [...doc.matchAll(/^## (.+)$/gm)].map((m) => m[1]!.trim());
        const positions = DOC_HEADINGS.map((h) => headings.indexOf(h));
        expect(positions.filter((p) => p === -1).length, `missing headings in ${headings.join(', ')}`).toBe(0);
        expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      });

      // The protocol texts stay in the shared brief (other councils' words): without it, say so and skip.
      it.skipIf(!PROTOCOLS)(`cites paragraphs that exist in each pack${PROTOCOLS ? '' : ' (skipped: the shared brief with the protocol texts is not beside this checkout)'}`, () => {
        for (const [pack, citations] of Object.entries(rule.meta.citations)) {
          const text = textOf(pack as (typeof PACK_IDS)[number]);
          for (const c of citations ?? []) {
            expect(c.summary.length, `${pack} ${c.paragraph} has a summary`).toBeGreaterThan(10);
            const copied = longestSharedRun(c.summary, text);
            expect(copied.split(' ').length, `${pack} ${c.paragraph}: the summary copies the protocol ("${copied}")`).toBeLessThan(8);
            for (const n of numbersIn(c.paragraph)) {
              expect(hasParagraph(text, n, pack === 'tower-hamlets' || pack === 'surrey-heath'), `${pack} has paragraph ${n} (cited as "${c.paragraph}")`).toBe(true);
            }
          }
        }
      });
    });
  }
});
