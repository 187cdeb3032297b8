/**
 * letterhead-for-party-matters: party-political, campaigning or private-business content sent
 * from a council account, or carrying the council's branding (signature block, logo, letterhead).
 */
import { assessPartyContent, type PartyContentSignal } from '../analysis/party-politics.ts';
import { findPartyWork } from '../analysis/party-work.ts';
import { scoreDraft } from '../analysis/party-scorer.ts';
import { defineRule, memoised, type RuleContext, type RuleReport } from '../rule.ts';
import { type FoldedPhrase, foldPhrase, indexOfPhrase } from '../people-index.ts';
import type { ResolvedPolicy } from '../policy.ts';
import { normaliseChars, splitLines, type Span } from '../text.ts';

/** The keys of `meta.messages`: the only ids a report may name. */
type MessageId = 'councilAccount' | 'councilBranding';

// ---- Helpers ----

interface BrandingLine extends Span {
  quote: string;
  /** What makes it branding: a policy marker, a council name line, a gov.uk address, a logo. */
  reason: 'marker' | 'council name' | 'council web or email address' | 'logo';
  /** The whole line, for removal. */
  line: Span;
  /** True when only part of the line is branding (an inline "[logo]" before the name). */
  partial: boolean;
}

// "Northbridge District Council", "Royal Borough of Kingston upon Thames", "Cornwall Council",
// "Little Wittering Parish Council", "City of York Council", "Cyngor Sir Ddinbych": the styles of
// English, Welsh and Scottish councils' names at the start of a line. The words before "Council"
// are capitalised or small joining words; the rest of the line is measured apart
// (isCouncilNameLine), so that no part of the pattern can read the same letters two ways.
const COUNCIL_NAME_START =
  /^(?:[A-Z][\w'&.-]*(?:\s+(?:and|upon|on|under|in|of|the|with|-|[A-Z][\w'&.-]*))*\s+Council\b|(?:London|Royal)\s+Borough\s+of\s+[A-Z][\w' -]*|Cyngor\s+[A-Z][\w' -]*)/;

/** A line that starts with a council's name and has at most 80 characters after it (an address, a phone number). */
function isCouncilNameLine(line: string): boolean {
  const name = COUNCIL_NAME_START.exec(line);
  return !!name && line.length - name[0].length <= 80;
}
// A public-sector web or email address in a signature: www.northbridge.gov.uk, x@y.gov.wales.
const GOV_ADDRESS = /(?:^|[\s:<(])(?:https?:\/\/)?(?:www\.)?[\w.-]*\.gov\.(?:uk|wales|scot)\b/i;
// An HTML logo becomes "[<alt text>]" in the derived text (src/engine/html-text.ts).
// Found from its closing bracket, looking back: the search tries each "]" once rather than reading
// ahead from every "[". Group 1 is the bracket up to the "]": the same leftmost "[" as reading
// forwards, as the lookbehind takes the first word and the furthest "[" within 80 characters of it.
const LOGO = /\](?<=(\[[^\]\n]{0,80}\b(?:logo|crest|council|coat\s+of\s+arms)\b[^\]\n]{0,80})\])/i;

const markerCache = new WeakMap<ResolvedPolicy, FoldedPhrase[]>();

/** The policy's letterhead markers, matched as text in any case and spacing (people-index.ts; no pattern is built from them). */
function markerFinder(ctx: RuleContext): ((line: string) => boolean) | undefined {
  let phrases = markerCache.get(ctx.policy);
  if (!phrases) {
    const markers = [...ctx.policy.letterhead.markers];
    // The council's own name in a signature is branding whatever the policy lists.
    if (!ctx.policy.inferPeople && ctx.policy.council.name) markers.push(ctx.policy.council.name);
    phrases = markers.filter((m) => m.trim()).map(foldPhrase);
    markerCache.set(ctx.policy, phrases);
  }
  const found = phrases;
  return found.length ? (line) => found.some((m) => indexOfPhrase(line, m) !== undefined) : undefined;
}

/**
 * The council branding in the writer's signature block (or, without a recognised sign-off, the
 * last lines of their own words) and in a header above the first line of text. The council's name
 * in running prose is not branding: only short lines that stand alone count.
 */
function findCouncilBranding(ctx: RuleContext): BrandingLine[] {
  return memoised(ctx, 'letterhead/branding', () => {
    const body = ctx.draft.body;
    const lines = splitLines(body, ctx.own.start, ctx.own.end);
    const nonEmpty = lines.filter((l) => l.text.trim());
    const candidates = new Set<(typeof lines)[number]>();
    if (ctx.layout.signature) {
      for (const l of lines) if (l.start >= ctx.layout.signature.start && l.text.trim()) candidates.add(l);
    } else {
      for (const l of nonEmpty.slice(-6)) candidates.add(l);
    }
    for (const l of nonEmpty.slice(0, 2)) candidates.add(l); // a letterhead above the greeting
    const marker = markerFinder(ctx);
    const out: BrandingLine[] = [];
    for (const l of [...candidates].sort((a, b) => a.start - b.start)) {
      const text = normaliseChars(l.text);
      const trimmed = text.trim();
      // Prose is not a letterhead: a sentence ending in a full stop, or a long line.
      if (trimmed.length > 120 || (/[.!?]$/.test(trimmed) && trimmed.split(/\s+/).length > 8)) continue;
      const lead = text.length - text.trimStart().length;
      const whole = { start: l.start + lead, end: l.start + lead + trimmed.length };
      const close = LOGO.exec(text);
      if (close) {
        const length = close[1]!.length + 1;
        const start = l.start + close.index - close[1]!.length;
        const partial = trimmed.length > length;
        out.push({ start, end: start + length, quote: body.slice(start, start + length), reason: 'logo', line: { start: l.start, end: l.end }, partial });
        continue;
      }
      let reason: BrandingLine['reason'] | undefined;
      if (marker?.(trimmed)) reason = 'marker';
      else if (isCouncilNameLine(trimmed)) reason = 'council name';
      else if (GOV_ADDRESS.test(trimmed)) reason = 'council web or email address';
      if (reason) out.push({ ...whole, quote: body.slice(whole.start, whole.end), reason, line: { start: l.start, end: l.end }, partial: false });
    }
    return out;
  });
}

/** Whether a line is a job title or ward line of the signature block ("Cabinet Member for …"): the lexicon's publicity.office-title. */
function officeLine(ctx: RuleContext, line: Span): boolean {
  return ctx.lexicon.hits(ctx.text, 'publicity.office-title').some((h) => h.start >= line.start && h.start < line.end);
}

/**
 * The edits that remove the council signature block: every branding line, and the office lines
 * directly above the first one, keeping the sign-off and the writer's name.
 */
function removeBrandingEdits(ctx: RuleContext, branding: BrandingLine[]): { start: number; end: number; text: string }[] {
  const body = ctx.draft.body;
  const lines = splitLines(body, ctx.own.start, ctx.own.end);
  const edits: { start: number; end: number; text: string }[] = [];
  for (const b of branding.filter((x) => x.partial)) {
    // An inline logo: remove it and the spaces after it.
    let end = b.end;
    while (body[end] === ' ') end += 1;
    edits.push({ start: b.start, end, text: '' });
  }
  const whole = branding.filter((x) => !x.partial);
  if (whole.length === 0) return edits;
  const index = (span: Span) => lines.findIndex((l) => l.start === span.start);
  // Group the whole-line branding into runs of consecutive non-empty lines, then widen each run
  // upwards over office lines (but never over the writer's name or the sign-off).
  const marked = new Set(whole.map((b) => index(b.line)));
  let i = 0;
  while (i < lines.length) {
    if (!marked.has(i)) {
      i += 1;
      continue;
    }
    let first = i;
    let last = i;
    // The run reaches the last branding line of this block of lines (contact lines between go too).
    for (let k = i + 1; k < lines.length && lines[k]!.text.trim(); k++) if (marked.has(k)) last = k;
    const signatureStart = ctx.layout.signature?.start ?? -1;
    // structural: a line that starts with the writer's title is their name, which stays.
    while (first - 1 >= 0 && lines[first - 1]!.text.trim() && officeLine(ctx, lines[first - 1]!) && lines[first - 1]!.start > signatureStart && !/^\s*(?:Cllr|Councillor)\b/i.test(lines[first - 1]!.text)) first -= 1;
    // Remove from the end of the line above (its line break) to the end of the last line.
    const start = first > 0 ? lines[first - 1]!.end : lines[first]!.start;
    const end = first > 0 ? lines[last]!.end : Math.min(body.length, lines[last]!.end + 1);
    edits.push({ start, end, text: '' });
    i = last + 1;
  }
  return edits.sort((a, b) => a.start - b.start);
}

const KIND_WORDS: Record<PartyContentSignal['kind'], string> = {
  electioneering: 'election campaigning',
  'party-political': 'party-political business',
  'private-business': 'private business',
};

/** The learned scorer's reading, when the lexicon found nothing (analysis/party-scorer.ts). */
function scorerSignal(ctx: RuleContext): (PartyContentSignal & { field: 'body' }) | undefined {
  const verdict = scoreDraft(ctx);
  const s = verdict?.sentence;
  if (!s) return undefined;
  return { kind: 'party-political', cue: 'party-scorer', start: s.start, end: s.end, quote: ctx.draft.body.slice(s.start, s.end), field: 'body' };
}

/** A request for help with campaign material, as `officer-party-work` reads it. */
function campaignAsk(ctx: RuleContext): (PartyContentSignal & { field: 'body' }) | undefined {
  const ask = findPartyWork(ctx).find((h) => h.kind === 'campaign');
  return ask && { ...ask, kind: 'party-political', cue: 'campaigning.material', field: 'body' };
}

export default defineRule<MessageId>({
  meta: {
    id: 'letterhead-for-party-matters',
    description: 'Party-political, campaigning or private-business content sent from a council account or under the council’s branding.',
    defaultSeverity: 'error',
    citations: {
      'district-model': [
        { paragraph: '13.1.1', summary: 'Paper or email bearing the Council’s corporate identity must never be used for personal, party or business matters.' },
        { paragraph: '7.2', summary: 'Council support services exist only for members’ council role and never for party campaigning or private business.' },
        { paragraph: '12.5', summary: 'Members may put out political press releases, but without using any council resources.' },
      ],
      'tower-hamlets': [
        { paragraph: '9.3', section: '9 Support for Members and Members’ Use of Council Facilities', summary: 'Council facilities, including its paper and computers, are for the member’s council role and not for personal, business or party matters.' },
        { paragraph: '9.4', section: '9 Support for Members and Members’ Use of Council Facilities', summary: 'Council facilities may not be used for election campaigning or political purposes before an election.' },
      ],
      'town-council': [{ paragraph: '2.6', summary: 'Each councillor’s council email account is to be used for council business and nothing else.' }],
      crawley: [{ paragraph: '8.1', summary: 'All the Council’s communications work is kept free of party politics.' }],
      'surrey-heath': [{ paragraph: '7.5', summary: 'The Council’s communications work must not produce material aimed at winning support for a political party.' }],
    },
    messages: {
      councilAccount: 'This email is about {content} (“{cue}”) and is sent from a council account ({sender}). Council email is for council business only.',
      councilBranding: 'This email is about {content} (“{cue}”) and carries the council’s branding (“{branding}”).',
    },
    publicityMessages: {
      councilAccount: 'This {publication} is about {content} (“{cue}”) and comes from a council account ({sender}). Council publicity is for council business only.',
      councilBranding: 'This {publication} is about {content} (“{cue}”) and carries the council’s branding (“{branding}”).',
    },
    fixable: true,
  },

  check(ctx) {
    const sender = ctx.sender;
    // Only a council account or council branding can make the content a breach: look at those
    // first, since reading the content of a long draft costs more.
    if (!sender?.councilAddress && findCouncilBranding(ctx).length === 0) return [];
    // The content: party-political, campaigning or business wording, or a request that an officer
    // help with campaign material (asking for party work is party business too).
    const signal = assessPartyContent(ctx).first ?? campaignAsk(ctx) ?? scorerSignal(ctx);
    if (!signal) return [];
    const data = { content: KIND_WORDS[signal.kind], cue: signal.quote };
    const reports: RuleReport<MessageId>[] = [];
    // A release or post is the council's own publicity: the party content has to go, or the party publishes it.
    const elsewhere = ctx.draft.publicity
      ? { title: 'Council publicity cannot promote a party: take out the party content, or leave it to the party to publish', edits: [] }
      : undefined;

    // town-council 2.6; tower-hamlets 9.3: a council account is for council business only. No edit
    // can change the account a message is sent from, so this is advice.
    if (sender?.councilAddress) {
      reports.push({
        messageId: 'councilAccount',
        data: { ...data, sender: sender.email },
        evidence: { field: 'from', recipient: sender.email },
        suggestions: [elsewhere ?? { title: 'Send this from a party or personal account instead of your council account', edits: [] }],
      });
    }

    // district-model 13.1.1: never the council's corporate identity on party, personal or business matters.
    const branding = findCouncilBranding(ctx);
    if (branding.length) {
      const first = branding[0]!;
      reports.push({
        messageId: 'councilBranding',
        data: { ...data, branding: first.quote },
        evidence: { field: 'body', start: first.start, end: first.end, quote: first.quote },
        suggestions: [
          {
            title: 'Remove the council signature block, keeping your sign-off and name',
            edits: removeBrandingEdits(ctx, branding).map((e) => ({ kind: 'replaceText' as const, field: 'body' as const, ...e })),
          },
          elsewhere ?? { title: 'Send this from a party or personal account without council branding', edits: [] },
        ],
      });
    }
    return reports;
  },
});
