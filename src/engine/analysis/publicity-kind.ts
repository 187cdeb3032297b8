/**
 * Is this draft publicity the council issues (PRODUCT.md, "Council publicity"), of what kind,
 * and does it go through the communications team?
 *
 * A draft is publicity because of who issues it (a council account or the communications team),
 * to whom (a media domain, or the public) and what it says it is (a "News release" heading,
 * "Statement for use:", "Photocall", a newsletter): any one signal alone misfires (a comms
 * officer's internal advice to a councillor mentions "press release" too). Everything works on
 * the writer's own words (`ctx.own`): a release quoted in a reply's history is not being issued
 * by this draft.
 */
import type { Recipient } from '../people.ts';
import type { ResolvedPolicy } from '../policy.ts';
import type { RuleContext } from '../rule.ts';
import { memoised } from '../rule.ts';
import { splitLines, stemFinder } from '../text.ts';
import { normalisedBody } from './voice.ts';

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
  // A colon closes a heading as `\s*(?::\s*)?`, not `\s*:?\s*` (two runs of spaces a run could split between).
  // "Media enquiries" takes the rest of its line, then only spaces and a colon after the line ends.
  { kind: 'press release', re: /^(?:(?:embargoed\s+)?(?:news|press|media)\s+release|for\s+immediate\s+release|notes?\s+to\s+editors?|ends)\s*(?::\s*)?$|^media\s+enquiries\b.*(?:[\n\r\u2028\u2029]\s*(?::\s*)?)?$/i },
  { kind: 'statement', re: /^(?:(?:press|media|joint|council)\s+)?statement(?:\s+for\s+(?:use|publication|the\s+media))?\s*(?::\s*)?$/i },
  { kind: 'photo call', re: /^(?:photo\s*(?:-\s*)?call|photo\s+opportunity|media\s+opportunity|(?:picture|photo)\s+(?:release|caption)s?)\b.{0,80}$/i },
  { kind: 'newsletter', re: /^(?!(?:thanks|thank|please|here|attached|see|re|the\s+draft)\b)(?:[\w'&-]+\s+){0,5}(?:e-?)?newsletter\b[^.!?]{0,30}$/i, needs: /newsletter/i },
  { kind: 'social media post', re: /^(?:social\s+media\s+(?:post|copy|update)s?|(?:suggested\s+|draft\s+)?(?:tweet|post)s?\s+for\s+(?:facebook|twitter|x|instagram|linkedin|nextdoor|social\s+media)|(?:facebook|instagram|linkedin|nextdoor|twitter|x)\s*(?:\/\s*\w+\s*)?(?:post|update|story|copy)s?|(?:draft\s+|suggested\s+)?tweets?|post\s+\d+(?:\s*\([^()\n]{0,40}\))?)\s*(?::\s*)?$/i },
];
const SUBJECT_KINDS: { kind: PublicityKind; re: RegExp }[] = [
  { kind: 'press release', re: /\b(?:news|press|media)\s+release\b/i },
  // "Statement: …", "Statement on …", "Media statement" — not "Statement of Community Involvement".
  { kind: 'statement', re: /^(?:(?:re|fw|fwd)\s*:\s*)*(?:(?:press|media)\s+statement\b|statement\s*(?:[:–-]|on\b|for\s+(?:use|publication|the\s+media)|$))/i },
  { kind: 'photo call', re: /\bphoto\s*(?:-\s*)?call\b|\bphoto\s+opportunity\b|\b(?:picture|photo)\s+release\b/i },
  { kind: 'newsletter', re: /\bnewsletter\b/i },
  // "Social media post", "Facebook post: …", "Draft tweets for Friday", "Social copy – bin changes".
  // At the start, so that "Your complaint about a Facebook post" is not one.
  { kind: 'social media post', re: /^(?:(?:re|fw|fwd)\s*:\s*)*(?:(?:draft|suggested|new)\s+)?(?:social\s+(?:media\s+)?(?:post|posts|copy|content|update|updates)|(?:facebook|fb|instagram|insta|linkedin|nextdoor|tiktok)\s+(?:post|posts|update|story|copy)|social\s+(?:schedule|calendar|plan)|tweets?)\b|\b(?:draft|suggested)\s+(?:tweets?|social\s+posts?|posts)\b|\bsocial\s+media\s+post\b/i },
];

// structural: a recipient that is a list of subscribers, not a person (display name or local part).
const SUBSCRIBER_LIST = /\b(?:subscribers?|mailing[\s_.-]?list|newsletter|e-?bulletin|bulletin[\s_.-]?list|news[\s_.-]?list)\b|[._-](?:subscribers|newsletter|bulletin)\b/i;

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

// The first label of a mailing-list host on the council's domain: lists.…, updates.…, news.…
const LIST_HOSTS = new Set(['lists', 'list', 'updates', 'news', 'enews', 'newsletter', 'newsletters', 'bulletin', 'subscribers', 'mailinglist']);
// The local-part words of a list of the public: kingsmead-residents@, estate-tenants@, ward-updates@, enews@.
const PUBLIC_LIST_PARTS = new Set(['residents', 'tenants', 'leaseholders', 'updates', 'enews', 'ebulletin', 'alerts']);

/**
 * A list of residents the council runs, on its own domain (kingsmead-residents@lists.westmoor.gov.uk,
 * residents@westmoor.gov.uk) or through a mailing service (kirkholme-tenants@public.govdelivery.com).
 */
function isCouncilResidentsList(r: Recipient): boolean {
  const [local = '', domain = ''] = r.mailbox.email.toLowerCase().split('@');
  if (r.person.councilAddress && LIST_HOSTS.has(domain.split('.')[0]!)) return true;
  // Who sends to it is asked separately: only the council's own mail to such a list is council publicity.
  return r.person.kind !== 'councillor' && local.split(/[._-]/).some((part) => PUBLIC_LIST_PARTS.has(part));
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
    if (!kind) {
      // Ready-made posts handed to partners to share: a social media pack.
      const hit = ctx.lexicon.hits(ctx.text, 'publicity.share-request')[0];
      if (hit) {
        kind = 'social media post';
        marker = { field: 'body', start: hit.start, end: hit.end, quote: draft.body.slice(hit.start, hit.end) };
      }
    }
    // Sent to a subscriber or mailing list ("Oakhurst Matters subscribers", news-list@…): a bulletin to the public.
    if (!kind && recipients.some((r) => SUBSCRIBER_LIST.test(`${r.mailbox.name ?? ''} ${r.mailbox.email.split('@')[0] ?? ''}`) || isCouncilResidentsList(r))) kind = 'newsletter';
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
      const contactEmails = () => (ctx.ownText.includes('@') ? [...ctx.ownText.matchAll(/(?<![\w.+-])[\w.+-]+@(?:[\w-]+\.)+[a-z]{2,}/gi)].map((m) => m[0]) : []);
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
