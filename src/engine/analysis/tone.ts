/**
 * Tone analysis for `discourteous-tone`: shouting in capitals, insults aimed at the reader or
 * at officers, threats, and aggressive demands, in the writer's own words only.
 *
 * Shouting is found token by token, not by a share of capital letters, so that a polite email
 * full of acronyms (HMO, CIL, S106, ASB), postcodes and planning references is not "shouting",
 * while two lines of capitals are, wherever they sit in a long email.
 */
import type { RuleContext } from '../rule.ts';
import { stemFinder, type Span } from '../text.ts';
import { isNegated, isReportedSpeech, normalisedBody, proseSentences, proseSpan, type Sentence } from './voice.ts';

// ---------------------------------------------------------------------------------------------
// Shouting

// Abbreviations common in UK local government correspondence (planning, housing, licensing,
// finance, governance, and everyday ones). Written in capitals, they are not shouting.
const ACRONYMS = new Set(
  (
    'HMO HMOS CIL ASB ASBO S106 FOI FOIA EIR GDPR DPA SAR ICO SEND SEN EHCP DBS CCTV HGV LGV MOT NHS GP PCSO PCN CPZ TRO TPO ' +
    'LDF LDP SPD SPG NPPF HRA DFG UC HB CTR CTS LHA DHP PIP ESA JSA LGA LGSCO HR ICT IT CEO CEX DCE MO CPS DWP HMRC EV LED PDF ' +
    'UK GB EU BBC ITV ASAP FAQ FYI NB PS AOB AGM EGM OSC EA MHCLG DLUHC DFE DFT LLP CIO CIC RSL RP HA PRS TA PSPO DPO ULEZ LTN ' +
    'BID LEP CCG ICB VCS FTE KPI SLA RAG AM PM OK TV MP MEP MSP MS ONS VAT NNDR MTFS MTFP CIPFA SSSI AONB LNR BNG SUDS SUDS ' +
    'FRA EIA HS2 TFL RSPCA RSPB WI YMCA NCT PTA SENCO OFSTED CQC ID PA PR QC KC JP MBE OBE CBE RE FW FWD CC BCC ' +
    'II III IV VI VII VIII IX XI XII PTO RSVP ETA TBC TBA'
  ).split(/\s+/),
);

// Capitalised formulas that mark a document, not a raised voice.
const FORMULAS =
  /\b(?:PRIVATE AND CONFIDENTIAL|STRICTLY (?:PRIVATE AND )?CONFIDENTIAL|NOT FOR PUBLICATION|NOT PROTECTIVELY MARKED|OFFICIAL[- ]SENSITIVE|FOR IMMEDIATE RELEASE|PRESS RELEASE|MEDIA RELEASE|NOTES? TO EDITORS|EMBARGOED(?: UNTIL)?|DO NOT REPLY(?: TO THIS (?:EMAIL|MESSAGE))?|PLEASE NOTE|FOR (?:YOUR )?INFORMATION|ACTION REQUIRED|ENDS|PART (?:I|II|1|2)|EXEMPT INFORMATION)\b/g;

// Words that make a run of capitals a clause (someone saying something), not a heading or an
// address: pronouns, auxiliaries and negators.
const CLAUSE_WORDS = new Set(
  "I I'M I'VE I'LL I'D YOU YOU'RE YOUR WE WE'RE OUR IT IT'S THIS THAT IS ARE AM WAS WERE HAVE HAS HAD BE BEEN DO DOES DID DON'T DOESN'T DIDN'T WILL WON'T CAN CAN'T WOULD SHOULD NOT NO NOBODY NOTHING ME MY MUST NEED WANT GET SORT STOP".split(
    ' ',
  ),
);

// Abbreviations that are also everyday words: inside a shouted run they are words ("SORT IT OUT").
const AMBIGUOUS = new Set('IT AM ID PA MS HA TA RE MO PS NB OK PM CC A I'.split(' '));

interface Token extends Span {
  text: string;
  /** `ambiguous`: a capitalised word that is shouted only inside a run of shouting. */
  kind: 'shout' | 'ambiguous' | 'neutral' | 'lower';
}

function classify(text: string): Token['kind'] {
  if (/[a-z]/.test(text)) return 'lower';
  const bare = text.replace(/[^A-Z0-9]/g, '');
  if (AMBIGUOUS.has(bare) && !/\d/.test(text)) return 'ambiguous';
  const letters = text.replace(/[^A-Z]/g, '');
  if (letters.length < 2) return 'neutral';
  if (/\d/.test(text)) return 'neutral'; // S106, NB1, 24/01234/FUL
  if (ACRONYMS.has(bare)) return 'neutral';
  return 'shout';
}

export interface ShoutedRun extends Span {
  quote: string;
}

// A token is a run of letters, digits and ' & / - from its first letter or digit. Only tokens
// with no lower-case letter can be shouted; the others only end a run. So the scan looks for the
// maximal runs of token characters with no lower-case letter, and records whether a lower-case
// word stood between one and the next, instead of classifying every word of a 200 KB draft.
const UNLOWERED_TOKEN = /(?<![A-Za-z0-9'&/-])[&'/-]*([A-Z0-9][A-Z0-9'&/-]*)(?![A-Za-z0-9'&/-])/g;
const LOWER_LETTER = /[a-z]/g;
const TWO_CAPITALS = /[A-Z][&'/-]*[A-Z]/;

interface CapitalToken extends Token {
  /** A word with a lower-case letter stands between the previous capital token and this one. */
  afterLower: boolean;
}

/** Runs of shouted words in the writer's prose: at least five with a clause word, or a whole shouted sentence of three or more. */
export function findShouting(ctx: RuleContext): ShoutedRun[] {
  const body = normalisedBody(ctx);
  const span = proseSpan(ctx);
  const text = body.slice(span.start, span.end);
  // Blank out formulas (same length) so they neither count nor join runs.
  const masked = text.replace(FORMULAS, (m) => ' '.repeat(m.length));
  // A shouted word has two capitals with only ' & / - between them: without one, nothing is shouted.
  if (!TWO_CAPITALS.test(masked)) return [];
  const tokens: CapitalToken[] = [];
  let previousEnd = 0;
  // The first lower-case letter at or after `previousEnd`, kept between tokens so that a long
  // passage in capitals is not rescanned for each of its words.
  let nextLower = -1;
  UNLOWERED_TOKEN.lastIndex = 0;
  for (let m = UNLOWERED_TOKEN.exec(masked); m !== null; m = UNLOWERED_TOKEN.exec(masked)) {
    const word = m[1]!;
    const local = m.index + m[0].length - word.length;
    if (nextLower < previousEnd) {
      LOWER_LETTER.lastIndex = previousEnd;
      nextLower = LOWER_LETTER.exec(masked)?.index ?? Infinity;
    }
    const start = span.start + local;
    tokens.push({ start, end: start + word.length, text: word, kind: classify(word), afterLower: nextLower < local });
    previousEnd = local + word.length;
  }
  const runs: ShoutedRun[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (tokens[i]!.kind !== 'shout') {
      i += 1;
      continue;
    }
    let j = i;
    let last = i;
    let shouted = 0;
    let clause = false;
    for (; j < tokens.length; j++) {
      const t = tokens[j]!;
      if (j > i && t.afterLower) break;
      // A blank line ends a run: paragraphs are judged one by one.
      if (j > i && /\n\s*\n/.test(body.slice(tokens[j - 1]!.end, t.start))) break;
      if (t.kind === 'shout' || (t.kind === 'ambiguous' && t.text.length > 1)) {
        shouted += 1;
        last = j;
      }
      if (CLAUSE_WORDS.has(t.text.replace(/[^A-Z']/g, '')) || t.text === 'I') clause = true;
    }
    // Take in the everyday words just before the first shouted one ("I AM FED UP").
    let first = i;
    while (first > 0 && !tokens[first]!.afterLower && tokens[first - 1]!.kind === 'ambiguous' && !/\n\s*\n/.test(body.slice(tokens[first - 1]!.end, tokens[first]!.start))) {
      first -= 1;
      if (CLAUSE_WORDS.has(tokens[first]!.text.replace(/[^A-Z']/g, ''))) clause = true;
    }
    const start = tokens[first]!.start;
    const end = tokens[last]!.end;
    const before = body.slice(Math.max(span.start, start - 3), start);
    const after = body.slice(end, end + 1);
    const wholeSentence = (start === span.start || /(?:^|[.!?]\s+|\n\s*)$/.test(before)) && /[.!?]/.test(after);
    if (clause && (shouted >= 5 || (shouted >= 3 && wholeSentence))) {
      runs.push({ start, end, quote: ctx.draft.body.slice(start, end) });
    }
    i = Math.max(j, i + 1);
  }
  return runs;
}

// Words that open sentences and titles without being names.
const SENTENCE_OPENERS = new Set('The A An This That These Those I We You It My Our Your His Her Their Dear Hi Hello Re Fw Fwd Thanks Thank Please If When Why What How Who Where Can Could Would Will Is Are Do Does Did Has Have Not No Yes And But So Urgent Update Query Question Request Complaint Meeting Follow Further Latest New Another'.split(' '));

const MONTHS_AND_DAYS =
  'January February March April May June July August September October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday Christmas Easter'.split(
    ' ',
  );

/**
 * Proper nouns to restore when lower-casing a shouted run: the policy's people, wards, council
 * and parties; the draft's recipients; capitalised words from the subject and the writer's
 * unshouted prose; months and days.
 */
export function properNouns(ctx: RuleContext): Map<string, string> {
  const map = new Map<string, string>();
  const add = (text: string | undefined) => {
    for (const w of (text ?? '').match(/[A-Z][a-z][A-Za-z'-]*/g) ?? []) map.set(w.toUpperCase(), w);
  };
  const p = ctx.policy;
  add(p.council.name);
  for (const c of p.councillors) add(`${c.name} ${c.ward ?? ''} ${c.party ?? ''}`);
  for (const o of p.officers) add(o.name);
  for (const party of p.parties) add([party.name, ...(party.aliases ?? [])].join(' '));
  for (const r of ctx.recipients) add(r.mailbox.name);
  add(ctx.draft.from?.name);
  add(MONTHS_AND_DAYS.join(' '));
  // Capitalised words that do not start a sentence, in the subject and the writer's prose.
  const prose = `${ctx.draft.subject}\n${ctx.ownText}`;
  for (const m of prose.matchAll(/(?<=[a-z,;:'")]\s+|[A-Z][a-z]+\s+)[A-Z][a-z][A-Za-z'-]*/g)) map.set(m[0].toUpperCase(), m[0]);
  // The first word of a multi-word name ("Dock Road"), unless it is an everyday sentence opener.
  for (const m of prose.matchAll(/\b[A-Z][a-z][A-Za-z'-]*(?=\s+[A-Z][a-z])/g)) if (!SENTENCE_OPENERS.has(m[0])) map.set(m[0].toUpperCase(), m[0]);
  return map;
}

/** The shouted text in sentence case, keeping acronyms, codes, "I" and known proper nouns. */
export function toSentenceCase(body: string, run: Span, nouns: Map<string, string>): string {
  const before = body.slice(Math.max(0, run.start - 3), run.start);
  let capitaliseNext = run.start === 0 || /(?:^|[.!?]\s+|\n\s*)$/.test(before);
  let out = '';
  let last = run.start;
  const slice = body.slice(run.start, run.end);
  for (const m of slice.matchAll(/[A-Za-z0-9][A-Za-z0-9'&/-]*/g)) {
    const start = run.start + (m.index ?? 0);
    const between = body.slice(last, start);
    if (/[.!?]\s*$/.test(between) || /\n\s*\n/.test(between)) capitaliseNext = true;
    out += between;
    const word = m[0];
    let next: string;
    const bare = word.replace(/[^A-Z0-9]/g, '');
    const kind = classify(word);
    if (/^I(?:'[A-Z]+)?$/.test(word)) next = 'I' + word.slice(1).toLowerCase();
    else if (kind === 'ambiguous') next = word.toLowerCase();
    else if (kind !== 'shout') next = word;
    else if (nouns.has(word)) next = nouns.get(word)!;
    else if (ACRONYMS.has(bare)) next = word;
    else next = word.toLowerCase();
    if (capitaliseNext && /^[a-z]/.test(next)) next = next[0]!.toUpperCase() + next.slice(1);
    capitaliseNext = false;
    out += next;
    last = start + word.length;
  }
  return out + body.slice(last, run.end);
}

// ---------------------------------------------------------------------------------------------
// Insults, threats and aggressive demands

export type ToneKind = 'insult' | 'threat' | 'demand';

export interface ToneHit extends Span {
  kind: ToneKind;
  quote: string;
}

// Who an insult is aimed at: the reader, their team, or officers. Aimed elsewhere ("what
// happened to her is a disgrace") it is indignation, not discourtesy to the reader.
const TARGET =
  /\b(?:you|you're|your|yourself|yourselves|you lot|officers?|staff|your (?:team|department|service|directorate)|this department|the (?:team|department|directorate)|(?:he|she|they) (?:is|are|was|were)|(?:him|her|them))\b/i;

// Insults and terms of abuse (own list; inflections spelled out). Each is an attack on a person's
// worth or competence, not on a decision.
const INSULT =
  /\b(?:useless|incompeten(?:t|ce|tly)|clueless|idiot(?:s|ic)?|stupid(?:ity)?|moron(?:s|ic)?|imbecile?s?|cretins?|pathetic|brainless|lazy|laziness|bone idle|inept(?:itude)?|hopeless|amateurish|jobsworths?|liars?|a (?:complete |total |bad |sick )?joke|(?:a|an absolute|a complete|an utter|a total) (?:disgrace|shambles)|disgraceful|shambolic|a waste of (?:space|oxygen|time and money|(?:tax ?payers'? |public )?money)|not fit to (?:do|hold)|can't do (?:your|their|his|her) jobs?|(?:don't|do not|haven't|have not) (?:got )?(?:a|the (?:faintest|slightest)) (?:clue|idea)|no idea what (?:you're|you are|they're|they are) doing|not up to the job)\b/i;

// Profanity: offensive wherever it is aimed (own list).
const PROFANITY = /\b(?:f+u+c+k\w*|shit\w*|bollocks|crap(?:py)?|arse(?:hole)?s?|bloody|bastards?|piss(?:ed)?(?: off)?|wankers?|sod (?:off|you))\b/i;

// Threats: intimidation by consequence, not escalation through the proper route (raising a
// matter with a director or the Chief Executive is what the protocols ask for, so it is absent).
const THREAT = new RegExp(
  [
    String.raw`\bor else\b`,
    String.raw`\byou(?:'ll| will) (?:regret|be sorry|live to regret|pay for)\b`,
    String.raw`\b(?:I|we)(?:'ll| will| shall|'m going to| am going to| are going to) (?:go|take (?:this|it)|speak|talk|run|leak it|pass (?:this|it) on) (?:straight )?to (?:the )?(?:press|media|papers|newspapers|journalists|reporters|tabloids|social media)\b`,
    String.raw`\b(?:I|we)(?:'ll| will| shall|'m going to| am going to| are going to) make (?:very )?sure (?:that )?[^.!?]{0,80}?\b(?:hears?|knows?|finds? out|learns?|sees?|reads?) (?:exactly |all |just )?(?:how|what|about) (?:you|your)\b`,
    String.raw`\bwon't be (?:polite|nice|pleasant|so polite|so nice)\b`,
    String.raw`\b(?:name and shame|gloves (?:are|will come|come) off|heads (?:will|are going to) roll|you have been warned|watch your back|I know where you live)\b`,
    String.raw`\b(?:have|get|see) you (?:sacked|fired|dismissed|disciplined|removed)\b`,
    String.raw`\byour job(?:'s| is) (?:on the line|at risk)\b`,
    String.raw`\b(?:expose|humiliate) (?:you|your (?:team|department|directorate))\b`,
  ].join('|'),
  'i',
);

// Aggressive demands: imperatives and "I demand", as opposed to a firm request with a date.
const DEMAND_IMPERATIVE =
  /^(?:(?:just|now|so|then|right),? )?(?:sort (?:it|this|that) out|get (?:it|this|that) sorted|fix (?:it|this) (?:now|today|immediately)|do your (?:bloody |damn )?jobs?|get your act together|pull your (?:finger|socks) (?:out|up)|get a grip|answer (?:me|the question)(?: now)?)\b/i;
const DEMAND = /\bI (?:demand|insist on (?:an? |the )?(?:immediate|answer|explanation|apology))\b/i;

// A cue word of each pattern above: every match of the pattern has one of them at the start of
// a word (either where the match starts or after one of the pattern's literal spaces). A draft
// with none of a pattern's cue words cannot match it, so its sentences need not be tried.
const TONE_CUES = {
  threat: ['or else', 'regret', 'be sorry', 'pay for', 'press', 'media', 'papers', 'newspapers', 'journalists', 'reporters', 'tabloids', 'social media', 'make', "won't be",
    'name and shame', 'gloves', 'heads', 'you have been warned', 'watch your back', 'i know where you live', 'sacked', 'fired', 'dismissed', 'disciplined', 'removed', 'your job', 'expose', 'humiliate'],
  profanity: ['fu', 'ff', 'shit', 'bollocks', 'crap', 'arse', 'bloody', 'bastard', 'piss', 'wanker', 'sod off', 'sod you'],
  insult: ['useless', 'incompeten', 'clueless', 'idiot', 'stupid', 'moron', 'imbecil', 'cretin', 'pathetic', 'brainless', 'lazy', 'lazi', 'bone idle', 'inept', 'hopeless', 'amateurish',
    'jobsworth', 'liar', 'joke', 'disgrace', 'shambles', 'shambolic', 'a waste of', 'not fit to', "can't do", 'clue', 'idea', 'not up to the job'],
  demand: ['i demand', 'i insist on'],
  // DEMAND_IMPERATIVE: after its optional "just"/"now", or where the sentence's letters begin.
  imperative: ['sort', 'fix', 'do your', 'act together', 'pull your', 'grip', 'answer'],
};
// A sentence's letters may begin straight after a digit or "_", where no word starts.
const IMPERATIVE_AFTER_WORD_CHARACTER = /[0-9_](?:sort|fix|do your|pull your|answer)/i;
const findToneCues = stemFinder(Object.values(TONE_CUES).flat(), { wordStart: true, ignoreCase: true });

function hit(kind: ToneKind, body: string, sentence: Sentence, m: RegExpExecArray): ToneHit {
  const start = sentence.start + m.index;
  return { kind, start, end: start + m[0].length, quote: body.slice(start, start + m[0].length) };
}

/** Insults, threats and demands in the writer's own sentences, one per sentence at most. */
export function findToneProblems(ctx: RuleContext): ToneHit[] {
  const body = normalisedBody(ctx);
  const span = proseSpan(ctx);
  const prose = body.slice(span.start, span.end);
  const cues = findToneCues(prose);
  const possible = (list: readonly string[]) => list.some((c) => cues.has(c));
  const threat = possible(TONE_CUES.threat);
  const profanity = possible(TONE_CUES.profanity);
  const insult = possible(TONE_CUES.insult);
  const demand = possible(TONE_CUES.demand);
  const imperative = possible(TONE_CUES.imperative) || IMPERATIVE_AFTER_WORD_CHARACTER.test(prose);
  const out: ToneHit[] = [];
  if (!threat && !profanity && !insult && !demand && !imperative) return out;
  for (const s of proseSentences(ctx)) {
    const text = s.text;
    const checks: [ToneKind, RegExpExecArray | null, boolean][] = [
      ['threat', threat ? THREAT.exec(text) : null, false],
      ['insult', profanity ? PROFANITY.exec(text) : null, false],
      ['insult', insult ? INSULT.exec(text) : null, true],
      ['demand', demand ? DEMAND.exec(text) : null, true],
      ['demand', imperative ? DEMAND_IMPERATIVE.exec(text.replace(/^[^A-Za-z]+/, '')) : null, true],
    ];
    for (const [kind, m, negatable] of checks) {
      if (!m) continue;
      let match = m;
      if (kind === 'demand' && m === checks[4]![1]) {
        // The imperative was matched after leading punctuation: shift back to body offsets.
        const lead = text.length - text.replace(/^[^A-Za-z]+/, '').length;
        match = Object.assign([...m], { index: m.index + lead, input: text, groups: undefined }) as RegExpExecArray;
        // A question or "please" makes it a request ("Could you sort it out?").
        if (/\?\s*$|\bplease\b/i.test(text)) continue;
      }
      const h = hit(kind, body, s, match);
      if (isReportedSpeech(body, s, h.start)) continue;
      if (negatable && kind !== 'demand' && isNegated(body, s, h.start, 4)) continue;
      if (kind === 'insult' && m === checks[2]![1] && !TARGET.test(text)) continue;
      out.push(h);
      break;
    }
  }
  return out;
}
