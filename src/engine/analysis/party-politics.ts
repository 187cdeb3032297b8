/**
 * Is this content party-political, campaigning or electioneering, or the writer's private
 * business? (PRODUCT.md, "Letterhead": the content that must not go out on council email or
 * under council branding.)
 *
 * The technique, and why:
 * - Curated cue families with their inflections (canvass/canvassed/canvassers, leaflet/leafleted,
 *   campaign/campaigners), not single keywords: councils canvass electors too (the annual
 *   canvass), deliver leaflets about bin days and run awareness campaigns, so most words only
 *   count when a second family stands in the same sentence or a neighbouring one of the same
 *   paragraph, or a party name in the same sentence, and the writer's side is acting.
 * - A few cues are strong enough alone ("vote Labour", "get out the vote", "our candidate",
 *   "campaign fund", "poster in your window"): they have no council meaning, or only one that
 *   the sentence can rule out (the annual canvass, tellers at the count, a candidate for a job).
 * - Who is speaking: words inside quotation marks are someone else's (a resident, a newspaper),
 *   and a negated cue ("I am not asking you to canvass") does not count.
 * - Election administration (returning officer, polling stations, nomination packs, candidates
 *   and agents, the count, the pre-election period itself) is council business: it excuses the
 *   medium cues in its sentence, but never a strong cue beside it. An officer who runs the
 *   council's elections may talk of candidates, canvassers and tellers freely.
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

export interface PartyContentOptions {
  /**
   * The writer runs the council's elections (Electoral Services, the Returning Officer): their
   * talk of candidates, agents, canvassers and tellers is administration, so medium cues and the
   * strong cues that share a word with administration do not count. Cues with no council meaning
   * ("vote Labour", "get out the vote") still do.
   */
  administrator?: boolean;
}

interface Cue {
  cue: string;
  kind: PartyContentKind;
  /** Lower-case literals one of which any match contains: a cheap test before the pattern runs. */
  stems: string[];
  re: RegExp;
  /**
   * The council meaning the cue's word also has: in a sentence about it the cue does not count
   * (the annual canvass, tellers at the count, a candidate for a job).
   */
  excusedBy?: RegExp;
  /** The word is also the administrators' own (canvassers, tellers): they may use it freely. */
  administrationWord?: boolean;
  /** Counts only when the writer's side is acting ("our tellers", "we need tellers"). */
  needsWriterSide?: boolean;
}

const mayMatch = (lower: string, stems: readonly string[]) => stems.some((s) => lower.includes(s));

// Electoral registration: the council's canvass of households, whose canvassers knock on doors.
const REGISTRATION_CONTEXT = /\b(?:annual\s+canvass|electoral\s+(?:registration|register|roll)|household\s+enquir\w*|register\s+to\s+vote|canvass\s+(?:forms?|period|letters?|communications?))\b/i;
// Tellers also count ballots at the council's count, and votes in the council chamber.
const COUNT_CONTEXT = /\b(?:the\s+count|count(?:ing)?\s+(?:centre|venue|staff|assistants?|agents?|hall)|verification|recorded\s+vote|division|chamber|full\s+council|committee)\b/i;
// A candidate for a job, a contract or a course, not for election.
const JOB_CONTEXT =
  /\b(?:posts?|roles?|jobs?|vacanc(?:y|ies)|apprentice\w*|interview\w*|recruit\w*|appoint\w*|applicants?|CVs?|salary|tender\w*|contracts?|suppliers?|bids?|graduates?|trainee\w*|placements?|internships?|course|exams?|degree|scholarships?|hiring)\b/i;
// Votes in competitions and awards, which councils do ask for.
const COMPETITION = /\b(?:awards?|competition|contest|people'?s\s+choice|in\s+bloom|shortlist\w*|prize|nominat\w*|favourite)\b/i;

// Strong cues: no council meaning, or none once `excusedBy` is ruled out, so one is enough
// (unless negated or someone else's words). Campaign words are from the parties' own
// organising guides: canvassing, door-knocking, "knocking up" pledges and tellers on polling day.
const STRONG_CUES: Cue[] = [
  {
    cue: 'canvassing',
    stems: ['canvass'],
    kind: 'electioneering',
    re: /\b(?:canvass(?:ing|ed|es)?|canvasser?s?)\b(?!\s+(?:form|forms|period|letter|letters|response|responses)\b)/gi,
    excusedBy: REGISTRATION_CONTEXT,
    administrationWord: true,
  },
  { cue: 'door-knocking', stems: ['knock'], kind: 'electioneering', re: /\bdoor[- ]?knock(?:ing|ers?|ed)?\b/gi, excusedBy: REGISTRATION_CONTEXT, administrationWord: true },
  // Polling day: calling on supporters who promised their vote ("knocking up our pledges").
  {
    cue: 'knocking up',
    stems: ['knock'],
    kind: 'electioneering',
    re: /\bknock(?:ing|ed|s)?[- ]up\s+(?:(?:all\s+)?(?:our|the|my)\s+)?(?:pledges?|promises?|supporters?|voters?|vote|known\s+supporters?)\b|\bknocking[- ]up\s+(?:sheets?|teams?|rotas?|lists?|slots?)\b/gi,
  },
  // Party tellers stand outside polling stations taking electors' numbers.
  {
    cue: 'tellers',
    stems: ['teller'],
    kind: 'electioneering',
    re: /\b(?:our|party)\s+tellers?\b|\btellers?\s+(?:for\s+(?:us|our|the\s+party)|rotas?|shifts?|slots?)\b|\btellers?\s+(?:at|outside|on)\s+(?:(?:both|each|every|all|the|our)\s+)?(?:[\w'-]+\s+)?polling\s+stations?\b/gi,
    excusedBy: COUNT_CONTEXT,
    administrationWord: true,
    needsWriterSide: true,
  },
  {
    cue: 'vote appeal',
    stems: ['vot', 'gotv'],
    kind: 'electioneering',
    re: /\b(?:vote|voting)\s+for\s+(?:me|us\b(?!\s+to\b)|our\b(?!\s+(?:[\w-]+\s+)?(?:proposals?|motions?|amendments?|budget|scheme|plans?|bid|application|polic(?:y|ies)|recommendations?|report|entry|nominee\s+for\s+the\s+award)\b))|\bvoted\s+for\s+(?:me|us)\b|\bgrateful\s+for\s+your\s+(?:vote|support\s+(?:on|at)\s+(?:polling|the\s+election))|\b(?:your|every)\s+vote\s+(?:counts|matters)|\bget(?:ting)?\s+out\s+the\s+vote\b|\bget(?:ting)?\s+the\s+vote\s+out\b|\bGOTV\b/gi,
    excusedBy: COMPETITION,
  },
  { cue: 'standing for election', stems: ['standing', 'elect'], kind: 'electioneering', re: /\b(?:I'?m|I\s+am|I\s+will\s+be|we\s+are|we'?re)\s+standing\s+(?:again|for\s+(?:re-?)?election|as\s+(?:the|a|an|your)\s+(?:[\w-]+\s+){0,2}candidates?\b)|\bre-?elect\s+(?:me|us)\b|\bmy\s+re-?election\b/gi },
  // Choosing the party's candidate is party business ("help us pick our candidate").
  {
    cue: 'candidate selection',
    stems: ['candida'],
    kind: 'party-political',
    re: /\b(?:pick|picks|picking|picked|choose|chooses|choosing|chose|chosen|select|selects|selecting|selected)\s+(?:our|the\s+party'?s?)\s+(?:[\w-]+\s+)?candidates?\b/gi,
    excusedBy: JOB_CONTEXT,
  },
  // The writer's side and a candidate: the party's candidate ("Our candidate for Eastfield"),
  // not a candidate site in planning or a candidate for a post.
  {
    cue: 'our candidate',
    stems: ['candida'],
    kind: 'electioneering',
    re: /\bour\s+(?:(?:new|local|own|ward|district|county|parliamentary|prospective|by-?election|excellent|brilliant)\s+)?candidates?\b(?!\s+(?:sites?|areas?|locations?|schemes?|projects?|guidance|packs?|briefings?|information|handbooks?|notes|lists?)\b)/gi,
    excusedBy: new RegExp(`${JOB_CONTEXT.source}|${COMPETITION.source}`, 'i'),
  },
  { cue: 'campaign fund', stems: ['fund'], kind: 'party-political', re: /\b(?:campaign|fighting|election)\s+funds?\b/gi },
  { cue: 'election posters', stems: ['poster', 'stake'], kind: 'electioneering', re: /\bposters?\s+(?:in\s+(?:their|your|the)\s+windows?|sites?|boards?)\b|\b(?:window|garden)\s+(?:posters?|stake\s*boards?)\b/gi },
  { cue: 'campaign leaflet', stems: ['leaflet'], kind: 'electioneering', re: /\b(?:Focus|election|campaign|party|In\s+Touch)\s+leaflets?\b/gi },
  { cue: 'party membership', stems: ['party', 'selection', 'clp'], kind: 'party-political', re: /\bparty\s+(?:members(?:hip)?|branch|conference|manifesto|selection|subs)\b|\bcandidate\s+selection\b|\bCLP\b/gi },
];

// Medium cue families: two different families, spoken by the writer, make a signal, whether in
// one sentence or in neighbouring sentences of one paragraph ("We launch our campaign on
// Saturday. Our candidates will be there.").
const MEDIUM_FAMILIES: { family: string; stems: string[]; re: RegExp }[] = [
  { family: 'election', stems: ['elect', 'polling', 'seat', 'marginal', 'target'], re: /\b(?:elections?|polling\s+day|seats?\s+(?:are\s+)?up|by-?elections?|marginal|target(?:ing|ed)?\s+(?:the\s+)?ward)\b/gi },
  // A date in May is when most local elections fall, but also when anything else happens: it only supports.
  { family: 'may', stems: ['may'], re: /\b(?:on\s+\d{1,2}\s+May|in\s+May)\b/g },
  { family: 'leaflet', stems: ['leaflet', 'printer', 'deliver'], re: /\b(?:leaflet(?:s|t?ing|t?ed|ers?)?|printers?|delivery\s+rounds?|deliver(?:ing)?\s+(?:the\s+)?leaflets?)\b/gi },
  { family: 'campaign', stems: ['campaign', 'stall', 'petition'], re: /\b(?:campaign(?:s|ing|ed|ers?)?|street\s+stalls?|petitions?)\b/gi },
  { family: 'fundraising', stems: ['fund', 'raffle', 'auction', 'ticket', 'donation'], re: /\b(?:fund-?rais(?:ing|ed|er|ers)|raffle|auction|tickets?\s+(?:are|now\s+on\s+sale)|donations?)\b/gi },
  { family: 'candidate', stems: ['candida', 'standing', 'elect'], re: /\b(?:candidates?|candidacy|candidature|standing\s+again|re-?elect(?:ed|ion)?)\b/gi },
  { family: 'volunteers', stems: ['volunteer', 'helper', 'activist', 'member'], re: /\b(?:volunteer(?:s|ing|ed)?|helpers?|activists?|members)\b/gi },
  { family: 'votes', stems: ['vot'], re: /\bvot(?:e|es|ed|ers?|ing)\b/gi },
];
// Families that are everyday council words: they only support another family.
const SUPPORTING_FAMILIES = new Set(['volunteers', 'votes', 'may']);
// A council's own campaigns: "our recycling campaign", "the road safety campaign".
const COUNCIL_CAMPAIGN_BEFORE =
  /\b(?:recycling|awareness|safety|health|publicity|marketing|advertising|advertisement|recruitment|consultation|information|council'?s?|litter|fly-?tipping|anti-[\w-]+|smoking|vaccination|fostering|adoption|walking|cycling|energy|tourism|waste|food\s+waste|climate|warm\s+homes|cost\s+of\s+living|fraud|scam|tenancy|benefits?|vaping|fire)\s+$/i;
// The petitions a council receives and runs (e-petitions, the petitions scheme).
const COUNCIL_PETITION_BEFORE = /\b(?:e-?|the\s+council'?s\s+|council\s+)$/i;
// How many neighbouring sentences of one paragraph the medium families are pooled over.
const WINDOW = 3;

// With a party named: the writer's party fighting another ("we fought the Conservatives' plan").
const PARTY_STRUGGLE_STEMS = ['fought', 'fight', 'oppos', 'beat', 'defeat', 'target', 'attack', 'only the'];
const PARTY_STRUGGLE = /\b(?:fought|fight(?:ing)?|oppos(?:e|ed|ing)|beat(?:en)?|defeat(?:ed)?|target(?:ing|ed)?|attack(?:ed|ing)?|only\s+the)\b/i;

// Election administration is council business (the Electoral Commission's guidance for
// Returning Officers names these steps): in such a sentence the medium cues do not count.
// Strong cues still do: "get out the vote" next to "polling stations" is still campaigning.
const ELECTION_ADMIN_STEMS = ['returning', 'electoral', 'poll', 'presiding', 'nomination', 'statement', 'notice', 'agent', 'candida', 'postal', 'proxy', 'canvass', 'household', 'election', 'purdah', 'count', 'verification', 'publicity', 'recommended', 'register'];
const ELECTION_ADMIN =
  /\b(?:returning\s+officers?|electoral\s+(?:services|registration|register|roll|commission)|poll(?:ing)?\s+cards?|polling\s+(?:stations?|places?|districts?)|presiding\s+officers?|poll\s+clerks?|nominations?\s+(?:papers?|packs?|forms?|period)|close\s+of\s+nominations|statements?\s+of\s+persons\s+nominated|notice\s+of\s+(?:election|poll)|(?:election|polling|counting)\s+agents?|candidates?\s+and\s+(?:their\s+)?agents?|(?:all|every|each)\s+(?:the\s+)?candidates?|postal\s+(?:votes?|voting|ballots?|vote\s+opening)|proxy\s+votes?|annual\s+canvass|household\s+enquir\w*|register\s+to\s+vote|pre-?election\s+period|purdah|the\s+count\b|count(?:ing)?\s+(?:centre|venue|staff|assistants?)|verification\s+of|election\s+expenses|publicity\s+code|code\s+of\s+recommended\s+practice)/i;

// The writer's side acting: campaigning is a team's work ("we'll deliver", "our leaflet"). A lone
// "I" or "me" is more often someone asking about another party's material ("can you tell me …").
const WRITER_SIDE = /\b(?:we|we're|we've|we'll|we'd|us|our|ours|let's)\b/i;
// Reporting or checking someone else's campaign material is not campaigning ("the Labour leaflet claims …").
const REPORTING = /\b(?:complain\w*|concern\w*|claim\w*|alleg\w*|misleading|inaccurate|untrue|accurate|correct|fact[- ]check\w*|saying|says)\b/i;

// Negation within the few words before a cue ("I am not asking you to canvass").
const NEGATION_BEFORE = /\b(?:not|no|never|nor|without|n't)\b(?:\W+\w+){0,3}\W*$/i;

// Private business: the writer's own business, and a commercial offer (a price, a discount).
const BUSINESS_NOUN = String.raw`(?:business|company|firm|shop|restaurant|caf[eé]|bakery|practice|consultancy|agency|catering|salon|pub|bar|hotel|guest\s*house|B&B|kitchen|studio|stall|garage|gym|nursery)`;
const OWN_BUSINESS = new RegExp(
  String.raw`\bmy\s+(?:own\s+|family\s+|little\s+|small\s+)?${BUSINESS_NOUN}\b|\bour\s+(?:family\s+)?(?:business|company|firm)\b` +
    String.raw`|\bI\s+(?:run|own|set\s+up|founded|started)\s+(?:a|an|my)\b|\bI\s+(?:run|own|set\s+up|founded|started)\s+the\s+(?:[\w'&-]+\s+){0,3}?${BUSINESS_NOUN}\b` +
    String.raw`|\bI'?m\s+(?:the\s+)?(?:owner|co-?owner|proprietor|founder)\s+of\b|\bfellow\s+(?:[A-Z][\w'-]*\s+)?business(?:es)?\b`,
  'gi',
);
// "I run Farrow's Kitchen", "I own Smith & Sons": the business by name (case-sensitive, so a
// proper noun), not "I run Saturday surgeries".
const OWN_NAMED_BUSINESS =
  /\bI\s+(?:run|own|founded|started|set\s+up)\s+(?:the\s+)?(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Council|Cllr|Councillor|I)\b)[A-Z][\w'&-]*(?:\s+(?:&\s+)?[A-Z][\w'&-]*){0,3}/g;
const COMMERCIAL_OFFER =
  /\b\d{1,2}\s?%\s+(?:off|discount|reduction)\b|\bdiscount(?:ed|s)?\b|\b(?:promo(?:tion(?:al)?)?|voucher|discount|offer)\s+codes?\b|\b(?:a|per)\s+head\b|\b(?:special|introductory|opening|launch|exclusive)\s+(?:rates?|prices?|offers?|deals?)\b|\bhold\s+the\s+dates?\s+for\s+you\b|\b(?:quote|prices?)\s+for\s+your\b|\bfree\s+(?:tasting|quote|consultation|trial|delivery)\b|\bno[- ]obligation\b|\bwe\s+(?:also\s+)?(?:do|offer|cater|supply|stock)\b|\bbook\s+(?:with\s+)?(?:me|us)\b|\bdeposit\b|\binvoice\b|\bour\s+(?:usual\s+|normal\s+|standard\s+|regular\s+)?(?:menu|prices|rates|fees|charges|products|services)\b/gi;
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

/** A "campaign" or "petition" that is the council's own (a recycling campaign, an e-petition). */
function councilsOwn(family: string, sentence: string, index: number): boolean {
  if (family !== 'campaign') return false;
  const before = sentence.slice(Math.max(0, index - 30), index);
  return COUNCIL_CAMPAIGN_BEFORE.test(before) || (/^petition/i.test(sentence.slice(index, index + 8)) && COUNCIL_PETITION_BEFORE.test(before));
}

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

/** What one sentence contributes to the medium-cue window. */
interface SentenceCues {
  /** The first usable hit of each medium family, offsets into the text. */
  hits: { family: string; start: number; end: number }[];
  writerSide: boolean;
  /** The sentence starts a new paragraph (a blank line before it). */
  paragraphStart: boolean;
}

/**
 * @summary Find party-political, campaigning or private-business content in a span of text.
 * @param text the whole text (body or subject); offsets in the result point into it
 * @param span the part to read (the writer's own words, without the signature)
 * @param parties the policy's parties (merged with the built-in UK list)
 * @param normal `text` after normaliseChars, when the caller already has it
 * @param options who is writing (an elections administrator)
 * @returns every signal found, in text order; empty when the content is council business
 * @example findPartyContent('We meet at 10am to canvass Mill Road.', {start: 0, end: 37}, [])
 *   // [{ kind: 'electioneering', cue: 'canvassing', quote: 'canvass', start: 19, end: 26 }]
 */
export function findPartyContent(text: string, span: Span, parties: readonly PartyEntry[], normal = normaliseChars(text), options: PartyContentOptions = {}): PartyContentSignal[] {
  const out: PartyContentSignal[] = [];
  const administrator = options.administrator === true;
  const quotes = quotedSpans(text, span, normal);
  const { strongRe } = partyNames(parties);
  const voteParty = votePartyPattern(parties);
  const push = (kind: PartyContentKind, cue: string, start: number, end: number) => out.push({ kind, cue, start, end, quote: text.slice(start, end) });

  // Only the cues whose literal stems occur somewhere in the span are tried, sentence by sentence.
  // One pass finds every stem present: a large draft is not read once per stem.
  const lowerSpan = normal.slice(span.start, span.end).toLowerCase();
  const present = findCueStems(lowerSpan);
  const spanHas = (stems: readonly string[]) => stems.some((s) => present.has(s));
  const strongCues = STRONG_CUES.filter((c) => spanHas(c.stems) && !(administrator && c.administrationWord));
  const families = administrator ? [] : MEDIUM_FAMILIES.filter((f) => spanHas(f.stems));
  const votePossible = present.has('vot');
  if (strongCues.length || families.length || votePossible) {
    for (const s of findContextStems(lowerSpan)) present.add(s);
    const adminPossible = spanHas(ELECTION_ADMIN_STEMS);
    const strugglePossible = spanHas(PARTY_STRUGGLE_STEMS);
    // The medium families of the last few sentences of the paragraph, for pooling.
    const recent: SentenceCues[] = [];
    let previousEnd = span.start;
    for (const s of sentences(normal, span)) {
      const sentence = normal.slice(s.start, s.end);
      const lower = sentence.toLowerCase();
      const usable = (index: number) => !inside(quotes, s.start + index) && !negated(sentence, index);
      const paragraphStart = /\n[ \t]*\r?\n/.test(normal.slice(previousEnd, s.start));
      previousEnd = s.end;
      if (paragraphStart) recent.length = 0;

      const admin = adminPossible && mayMatch(lower, ELECTION_ADMIN_STEMS) && ELECTION_ADMIN.test(sentence);
      const writerSide = WRITER_SIDE.test(sentence);
      const reporting = REPORTING.test(sentence);
      let found = false;
      // Strong cues count even in a sentence about election administration: the admin words
      // excuse only the medium cues ("tellers at both polling stations" stays campaigning).
      // The earliest strong cue in the sentence is the one quoted.
      let earliest: { cue: Cue; index: number; length: number } | undefined;
      for (const c of strongCues) {
        if (!mayMatch(lower, c.stems)) continue;
        // "The Labour leaflet claims …", "a party leaflet saying …": someone else's material, reported.
        if (reporting && !writerSide && (c.cue === 'campaign leaflet' || c.cue === 'election posters')) continue;
        if (c.needsWriterSide && !writerSide) continue;
        // "Vote for us in the Britain in Bloom awards", "the annual canvass", "our candidate for the post".
        if (c.excusedBy?.test(sentence)) continue;
        c.re.lastIndex = 0;
        for (const m of sentence.matchAll(c.re)) {
          if (earliest && m.index! >= earliest.index) break;
          if (!usable(m.index!)) continue;
          earliest = { cue: c, index: m.index!, length: m[0].length };
          break;
        }
      }
      if (earliest) {
        push(earliest.cue.kind, earliest.cue.cue, s.start + earliest.index, s.start + earliest.index + earliest.length);
        found = true;
      }
      if (!found && votePossible && lower.includes('vote') && !COMPETITION.test(sentence)) {
        voteParty.lastIndex = 0;
        for (const m of sentence.matchAll(voteParty)) {
          if (!usable(m.index!)) continue;
          push('electioneering', 'vote appeal', s.start + m.index!, s.start + m.index! + m[0].length);
          found = true;
          break;
        }
      }
      if (found) {
        recent.length = 0;
        continue;
      }
      // Medium cues: not in a sentence about election administration, nor in one reporting
      // someone else's material.
      const cues: SentenceCues = { hits: [], writerSide, paragraphStart };
      if (!admin && !reporting && families.length) {
        const jobTalk = mayMatch(lower, ['candida']) && JOB_CONTEXT.test(sentence);
        for (const f of families) {
          if (!mayMatch(lower, f.stems)) continue;
          // "Three candidates for the apprenticeship": a job, not an election.
          if (f.family === 'candidate' && jobTalk) continue;
          f.re.lastIndex = 0;
          for (const m of sentence.matchAll(f.re)) {
            if (usable(m.index!) && !councilsOwn(f.family, sentence, m.index!)) {
              cues.hits.push({ family: f.family, start: s.start + m.index!, end: s.start + m.index! + m[0].length });
              break;
            }
          }
        }
      }
      recent.push(cues);
      if (recent.length > WINDOW) recent.shift();
      if (admin || reporting) continue;

      // One family and a party name in this sentence, with the writer's side acting.
      const own = new Set(cues.hits.map((h) => h.family));
      const ownCore = [...own].filter((f) => !SUPPORTING_FAMILIES.has(f));
      const struggle = strugglePossible && mayMatch(lower, PARTY_STRUGGLE_STEMS) && PARTY_STRUGGLE.test(sentence);
      if ((ownCore.length >= 1 || struggle) && writerSide) {
        strongRe.lastIndex = 0;
        const party = [...sentence.matchAll(strongRe)].find((m) => usable(m.index!));
        if (party) {
          const first = cues.hits.find((h) => ownCore.includes(h.family));
          const kind = ownCore.includes('election') || ownCore.includes('candidate') ? 'electioneering' : 'party-political';
          if (first) push(kind, `${ownCore.join(' and ')} talk`, first.start, first.end);
          else push(kind, 'party campaigning', s.start + party.index!, s.start + party.index! + party[0].length);
          recent.length = 0;
          continue;
        }
      }
      // Two families over this sentence and the ones just before it in the paragraph, one of
      // them the election, candidates or fundraising (councils run awareness campaigns and
      // deliver leaflets too), with the writer's side acting in one of them.
      if (cues.hits.length === 0) continue;
      const pooled = recent.flatMap((r) => r.hits);
      const core = [...new Set(pooled.map((h) => h.family))].filter((f) => !SUPPORTING_FAMILIES.has(f));
      const political = core.includes('election') || core.includes('candidate') || core.includes('fundraising');
      if (core.length >= 2 && political && recent.some((r) => r.writerSide && r.hits.length)) {
        const first = pooled.filter((h) => core.includes(h.family)).sort((a, b) => a.start - b.start)[0]!;
        const kind = core.includes('election') || core.includes('candidate') ? 'electioneering' : 'party-political';
        push(kind, `${core.join(' and ')} talk`, first.start, first.end);
        recent.length = 0;
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
  const hasPrice = lowerSpan.includes('£');
  if (!hasPrice && !/\b(?:my|our|fellow|i|i'm)\b/.test(lowerSpan)) return out.sort((a, b) => a.start - b.start);
  const own = firstUsable(OWN_BUSINESS) ?? firstUsable(OWN_NAMED_BUSINESS);
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
    push('private-business', 'business offer', at.at, at.at + at.length);
  }
  return out.sort((a, b) => a.start - b.start);
}

// Who runs the council's elections: an Electoral Services signature or mailbox.
const ELECTIONS_ROLE = /\b(?:electoral\s+(?:services|registration)|elections?\s+(?:officer|manager|team|office|services|co-?ordinator)|(?:deputy\s+|acting\s+)?returning\s+officer)\b/i;
const ELECTIONS_MAILBOX = /^(?:elections?|electoral[._-]?(?:services|registration|admin)|electoralservices|ero|returning[._-]?officer)@/i;

/**
 * Whether the writer is an officer who runs the council's elections: a council address that is
 * not a councillor's, with an Electoral Services mailbox or role in the signature.
 */
function writesForElectoralServices(ctx: RuleContext): boolean {
  const sender = ctx.sender;
  if (!sender?.councilAddress || sender.kind === 'councillor' || sender.titledCouncillor) return false;
  if (ELECTIONS_MAILBOX.test(sender.email)) return true;
  const signatureStart = ctx.layout.signature?.start ?? Math.max(ctx.own.start, ctx.own.end - 400);
  return ELECTIONS_ROLE.test(ctx.draft.body.slice(signatureStart, ctx.own.end));
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
    const options = { administrator: writesForElectoralServices(ctx) };
    const body = findPartyContent(ctx.draft.body, { start: ctx.own.start, end }, ctx.policy.parties, normalisedBody(ctx), options);
    const subject = findPartyContent(ctx.draft.subject, { start: 0, end: ctx.draft.subject.length }, ctx.policy.parties, undefined, options).filter((s) => s.kind !== 'private-business');
    const first = body[0] ? { ...body[0], field: 'body' as const } : subject[0] ? { ...subject[0], field: 'subject' as const } : undefined;
    return { subject, body, first };
  });
}
