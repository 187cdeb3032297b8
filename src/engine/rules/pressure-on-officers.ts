/**
 * pressure-on-officers: a councillor pressing an officer — insisting that professional advice
 * or a report's wording or recommendation be changed, asking for a case to jump the queue, or
 * giving a junior officer a direct instruction.
 *
 * Technique (see docs/rules/pressure-on-officers.md, "How it recognises the idea"): each
 * sentence of the councillor's own words is tested for the co-occurrence of a change verb and
 * an object that is an officer's advice, or for a queue-jumping phrase, or (for junior
 * officers) an instruction; the hit must not be negated or reported speech, and the sentence
 * must be put as a request or directive.
 */
import { matchesOf, instructionIndex, isNegatedAt, isProcessQuestion, isReportedAt, isRequest, ownSentences, sentenceEvidence } from '../analysis/requests.ts';
import type { Person } from '../people.ts';
import { defineRule, type RuleContext, type RuleReport } from '../rule.ts';

// ---- Helpers ----

type Kind = 'changeAdvice' | 'queueJump' | 'directJunior';

// Verbs of changing text or advice, with their inflections (a hand-made stem list; "correct"
// is left out on purpose: putting a factual error right is not pressure).
const CHANGE_VERB =
  /\b(?:chang(?:e|es|ed|ing)|amend(?:s|ed|ing)?|alter(?:s|ed|ing)?|re-?writ(?:e|es|ing|ten)|rewrote|revis(?:e|es|ed|ing)|re-?draft(?:s|ed|ing)?|re-?word(?:s|ed|ing)?|ton(?:e|es|ed|ing)\s+down|remov(?:e|es|ed|ing)|delet(?:e|es|ed|ing)|tak(?:e|en|ing)\s+out|strik(?:e|ing)\s+out|revers(?:e|es|ed|ing)|switch(?:es|ed|ing)?|flip(?:s|ped|ping)?|soften(?:s|ed|ing)?|strengthen(?:s|ed|ing)?|toughen(?:s|ed|ing)?|weaken(?:s|ed|ing)?|overturn(?:s|ed|ing)?)\b/g;

// What an officer's professional advice is written in (crawley 6.3; surrey-heath 4.7, 6.3).
const ADVICE_OBJECT =
  /\b(?:recommendations?|recommended\s+(?:reason|condition)s?|report|reports|advice|wording|paragraphs?|conclusions?|assessment|appraisal|planning\s+balance|officer'?s?\s+(?:view|comments?|opinion)|your\s+(?:view|opinion|professional\s+(?:view|opinion|judgement)))\b/;

// "The report should say …", "I want the recommendation to be refusal": dictating content
// without a change verb.
const CONTENT_DIRECTIVE =
  /\b(?:report|recommendation|advice|conclusion)s?\s+(?:should|must|ought\s+to|needs?\s+to|has\s+to|have\s+to)\s+(?:(?:clearly|properly|really)\s+)?(?:say|state|read|recommend|reflect|be|include|conclude|support|come\s+down|favour|oppose|point)\b|\b(?:i\s+(?:want|need|expect)|i(?:'d|\s+would)\s+(?:like|want))\s+(?:the|your)\s+(?:report|recommendation|advice)\s+to\s+(?:say|state|read|recommend|reflect|be|include|conclude|support)\b|\b(?:recommend|recommending)\s+(?:refusal|approval|that\s+(?:it|the\s+application)\s+(?:is|be)\s+(?:refused|approved|granted))\s+instead\b/;

// A cheap substring test that every advice object and content directive passes: most sentences
// of a casework email stop here (the check must stay well under a millisecond per draft).
const ADVICE_HINT = /recommend|report|advice|wording|paragraph|conclusion|assessment|apprais|balance|view|opinion|judgement/;

// Putting a factual slip right is not pressure on the officer's judgement.
const FACTUAL_CORRECTION =
  /\b(?:typo|typing\s+error|spelling|misspel\w*|factual(?:ly)?\s+(?:error|inaccura\w*|incorrect|wrong)|(?:wrong|incorrect)\s+(?:date|address|name|figure|number|postcode|ward)|out\s+of\s+date\s+(?:figure|address|name))\b/;

// Queue-jumping (district-model 14.4; tower-hamlets 8.4; tower-hamlets 3.13 on prioritising work).
const QUEUE_JUMP = new RegExp(
  [
    String.raw`\b(?:jump|jumps|jumped|jumping|skip|skips|skipped|skipping|bypass|bypasses|bypassed|leapfrog\w*|queue-?jump\w*)\s+(?:the\s+)?(?:queue|list|waiting\s+list|line|system|backlog)`,
    String.raw`\b(?:move|moves|moved|moving|bump|bumps|bumped|bumping|push|pushed|pushing|put|get|got|shift|shifted|bring|brought)\s+(?:(?:him|her|them|it|this|that|the\s+case|the\s+application|the\s+family|[a-z'-]+(?:'s)?\s+(?:case|application|claim|repair|request))\s+)?(?:up|forward|higher)\s+(?:the|his|her|their|in\s+the)?\s*(?:list|queue|waiting\s+list|order|rankings?|priorit(?:y|ies)|pecking\s+order)`,
    String.raw`\bto\s+the\s+(?:front|top|head)\s+of\s+the\s+(?:list|queue|waiting\s+list|pile|backlog)`,
    String.raw`\bahead\s+of\s+(?:the\s+)?(?:others|everyone|everybody|other\s+\w+|those|the\s+rest|the\s+queue)`,
    String.raw`\bbefore\s+(?:the\s+)?(?:others|everyone\s+else|other\s+(?:applicants|residents|tenants|people|families|cases))`,
    String.raw`\bfast[- ]?track(?:s|ed|ing)?\b`,
    String.raw`\bexpedit(?:e|es|ed|ing)\b`,
    String.raw`\b(?:priority|precedence)\s+over\b|\bprioriti[sz](?:e|es|ed|ing)\b[^.?!]{0,60}\b(?:over|above|ahead\s+of|before)\s+(?:the\s+)?(?:others|other|everyone|those)`,
  ].join('|'),
  'g',
);
// A queue phrase needs a request or a view that it ought to happen: "he deserves to be moved up".
const QUEUE_PRESSING = /\b(?:should|must|ought\s+to|deserves?|needs?\s+to\s+be|has\s+to\s+be)\b/;

// Imperatives of action at the start of a sentence: for an officer the directory lists as junior,
// "Please arrange …" is an instruction (surrey-heath 1.6; tower-hamlets 8.4).
const OPERATIONAL_IMPERATIVE =
  /^(?:(?:please|kindly)\s+)?(?:arrange|issue|serve|cancel|withdraw|stop|halt|suspend|start|remove|install|repair|fix|approve|refuse|grant|close|reopen|allocate|reallocate|move|order|book|clear|redo|drop|give|change|amend|prioriti[sz]e|deal\s+with|sort\s+out|get\s+(?:this|it|the)|make\s+(?:sure|this|it)|instruct|send\s+(?:a|an|the|someone|somebody|a\s+crew|the\s+crew|a\s+team)\s+(?:letter|notice|crew|team|officer|contractor|inspector|out|round))\b/;

const SENIOR_ROLES = new Set(['senior', 'chief-executive', 'monitoring-officer']);

type Seniority = 'senior' | 'junior' | 'unknown';

/**
 * PRODUCT.md "Junior officer": an officer without the senior, chief-executive or monitoring-officer
 * role. Only a directory entry tells us; an officer the policy does not list (always so with the
 * embedded default) is of unknown seniority.
 */
export function seniorityOf(person: Person): Seniority {
  if (!person.officer) return 'unknown';
  return person.officerRoles.some((r) => SENIOR_ROLES.has(r)) ? 'senior' : 'junior';
}

function firstAsserted(lower: string, re: RegExp, accept: (at: number, text: string) => boolean = () => true): number {
  for (const m of matchesOf(re, lower)) {
    const at = m.index;
    if (isNegatedAt(lower, at) || isReportedAt(lower, at) || !accept(at, m[0])) continue;
    return at;
  }
  return -1;
}

/** crawley 2.6, 6.3; surrey-heath 4.7, 4.8(e), 6.3; town-council 2.3: the councillor dictates the officer's advice. */
function pressesForChangedAdvice(lower: string): boolean {
  if (!ADVICE_HINT.test(lower)) return false;
  if (FACTUAL_CORRECTION.test(lower) || isProcessQuestion(lower)) return false;
  const content = CONTENT_DIRECTIVE.exec(lower);
  if (content && !isNegatedAt(lower, content.index) && !isReportedAt(lower, content.index)) return true;
  if (!ADVICE_OBJECT.test(lower) || !isRequest(lower)) return false;
  return firstAsserted(lower, CHANGE_VERB) !== -1;
}

/** district-model 14.4; tower-hamlets 8.4, 3.13: a case put ahead of others. */
function asksToJumpQueue(lower: string): boolean {
  QUEUE_JUMP.lastIndex = 0;
  if (!QUEUE_JUMP.test(lower) || isProcessQuestion(lower)) return false;
  if (!isRequest(lower) && !QUEUE_PRESSING.test(lower)) return false;
  return firstAsserted(lower, QUEUE_JUMP) !== -1;
}

/** surrey-heath 1.6; district-model 2.2(h); tower-hamlets 8.4: an instruction straight to a junior officer. */
function instructsDirectly(lower: string, seniority: Seniority): boolean {
  if (seniority === 'senior') return false;
  if (instructionIndex(lower) !== -1) return true;
  // With no directory entry we cannot know the officer is junior: only a clear instruction counts.
  return seniority === 'junior' && OPERATIONAL_IMPERATIVE.test(lower) && !isNegatedAt(lower, 0);
}

const MAX_PER_KIND = 3;

function findPressure(ctx: RuleContext): RuleReport[] {
  // Only a councillor's words to an officer (an officer writing to an officer is line management).
  if (ctx.sender?.kind !== 'councillor') return [];
  const officers = ctx.recipients.filter((r) => r.person.kind === 'officer' && r.field !== 'bcc');
  if (officers.length === 0) return [];
  const addressed = officers.filter((r) => r.field === 'to');
  const direct = addressed.find((r) => seniorityOf(r.person) === 'junior') ?? addressed.find((r) => seniorityOf(r.person) === 'unknown');
  const directSeniority: Seniority = direct ? seniorityOf(direct.person) : 'senior';
  const officerName = (addressed[0] ?? officers[0])!.person.name ?? (addressed[0] ?? officers[0])!.person.email;

  const counts: Record<Kind, number> = { changeAdvice: 0, queueJump: 0, directJunior: 0 };
  const reports: RuleReport[] = [];
  for (const s of ownSentences(ctx)) {
    const kind: Kind | undefined = pressesForChangedAdvice(s.lower)
      ? 'changeAdvice'
      : asksToJumpQueue(s.lower)
        ? 'queueJump'
        : instructsDirectly(s.lower, directSeniority)
          ? 'directJunior'
          : undefined;
    if (!kind || counts[kind] >= MAX_PER_KIND) continue;
    counts[kind] += 1;
    const name = kind === 'directJunior' && direct ? (direct.person.name ?? direct.person.email) : officerName;
    reports.push({ messageId: kind, data: { officer: name }, evidence: sentenceEvidence(ctx, s), suggestions: SUGGESTIONS[kind] });
  }
  return reports;
}

const SUGGESTIONS: Record<Kind, RuleReport['suggestions']> = {
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
};

// ---- Rule ----

export default defineRule({
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
    },
    fixable: false,
  },
  check: findPressure,
});
