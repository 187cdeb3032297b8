/**
 * The real-world development corpus (tests/corpus/real-world/README.md): drafts modelled on
 * public council text, split by source into a tuning part and a held-out part before any tuning.
 * Prints both per-rule tables side by side and asserts the held-out scores.
 *
 * The acceptance targets (PRODUCT.md's mission rules: precision ≥ 0.95 and recall ≥ 0.9; all
 * rules together: precision ≥ 0.9 and recall ≥ 0.85) are asserted where they are met; where
 * they are not met yet, FLOORS holds the score reached so far so that it can only go up. A floor
 * that the score has passed must be raised: the test says so.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { RULE_IDS, type RuleId } from '../src/engine/types.ts';
import { checkCouncils, formatMismatches, formatTables, overall, type RuleScore, type ScoredCase, scoreRules } from './helpers/score.ts';

const ROOT = resolve(import.meta.dirname, 'corpus/real-world');
const MISSION_RULES: RuleId[] = ['silent-copy', 'personal-email', 'letterhead-for-party-matters', 'pre-election-publicity'];
const TARGET = { mission: { precision: 0.95, recall: 0.9 }, all: { precision: 0.9, recall: 0.85 } };

/** Held-out scores reached so far where the target is not yet met (raise them, never lower them). */
const FLOORS: Partial<Record<RuleId | 'all', { precision: number; recall: number }>> = {
  // Set again when the Thornby held-out council joined (765 held-out drafts, from 676): its two
  // letterhead false alarms took that rule's precision from 0.91 to 0.89 (on the 676 drafts from
  // before it, still 0.91/0.79). pre-election-publicity left the list then: it meets the target.
  'personal-email': { precision: 0.91, recall: 0.97 },
  'letterhead-for-party-matters': { precision: 0.89, recall: 0.8 },
  all: { precision: 0.92, recall: 0.8 },
};

let tuning: ScoredCase[];
let heldOut: ScoredCase[];
let tuningScores: RuleScore[];
let heldOutScores: RuleScore[];

beforeAll(async () => {
  tuning = await checkCouncils(join(ROOT, 'tuning'));
  heldOut = await checkCouncils(join(ROOT, 'held-out'));
  tuningScores = scoreRules(tuning);
  heldOutScores = scoreRules(heldOut);
  console.log(
    [
      '',
      'Real-world corpus: tuning and held-out parts, per rule (a draft counts once per rule)',
      formatTables([
        { name: 'tuning', drafts: tuning.length, scores: tuningScores },
        { name: 'held-out', drafts: heldOut.length, scores: heldOutScores },
      ]),
      '',
      'Tuning mismatches:',
      ...formatMismatches(tuning, tuningScores),
      '',
    ].join('\n'),
  );
}, 120_000);

describe('real-world corpus', () => {
  it('is large enough, split at least a third held out, with at least 40 % near misses', () => {
    const all = [...tuning, ...heldOut];
    expect(all.length).toBeGreaterThanOrEqual(250);
    expect(heldOut.length / all.length).toBeGreaterThanOrEqual(1 / 3);
    const nearMisses = all.filter((c) => c.expect.length === 0).length;
    expect(nearMisses / all.length).toBeGreaterThanOrEqual(0.4);
  });

  it('labels every draft with known rule ids, a note and a public source', () => {
    for (const part of ['tuning', 'held-out']) {
      const cases = part === 'tuning' ? tuning : heldOut;
      for (const council of new Set(cases.map((c) => c.council))) {
        const labels = JSON.parse(readFileSync(join(ROOT, part, council, 'labels.json'), 'utf8')) as Record<string, { expect: string[]; note?: string; source?: string }>;
        const files = cases.filter((c) => c.council === council).map((c) => c.file.slice(council.length + 1));
        expect(Object.keys(labels).sort()).toEqual(files.sort());
        for (const [file, label] of Object.entries(labels)) {
          expect(label.expect.filter((id) => !(RULE_IDS as readonly string[]).includes(id)), file).toEqual([]);
          expect(label.note?.trim(), `${file}: note`).toBeTruthy();
          expect(label.source?.trim(), `${file}: source`).toBeTruthy();
        }
      }
    }
  });

  it('shares no source between the tuning and the held-out parts', () => {
    const sourcesOf = (cases: ScoredCase[]) => {
      const out = new Set<string>();
      for (const council of new Set(cases.map((c) => c.council))) {
        const part = cases === tuning ? 'tuning' : 'held-out';
        const labels = JSON.parse(readFileSync(join(ROOT, part, council, 'labels.json'), 'utf8')) as Record<string, { source: string }>;
        for (const l of Object.values(labels)) for (const url of l.source.match(/https?:\/\/\S+/g) ?? []) out.add(url.replace(/[).,;]+$/, ''));
      }
      return out;
    };
    const heldOutSources = sourcesOf(heldOut);
    const shared = [...sourcesOf(tuning)].filter((u) => heldOutSources.has(u));
    expect(shared).toEqual([]);
  });

  describe('held-out scores', () => {
    const check = (name: RuleId | 'all', got: { precision: number; recall: number }, target: { precision: number; recall: number }) => {
      const floor = FLOORS[name];
      if (!floor) {
        expect(got.precision, `${name} precision`).toBeGreaterThanOrEqual(target.precision);
        expect(got.recall, `${name} recall`).toBeGreaterThanOrEqual(target.recall);
        return;
      }
      expect(got.precision, `${name} precision fell below its floor`).toBeGreaterThanOrEqual(floor.precision);
      expect(got.recall, `${name} recall fell below its floor`).toBeGreaterThanOrEqual(floor.recall);
      const metNow = got.precision >= target.precision && got.recall >= target.recall;
      expect(metNow, `${name} now meets the target: take it off FLOORS`).toBe(false);
    };
    it.each(MISSION_RULES)('%s', (rule) => {
      check(rule, heldOutScores.find((s) => s.rule === rule)!, TARGET.mission);
    });
    it('all rules together', () => {
      check('all', overall(heldOutScores), TARGET.all);
    });
  });
});
