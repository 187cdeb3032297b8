/**
 * Proposing, for each rule, the paragraphs of a council's protocol that say the same thing.
 * Retrieval with MiniSearch (BM25 over stemmed words): each rule is asked for with its
 * description and with our own summaries of the paragraphs other protocols have for it
 * (rule-summaries.json and the rules' citations, never a protocol's sentences); each question's
 * scores are scaled to its best hit and the questions' scores averaged, so that one long
 * summary does not drown the others.
 */
import MiniSearch from 'minisearch';
import { stemmer } from 'stemmer';
import { RULES } from '../../engine/rules/index.ts';
import type { RuleId } from '../../engine/types.ts';
import type { Paragraph } from './paragraphs.ts';
import summaries from './rule-summaries.json' with { type: 'json' };

export interface Proposal {
  paragraph: Paragraph;
  /** 0 to 1: the share of the rule's questions that found this paragraph, weighted by how well. */
  score: number;
}

const STOP = new Set(
  'a an and are as at be been but by can could do does for from had has have he her his if in into is it its may might must no not of on or our shall she should so such than that the their them then there these they this those to under up upon was were what when where which while who will with would you your any all also other only own same each'.split(' '),
);

function processTerm(term: string): string | null {
  const t = term.toLowerCase().replace(/[’']/g, '');
  if (t.length < 2 || STOP.has(t) || /^\d+$/.test(t)) return null;
  return stemmer(t);
}

type Summaries = Record<string, Record<string, { paragraph: string; summary: string }[]>>;

/** The questions for one rule: its description, and summaries of other packs' paragraphs (never `excludePack`'s). */
export function questionsFor(rule: RuleId, excludePack?: string): string[] {
  const meta = RULES.find((r) => r.meta.id === rule)!.meta;
  const out = [meta.description];
  for (const [pack, specs] of Object.entries(meta.citations)) {
    if (pack === excludePack) continue;
    for (const spec of specs ?? []) out.push(spec.summary);
  }
  for (const [pack, specs] of Object.entries((summaries as Summaries)[rule] ?? {})) {
    if (pack === excludePack) continue;
    for (const spec of specs) out.push(spec.summary);
  }
  return out;
}

export function proposeParagraphs(paragraphs: readonly Paragraph[], options: { excludePack?: string; top?: number } = {}): Map<RuleId, Proposal[]> {
  const index = new MiniSearch<{ id: number; text: string; section: string }>({
    fields: ['text', 'section'],
    storeFields: [],
    processTerm,
    searchOptions: { boost: { text: 1, section: 0.5 }, combineWith: 'OR' },
  });
  index.addAll(paragraphs.map((p, id) => ({ id, text: p.text, section: p.section ?? '' })));
  const out = new Map<RuleId, Proposal[]>();
  for (const rule of RULES) {
    const questions = questionsFor(rule.meta.id, options.excludePack);
    const total = new Map<number, number>();
    for (const q of questions) {
      const hits = index.search(q);
      const best = hits[0]?.score ?? 0;
      if (!best) continue;
      for (const h of hits) total.set(h.id as number, (total.get(h.id as number) ?? 0) + h.score / best);
    }
    const ranked = [...total.entries()]
      .map(([id, sum]) => ({ paragraph: paragraphs[id]!, score: sum / questions.length }))
      .sort((a, b) => b.score - a.score)
      .slice(0, options.top ?? 3);
    out.set(rule.meta.id, ranked);
  }
  return out;
}
