/**
 * "Is the writer asking or telling the reader to do X?", read from the one text model: the
 * shared part of the rules about what councillors and officers ask of each other
 * (pressure-on-officers, favour-seeking, employment-matter-to-member, disciplinary-influence,
 * legal-proceedings).
 *
 * A cue alone is not enough: "jump the queue" appears just as often in "I am not asking for him
 * to jump the queue" or "Mrs Hart asked whether she could jump the queue". The text model
 * already knows, per token, whether a negation reaches it, whether it stands in quotation marks
 * and whether the writer is passing on someone else's words, and per sentence whether it is a
 * request, an instruction or a question and whether the writer's own side speaks; the lexicon's
 * hits (`ctx.lexicon`) count only where none of that excuses them. This module adds the little
 * that the rules share on top: the writer's own sentences, one negation reach the model does not
 * make yet (coordination, below), and evidence.
 *
 * No vocabulary lives here: the cue families are `lexicon/data/favours.json`, `pressure.json`,
 * `employment.json`, `discipline.json` and `legal.json`.
 */
import type { Hit } from '../lexicon/index.ts';
import type { RuleContext } from '../rule.ts';
import type { Sentence, TextModel } from '../text-model/model.ts';

/** The writer's own sentences: not the signature, not quoted history. Cached on the model. */
export function ownSentences(model: TextModel): Sentence[] {
  const cached = model.cache.get('requests:own') as Sentence[] | undefined;
  if (cached) return cached;
  const list = model.sentences.filter((s) => s.region === 'own');
  model.cache.set('requests:own', list);
  return list;
}

/** The sentence asks or tells the reader to act (the frames mark it, negated frames excepted). */
export function isAsking(s: Sentence): boolean {
  return s.request || s.instruction;
}

/** The sentence asks or tells the reader anything: a request, an instruction or a question. */
export function isEnquiring(s: Sentence): boolean {
  return s.request || s.instruction || s.question;
}

/** The counting hits of the entries in one sentence, in text order. */
export function cuesIn(ctx: RuleContext, model: TextModel, s: Sentence, ids: readonly string[]): Hit[] {
  return ctx.lexicon.inSentence(model, s.index, ids);
}

/** Whether any of the entries has a counting hit in the sentence. */
export function hasCue(ctx: RuleContext, model: TextModel, s: Sentence, ids: readonly string[]): boolean {
  return cuesIn(ctx, model, s, ids).length > 0;
}

/** Body evidence for a sentence: offsets and the exact text (the quote equals the slice). */
export function sentenceEvidence(ctx: RuleContext, s: Sentence): { field: 'body'; start: number; end: number; quote: string } {
  return { field: 'body', start: s.start, end: s.end, quote: ctx.draft.body.slice(s.start, s.end) };
}

/** Evidence for a span of the body or the subject (a hit's offsets). */
export function spanEvidence(ctx: RuleContext, field: 'body' | 'subject', start: number, end: number): { field: 'body' | 'subject'; start: number; end: number; quote: string } {
  const text = field === 'body' ? ctx.draft.body : ctx.draft.subject;
  return { field, start, end, quote: text.slice(start, end) };
}
