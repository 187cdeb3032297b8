/**
 * public-criticism-of-officers: a councillor criticising a named officer's conduct or capability
 * where officers cannot answer back (the media, people outside the council, a large audience),
 * or attacking an officer personally anywhere.
 */
import { findOfficerCriticism } from '../analysis/officer-criticism.ts';
import type { Recipient } from '../people.ts';
import { defineRule, type RuleContext } from '../rule.ts';
import type { Sentence } from '../text-model/model.ts';
import type { Edit } from '../types.ts';

// ---- helpers ----

// structural: the local parts of mailing-list and all-staff addresses (a public forum in effect).
const LIST_ADDRESS = /^(?:all|everyone|allstaff|all[._-]?(?:members|councillors|staff)|members|councillors|forum|list|residents|news(?:letter)?|announce)\b|[._-](?:list|forum|group|all)$/i;

/** Recipients this many or more make a large audience (a full council, a residents' list). */
const LARGE_AUDIENCE = 10;

type Channel = { kind: 'media'; who: Recipient[] } | { kind: 'public'; who: Recipient[] } | { kind: 'private' };

/** Where the draft goes: to the media, into public (outside the council, a list, a crowd), or privately. */
function channelOf(ctx: RuleContext): Channel {
  const media = ctx.recipients.filter((r) => r.person.media);
  if (media.length) return { kind: 'media', who: media };
  const outside = ctx.recipients.filter((r) => r.person.kind === 'external' || LIST_ADDRESS.test(r.person.email.split('@')[0]!));
  if (outside.length) return { kind: 'public', who: outside };
  if (ctx.recipients.length >= LARGE_AUDIENCE) return { kind: 'public', who: ctx.recipients };
  return { kind: 'private' };
}

/** Whether a sentence stands inside quotation marks (its words are a speaker's, quoted). */
function quoted(ctx: RuleContext, s: Sentence): boolean {
  for (let k = s.first; k < s.last; k++) if (ctx.text.tokens[k]!.kind === 'word') return ctx.text.quotationOf[k] !== -1;
  return false;
}

const describe = (r: Recipient) => r.mailbox.name ? `${r.mailbox.name} <${r.person.email}>` : r.person.email;

/** Delete whole sentences, with the space that follows each, so the paragraph still reads. */
function deleteSentences(body: string, spans: { start: number; end: number }[]): Edit[] {
  // Neighbouring sentences on one line go as one deletion, so the edits never overlap.
  const merged: { start: number; end: number }[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && /^[ \t]*$/.test(body.slice(last.end, s.start))) last.end = s.end;
    else merged.push({ ...s });
  }
  return merged.map((s) => {
    let after = s.end;
    while (after < body.length && (body[after] === ' ' || body[after] === '\t')) after += 1;
    // Mid-paragraph: take the space that follows. Last in its line: take the space before instead.
    if (after > s.end && after < body.length && body[after] !== '\n') return { kind: 'replaceText', field: 'body', start: s.start, end: after, text: '' };
    let before = s.start;
    while (before > 0 && (body[before - 1] === ' ' || body[before - 1] === '\t')) before -= 1;
    return { kind: 'replaceText', field: 'body', start: before, end: s.end, text: '' };
  });
}

export default defineRule({
  meta: {
    id: 'public-criticism-of-officers',
    description: 'A councillor criticises a named officer in public (the media, people outside the council, a large audience) or attacks an officer personally.',
    defaultSeverity: 'warning',
    citations: {
      'district-model': [
        { paragraph: '4.3', summary: 'Members should not question an officer’s conduct or capability in public meetings, on social media or in the press, where officers have little right of reply.' },
        { paragraph: '4.4', summary: 'A Member unhappy with an officer avoids personal attacks, keeps criticism fair and private, and takes it to the right Senior Officer.' },
        { paragraph: '11.3', summary: 'Meetings are not the place to question an officer’s competence or criticise them publicly.' },
        { paragraph: '12.8', summary: 'The same restraint applies to anything a Member says to the press or media.' },
        { paragraph: '15.3', summary: 'Complaints about an officer are made without personal attacks and never in public.' },
      ],
      'surrey-heath': [
        { paragraph: '4.8(a),(b)', section: '§4 numbered as amended (printed 4.78)', summary: 'Members may challenge officers’ work, but without personal attacks and only with fair, well-founded criticism.' },
        { paragraph: '5.1', summary: 'An officer’s conduct or capability is not to be raised in public, because officers cannot reply there.' },
        { paragraph: '5.2', summary: 'Concerns about an officer go to their Head of Service, then the Chief Executive, and are raised privately.' },
      ],
      'tower-hamlets': [
        { paragraph: '3.12', section: '§3 The relationship: Courtesy and Bullying', summary: 'Concerns about an officer go to the service director (or the Chief Executive for a director); public attacks on an officer can amount to bullying.' },
        { paragraph: '6.3', section: '§6 Reports', summary: 'Criticism of officers’ work must be constructive and well founded, never a personal attack.' },
        { paragraph: '14.2', section: '§14 When things go wrong (printed "~~144~~10.2")', summary: 'A Member’s concern about an officer is raised privately with the relevant director, the Chief Executive or the Monitoring Officer.' },
      ],
      crawley: [
        { paragraph: '4.1', summary: 'Officers’ conduct is a matter for line management and, where serious, the disciplinary procedure.' },
        { paragraph: '4.2', summary: 'A councillor’s complaint about an officer is put in writing to the Head of Service or that officer’s line manager.' },
      ],
      'town-council': [
        { paragraph: '4.2', summary: 'A councillor unhappy with an officer’s conduct or performance takes it to the clerk.' },
      ],
    },
    messages: {
      toMedia: 'This criticises {officer} to the media ({recipients}). Officers cannot answer back in public: raise the concern privately with their director.',
      inPublic: 'This criticises {officer} in front of people outside the council ({recipients}). Raise the concern privately with their director.',
      personalAttack: 'This attacks {officer} personally. Say what went wrong and raise it with their director.',
    },
    fixable: true,
  },

  check(ctx) {
    // The protocols bind Members here: an officer's own email is judged by other rules. But a
    // statement the press office sends out carries a councillor's words in quotation marks, and
    // what they say of an officer is said in public all the same.
    const councillor = ctx.sender?.kind === 'councillor';
    // In such a statement the quoted speakers' words count, whoever is said to have said them.
    const found = findOfficerCriticism(ctx, { speakersQuoted: !councillor });
    const criticisms = councillor ? found : found.filter((c) => c.sentences.every((s) => quoted(ctx, s)));
    if (criticisms.length === 0) return [];
    const channel = channelOf(ctx);
    if (!councillor && channel.kind === 'private') return [];
    const body = ctx.draft.body;
    return criticisms.flatMap((c) => {
      // surrey-heath 5.1, district-model 4.3 / 12.8: not in public or to the press (error to media).
      // surrey-heath 4.8(a), tower-hamlets 6.3: no personal attacks, even in private.
      if (channel.kind === 'private' && !c.personalAttack) return [];
      const first = c.sentences[0]!;
      const quote = ctx.draft.body.slice(first.start, first.end);
      const messageId = channel.kind === 'media' ? 'toMedia' : channel.kind === 'public' ? 'inPublic' : 'personalAttack';
      return [
        {
          messageId,
          severity: channel.kind === 'media' ? ('error' as const) : ('warning' as const),
          data: { officer: c.name, recipients: channel.kind === 'private' ? '' : channel.who.map(describe).join(', ') },
          evidence: { field: 'body' as const, start: first.start, end: first.end, quote },
          suggestions: [
            { title: `Remove what you say about ${c.name}`, edits: deleteSentences(body, c.sentences) },
            { title: `Raise your concern about ${c.name} privately with their director or the Chief Executive`, edits: [] },
          ],
        },
      ];
    });
  },
});
