/**
 * Council publicity: is this draft publicity the council issues (PRODUCT.md, "Council
 * publicity"), when will it be published (send date or a later embargo), which councillors
 * does it quote or name, and which party labels does it carry?
 *
 * Shared by `pre-election-publicity` and `press-release-quotes`, and open to other rules.
 * Everything works on the writer's own words (`ctx.own`): a release quoted in a reply's history
 * is not being issued by this draft. Offsets always point into `ctx.draft.body` (or the subject).
 *
 * Techniques, and why:
 * - A draft is publicity because of who issues it (a council account or the communications
 *   team), to whom (a media domain, or the public) and what it says it is (a "News release"
 *   heading, "Statement for use:", "Photocall", a newsletter): any one signal alone misfires
 *   (a comms officer's internal advice to a councillor mentions "press release" too).
 * - Attributions are read around speech verbs ("said", "added", "told") in each sentence: the
 *   speaker is the phrase between the sentence start (or a closing quotation mark) and the verb,
 *   or the phrase after "…," said. That catches "Cllr X said:", "said Councillor X, Leader of
 *   the Council," and "Riverside ward councillor Susan Kerr said" without a pattern per wording.
 * - A speaker is a councillor by title ("Cllr", "Councillor"), by an office only councillors
 *   hold ("Cabinet Member for …", "the Mayor"), or by the directory's names; officers' job titles
 *   alone never make one.
 * - Party labels count only in a label position ("(Conservative)" after a name, "Labour's Cllr",
 *   "Lib Dem councillor"), so "Harrowfield Green" the place is not the Green Party.
 */
import { addDays, londonDate } from '../calendar.ts';
import type { Recipient } from '../people.ts';
import type { CouncillorEntry, CouncillorRole, ResolvedElection, ResolvedPolicy } from '../policy.ts';
import type { RuleContext } from '../rule.ts';
import { memoised } from '../rule.ts';
import { escapeRegExp, normaliseChars, sentences, splitLines, stemFinder, type Span } from '../text.ts';
import { normalisedBody } from './voice.ts';

/** The body with same-length character normalisation (curly quotes, dashes), computed once per check and shared with the other analyses. */
export { normalisedBody };

// ---- Dates ----

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * @summary A date written the GOV.UK way.
 * @example formatLongDate('2027-05-06') // '6 May 2027'
 */
export function formatLongDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTH_NAMES[m - 1]} ${y}`;
}

/** Whole days from `a` to `b` (ISO dates). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

const MONTH_ALT = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
// The date forms British releases use: 2027-04-01, 1/4/2027 (day first), 1 April 2027, 1st of April, April 1, 2027.
const DATE_FORMS = new RegExp(
  [
    '\\b(\\d{4})-(\\d{2})-(\\d{2})\\b',
    '\\b(\\d{1,2})[/.](\\d{1,2})[/.](\\d{4}|\\d{2})\\b',
    `\\b(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+of)?\\s+${MONTH_ALT}\\.?(?:,?\\s+(\\d{4}))?\\b`,
    `\\b${MONTH_ALT}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b`,
  ].join('|'),
  'i',
);

const pad = (n: number) => String(n).padStart(2, '0');

function validIso(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  const iso = `${y}-${pad(m)}-${pad(d)}`;
  const back = new Date(`${iso}T00:00:00Z`);
  return back.getUTCDate() === d ? iso : undefined;
}

const monthIndex = (name: string) => MONTHS.findIndex((m) => m.startsWith(name.toLowerCase().slice(0, 3))) + 1;

/**
 * @summary The first date written in `text`, as an ISO date. A date without a year takes the year
 * that puts it nearest after `reference` (a release dated December embargoed to "2 January").
 * @example parseFirstDate('until 00:01 on Thursday 1 April 2027', '2027-03-09') // '2027-04-01'
 */
export function parseFirstDate(text: string, reference: string): { isoDate: string; index: number; length: number } | undefined {
  const m = DATE_FORMS.exec(text);
  if (!m) return undefined;
  const refYear = Number(reference.slice(0, 4));
  let y: number | undefined;
  let mo: number;
  let d: number;
  if (m[1]) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if (m[4]) {
    const year = Number(m[6]);
    [y, mo, d] = [year < 100 ? 2000 + year : year, Number(m[5]), Number(m[4])];
  } else if (m[7]) [d, mo, y] = [Number(m[7]), monthIndex(m[8]!), m[9] ? Number(m[9]) : undefined];
  else [mo, d, y] = [monthIndex(m[10]!), Number(m[11]), m[12] ? Number(m[12]) : undefined];
  let iso = validIso(y ?? refYear, mo, d);
  if (iso && y === undefined && daysBetween(reference, iso) < -60) iso = validIso(refYear + 1, mo, d);
  return iso ? { isoDate: iso, index: m.index, length: m[0].length } : undefined;
}

// "Embargoed until 00:01 on Thursday 1 April 2027", "EMBARGO: 1/4/2027", "Not for publication before …",
// "Under embargo until …", "For release on …". "Not for publication" with no date is an exempt-report
// marking, not an embargo: it needs a date within the line.
const EMBARGO_OPENER =
  /\b(?:under\s+embargo|embargo(?:ed)?|not\s+(?:for|to\s+be)\s+(?:published|publication|released|release|broadcast|used)\s+(?:before|until|till)|for\s+release\s+(?:on|at|after|from)|hold\s+until)\b/gi;

export interface EmbargoDate {
  field: 'body' | 'subject';
  isoDate: string;
  /** The embargo line as written (offsets into the field). */
  start: number;
  end: number;
  quote: string;
}

/** The London date of the moment of sending, once per check (time-zone conversion is slow). */
function londonToday(ctx: RuleContext): string {
  return memoised(ctx, 'analysis/london-date', () => londonDate(ctx.now));
}

/** @summary The embargo date a release states, in its own words or its subject. */
export function findEmbargo(ctx: RuleContext): EmbargoDate | undefined {
  const reference = londonToday(ctx);
  const fields: { field: 'body' | 'subject'; text: string; span: Span }[] = [
    { field: 'body', text: ctx.draft.body, span: ctx.own },
    { field: 'subject', text: ctx.draft.subject, span: { start: 0, end: ctx.draft.subject.length } },
  ];
  for (const { field, text, span } of fields) {
    const slice = normaliseChars(text.slice(span.start, span.end));
    EMBARGO_OPENER.lastIndex = 0;
    for (const m of slice.matchAll(EMBARGO_OPENER)) {
      const lineEnd = slice.indexOf('\n', m.index!);
      const rest = slice.slice(m.index!, lineEnd === -1 ? Math.min(slice.length, m.index! + 120) : lineEnd);
      const date = parseFirstDate(rest, reference);
      if (!date || date.index > 80) continue;
      const start = span.start + m.index!;
      const end = start + date.index + date.length;
      return { field, isoDate: date.isoDate, start, end, quote: text.slice(start, end) };
    }
  }
  return undefined;
}

export interface PublicationDate {
  /** The London date the publicity reaches the public: the later of the send date and any embargo. */
  isoDate: string;
  sendDate: string;
  embargo?: EmbargoDate;
}

/** @summary When the publicity is published: the send date, or a later embargo date (PRODUCT.md). */
export function publicationDate(ctx: RuleContext): PublicationDate {
  return memoised(ctx, 'analysis/publication-date', () => {
    const sendDate = londonToday(ctx);
    const embargo = findEmbargo(ctx);
    const isoDate = embargo && embargo.isoDate > sendDate ? embargo.isoDate : sendDate;
    return { isoDate, sendDate, ...(embargo ? { embargo } : {}) };
  });
}

// ---- Is it publicity? ----

export type PublicityKind = 'press release' | 'statement' | 'newsletter' | 'photo call' | 'social media post' | 'media reply';

export interface PublicityAssessment {
  /** Council publicity, as PRODUCT.md defines it. */
  isPublicity: boolean;
  kind?: PublicityKind;
  /** The heading or subject that says what the draft is, when it says. */
  marker?: { field: 'body' | 'subject'; start: number; end: number; quote: string };
  /** From a council account or the communications team (or no sender: the add-in runs in council mailboxes). */
  councilIssued: boolean;
  mediaRecipients: Recipient[];
  /** The sender is the communications team, or the team's address is among the recipients. */
  throughComms: boolean;
}

// Headings a release, statement, photo call, newsletter or social post opens with (a line on its own).
// `needs`: a word every match contains, tested first because the pattern itself backtracks on prose.
const HEADING_KINDS: { kind: PublicityKind; re: RegExp; needs?: RegExp }[] = [
  { kind: 'press release', re: /^(?:(?:embargoed\s+)?(?:news|press|media)\s+release|for\s+immediate\s+release|notes?\s+to\s+editors?|media\s+enquiries\b.*|ends)\s*:?\s*$/i },
  { kind: 'statement', re: /^(?:(?:press|media|joint|council)\s+)?statement(?:\s+for\s+(?:use|publication|the\s+media))?\s*:?\s*$/i },
  { kind: 'photo call', re: /^(?:photo\s*-?\s*call|photo\s+opportunity|media\s+opportunity)\b.{0,80}$/i },
  { kind: 'newsletter', re: /^(?!(?:thanks|thank|please|here|attached|see|re|the\s+draft)\b)(?:[\w'&-]+\s+){0,5}(?:e-?)?newsletter\b[^.!?]{0,30}$/i, needs: /newsletter/i },
  { kind: 'social media post', re: /^(?:social\s+media\s+post|(?:suggested\s+|draft\s+)?(?:tweet|post)\s+for\s+(?:facebook|twitter|x|instagram|linkedin|nextdoor|social\s+media))\s*:?\s*$/i },
];
const SUBJECT_KINDS: { kind: PublicityKind; re: RegExp }[] = [
  { kind: 'press release', re: /\b(?:news|press|media)\s+release\b/i },
  // "Statement: …", "Statement on …", "Media statement" — not "Statement of Community Involvement".
  { kind: 'statement', re: /^(?:(?:re|fw|fwd)\s*:\s*)*(?:(?:press|media)\s+statement\b|statement\s*(?:[:–-]|on\b|for\s+(?:use|publication|the\s+media)|$))/i },
  { kind: 'photo call', re: /\bphoto\s*-?\s*call\b|\bphoto\s+opportunity\b/i },
  { kind: 'newsletter', re: /\bnewsletter\b/i },
  { kind: 'social media post', re: /\bsocial\s+media\s+post\b/i },
];

// Council comms mailboxes and job titles, for councils whose policy does not name its team
// (the embedded default): press@, communications@, "Press Officer", "Head of Communications".
const COMMS_LOCAL_PART = /^(?:press|pressoffice|press\.office|media|mediarelations|comms|communications|pr)(?:[._-]|$)/i;
const COMMS_TITLE = /\b(?:press|media|communications?|comms|PR)\s+(?:officer|manager|lead|adviser|advisor|team|office|assistant)\b|\bhead\s+of\s+(?:communications|comms|media)\b/i;

const COMMS_CONTACT = /\b(?:media|press)\s+(?:enquiries|contact)\b|\bpress\s+office\b|\bcommunications\s+team\b/i;
// The first word of every COMMS_TITLE and COMMS_CONTACT match, as a whole word.
const findCommsWords = stemFinder(['press', 'media', 'communication', 'communications', 'comms', 'pr', 'head'], { wholeWord: true, ignoreCase: true });

function policyNamesCommsTeam(policy: ResolvedPolicy): boolean {
  return policy.communications.teamAddresses.length > 0 || policy.officers.some((o) => (o.roles ?? []).includes('comms'));
}

/** @summary Whether the draft is council publicity, what kind, and whether it goes through the communications team. Memoised. */
export function assessPublicity(ctx: RuleContext): PublicityAssessment {
  return memoised(ctx, 'analysis/publicity', () => {
    const { draft, sender, recipients, policy } = ctx;
    let marker: PublicityAssessment['marker'];
    let kind: PublicityKind | undefined;
    const normal = normalisedBody(ctx);
    for (const line of splitLines(draft.body, ctx.own.start, ctx.own.end)) {
      const t = normal.slice(line.start, line.end).trim();
      if (!t || t.length > 120) continue;
      const hit = HEADING_KINDS.find((h) => (!h.needs || h.needs.test(t)) && h.re.test(t));
      if (hit) {
        const lead = line.text.length - line.text.trimStart().length;
        marker = { field: 'body', start: line.start + lead, end: line.start + lead + t.length, quote: draft.body.slice(line.start + lead, line.start + lead + t.length) };
        kind = hit.kind;
        break;
      }
    }
    if (!kind) {
      const hit = SUBJECT_KINDS.find((h) => h.re.test(draft.subject));
      if (hit) {
        kind = hit.kind;
        marker = { field: 'subject', start: 0, end: draft.subject.length, quote: draft.subject };
      }
    }
    if (!kind) {
      // A newsletter says so in its furniture: "In this issue", "Unsubscribe".
      const hit = ctx.lexicon.hits(ctx.text, 'publicity.newsletter-marker')[0];
      if (hit) {
        kind = 'newsletter';
        marker = { field: 'body', start: hit.start, end: hit.end, quote: draft.body.slice(hit.start, hit.end) };
      }
    }
    // The writer said what it is (the Teams tab asks): that settles the kind, whatever the headings say.
    const declared = draft.publicity;
    if (declared) kind = declared;
    const councilIssued = !sender || ((sender.councilAddress || sender.commsTeam) && !sender.party && !sender.personalAddress);
    const mediaRecipients = recipients.filter((r) => r.person.media);
    const allCouncillors = recipients.length > 0 && recipients.every((r) => r.person.kind === 'councillor');
    // To the media, or presented as publicity to anyone but councillors (a draft for a councillor's approval is not issued yet).
    // Declared publicity is publicity even when the only "to" is a councillor being shown it.
    const isPublicity = councilIssued && (mediaRecipients.length > 0 || (!!kind && (!allCouncillors || !!declared)));
    if (!kind && mediaRecipients.length) kind = 'media reply';

    let throughComms = !!sender?.commsTeam || recipients.some((r) => r.person.commsTeam);
    if (!throughComms && !policyNamesCommsTeam(policy)) {
      const councilComms = (email: string, council: boolean) => council && COMMS_LOCAL_PART.test(email.split('@')[0] ?? '');
      // The release's own contact lines name the team ("Media enquiries: Press Office, … press@…gov.uk").
      // Read only when needed, and only with an "@" in the text: the address pattern is slow on long prose.
      const contactEmails = () => (ctx.ownText.includes('@') ? [...ctx.ownText.matchAll(/[\w.+-]+@([\w-]+\.)+[a-z]{2,}/gi)].map((m) => m[0]) : []);
      // A comms job title or contact line has one of these words; without any, neither pattern can match.
      const commsWords = () => findCommsWords(ctx.ownText).size > 0;
      throughComms =
        (!!sender && councilComms(sender.email, sender.councilAddress)) ||
        recipients.some((r) => councilComms(r.person.email, r.person.councilAddress)) ||
        contactEmails().some((e) => councilComms(e, ctx.people.isCouncilDomain(e.split('@')[1] ?? ''))) ||
        (commsWords() && (COMMS_TITLE.test(ctx.ownText) || COMMS_CONTACT.test(ctx.ownText)));
    }
    return { isPublicity, ...(kind ? { kind } : {}), ...(marker ? { marker } : {}), councilIssued, mediaRecipients, throughComms };
  });
}

// ---- Councillors quoted or named ----

export interface CouncillorReference {
  /** The person's name as written, when the phrase gives one ("Margaret Ellison", "Ellison"). */
  name?: string;
  /** The directory entry, when the name or a unique office identifies one. */
  entry?: CouncillorEntry;
  /** Offices the phrase itself states ("Cabinet Member for Housing" → cabinet). */
  statedRoles: CouncillorRole[];
  /** How the phrase shows a councillor: by title, office, directory name or as a candidate. */
  by: 'title' | 'office' | 'directory' | 'candidate';
}

const TITLED_NAME = /\b(?:Cllr\.?|Councillor|councillor|Cllrs\.?)\s+((?:[A-Z][\w'-]+)(?:\s+[A-Z][\w'-]+){0,2})/;
// Offices only councillors hold (PRODUCT.md councillor roles), as releases write them.
const OFFICES: { role: CouncillorRole; re: RegExp }[] = [
  { role: 'opposition-leader', re: /\bLeader\s+of\s+the\s+Opposition\b|\bOpposition\s+(?:Group\s+)?Leader\b/i },
  { role: 'group-leader', re: /\bLeader\s+of\s+the\s+[\w\s'-]{1,40}?Group\b|\bGroup\s+Leader\b/i },
  { role: 'deputy-leader', re: /\bDeputy\s+Leader\b(?!\s+of\s+the\s+[\w\s'-]{1,40}?Group)/i },
  { role: 'leader', re: /\b(?<!Deputy\s)Leader\s+of\s+(?:the\s+)?(?:[\w\s-]{0,40}\s)?(?:Council|Authority|Administration)\b|\bCouncil\s+Leader\b|^(?:the\s+)?Leader$/i },
  { role: 'cabinet', re: /\b(?:Cabinet|Executive|Lead)\s+(?:Member|Councillor|Lead)\b|\bPortfolio\s+Holder\b/i },
  { role: 'vice-chair', re: /\bVice[- ]?Chair(?:man|woman|person)?\b/i },
  { role: 'chair', re: /\b(?<!Vice[- ]?)Chair(?:man|woman|person)?(?:\s+of\s+(?:the\s+)?[\w\s&'-]{0,40}?|,\s+)(?:Committee|Board|Panel|Council|Sub-Committee|Cabinet)\b|\b(?:Committee|Planning|Licensing|Scrutiny)\s+Chair(?:man|woman)?\b/i },
  { role: 'deputy-mayor', re: /\bDeputy\s+(?:Lord\s+)?Mayor\b/i },
  { role: 'mayor', re: /\b(?<!Deputy\s)(?:Lord\s+)?Mayor\b(?!'s)/i },
];
const WARD_MEMBER = /\bward\s+(?:councillors?|members?)\b/i;
const CANDIDATE = /\bcandidates?\b/i;

interface DirectoryIndex {
  fullNames: RegExp | undefined;
  byFullName: Map<string, CouncillorEntry>;
  bySurname: Map<string, CouncillorEntry | null>;
  byRole: Map<CouncillorRole, CouncillorEntry | null>;
  officerNames: RegExp | undefined;
}
const directoryCache = new WeakMap<readonly CouncillorEntry[], DirectoryIndex>();

function directoryIndex(policy: ResolvedPolicy): DirectoryIndex {
  let index = directoryCache.get(policy.councillors);
  if (index) return index;
  const byFullName = new Map<string, CouncillorEntry>();
  const bySurname = new Map<string, CouncillorEntry | null>();
  const byRole = new Map<CouncillorRole, CouncillorEntry | null>();
  for (const c of policy.councillors) {
    const name = c.name.trim();
    byFullName.set(name.toLowerCase(), c);
    const surname = name.split(/\s+/).pop()!.toLowerCase();
    bySurname.set(surname, bySurname.has(surname) ? null : c);
    for (const r of c.roles ?? []) byRole.set(r, byRole.has(r) ? null : c);
  }
  const names = policy.councillors.map((c) => escapeRegExp(c.name.trim()).replace(/\s+/g, '\\s+'));
  const officers = policy.officers.map((o) => escapeRegExp(o.name.trim()).replace(/\s+/g, '\\s+'));
  index = {
    fullNames: names.length ? new RegExp(`\\b(?:${names.join('|')})\\b`, 'g') : undefined,
    byFullName,
    bySurname,
    byRole,
    officerNames: officers.length ? new RegExp(`\\b(?:${officers.join('|')})\\b`) : undefined,
  };
  directoryCache.set(policy.councillors, index);
  return index;
}

/**
 * @summary Whether a phrase (a speaker, or a sentence) refers to a councillor, and which.
 * @example councillorIn('The Leader of the Council, Cllr Margaret Ellison,', policy)
 *   // { name: 'Margaret Ellison', statedRoles: ['leader'], by: 'title', entry: … }
 */
export function councillorIn(phrase: string, policy: ResolvedPolicy): CouncillorReference | undefined {
  const index = directoryIndex(policy);
  const statedRoles = OFFICES.filter((o) => o.re.test(phrase.trim())).map((o) => o.role);
  const titled = TITLED_NAME.exec(phrase);
  let name = titled?.[1];
  let entry: CouncillorEntry | undefined;
  if (name) {
    entry = index.byFullName.get(name.toLowerCase()) ?? (name.includes(' ') ? undefined : index.bySurname.get(name.toLowerCase()) ?? undefined);
    if (!entry && name.includes(' ')) entry = index.bySurname.get(name.split(/\s+/).pop()!.toLowerCase()) ?? undefined;
  }
  let by: CouncillorReference['by'] | undefined = titled ? 'title' : undefined;
  if (!entry && index.fullNames) {
    index.fullNames.lastIndex = 0;
    const m = index.fullNames.exec(phrase);
    if (m) {
      entry = index.byFullName.get(m[0].replace(/\s+/g, ' ').toLowerCase());
      name ??= m[0];
      by ??= 'directory';
    }
  }
  if (!by && statedRoles.length) by = 'office';
  if (!by && WARD_MEMBER.test(phrase)) by = 'office';
  if (!by && CANDIDATE.test(phrase)) by = 'candidate';
  if (!by) return undefined;
  // An office with no name: the directory's only holder of it ("the Mayor").
  if (!entry && !name) {
    for (const r of statedRoles) {
      const holder = index.byRole.get(r);
      if (holder) {
        entry = holder;
        break;
      }
    }
  }
  return { ...(name ? { name } : {}), ...(entry ? { entry } : {}), statedRoles, by };
}

/** The label to show for a councillor reference: "Cllr Margaret Ellison", "the Mayor". */
export function describeCouncillor(ref: CouncillorReference, phrase: string): string {
  if (ref.entry) return `Cllr ${ref.entry.name}`;
  if (ref.name) return `Cllr ${ref.name}`;
  return phrase.trim().replace(/^[,\s]+|[,:\s]+$/g, '');
}

export interface Attribution {
  /** The words to replace: "Cllr X, Cabinet Member for Housing, said" or "said Councillor X, Leader of the Council". */
  start: number;
  end: number;
  quote: string;
  /** The speaker phrase alone. */
  speaker: string;
  councillor: CouncillorReference;
  /** The same attribution given to the policy's spokesperson, grammar kept. */
  replacement: string;
}

// Case-insensitive: "According to …" and "Said Cllr X" open sentences too (names are matched elsewhere, with their capitals).
const SPEECH_VERB = /\b(?:said|says|added|adds|commented|comments|explained|explains|stated|states|remarked|remarks|continued|continues|told|tells|noted|declared|enthused|according\s+to)\b/gi;
// An apposition that describes the speaker (", Leader of the Council,", ", who chairs …"), not the next clause.
const SPEAKER_APPOSITION = /^\s*(?:who\b|the\s+(?:council's\s+)?(?:Leader|Deputy|Mayor|Cabinet|Chair|Vice|ward)|ward\s+(?:councillor|member)|councillor\s+for\b|member\s+for\b)/i;
const QUOTE_CHAR = /"/g;
// How far from a speech verb a speaker's name and one apposition can reach (25 words at most).
const SPEAKER_WINDOW = 300;
const NOT_A_SPEAKER = /\b(?:which|that|when|where|because|if|whether|although|while)\b|\b(?:is|was|were|been|be|being)\s*$/i;
// A clause that frames what follows as someone speaking: "In a statement, Cllr X …", "Speaking at the
// launch, Cllr X …", "Responding to the report, …". The speaker is the subject after the comma.
// Bounded, comma-free middles: no backtracking across long prose.
const SPEECH_FRAME =
  /\b(?:in\s+an?\s+(?:(?:written|joint|short|brief|separate|further|press|video)\s+)?(?:statement|interview|message|post)|(?:speaking|commenting|responding|reacting|writing)\s+(?:at|to|on|in|for|after|before|during|from|ahead\s+of|about)\b[^,"\n]{0,80}),\s*/gi;
// A line that introduces the quotation below it: "Quote from Cllr X, Cabinet Member for Housing:",
// "Comment from the Leader, Cllr X:". The lead words are kept; the speaker is replaced.
const LEAD_IN = /^((?:an?\s+|the\s+)?(?:(?:further|additional|supporting)\s+)?(?:quotes?|quotations?|comments?|statement|words|response|reaction)\s+(?:from|by)\s+)([^:"\n]{1,200}?)\s*(?::\s*)?$/i;
// A speaker phrase that begins with a councillor's title or an office only councillors hold, so that a
// lead-in or dash line naming someone else first ("Jo Bloggs, Chair of the Friends group") is not read
// as a councillor's attribution.
const COUNCILLOR_FIRST = /^(?:the\s+)?(?:council's\s+)?(?:Cllrs?\b|Councillors?\b|(?:Deputy\s+)?Leader\b|(?:Deputy\s+|Lord\s+)*Mayor\b|Cabinet\s+Member\b|Executive\s+Member\b|Lead\s+Member\b|Portfolio\s+Holder\b|(?:Vice[- ]?)?Chair(?:man|woman|person)?\b|Opposition\s+Leader\b|Group\s+Leader\b)/i;

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

// A predicate, not part of a speaker's name or office: "Cllr X will say", "Cllr X has opened".
const PREDICATE = /\b(?:will|would|shall|has|have|had|is|was|were|are|says?|said|told|added|thanked|opened|welcomed)\b/i;

/** Whether a phrase is a councillor's name alone, titled ("Cllr Jane Doe", "the Leader Cllr Jane Doe") or from the directory. */
function isCouncillorName(phrase: string, policy: ResolvedPolicy): boolean {
  const titled = TITLED_NAME.exec(phrase);
  if (titled && titled.index + titled[0].length === phrase.length) {
    const prefix = phrase.slice(0, titled.index).trim();
    return !prefix || /^the$/i.test(prefix) || OFFICES.some((o) => o.re.test(prefix));
  }
  const { fullNames } = directoryIndex(policy);
  if (!fullNames) return false;
  fullNames.lastIndex = 0;
  const m = fullNames.exec(phrase);
  return !!m && m.index === 0 && m[0].length === phrase.length;
}

/**
 * @summary The length of the councillor's name and offices that open `text`, as comma-separated
 * parts ("Cllr X, Leader of the Council"), stopping before anything else ("…, speaking at the
 * launch"); 0 when `text` does not open with a councillor. Trailing commas are not counted.
 * @example speakerPhraseLength('Cllr Jo Hale, Leader of the Council, at the launch', policy) // 36
 */
function speakerPhraseLength(text: string, policy: ResolvedPolicy): number {
  if (!COUNCILLOR_FIRST.test(text.trimStart()) && !isCouncillorName(text.split(',')[0]!.trim(), policy)) return 0;
  let pos = 0;
  let length = 0;
  let named = false;
  for (const part of text.split(',').slice(0, 4)) {
    const t = part.trim();
    if (!t || t.length > 100 || PREDICATE.test(t)) break;
    const name = isCouncillorName(t, policy);
    if (!name && !OFFICES.some((o) => o.re.test(t)) && !SPEAKER_APPOSITION.test(t) && !WARD_MEMBER.test(t)) break;
    named ||= name || OFFICES.some((o) => o.re.test(t));
    length = pos + part.trimEnd().length;
    pos += part.length + 1;
  }
  return named ? length : 0;
}

/**
 * The length of the councillor phrase that opens `text` ("Cllr Jane Doe", "the Leader, Cllr Jane Doe,",
 * "Cllr Jane Doe, Cabinet Member for Parks,"), stopping before what they did; 0 when `text` does not open
 * with one. Used after a speech frame, where there is no speech verb to end the speaker.
 */
function leadingCouncillorPhrase(text: string): number {
  const window = text.slice(0, 240);
  const name = TITLED_NAME.exec(window);
  // The name within the first few words, after at most an office ("the Leader, Cllr X", "Cabinet Member Cllr X").
  if (!name || name.index > 80 || !COUNCILLOR_FIRST.test(window) || /["]/.test(window.slice(0, name.index))) return 0;
  let end = name.index + name[0].length;
  const after = window.slice(end);
  // One apposition that describes them, closed by a comma: ", Cabinet Member for Parks,".
  const app = /^,([^,"]{1,80}),/.exec(after);
  if (app && (OFFICES.some((o) => o.re.test(app[1]!)) || SPEAKER_APPOSITION.test(app[1]!))) end += app[0].length;
  // "the Leader, Cllr X, thanked …": the comma that closes the name goes with it; one that starts a list does not.
  else if (after.startsWith(',') && window.slice(0, name.index).includes(',')) end += 1;
  return end;
}

/**
 * @summary Every attribution of speech to a councillor in the writer's own words, with the
 * replacement that gives it to the policy's spokesperson. Memoised per check.
 *
 * Four shapes: a speech verb in the sentence (`Cllr X said`, `said Cllr X`, `according to Cllr X`);
 * a frame with no verb (`Speaking at the launch, Cllr X thanked …`); a lead-in line above the
 * quotation (`Quote from Cllr X:`, `Cllr X, Leader of the Council:`); and a dash line below it
 * (`— Cllr X, Leader of the Council`).
 */
export function findAttributions(ctx: RuleContext): Attribution[] {
  return memoised(ctx, 'analysis/attributions', () => {
    const body = ctx.draft.body;
    const normal = normalisedBody(ctx);
    const spokesperson = ctx.policy.communications.spokesperson || 'a Council spokesperson';
    const out: Attribution[] = [];
    const overlaps = (start: number, end: number) => out.some((a) => start < a.end && end > a.start);
    for (const s of sentences(normal, ctx.own)) {
      const sentence = normal.slice(s.start, s.end);
      // Quotation marks found once per sentence: rescanning the text before every verb is quadratic on a long sentence.
      const quoteMarks = [...sentence.matchAll(QUOTE_CHAR)].map((m) => m.index!);
      const quotesBefore = (at: number) => {
        let lo = 0;
        let hi = quoteMarks.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (quoteMarks[mid]! < at) lo = mid + 1;
          else hi = mid;
        }
        return lo;
      };
      SPEECH_VERB.lastIndex = 0;
      for (const v of sentence.matchAll(SPEECH_VERB)) {
        const verb = v[0];
        const at = v.index!;
        if (/[,!?]?"\s*$/.test(sentence.slice(Math.max(0, at - SPEAKER_WINDOW), at)) || /^according/i.test(verb)) {
          // `…," said Councillor X, Leader of the Council, at the launch.` — the speaker follows the verb.
          const after = sentence.slice(at + verb.length, at + verb.length + SPEAKER_WINDOW);
          const stop = after.search(/["]/);
          const rest = stop === -1 ? after : after.slice(0, stop);
          const commas = [...rest.matchAll(/,/g)].map((m) => m.index!);
          const head = commas.length ? rest.slice(0, commas[0]) : rest;
          // The name, then one apposition that describes the speaker: up to the second comma (or the end).
          // An office then the name ("the cabinet member for parks, Cllr X,") is one speaker too.
          const apposition = commas.length ? rest.slice(commas[0]! + 1, commas[1] ?? rest.length) : '';
          const headNamed = TITLED_NAME.test(head);
          const describes =
            !!apposition && (OFFICES.some((o) => o.re.test(apposition)) || SPEAKER_APPOSITION.test(apposition) || (!headNamed && TITLED_NAME.test(apposition) && councillorIn(head, ctx.policy) !== undefined));
          let end = commas.length === 0 ? rest.length : describes ? (commas[1] ?? rest.length) : commas[0]!;
          let speaker = rest.slice(0, end);
          speaker = speaker.replace(/[\s.:;!?]+$/, '');
          end = speaker.length;
          if (speaker.split(/\s+/).length > 25) continue;
          const ref = councillorIn(speaker, ctx.policy);
          if (!ref) continue;
          const start = s.start + at;
          const stopAt = s.start + at + verb.length + end;
          out.push({ start, end: stopAt, quote: body.slice(start, stopAt), speaker: speaker.trim(), councillor: ref, replacement: `${verb} ${spokesperson}` });
          continue;
        }
        // `Cllr X, Cabinet Member for Housing, said: "…"` or `"…," Cllr X said.` — the speaker precedes the verb.
        // An odd number of quotation marks before the verb: it is inside someone's quoted words.
        const quotes = quotesBefore(at);
        if (quotes % 2 === 1) continue;
        let from = quotes ? quoteMarks[quotes - 1]! + 1 : 0;
        // Longer than any speaker of 25 words: not an attribution (and not worth slicing).
        if (at - from > SPEAKER_WINDOW * 2) continue;
        while (from < at && /[\s,;:]/.test(sentence[from]!)) from += 1;
        // "In a statement, Cllr X said": the frame stays, the speaker starts after it.
        SPEECH_FRAME.lastIndex = 0;
        const frame = SPEECH_FRAME.exec(sentence.slice(from, at));
        if (frame && frame.index === 0) from += frame[0].length;
        const speaker = sentence.slice(from, at).replace(/\s+$/, '');
        if (!speaker || speaker.split(/\s+/).length > 25) continue;
        // A clause, not a speaker: "The bridge, which Cllr X opened, has been …", "… when Cllr X said".
        if (NOT_A_SPEAKER.test(speaker)) continue;
        // Reported speech of a resident or an officer about a councillor ("a resident told Cllr X") is not the councillor speaking.
        if (/\b(?:told|asked|wrote\s+to|thanked)\s+(?:Cllr|Councillor)\b/i.test(speaker)) continue;
        const ref = councillorIn(speaker, ctx.policy);
        if (!ref) continue;
        const start = s.start + from;
        const end = s.start + at + verb.length;
        const atSentenceStart = from === 0 || /\n\s*$/.test(normal.slice(Math.max(0, start - 3), start));
        out.push({
          start,
          end,
          quote: body.slice(start, end),
          speaker,
          councillor: ref,
          replacement: `${atSentenceStart ? capitalise(spokesperson) : spokesperson} ${verb}`,
        });
      }
      // `Speaking at the launch, Cllr X thanked the volunteers.` — a frame with no speech verb: the subject is replaced.
      if (!/\b(?:statement|interview|message|post|speaking|commenting|responding|reacting|writing)\b/i.test(sentence)) continue;
      SPEECH_FRAME.lastIndex = 0;
      for (const f of sentence.matchAll(SPEECH_FRAME)) {
        const from = f.index! + f[0].length;
        if (quotesBefore(f.index!) % 2 === 1) continue;
        const length = leadingCouncillorPhrase(sentence.slice(from));
        if (!length) continue;
        const start = s.start + from;
        const end = start + length;
        if (overlaps(start, end)) continue;
        const speaker = normal.slice(start, end).replace(/[\s,]+$/, '');
        const ref = councillorIn(speaker, ctx.policy);
        if (!ref) continue;
        out.push({ start, end, quote: body.slice(start, end), speaker, councillor: ref, replacement: spokesperson });
      }
    }
    findQuotationLineAttributions(ctx, normal, spokesperson, out, overlaps);
    return out.sort((a, b) => a.start - b.start);
  });
}

/**
 * Attributions on a line of their own next to a quotation, which have no speech verb: a lead-in line
 * above it ("Quote from Cllr X:", "Cllr X, Leader of the Council:") and a dash line below it
 * ("— Cllr X, Leader of the Council"; em dash, en dash or hyphen). Adds them to `out`.
 */
function findQuotationLineAttributions(ctx: RuleContext, normal: string, spokesperson: string, out: Attribution[], overlaps: (start: number, end: number) => boolean): void {
  const body = ctx.draft.body;
  const lines = splitLines(normal, ctx.own.start, ctx.own.end).filter((l) => l.text.trim() !== '');
  const add = (start: number, end: number, speaker: string, ref: CouncillorReference, replacement: string) => {
    if (overlaps(start, end)) return;
    out.push({ start, end, quote: body.slice(start, end), speaker, councillor: ref, replacement });
  };
  // Blank lines are dropped above, so "next to" allows a blank line between the attribution and the quotation.
  lines.forEach((line, i) => {
    const text = line.text.trimEnd();
    const lead = text.length - text.trimStart().length;
    const t = text.trimStart();
    if (t.length > 300) return;
    const opensQuote = (l: { text: string } | undefined) => !!l && l.text.trimStart().startsWith('"');
    const closesQuote = (l: { text: string } | undefined) => !!l && /"[.,!?)]*$/.test(l.text.trimEnd());

    // Below the quotation: `— Cllr X, Leader`, on its own line or after the closing mark on the same line.
    const dash = /^-{1,3}(?!-)\s*/.exec(t) ?? /"[.,!?]*\s+(-{1,3})\s*(?=\S)/.exec(t);
    if (dash && (dash.index === 0 ? closesQuote(lines[i - 1]) : true)) {
      const dashAt = dash.index === 0 ? 0 : dash.index + dash[0].indexOf('-');
      const nameAt = dash.index + dash[0].length;
      // A hyphen line followed by another is a list ("- Cllr A", "- Cllr B" attending), not an attribution.
      const list = /^-\s/.test(t) && /^\s*-\s/.test(lines[i + 1]?.text ?? '');
      const length = list ? 0 : speakerPhraseLength(t.slice(nameAt), ctx.policy);
      const speaker = t.slice(nameAt, nameAt + length);
      const ref = length ? councillorIn(speaker, ctx.policy) : undefined;
      if (ref) {
        const start = line.start + lead + dashAt;
        const end = line.start + lead + nameAt + length;
        add(start, end, speaker, ref, `${body.slice(start, line.start + lead + nameAt)}${spokesperson}`);
        return;
      }
    }

    // Above the quotation: `Quote from Cllr X, Cabinet Member for Housing:` or `Cllr X, Leader of the Council:`,
    // with the quotation on the next line or after the colon.
    const colon = t.search(/:\s*"|:$/);
    const quoteFollows = colon !== -1 ? t[colon + 1] !== undefined || opensQuote(lines[i + 1]) : opensQuote(lines[i + 1]);
    if (!quoteFollows) return;
    const head = colon === -1 ? t : t.slice(0, colon);
    const leadIn = LEAD_IN.exec(head);
    if (leadIn) {
      const speaker = leadIn[2]!.trim();
      const ref = councillorIn(speaker, ctx.policy);
      if (ref && speaker.split(/\s+/).length <= 25 && !NOT_A_SPEAKER.test(speaker)) {
        const start = line.start + lead;
        const end = start + leadIn[1]!.length + speaker.length;
        add(start, end, speaker, ref, `${body.slice(start, start + leadIn[1]!.length)}${spokesperson}`);
      }
      return;
    }
    // A bare speaker line without its colon is an attribution only when the whole line is the
    // councillor's name and offices and the quotation opens on the next line (a release that
    // introduces a councillor in a heading and then gives their words in quotation marks).
    if (colon === -1 && !opensQuote(lines[i + 1])) return;
    const speaker = head.trimEnd().replace(/[.,;]$/, '');
    if (speakerPhraseLength(speaker, ctx.policy) !== speaker.length) return;
    const ref = councillorIn(speaker, ctx.policy);
    if (!ref) return;
    const start = line.start + lead;
    add(start, start + speaker.length, speaker, ref, capitalise(spokesperson));
  });
}

// ---- Favourable mentions ----

export interface CouncillorMention extends Span {
  /** The whole sentence (what a fix removes). */
  quote: string;
  councillor: CouncillorReference;
  /** The words that make it favourable ("persistence", "championed", "photograph"). */
  cue: string;
}

// Praise and credit, with inflections (curated from council publicity guidance examples of what
// "promotes a councillor": crediting, thanking, praising, showing them delivering).
const FAVOURABLE =
  /\b(?:champion(?:ed|ing|s)?|persist(?:ence|ent|ently)|tireless(?:ly)?|hard[- ]work(?:ing)?|dedicat(?:ed|ion)|thank(?:s|ed|ing)?(?:\s+to)?|credit(?:ed)?|prais(?:e|ed|ing)|proud(?:ly)?|delight(?:ed)?|thrilled|pleased|congratulat\w*|commend\w*|instrumental|secured|delivered|deliver(?:ing|s)\s+on|achiev(?:ed|ement)|success(?:ful(?:ly)?)?|fought\s+for|pressed\s+for|pushed\s+for|campaigned\s+for|lobbied|led\s+the|leadership|would\s+not\s+have\s+happened\s+without|made\s+(?:it|this)\s+happen|promised?|pioneer(?:ed|ing)?|vision|welcom(?:ed|es|ing))\b/i;
// In a photo call, being pictured is the promotion.
const PHOTO_CUE = /\b(?:photograph\w*|photos?|pictured|unveil\w*|joined\s+by|will\s+(?:be\s+)?(?:join|attend|present|open|launch)\w*|cut\s+the\s+ribbon)\b/i;
const NEGATED_CUE = /\b(?:not|never|no|n't)\s+(?:\w+\s+){0,2}$/i;

/**
 * @summary Sentences of the writer's own words that name a councillor favourably (or, in a photo
 * call, feature one), other than attributions, which `findAttributions` reports.
 */
export function findFavourableMentions(ctx: RuleContext, kind?: PublicityKind): CouncillorMention[] {
  // Memoised: the rules and the by-election test (concernsElection) both ask.
  return memoised(ctx, `analysis/favourable/${kind ?? ''}`, () => favourableMentions(ctx, kind));
}

function favourableMentions(ctx: RuleContext, kind?: PublicityKind): CouncillorMention[] {
  const body = ctx.draft.body;
  const normal = normalisedBody(ctx);
  const attributions = findAttributions(ctx);
  const out: CouncillorMention[] = [];
  for (const s of sentences(normal, ctx.own)) {
    if (attributions.some((a) => a.start >= s.start && a.start < s.end)) continue;
    const sentence = normal.slice(s.start, s.end);
    // The cue first: it is cheaper than recognising a councillor.
    const cue = FAVOURABLE.exec(sentence) ?? (kind === 'photo call' ? PHOTO_CUE.exec(sentence) : null);
    if (!cue) continue;
    const ref = councillorIn(sentence, ctx.policy);
    // "Ward councillors" or "candidates" with no name is a generic audience, not a person promoted.
    if (!ref) continue;
    if (!ref.name && !ref.entry && !ref.statedRoles.length) continue;
    if (NEGATED_CUE.test(sentence.slice(0, cue.index))) continue;
    out.push({ start: s.start, end: s.end, quote: body.slice(s.start, s.end), councillor: ref, cue: cue[0] });
  }
  return out;
}

// ---- Party labels ----

export interface PartyLabel extends Span {
  quote: string;
  party: string;
  /** The edit that removes the label and keeps the sentence readable. */
  removal: { start: number; end: number; text: string };
}

// Ordinary words that are also short party labels: before "councillor" they are labels.
const LABEL_WORDS = new Set(['green', 'independent']);

/**
 * @summary Party labels in the writer's own words: a party named against a councillor or the
 * council's administration, each with the edit that removes it. Read on the text model's tokens
 * with the lexicon's one party list (no pattern is built from the policy's party names):
 * - "Councillor Daniel Okafor (Conservative)", "Cllr Kerr (Lib Dem, Riverside)";
 * - "Labour's Cllr X", "Lib Dem councillor Y", "Conservative group leader Z" (publicity.label-head);
 * - "Leader of the Labour Group", "for the Green Party";
 * - "the Labour-run council", "the Conservative administration" (publicity.administration).
 */
export function findPartyLabels(ctx: RuleContext): PartyLabel[] {
  return memoised(ctx, 'analysis/party-labels', () => {
    const { text: model, lexicon } = ctx;
    const body = ctx.draft.body;
    const { tokens } = model;
    const out: PartyLabel[] = [];
    const add = (start: number, end: number, party: string, removal: PartyLabel['removal']) => {
      if (out.some((l) => start < l.end && end > l.start)) return;
      out.push({ start, end, quote: body.slice(start, end), party, removal });
    };
    for (const s of model.sentences) {
      // The writer's words and signature ("Leader of the Labour Group" under a statement), not quoted history.
      if (s.region === 'quoted') continue;
      for (let k = s.first; k < s.last; k++) {
        const found = lexicon.matchParty(model, k, s.last, true);
        if (!found) continue;
        const strong = lexicon.matchParty(model, k, s.last, false);
        const labelOk = !!strong || LABEL_WORDS.has(tokens[k]!.norm);
        const party = found.party;
        let end = found.end;
        const before = tokens[k - 1];
        // (1) In brackets after a name: "Okafor (Conservative)", "(the Labour Party, Riverside)".
        const openAt = before?.norm === '(' ? k - 1 : before?.norm === 'the' && tokens[k - 2]?.norm === '(' ? k - 2 : -1;
        if (openAt > s.first && tokens[openAt - 1]?.kind === 'word') {
          let close = end;
          while (close < s.last && close - end < 10 && tokens[close]!.norm !== ')' && tokens[close]!.norm !== '(') close += 1;
          if (tokens[close]?.norm === ')') {
            const start = tokens[openAt]!.start;
            const stop = tokens[close]!.end;
            add(start, stop, party, { start: tokens[openAt - 1]!.end, end: stop, text: '' });
            k = close;
            continue;
          }
        }
        if (!labelOk) continue;
        // "Harrowfield Green councillors' surgery" is a place.
        if (!strong && before?.kind === 'word' && before.capital && k > s.first) continue;
        // (3) "of the Labour Group", "for the Green Party".
        if (before?.norm === 'the' && ['of', 'for', 'from'].includes(tokens[k - 2]?.norm ?? '') && ['group', 'party'].includes(tokens[end]?.norm ?? '') && tokens[end]!.capital) {
          const start = tokens[k - 2]!.start;
          const stop = tokens[end]!.end;
          // Inside an apposition (", Leader of the Labour Group,"): remove the apposition.
          const commaBefore = body.lastIndexOf(',', start);
          const commaAfter = body.indexOf(',', stop);
          const between = body.slice(commaBefore + 1, start);
          const removal =
            commaBefore !== -1 && start - commaBefore < 50 && !/[.!?\n"]/.test(between) && commaAfter !== -1 && commaAfter - stop < 5
              ? { start: commaBefore, end: commaAfter, text: '' }
              : { start: tokens[k]!.start, end: Math.min(body.length, tokens[end - 1]!.end + 1), text: '' };
          add(start, stop, party, removal);
          k = end;
          continue;
        }
        // (2) and (4): the label before a councillor or the administration. "Labour's", "Lib Dems'".
        let after = end;
        if (tokens[after]?.norm === "'s" || tokens[after]?.norm === "'") after += 1;
        while (tokens[after]?.joiner) after += 1;
        const administration = lexicon.matchAt(model, 'publicity.administration', after);
        const head = administration === -1 ? lexicon.matchAt(model, 'publicity.label-head', after) : -1;
        if (administration === -1 && head === -1) continue;
        const start = tokens[k]!.start;
        const labelEnd = tokens[after - 1]!.end;
        // Remove the label and the space after it; at a sentence start the next word takes the capital.
        const next = tokens[after]!;
        const atStart = k === s.first || (tokens[k - 1]?.quoteMark !== undefined && k - 1 === s.first);
        const firstChar = body[next.start] ?? '';
        const removal = atStart && /[a-z]/.test(firstChar) ? { start, end: next.start + 1, text: firstChar.toUpperCase() } : { start, end: next.start, text: '' };
        add(start, labelEnd, party, removal);
        k = after - 1;
      }
    }
    return out.sort((a, b) => a.start - b.start);
  });
}

// ---- Elections ----

export interface ElectionTiming {
  election: ResolvedElection;
  /** In the period (periodStart to polling day, inclusive) or in the 14 days before it. */
  status: 'in-period' | 'approaching';
  /** For `approaching`: days until the period starts. */
  daysBefore?: number;
}

/** The approaching window: the 14 days before a period starts (PRODUCT.md). */
export const APPROACHING_DAYS = 14;

/**
 * @summary Which election period (or approaching window) a publication date falls in.
 * @param concerns for a by-election (`wards` set): whether the publicity concerns its wards
 */
export function electionTiming(policy: ResolvedPolicy, isoDate: string, concerns: (election: ResolvedElection) => boolean = () => true): ElectionTiming | undefined {
  let approaching: ElectionTiming | undefined;
  for (const election of policy.elections) {
    if (!concerns(election)) continue;
    if (isoDate >= election.periodStart && isoDate <= election.pollingDay) return { election, status: 'in-period' };
    if (isoDate >= addDays(election.periodStart, -APPROACHING_DAYS) && isoDate < election.periodStart) {
      const daysBefore = daysBetween(isoDate, election.periodStart);
      if (!approaching || daysBefore < approaching.daysBefore!) approaching = { election, status: 'approaching', daysBefore };
    }
  }
  return approaching;
}

// The council's whole area, as releases write it: "across the district", "borough-wide", "the whole
// county", "every ward". The council's own place name ("across Westmoor") is added per policy.
const WHOLE_AREA =
  /\b(?:across|throughout|all\s+over|around)\s+(?:the\s+)?(?:whole\s+|entire\s+)?(?:district|borough|county|city|council\s+area)\b|\b(?:district|borough|county|city|council)[-\s]wide\b|\b(?:the\s+)?(?:whole|entire)\s+(?:of\s+the\s+)?(?:district|borough|county|city)\b|\b(?:every|each)\s+ward\b|\ball\s+(?:of\s+(?:the|our)\s+)?(?:\w+\s+)?wards\b/i;
const placeCache = new WeakMap<ResolvedPolicy['council'], RegExp | null>();

/** "across Westmoor", "throughout Harrowfield": the council's name without "District Council", "London Borough of" and the like. */
function wholePlacePattern(policy: ResolvedPolicy): RegExp | null {
  let re = placeCache.get(policy.council);
  if (re !== undefined) return re;
  const place = policy.council.name
    .replace(/^(?:the\s+)?(?:(?:royal|london)\s+)?(?:borough|district|city|county|metropolitan\s+borough)\s+(?:council\s+)?of\s+/i, '')
    .replace(/\s+(?:(?:metropolitan\s+)?(?:district|borough|city|county|town|parish|unitary)\s+)*council$/i, '')
    .trim();
  re = place && !/council/i.test(place) ? new RegExp(`\\b(?:across|throughout|all\\s+(?:of|over))\\s+${escapeRegExp(place).replace(/\s+/g, '\\s+')}\\b`, 'i') : null;
  placeCache.set(policy.council, re);
  return re;
}

/**
 * @summary Whether publicity concerns a by-election's wards. Read from the places its own text is
 * about: it names one of them, names the council's whole area, or names no ward at all (a
 * council-wide release still counts). Only naming other wards puts it outside. Where a quoted
 * councillor sits does not count, and nor do wards named in an attribution ("councillor for X").
 */
export function concernsElection(ctx: RuleContext, election: ResolvedElection): boolean {
  if (!election.wards?.length) return true;
  const wardsNamed = memoised(ctx, 'analysis/wards-named', () => {
    const allWards = new Set<string>([...ctx.policy.councillors.map((c) => c.ward ?? ''), ...ctx.policy.elections.flatMap((e) => e.wards ?? [])].filter(Boolean));
    const normal = normalisedBody(ctx);
    // The speakers' own descriptions are blanked (same length), so "Cllr X, councillor for Brookside, said" does not make it about Brookside.
    const parts: string[] = [normaliseChars(ctx.draft.subject), '\n'];
    let at = ctx.own.start;
    for (const a of findAttributions(ctx)) {
      parts.push(normal.slice(at, a.start), ' '.repeat(a.end - a.start));
      at = a.end;
    }
    parts.push(normal.slice(at, ctx.own.end));
    const text = parts.join('');
    const place = wholePlacePattern(ctx.policy);
    if (WHOLE_AREA.test(text) || place?.test(text)) return 'whole area' as const;
    const named = new Set<string>();
    for (const ward of allWards) {
      if (new RegExp(`\\b${escapeRegExp(ward).replace(/\s+/g, '\\s+')}\\b`).test(text)) named.add(ward.toLowerCase());
    }
    return named;
  });
  if (wardsNamed === 'whole area' || wardsNamed.size === 0) return true;
  const voting = new Set(election.wards.map((w) => w.toLowerCase()));
  if ([...wardsNamed].some((w) => voting.has(w))) return true;
  // A story about another ward that quotes or praises a councillor for the ward that votes still
  // puts that councillor before its voters in the period.
  const featured = [...findAttributions(ctx).map((a) => a.councillor), ...findFavourableMentions(ctx, assessPublicity(ctx).kind).map((m) => m.councillor)];
  return featured.some((c) => !!c.entry?.ward && voting.has(c.entry.ward.toLowerCase()));
}
