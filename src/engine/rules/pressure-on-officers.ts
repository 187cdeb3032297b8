/**
 * pressure-on-officers: a councillor pressing an officer — insisting that professional advice
 * or a report's wording or recommendation be changed, asking for a case to jump the queue, or
 * giving a junior officer a direct instruction.
 *
 * Technique (see docs/rules/pressure-on-officers.md, "How it recognises the idea"): each
 * sentence of the councillor's own words is read on the text model for a lexicon cue
 * (`lexicon/data/pressure.json`): a change to the officer's advice or a dictated content
 * (`pressure.change-advice`, `pressure.dictate-content`), a queue-jump (`pressure.queue-jump`),
 * or (for junior officers) an instruction. A cue counts only where it is not negated, quoted or
 * reported, and the sentence is put as a request or directive (or, for a queue, says it ought
 * to happen).
 */
import { cuesIn, hasCue, isAsking, ownSentences, sentenceEvidence } from '../analysis/requests.ts';
import type { Person } from '../people.ts';
import { scoreTopic } from '../analysis/topic-scorer.ts';
import { defineRule, type RuleContext, type RuleReport } from '../rule.ts';
import type { Sentence } from '../text-model/model.ts';

/** The keys of `meta.messages`, one per kind of pressure: the only ids a report may name. */
type MessageId = 'changeAdvice' | 'queueJump' | 'directJunior' | 'pressesOfficer';

// ---- Helpers ----

const SENIOR_ROLES = new Set(['senior', 'chief-executive', 'monitoring-officer']);

type Seniority = 'senior' | 'junior' | 'unknown';

/**
 * PRODUCT.md "Junior officer": an officer without the senior, chief-executive or monitoring-officer
 * role. Only a directory entry tells us; an officer the policy does not list (always so with the
 * embedded default) is of unknown seniority.
 */
function seniorityOf(person: Person): Seniority {
  if (!person.officer) return 'unknown';
  return person.officerRoles.some((r) => SENIOR_ROLES.has(r)) ? 'senior' : 'junior';
}

/** crawley 2.6, 6.3; surrey-heath 4.7, 4.8(e), 6.3; town-council 2.3: the councillor dictates the officer's advice. */
function pressesForChangedAdvice(ctx: RuleContext, s: Sentence, previous: readonly Sentence[]): boolean {
  if (hasCue(ctx, ctx.text, s, ['pressure.dictate-content'])) return true;
  if (!isAsking(s)) return false;
  if (hasCue(ctx, ctx.text, s, ['pressure.change-advice'])) return true;
  // An edit asked for whose object the sentences just before name ("Para 6.3 gives far too much
  // weight to the study. Please take it out before the report is published, and tone down 6.5.").
  if (!hasCue(ctx, ctx.text, s, ['pressure.edit-verb'])) return false;
  return [s, ...previous].some((p) => hasCue(ctx, ctx.text, p, ['pressure.advice']));
}

/** How many sentences before an edit may name what is to be edited (same paragraph or the one before). */
const EDIT_OBJECT_SENTENCES = 2;

/** district-model 14.4; tower-hamlets 8.4, 3.13: a case put ahead of others, asked for or said to be deserved. */
function asksToJumpQueue(ctx: RuleContext, s: Sentence): boolean {
  if (!hasCue(ctx, ctx.text, s, ['pressure.queue-jump'])) return false;
  return isAsking(s) || hasCue(ctx, ctx.text, s, ['pressure.ought']);
}

/**
 * The strong instructions of a sentence ("I want you to", "you must"), leaving out imperatives
 * of action at its start (those are instructions only to an officer known to be junior) and
 * instructions whose verb asks for information ("I want you to know …").
 */
function strongInstruction(ctx: RuleContext, s: Sentence): boolean {
  const model = ctx.text;
  if (!s.instruction) return false;
  const imperatives = cuesIn(ctx, model, s, ['pressure.operational-imperative']);
  const information = cuesIn(ctx, model, s, ['pressure.information-ask']);
  return cuesIn(ctx, model, s, ['frame.instruction']).some(
    (h) => !imperatives.some((i) => i.first === h.first) && !information.some((i) => i.first === h.last),
  );
}

/** surrey-heath 1.6; district-model 2.2(h); tower-hamlets 8.4: an instruction straight to a junior officer. */
function instructsDirectly(ctx: RuleContext, s: Sentence, seniority: Seniority): boolean {
  if (seniority === 'senior') return false;
  if (strongInstruction(ctx, s)) return true;
  // Going round the officer's line management: "between ourselves", "not up the line".
  if (hasCue(ctx, ctx.text, s, ['pressure.around-manager'])) return true;
  // Telling the officer to skip a step of the process: no further evidence, no committee.
  if (hasCue(ctx, ctx.text, s, ['pressure.skip-process'])) return true;
  // With no directory entry we cannot know the officer is junior: only a clear instruction counts.
  return seniority === 'junior' && hasCue(ctx, ctx.text, s, ['pressure.operational-imperative']);
}

const MAX_PER_KIND = 3;

function findPressure(ctx: RuleContext): RuleReport<MessageId>[] {
  // Only a councillor's words to an officer (an officer writing to an officer is line management).
  if (ctx.sender?.kind !== 'councillor') return [];
  const officers = ctx.recipients.filter((r) => r.person.kind === 'officer' && r.field !== 'bcc');
  if (officers.length === 0) return [];
  const addressed = officers.filter((r) => r.field === 'to');
  const direct = addressed.find((r) => seniorityOf(r.person) === 'junior') ?? addressed.find((r) => seniorityOf(r.person) === 'unknown');
  const directSeniority: Seniority = direct ? seniorityOf(direct.person) : 'senior';
  const officerName = (addressed[0] ?? officers[0])!.person.name ?? (addressed[0] ?? officers[0])!.person.email;

  const counts: Record<MessageId, number> = { changeAdvice: 0, queueJump: 0, directJunior: 0, pressesOfficer: 0 };
  const reports: RuleReport<MessageId>[] = [];
  const own = ownSentences(ctx.text);
  for (let i = 0; i < own.length; i++) {
    const s = own[i]!;
    const previous = own.slice(Math.max(0, i - EDIT_OBJECT_SENTENCES), i);
    const kind: MessageId | undefined = pressesForChangedAdvice(ctx, s, previous)
      ? 'changeAdvice'
      : asksToJumpQueue(ctx, s)
        ? 'queueJump'
        : instructsDirectly(ctx, s, directSeniority)
          ? 'directJunior'
          : undefined;
    if (!kind || counts[kind] >= MAX_PER_KIND) continue;
    counts[kind] += 1;
    const name = kind === 'directJunior' && direct ? (direct.person.name ?? direct.person.email) : officerName;
    reports.push({ messageId: kind, data: { officer: name }, evidence: sentenceEvidence(ctx, s), suggestions: SUGGESTIONS[kind] });
  }
  // The learned scorer, when the cues find nothing (analysis/topic-scorer.ts; the rule's doc gives its figures).
  if (reports.length === 0) {
    const scored = scoreTopic('pressure-on-officers', ctx);
    if (scored) reports.push({ messageId: 'pressesOfficer', data: { officer: officerName }, evidence: sentenceEvidence(ctx, scored.sentence), suggestions: SUGGESTIONS.pressesOfficer });
  }
  return reports;
}

const SUGGESTIONS: Record<MessageId, RuleReport['suggestions']> = {
  changeAdvice: [
    { title: 'Say that you disagree and ask for your view to be recorded, leaving the report to the officer', edits: [] },
    { title: 'Take a concern about the report to the head of service or the Monitoring Officer', edits: [] },
  ],
  queueJump: [
    { title: 'Ask where the case stands and when it is likely to be dealt with, instead of asking for it to be moved up', edits: [] },
    { title: 'Ask how cases are prioritised, so you can tell the resident whether they meet the criteria', edits: [] },
  ],
  directJunior: [
    { title: 'Send the request to the head of service or senior officer for that service', edits: [] },
    { title: 'Ask for what you need rather than instructing the officer, and leave the officer’s manager to decide', edits: [] },
  ],
  pressesOfficer: [
    { title: 'Give your view and ask what the options are, leaving the decision and the advice to the officer', edits: [] },
    { title: 'Take the matter to the head of service or the Monitoring Officer if you disagree', edits: [] },
  ],
};

// ---- Rule ----

export default defineRule<MessageId>({
  meta: {
    id: 'pressure-on-officers',
    description: 'A councillor insisting on changed advice or report wording, asking for a case to jump the queue, or instructing a junior officer directly.',
    defaultSeverity: 'warning',
    citations: {
      crawley: [
        { paragraph: '2.6', summary: 'Councillors must not compromise officers’ neutrality, for instance by pressing one to alter professional or technical advice.' },
        { paragraph: '2.8', summary: 'Dealings between the two should be courteous, and neither side should use its position to put improper pressure on the other.' },
        { paragraph: '3.2', summary: 'Officers are entitled not to be bullied or put under improper pressure, and to have their professional advice respected.' },
        { paragraph: '6.3', summary: 'A report is only altered where its author’s own professional view supports the change.' },
      ],
      'surrey-heath': [
        { paragraph: '1.6', summary: 'Members deal with senior officers rather than instructing junior staff directly, and do not pressure or intimidate officers.' },
        { paragraph: '4.7', section: '§4 numbered as amended (printed as 4.76)', summary: 'A senior officer answers for what a report says, and it is amended only where its author professionally agrees.' },
        { paragraph: '4.8(e)', section: '§4 numbered as amended (printed as 4.78)', summary: 'Members may challenge a report but accept that the officer has the last word on its wording and content.' },
        { paragraph: '4.11', section: '§4 numbered as amended (printed as 4.110)', summary: 'Members must not knowingly set officers at odds with their manager or head of service.' },
        { paragraph: '6.3', summary: 'Formal reports carry the advice the officer’s professional expertise requires, so Members may not dictate what goes into them.' },
        { paragraph: '6.5', summary: 'Approaches to officers about a service should normally go to its head of service or another senior officer.' },
      ],
      'tower-hamlets': [
        { paragraph: '3.13', section: '§3 Lines of conduct between Members and officers', summary: 'Chief officers decide how their staff’s work is allocated and prioritised, and Members should not try to sway that.' },
        { paragraph: '6.2', section: '§6 Reports', summary: 'The Corporate Director answers for any report issued in their name; disagreements with a Member over it are for the Monitoring Officer or Chief Executive to resolve.' },
        { paragraph: '6.4', section: '§6 Reports', summary: 'Officers must be free to report to Members as they judge right, without political pressure.' },
        { paragraph: '8.4', section: '§8 Members’ Enquiries (formerly 3.16)', summary: 'Constituents’ cases go through the proper channels, not straight to junior officers, and Members should not try to get them handled ahead of others.' },
      ],
      'district-model': [
        { paragraph: '2.2(h)', summary: 'Officers take their instructions from their senior officers, not from individual Members or groups.' },
        { paragraph: '2.2(i)', summary: 'Members should not intimidate or unduly pressure officers, and should weigh seniority and vulnerability, above all of junior staff, in judging what is reasonable to ask.' },
        { paragraph: '2.2(j)', summary: 'Members should not ask officers to use their discretion outside the council’s policies and procedures.' },
        { paragraph: '2.3(iii)', summary: 'Members should not ask officers to go beyond the authority they have been given.' },
        { paragraph: '§3 (the unnumbered paragraph after 3.3)', summary: 'Officers should not be pressed into comments or recommendations that go against their professional judgement.' },
        { paragraph: '11.6', summary: 'Where an officer acts after consulting a chair, the officer decides and must not be put under inappropriate pressure.' },
        { paragraph: '14.4', summary: 'When pursuing constituents’ concerns, Members follow the council’s procedures rather than seeking priority over others.' },
      ],
      'town-council': [
        { paragraph: '2.3', summary: 'An officer’s report states the officer’s own professional view; a councillor who disagrees must not push for a different recommendation.' },
        { paragraph: '2.4.2', summary: 'Officers can expect not to be bullied or unduly pressured, with regard had to their seniority, especially for junior staff.' },
      ],
    },
    messages: {
      changeAdvice: 'This presses {officer} to change their advice or the wording of a report. The officer decides what their report says: give your view and ask for it to be recorded instead.',
      queueJump: 'This asks for a case to be dealt with ahead of others. Councillors should follow the council’s normal procedures for constituents’ cases.',
      directJunior: 'This gives {officer} a direct instruction. Councillors should take requests for action to the senior officer for the service, not instruct junior officers.',
      pressesOfficer: 'This reads as pressing {officer} towards an outcome or a way of handling the case. Councillors may give their views; the decision and the advice are the officer’s.',
    },
    fixable: false,
  },
  check: findPressure,
});
