/**
 * Is this content party-political, campaigning or electioneering, or the writer's private
 * business? (PRODUCT.md, "Letterhead": the content that must not go out on council email or
 * under council branding.)
 *
 * The technique, and why:
 * - Curated cue families with their inflections (canvass/canvassing/canvassers, leaflet/leafleting),
 *   not single keywords: councils canvass electors too (the annual canvass), deliver leaflets
 *   about bin days and run awareness campaigns, so most words only count when a second family
 *   or a party name stands in the same sentence, and the writer speaks in the first person.
 * - A few cues are strong enough alone ("vote Labour", "campaign fund", "canvass cards",
 *   "poster in your window"): they have no council meaning.
 * - Who is speaking: words inside quotation marks are someone else's (a resident, a newspaper),
 *   and a negated cue ("I am not asking you to canvass") does not count.
 * - Election administration (returning officer, poll cards, nomination papers, the pre-election
 *   period itself) is council business and is never a cue.
 * Everything is precompiled at module scope and runs in one pass over the sentences.
 */
import type { PartyEntry } from '../policy.ts';
import type { RuleContext } from '../rule.ts';
import { memoised } from '../rule.ts';
import { escapeRegExp, normaliseChars, sentences, stemFinder, type Span } from '../text.ts';
import { normalisedBody } from './voice.ts';

// ---- Party names ----

/**
 * UK parties that hold council seats (the Electoral Commission's register, main parties), with
 * the forms a release or an email uses. `strong` forms name the party wherever they stand
 * (case-sensitive); `short` forms ("Con", "Green", "Ind") are ordinary words or abbreviations and
 * only count as a label in a label position, such as "(Con)" after a name.
 */
export const UK_PARTIES: readonly { name: string; strong: string[]; short: string[] }[] = [
  { name: 'Conservative', strong: ['Conservative and Unionist Party', 'Conservative Party', 'Conservatives', 'Conservative', 'Tory', 'Tories'], short: ['Con', 'C'] },
  { name: 'Labour', strong: ['Labour and Co-operative', 'Labour Co-op', 'Labour Party', 'Labour'], short: ['Lab', 'L'] },
  { name: 'Liberal Democrats', strong: ['Liberal Democrats', 'Liberal Democrat', 'Lib Dems', 'Lib Dem', 'LibDems', 'LibDem'], short: ['LD', 'LDem'] },
  { name: 'Green Party', strong: ['Green Party', 'Greens'], short: ['Green', 'Grn'] },
  { name: 'Reform UK', strong: ['Reform UK'], short: ['Reform'] },
  { name: 'Plaid Cymru', strong: ['Plaid Cymru'], short: ['Plaid', 'PC'] },
  { name: 'Scottish National Party', strong: ['Scottish National Party', 'SNP'], short: [] },
  { name: 'UKIP', strong: ['UKIP'], short: [] },
  { name: 'Independent', strong: [], short: ['Independent', 'Ind'] },
];

// Single words that are also ordinary English or place names: never a party outside a label position.
const AMBIGUOUS_WORDS = new Set(['green', 'reform', 'independent', 'independents', 'alliance', 'liberal', 'residents', 'plaid', 'con', 'lab', 'ind', 'socialist', 'heritage']);

export interface PartyForms {
  /** Party-name forms that name a party wherever they stand (case-sensitive). */
  strong: string[];
  /** Every form, including abbreviations and ambiguous words, for label positions only. */
  all: string[];
  /** Form → party name. */
  partyOf: Map<string, string>;
}

/** The party names the policy lists (name, aliases) merged with the built-in UK list. */
export function partyForms(parties: readonly PartyEntry[]): PartyForms {
  const strong = new Set<string>();
  const all = new Set<string>();
  const partyOf = new Map<string, string>();
  const add = (form: string, party: string, isStrong: boolean) => {
    const f = form.trim();
    if (!f) return;
    all.add(f);
    if (!partyOf.has(f.toLowerCase())) partyOf.set(f.toLowerCase(), party);
    if (isStrong) strong.add(f);
  };
  for (const p of parties) {
    for (const form of [p.name, ...(p.aliases ?? [])]) {
      const single = !/\s/.test(form.trim());
      const ambiguous = form.trim().length <= 3 || (single && AMBIGUOUS_WORDS.has(form.trim().toLowerCase()));
      add(form, p.name, !ambiguous);
    }
  }
  for (const p of UK_PARTIES) {
    for (const f of p.strong) add(f, p.name, true);
    for (const f of p.short) add(f, p.name, false);
  }
  return { strong: [...strong], all: [...all], partyOf };
}

/** A case-sensitive alternation of the forms, longest first, for embedding in a pattern. */
export function formsAlternation(forms: readonly string[]): string {
  const alts = [...forms].sort((a, b) => b.length - a.length).map((f) => escapeRegExp(f).replace(/\s+/g, '\\s+'));
  return alts.length ? `(?:${alts.join('|')})` : '(?!)';
}

const partyCache = new WeakMap<readonly PartyEntry[], { forms: PartyForms; strongRe: RegExp }>();

/** The policy's party forms and a pattern for the strong ones, compiled once per policy. */
export function partyNames(parties: readonly PartyEntry[]): { forms: PartyForms; strongRe: RegExp } {
  let cached = partyCache.get(parties);
  if (!cached) {
    const forms = partyForms(parties);
    cached = { forms, strongRe: new RegExp(`(?<![\\w-])${formsAlternation(forms.strong)}(?![\\w-])`, 'g') };
    partyCache.set(parties, cached);
  }
  return cached;
}

// ---- Content cues ----

export type PartyContentKind = 'electioneering' | 'party-political' | 'private-business';

export interface PartyContentSignal extends Span {
  kind: PartyContentKind;
  /** The words that decided it, as written. */
  quote: string;
  /** Which cue: "canvassing", "vote appeal", "campaign fund", "business offer", … */
  cue: string;
}

interface Cue {
  cue: string;
  kind: PartyContentKind;
  /** Lower-case literals one of which any match contains: a cheap test before the pattern runs. */
  stems: string[];
  re: RegExp;
}

const mayMatch = (lower: string, stems: readonly string[]) => stems.some((s) => lower.includes(s));

// Strong cues: no council meaning, so one is enough (unless negated or someone else's words).
const STRONG_CUES: Cue[] = [
  { cue: 'canvassing', stems: ['canvass'], kind: 'electioneering', re: /\b(?:canvass(?:ing|ed|es)?|canvasser?s?)\b(?!\s+(?:form|forms|period|letter|letters|response|responses)\b)/gi },
  { cue: 'door-knocking', stems: ['knock'], kind: 'electioneering', re: /\bdoor[- ]?knock(?:ing|ers?|ed)?\b/gi },
  { cue: 'vote appeal', stems: ['vot', 'gotv'], kind: 'electioneering', re: /\b(?:vote|voting)\s+for\s+(?:me|us|our\b)|\bgrateful\s+for\s+your\s+(?:vote|support\s+(?:on|at)\s+(?:polling|the\s+election))|\b(?:your|every)\s+vote\s+(?:counts|matters)|\bget\s+out\s+the\s+vote\b|\bGOTV\b/gi },
  { cue: 'standing for election', stems: ['standing', 'elect'], kind: 'electioneering', re: /\b(?:I'?m|I\s+am|I\s+will\s+be|we\s+are|we'?re)\s+standing\s+(?:again|for\s+(?:re-?)?election|as\s+(?:the|a|an|your)\s+(?:[\w-]+\s+){0,2}candidates?\b)|\bre-?elect\s+(?:me|us)\b|\bmy\s+re-?election\b/gi },
  { cue: 'campaign fund', stems: ['fund'], kind: 'party-political', re: /\b(?:campaign|fighting|election)\s+funds?\b/gi },
  { cue: 'election posters', stems: ['poster', 'stake'], kind: 'electioneering', re: /\bposters?\s+(?:in\s+(?:their|your|the)\s+windows?|sites?|boards?)\b|\b(?:window|garden)\s+(?:posters?|stake\s*boards?)\b/gi },
  { cue: 'campaign leaflet', stems: ['leaflet'], kind: 'electioneering', re: /\b(?:Focus|election|campaign|party|In\s+Touch)\s+leaflets?\b/gi },
  { cue: 'party membership', stems: ['party', 'selection', 'clp'], kind: 'party-political', re: /\bparty\s+(?:members(?:hip)?|branch|conference|manifesto|selection|subs)\b|\bcandidate\s+selection\b|\bCLP\b/gi },
];

// Medium cue families: two different families in one sentence, spoken by the writer, make a signal.
const MEDIUM_FAMILIES: { family: string; stems: string[]; re: RegExp }[] = [
  { family: 'election', stems: ['elect', 'polling', 'seat', 'may', 'marginal', 'target'], re: /\b(?:elections?|polling\s+day|seats?\s+(?:are\s+)?up|by-?elections?|on\s+\d{1,2}\s+May|in\s+May|marginal|target(?:ing|ed)?\s+(?:the\s+)?ward)\b/gi },
  { family: 'leaflet', stems: ['leaflet', 'printer', 'deliver'], re: /\b(?:leaflet(?:s|ing|ed)?|printers?|delivery\s+rounds?|deliver(?:ing)?\s+(?:the\s+)?leaflets?)\b/gi },
  { family: 'campaign', stems: ['campaign', 'stall', 'petition'], re: /\b(?:campaign(?:s|ing|ers?)?|street\s+stalls?|petitions?)\b/gi },
  { family: 'fundraising', stems: ['fund', 'raffle', 'auction', 'ticket', 'donation'], re: /\b(?:fund-?rais(?:ing|er|ers)|raffle|auction|tickets?\s+(?:are|now\s+on\s+sale)|donations?)\b/gi },
  { family: 'candidate', stems: ['candida', 'standing', 'elect'], re: /\b(?:candidates?|candidacy|standing\s+again|re-?elect(?:ed|ion)?)\b/gi },
  { family: 'volunteers', stems: ['volunteer', 'helper', 'activist', 'member'], re: /\b(?:volunteers?|helpers?|activists?|members)\b/gi },
  { family: 'votes', stems: ['vot'], re: /\bvot(?:e|es|ers?|ing)\b/gi },
];

// With a party named: the writer's party fighting another ("we fought the Conservatives' plan").
const PARTY_STRUGGLE_STEMS = ['fought', 'fight', 'oppos', 'beat', 'defeat', 'target', 'attack', 'only the'];
const PARTY_STRUGGLE = /\b(?:fought|fight(?:ing)?|oppos(?:e|ed|ing)|beat(?:en)?|defeat(?:ed)?|target(?:ing|ed)?|attack(?:ed|ing)?|only\s+the)\b/i;

// Votes in competitions and awards, which councils do ask for.
const COMPETITION = /\b(?:awards?|competition|contest|people'?s\s+choice|in\s+bloom|shortlist\w*|prize|nominat\w*|favourite)\b/i;

// Election administration is council business: these sentences never count (returning officer, poll cards…).
const ELECTION_ADMIN_STEMS = ['returning', 'electoral', 'poll', 'nomination', 'vote', 'canvass', 'household', 'election', 'purdah', 'count', 'publicity', 'recommended'];
const ELECTION_ADMIN = /\b(?:returning\s+officer|electoral\s+(?:services|registration|register|roll)|poll(?:ing)?\s+cards?|polling\s+stations?|nomination\s+papers?|postal\s+votes?|proxy\s+votes?|annual\s+canvass|household\s+enquiry|pre-?election\s+period|purdah|the\s+count\b|notice\s+of\s+election|publicity\s+code|code\s+of\s+recommended\s+practice)/i;

// The writer's side acting: campaigning is a team's work ("we'll deliver", "our leaflet"). A lone
// "I" or "me" is more often someone asking about another party's material ("can you tell me …").
const WRITER_SIDE = /\b(?:we|we're|we've|we'll|we'd|us|our|ours|let's)\b/i;
// Reporting or checking someone else's campaign material is not campaigning ("the Labour leaflet claims …").
const REPORTING = /\b(?:complain\w*|concern\w*|claim\w*|alleg\w*|misleading|inaccurate|untrue|accurate|correct|fact[- ]check\w*|saying|says)\b/i;

// Negation within the few words before a cue ("I am not asking you to canvass").
const NEGATION_BEFORE = /\b(?:not|no|never|nor|without|n't)\b(?:\W+\w+){0,3}\W*$/i;

// Private business: the writer's own business, and a commercial offer (a price, a discount).
const OWN_BUSINESS =
  /\bmy\s+(?:own\s+)?(?:business|company|firm|shop|restaurant|caf[eé]|practice|consultancy|agency|catering|salon|pub|guest\s*house|B&B|kitchen|studio|stall)\b|\bour\s+(?:family\s+)?(?:business|company|firm)\b|\bI\s+(?:run|own|set\s+up|founded)\s+(?:a|an|the|my)\b|\bfellow\s+(?:[A-Z][\w'-]*\s+)?business(?:es)?\b/gi;
const COMMERCIAL_OFFER =
  /\b\d{1,2}\s?%\s+(?:off|discount)\b|\bdiscount(?:ed)?\b|\b(?:a|per)\s+head\b|\bspecial\s+(?:rate|price|offer)\b|\bhold\s+the\s+dates?\s+for\s+you\b|\b(?:quote|prices?)\s+for\s+your\b|\bwe\s+(?:also\s+)?(?:do|offer|cater|supply|stock)\b|\bbook\s+(?:with\s+)?(?:me|us)\b|\bdeposit\b|\binvoice\b|\bour\s+(?:menu|prices|rates|products|services)\b/gi;
const PRICE = /£\s?\d/g;

// The stems the span-wide pre-tests ask about, each list found in one pass: first the cues, then,
// only when some cue may be present, the election-administration and party-struggle stems.
const findCueStems = stemFinder([...STRONG_CUES.flatMap((c) => c.stems), ...MEDIUM_FAMILIES.flatMap((f) => f.stems), 'vot']);
const findContextStems = stemFinder([...ELECTION_ADMIN_STEMS, ...PARTY_STRUGGLE_STEMS]);

/** Spans of text in quotation marks (someone else's words, or a quoted title): cues there do not count. */
export function quotedSpans(text: string, span: Span, normal?: string): Span[] {
  const out: Span[] = [];
  const slice = normal !== undefined ? normal.slice(span.start, span.end) : normaliseChars(text.slice(span.start, span.end));
  const re = /"[^"\n]{1,600}"/g;
  for (const m of slice.matchAll(re)) out.push({ start: span.start + m.index!, end: span.start + m.index! + m[0].length });
  return out;
}

const inside = (spans: Span[], at: number) => spans.some((s) => at >= s.start && at < s.end);

function negated(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 40), at);
  return NEGATION_BEFORE.test(before);
}

/**
 * @summary Find party-political, campaigning or private-business content in a span of text.
 * @param text the whole text (body or subject); offsets in the result point into it
 * @param span the part to read (the writer's own words, without the signature)
 * @param parties the policy's parties (merged with the built-in UK list)
 * @param normal `text` after normaliseChars, when the caller already has it
 * @returns every signal found, in text order; empty when the content is council business
 * @example findPartyContent('We meet at 10am to canvass Mill Road.', {start: 0, end: 37}, [])
 *   // [{ kind: 'electioneering', cue: 'canvassing', quote: 'canvass', start: 19, end: 26 }]
 */
const votePartyCache = new WeakMap<readonly PartyEntry[], RegExp>();
function votePartyPattern(parties: readonly PartyEntry[]): RegExp {
  let re = votePartyCache.get(parties);
  if (!re) {
    // "vote Labour", "vote Susan Kerr on 6 May"
    re = new RegExp(`\\bvote\\s+(?:${formsAlternation(partyNames(parties).forms.strong)}|[A-Z][a-z]+\\s+[A-Z][\\w'-]+\\s+on\\b)`, 'g');
    votePartyCache.set(parties, re);
  }
  return re;
}

export function findPartyContent(text: string, span: Span, parties: readonly PartyEntry[], normal = normaliseChars(text)): PartyContentSignal[] {
  const out: PartyContentSignal[] = [];
  const quotes = quotedSpans(text, span, normal);
  const { strongRe } = partyNames(parties);
  const voteParty = votePartyPattern(parties);

  // Only the cues whose literal stems occur somewhere in the span are tried, sentence by sentence.
  // One pass finds every stem present: a large draft is not read once per stem.
  const lowerSpan = normal.slice(span.start, span.end).toLowerCase();
  const present = findCueStems(lowerSpan);
  const spanHas = (stems: readonly string[]) => stems.some((s) => present.has(s));
  const strongCues = STRONG_CUES.filter((c) => spanHas(c.stems));
  const families = MEDIUM_FAMILIES.filter((f) => spanHas(f.stems));
  const votePossible = present.has('vot');
  if (strongCues.length || families.length || votePossible) {
    for (const s of findContextStems(lowerSpan)) present.add(s);
    const adminPossible = spanHas(ELECTION_ADMIN_STEMS);
    const strugglePossible = spanHas(PARTY_STRUGGLE_STEMS);
    for (const s of sentences(normal, span)) {
      const sentence = normal.slice(s.start, s.end);
      const lower = sentence.toLowerCase();
      const usable = (index: number) => !inside(quotes, s.start + index) && !negated(sentence, index);
      const push = (kind: PartyContentKind, cue: string, index: number, length: number) =>
        out.push({ kind, cue, start: s.start + index, end: s.start + index + length, quote: text.slice(s.start + index, s.start + index + length) });

      const admin = adminPossible && mayMatch(lower, ELECTION_ADMIN_STEMS) && ELECTION_ADMIN.test(sentence);
      let found = false;
      if (!admin) {
        const reporting = REPORTING.test(sentence) && !WRITER_SIDE.test(sentence);
        for (const c of strongCues) {
          if (!mayMatch(lower, c.stems)) continue;
          // "The Labour leaflet claims …", "a party leaflet saying …": someone else's material, reported.
          if (reporting && (c.cue === 'campaign leaflet' || c.cue === 'election posters')) continue;
          // "Vote for us in the Britain in Bloom awards": a competition, not an election.
          if (c.cue === 'vote appeal' && COMPETITION.test(sentence)) continue;
          c.re.lastIndex = 0;
          for (const m of sentence.matchAll(c.re)) {
            if (!usable(m.index!)) continue;
            push(c.kind, c.cue, m.index!, m[0].length);
            found = true;
            break;
          }
          if (found) break;
        }
        if (!found && votePossible && lower.includes('vote')) {
          voteParty.lastIndex = 0;
          for (const m of sentence.matchAll(voteParty)) {
            if (!usable(m.index!)) continue;
            push('electioneering', 'vote appeal', m.index!, m[0].length);
            found = true;
            break;
          }
        }
      }
      if (!found && !admin) {
        // Two different families, or one family and a party name, with the writer's side acting.
        const hits: { family: string; index: number; length: number }[] = [];
        for (const f of families) {
          if (!mayMatch(lower, f.stems)) continue;
          f.re.lastIndex = 0;
          for (const m of sentence.matchAll(f.re)) {
            if (usable(m.index!)) {
              hits.push({ family: f.family, index: m.index!, length: m[0].length });
              break;
            }
          }
        }
        const familiesFound = new Set(hits.map((h) => h.family));
        // "members" and "votes" are everyday council words: they only support another family.
        const core = [...familiesFound].filter((f) => f !== 'volunteers' && f !== 'votes');
        const struggle = strugglePossible && mayMatch(lower, PARTY_STRUGGLE_STEMS) && PARTY_STRUGGLE.test(sentence);
        let party: RegExpMatchArray | undefined;
        if (core.length >= 1 || struggle) {
          strongRe.lastIndex = 0;
          party = [...sentence.matchAll(strongRe)].find((m) => usable(m.index!));
        }
        // Councils run awareness campaigns and deliver leaflets too: without a party name, only the
        // election, candidates or fundraising make such talk electioneering.
        const political = core.includes('election') || core.includes('candidate') || core.includes('fundraising');
        const enough = party ? core.length >= 1 || struggle : core.length >= 2 && political;
        if (enough && WRITER_SIDE.test(sentence) && !REPORTING.test(sentence)) {
          const first = hits.filter((h) => core.includes(h.family)).sort((a, b) => a.index - b.index)[0] ?? { index: party!.index!, length: party![0].length };
          const kind = core.includes('election') || core.includes('candidate') ? 'electioneering' : 'party-political';
          push(kind, core.length ? `${core.join(' and ')} talk` : 'party campaigning', first.index, first.length);
          found = true;
        }
      }
    }

  }

  // Private business: judged over the whole span, since an offer spreads over several sentences.
  const slice = { text: normal.slice(span.start, span.end), base: span.start };
  const firstUsable = (re: RegExp) => {
    re.lastIndex = 0;
    for (const m of slice.text.matchAll(re)) {
      const at = slice.base + m.index!;
      if (!inside(quotes, at) && !negated(normal, at)) return { at, length: m[0].length };
    }
    return undefined;
  };
  const lowerAll = lowerSpan;
  const hasPrice = lowerAll.includes('£');
  if (!hasPrice && !/\b(?:my|our|fellow|i)\b/.test(lowerAll)) return out.sort((a, b) => a.start - b.start);
  const own = firstUsable(OWN_BUSINESS);
  if (!own && !hasPrice) return out.sort((a, b) => a.start - b.start);
  COMMERCIAL_OFFER.lastIndex = 0;
  const offers = new Set<string>();
  let firstOffer: { at: number; length: number } | undefined;
  for (const m of slice.text.matchAll(COMMERCIAL_OFFER)) {
    const at = slice.base + m.index!;
    if (inside(quotes, at)) continue;
    offers.add(m[0].toLowerCase().replace(/\s+/g, ' '));
    firstOffer ??= { at, length: m[0].length };
  }
  const price = hasPrice ? firstUsable(PRICE) : undefined;
  if ((own && (offers.size > 0 || price)) || (offers.size >= 2 && price)) {
    const at = own ?? firstOffer!;
    out.push({ kind: 'private-business', cue: 'business offer', start: at.at, end: at.at + at.length, quote: text.slice(at.at, at.at + at.length) });
  }
  return out.sort((a, b) => a.start - b.start);
}

export interface PartyContentAssessment {
  /** Signals in the subject (offsets into the subject). */
  subject: PartyContentSignal[];
  /** Signals in the writer's own words, without the signature (offsets into the body). */
  body: PartyContentSignal[];
  /** The first signal, body first: what a finding quotes. */
  first?: PartyContentSignal & { field: 'body' | 'subject' };
}

/**
 * @summary Whether the draft's own content (subject and the writer's words, not quoted history
 * and not the signature) is party-political, campaigning or private business. Memoised per check.
 */
export function assessPartyContent(ctx: RuleContext): PartyContentAssessment {
  return memoised(ctx, 'analysis/party-content', () => {
    const end = ctx.layout.signature ? ctx.layout.signature.start : ctx.own.end;
    const body = findPartyContent(ctx.draft.body, { start: ctx.own.start, end }, ctx.policy.parties, normalisedBody(ctx));
    const subject = findPartyContent(ctx.draft.subject, { start: 0, end: ctx.draft.subject.length }, ctx.policy.parties).filter((s) => s.kind !== 'private-business');
    const first = body[0] ? { ...body[0], field: 'body' as const } : subject[0] ? { ...subject[0], field: 'subject' as const } : undefined;
    return { subject, body, first };
  });
}
