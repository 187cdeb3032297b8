/**
 * official-letter-from-member: a councillor's email that gives instructions or creates
 * obligations on behalf of the council (crawley 6.2, district-model 13.2.4, surrey-heath 7.3:
 * such letters go out in the name of the responsible officer, never a member).
 */
import type { Hit } from '../lexicon/compile.ts';
import { sentenceEvidence } from '../analysis/requests.ts';
import { scoreTopic } from '../analysis/topic-scorer.ts';
import { defineRule, type RuleContext, type RuleReport } from '../rule.ts';
import type { Span } from '../text.ts';
import type { Suggestion } from '../types.ts';

// ---- helpers ----

type MessageId = 'instructsOnBehalf' | 'commitsCouncil' | 'agreesContract';
const MESSAGE_IDS: readonly string[] = ['instructsOnBehalf', 'commitsCouncil', 'agreesContract'];

// The verbs a "the Council will …" promise ends in: the fix rewords everything before them.
const OBLIGATION_VERBS = ['official-letter.money-verb', 'official-letter.works-for-you', 'official-letter.works-verb'];
// The cues whose lead ("I can confirm that the Council will") the fix can reword.
const COUNCIL_PROMISES = ['official-letter.council-promise', 'official-letter.council-undertakes'];

interface Found extends Span {
  messageId: MessageId;
  quote: string;
  /** For "the Council will …" promises: where the verb starts, so the fix can reword the lead. */
  verbStart?: number;
}

/**
 * The cues of the `official-letter` family: every entry with a `kind`, which is the message it
 * reports (vocabulary in src/engine/lexicon/data/official-letter.json).
 */
function cueIds(ctx: RuleContext): string[] {
  return ctx.lexicon.family('official-letter').filter((id) => MESSAGE_IDS.includes(ctx.lexicon.entries.get(id)!.spec.kind ?? ''));
}

/**
 * Sentences that hedge, ask, report someone else's decision or describe policy ("I hope the
 * Council will…", "officers have confirmed that…", "under the Council's policy…"): entries
 * tagged `excuses-sentence`, read once per check rather than as every cue's `unless`.
 */
function excusedSentences(ctx: RuleContext): Set<number> {
  const out = new Set<number>();
  for (const id of ctx.lexicon.family('official-letter')) {
    if (!ctx.lexicon.entries.get(id)!.spec.tags?.includes('excuses-sentence')) continue;
    for (const h of ctx.lexicon.hits(ctx.text, id)) out.add(h.sentence);
  }
  return out;
}

/**
 * "Westmoor Borough Council will…": the lexicon finds "Borough Council"; the place name before
 * it (one or two capitalised words) belongs to the evidence and to the words the fix rewords.
 */
function withPlaceName(ctx: RuleContext, hit: Hit): number {
  const model = ctx.text;
  const council = ctx.lexicon.hits(model, 'official-letter.council').find((c) => c.first === hit.first);
  if (!council || !model.tokens[hit.first]!.capital) return hit.start;
  const first = model.sentences[hit.sentence]!.first;
  let k = hit.first;
  while (k > first && hit.first - k < 2 && model.tokens[k - 1]!.kind === 'word' && model.tokens[k - 1]!.capital) k -= 1;
  return model.tokens[k]!.start;
}

/** Where the obligation verb of a council promise starts (the last one inside the hit). */
function verbStartIn(ctx: RuleContext, hit: Hit): number | undefined {
  let start: number | undefined;
  for (const id of OBLIGATION_VERBS) {
    for (const v of ctx.lexicon.hits(ctx.text, id)) if (v.first > hit.first && v.first < hit.last && (start === undefined || v.start > start)) start = v.start;
  }
  return start;
}

/**
 * Promises, permissions and instructions in the writer's own words (not the signature, not
 * quoted history): the lexicon's hits, which leave out negated cues and someone else's words,
 * less the sentences that hedge, report or describe policy. Questions ask; they commit nobody.
 * One finding per sentence: the earliest cue in it.
 */
function findCommitments(ctx: RuleContext): Found[] {
  const model = ctx.text;
  const excused = excusedSentences(ctx);
  const earliest = new Map<number, Hit>();
  for (const id of cueIds(ctx)) {
    for (const hit of ctx.lexicon.hits(model, id)) {
      const s = model.sentences[hit.sentence]!;
      if (s.question || excused.has(hit.sentence)) continue;
      const best = earliest.get(hit.sentence);
      if (!best || hit.start < best.start || (hit.start === best.start && hit.end > best.end)) earliest.set(hit.sentence, hit);
    }
  }
  return [...earliest.values()]
    .sort((a, b) => a.start - b.start)
    .map((hit) => {
      const verbStart = COUNCIL_PROMISES.includes(hit.entry) ? verbStartIn(ctx, hit) : undefined;
      const start = withPlaceName(ctx, hit);
      return {
        start,
        end: hit.end,
        quote: ctx.draft.body.slice(start, hit.end),
        messageId: ctx.lexicon.entries.get(hit.entry)!.spec.kind as MessageId,
        ...(verbStart !== undefined ? { verbStart } : {}),
      };
    });
}

function suggestionsFor(ctx: RuleContext, f: Found): Suggestion[] {
  const out: Suggestion[] = [];
  if (f.messageId === 'commitsCouncil' && f.verbStart !== undefined) {
    // Reword "the Council will refund" as the councillor's own step: asking officers. True once
    // the councillor does it, and it leaves the decision with the responsible officer.
    const verb = ctx.draft.body.slice(f.verbStart, f.end);
    out.push({
      title: `Say you will ask officers whether the Council can ${verb}`,
      edits: [{ kind: 'replaceText', field: 'body', start: f.start, end: f.verbStart, text: 'I will ask officers whether the Council can ' }],
    });
  }
  out.push({ title: 'Ask the responsible officer to send this in the Council’s name', edits: [] });
  out.push({ title: 'Say what you will ask officers to do, not what the Council will do', edits: [] });
  return out;
}

// ---- rule ----

export default defineRule<MessageId>({
  meta: {
    id: 'official-letter-from-member',
    description: 'A councillor’s email that gives instructions or makes promises on behalf of the council.',
    defaultSeverity: 'warning',
    citations: {
      crawley: [{ paragraph: '6.2', summary: 'Letters that speak for the council go out under the responsible officer’s name; a councillor’s name is kept for rare cases such as writing to a minister.' }],
      'district-model': [
        { paragraph: '13.2.4', summary: 'Official letters and emails go out under an officer’s name, and one that commits the council or instructs anyone must never carry a member’s name.' },
        { paragraph: '13.1.1', summary: 'A member writing as a member must say whether they write for the council or as a ward councillor.' },
        { paragraph: '2.2(k)', summary: 'Members do not enter contracts, agreements or undertakings for the council, or authorise payments, without lawful delegated authority.' },
      ],
      'surrey-heath': [{ paragraph: '7.3', summary: 'Official letters go out in an officer’s name; any letter giving instructions or taking on obligations for the council must never be in a member’s name.' }],
    },
    messages: {
      instructsOnBehalf: 'This gives an instruction for the Council in your name as a councillor (“{quote}”). Instructions on the Council’s behalf go out from the responsible officer.',
      commitsCouncil: 'This commits the Council in your name as a councillor (“{quote}”). Promises on the Council’s behalf go out from the responsible officer.',
      agreesContract: 'This agrees a contract or price for the Council in your name as a councillor (“{quote}”). Only an officer with delegated authority can do that.',
    },
    fixable: true,
  },
  check(ctx): RuleReport<MessageId>[] {
    // Only a councillor's email: an officer with delegated authority may commit the council.
    if (ctx.sender?.kind !== 'councillor') return [];
    // An official letter goes outside the council: a contractor, a resident, an organisation.
    // Between councillors and officers the same words are internal discussion (and instructions
    // to officers are `pressure-on-officers`).
    if (!ctx.recipients.some((r) => r.person.kind === 'external' && !r.person.councilAddress)) return [];
    const found = findCommitments(ctx).map((f) => ({
      messageId: f.messageId,
      data: { quote: f.quote.replace(/\s+/g, ' ').trim() },
      evidence: { field: 'body' as const, start: f.start, end: f.end, quote: f.quote },
      suggestions: suggestionsFor(ctx, f),
    }));
    if (found.length) return found;
    // The learned scorer, when the cues find nothing (analysis/topic-scorer.ts; the rule's doc gives its figures).
    const scored = scoreTopic('official-letter-from-member', ctx);
    if (!scored) return [];
    const evidence = sentenceEvidence(ctx, scored.sentence);
    return [
      {
        messageId: 'commitsCouncil',
        data: { quote: evidence.quote.replace(/\s+/g, ' ').trim() },
        evidence,
        suggestions: [
          { title: 'Ask the responsible officer to send this in the Council’s name', edits: [] },
          { title: 'Say what you will ask officers to do, not what the Council will do', edits: [] },
        ],
      },
    ];
  },
});
