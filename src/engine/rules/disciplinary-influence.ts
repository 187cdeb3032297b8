/**
 * disciplinary-influence: a councillor seeking to influence disciplinary action against an
 * officer (pressing for a sanction, a dismissal, or leniency) or offering to act as an
 * officer's "friend", representative or companion in a staffing matter.
 *
 * Technique (docs/rules/disciplinary-influence.md, "How it recognises the idea"): a sanction
 * word ("final written warning", "sacked", "disciplined") must meet, in the same sentence, a
 * pressing frame ("I want", "should be", "the least", "I'd like your assurance", or an opinion
 * with an evaluative word) and not be negated or reported; an offer to accompany or represent
 * the reader counts only where the writer makes it and the draft is about a staffing matter.
 * Asking whether action was taken, or about the process, passes (district-model 15.6 gives
 * Members that right).
 */
import { matchesOf, isNegatedAt, isProcessQuestion, isReportedAt, isRequest, ownSentences, sentenceEvidence, subjectLower } from '../analysis/requests.ts';
import { defineRule, type RuleContext, type RuleReport } from '../rule.ts';

// ---- Helpers ----

// Disciplinary outcomes, as the ACAS code and council procedures name them.
const SANCTION =
  /\b(?:disciplin(?:e|ed|ing|ary)|sack(?:s|ed|ing)?|dismiss(?:ed|al|ing)?|fir(?:e|ed|ing)\b(?!\s+(?:safety|alarm|door|service|station|brigade|risk|exit))|(?:(?:final|first|formal|written|verbal)\s+)+warnings?|suspen(?:d|ds|ded|ding|sion)|demot(?:e|ed|ion)|sanction(?:s|ed)?|lose\s+(?:his|her|their)\s+jobs?|(?:be|been|being)\s+let\s+go|gross\s+misconduct|punish(?:ed|ment)?|reprimand(?:s|ed)?|struck\s+off|removed\s+from\s+(?:his|her|their)\s+(?:post|job|role))\b/g;

// The councillor pressing for an outcome (district-model 15.6(a),(b)).
const PRESS_STRONG =
  /\bi\s+(?:want|expect|insist|demand|trust|hope|urge)\b|\bi(?:'d|\s+would)\s+(?:like|want|expect)\b(?!\s+to\s+(?:know|understand|hear|be\s+(?:kept|told|updated)|ask|check))|\bthe\s+(?:very\s+)?least\b|\bassurances?\b|\bmake\s+sure\b|\bi\s+will\s+be\s+(?:pressing|pushing|asking|calling)\s+for\b|\bno\s+less\s+than\b|\bnothing\s+(?:less|short)\s+(?:than|of)\b|\bi\s+(?:am|'m)\s+(?:calling|pressing|pushing|asking)\s+for\b/;
const MODAL_BEFORE_SANCTION =
  /\b(?:should|must|ought\s+to|needs?\s+to|has\s+to|have\s+to|deserves?\s+to|deserves?)\s+(?:(?:be|get|face|receive|have|lose)\s+)?(?:(?:a|an|the)\s+)?$/;
// The outcome as the subject: "the suspension should be lifted", "disciplinary action must be taken".
const OUTCOME_SUBJECT =
  /\b(?:suspension|dismissal|warning|sanction|disciplinary\s+action|punishment)\s+(?:(?:against|on|for)\s+(?:him|her|them|the\s+\w+)\s+)?(?:should|must|ought\s+to|needs?\s+to|has\s+to)\s+(?:be|go|stand|stay|remain)\b/;
const OPINION = /\b(?:i\s+(?:think|believe|feel|consider)|in\s+my\s+(?:view|opinion)|to\s+my\s+mind)\b/;
const EVALUATIVE =
  /\b(?:should|must|ought|deserve\w*|appropriate|warranted|justified|called\s+for|calls\s+for|enough|sufficient|proportionate|too\s+(?:lenient|soft|light)|the\s+right\s+(?:outcome|result|sanction)|only\s+(?:option|outcome))\b/;

// Lobbying for leniency in a staffing matter (surrey-heath 4.13).
const LENIENCY =
  /\b(?:go\s+easy|leniency|lenient|let\s+(?:him|her|them)\s+off|drop\s+(?:the\s+)?(?:disciplinary|case|charges?|investigation|proceedings|allegations?)|give\s+(?:him|her|them)\s+(?:another|a\s+second|one\s+more)\s+chance|take\s+(?:that|this|it|his\s+\w+|her\s+\w+|their\s+\w+)\s+into\s+account|clear\s+(?:his|her|their)\s+name|(?:shouldn't|should\s+not|mustn't|must\s+not)\s+be\s+(?:disciplined|sacked|dismissed|suspended|punished))\b/;

// Acting as "friend", companion or representative (surrey-heath 4.13), or lobbying managers on
// the officer's behalf.
const FRIEND_OFFER = new RegExp(
  [
    String.raw`\b(?:as|be|act\s+as|acting\s+as)\s+your\s+(?:friend|companion|representative|rep|advocate|supporter|witness)\b`,
    String.raw`\b(?:accompany|represent|support)\s+you\b`,
    String.raw`\b(?:come|go|sit\s+in)\s+(?:along\s+)?(?:with\s+you\s+)?(?:to|into|on)\s+(?:the|your)\s+(?:hearing|meeting|interview|investigation|appeal|grievance)\b`,
    String.raw`\b(?:come|go)\s+(?:along\s+)?with\s+you\b`,
    String.raw`\bspeak\s+(?:up\s+)?(?:for|on\s+behalf\s+of)\s+you\b`,
    String.raw`\bput\s+in\s+a\s+(?:good\s+)?word\b|\bhave\s+a\s+(?:quiet\s+)?word\s+with\s+(?:your|the)\s+(?:manager|managers|boss|director|supervisor|head|hr)\b`,
    String.raw`\bhelp\s+(?:them|him|her|the\s+panel|the\s+managers?)\s+(?:to\s+)?see\s+(?:things\s+)?from\s+your\s+(?:side|point\s+of\s+view)\b|\bfight\s+your\s+corner\b|\bput\s+your\s+side\b`,
  ].join('|'),
  'g',
);
// The writer makes the offer: first person in the sentence.
const WRITER = /\b(?:i|i'm|i'll|i'd|i've|me|my|let\s+me|happy\s+to|glad\s+to|willing\s+to)\b/;
// The draft concerns a staffing matter: its own words or subject.
const STAFFING =
  /\b(?:disciplin\w*|hearing|grievance|investigation|investigatory|capability|dismiss\w*|suspen\w*|redundan\w*|tribunal|performance\s+(?:review|management|improvement|plan)|restructur\w*|hr|human\s+resources|staffing|employment|probation|misconduct|sanction\w*|warning)\b/;

// A cheap substring test every sanction, outcome and leniency phrase passes.
const OUTCOME_HINT = /disciplin|sack|dismiss|fire|warning|suspen|demot|sanction|job|let go|misconduct|punish|reprimand|struck|removed|easy|lenien|let (?:him|her|them) off|drop|chance|account|name|action/;

function firstAssertedSanction(lower: string): number {
  for (const m of matchesOf(SANCTION, lower)) {
    const at = m.index;
    if (isNegatedAt(lower, at) || isReportedAt(lower, at)) continue;
    return at;
  }
  return -1;
}

function hasSanctionWord(lower: string): boolean {
  SANCTION.lastIndex = 0;
  return SANCTION.test(lower);
}

/** district-model 15.6; surrey-heath 4.13; crawley 4.1, 4.4: pressing for (or against) a sanction. */
function pressesForOutcome(lower: string): boolean {
  if (!OUTCOME_HINT.test(lower) || isProcessQuestion(lower)) return false;
  const leniency = LENIENCY.exec(lower);
  if (leniency && !isReportedAt(lower, leniency.index) && (isRequest(lower) || PRESS_STRONG.test(lower) || OPINION.test(lower))) return true;
  const subject = OUTCOME_SUBJECT.exec(lower);
  if (subject && !isNegatedAt(lower, subject.index) && !isReportedAt(lower, subject.index)) return true;
  const at = firstAssertedSanction(lower);
  if (at === -1) return false;
  if (MODAL_BEFORE_SANCTION.test(lower.slice(Math.max(0, at - 40), at))) return true;
  if (PRESS_STRONG.test(lower) && !isNegatedAt(lower, lower.search(PRESS_STRONG))) return true;
  return OPINION.test(lower) && EVALUATIVE.test(lower);
}

/** surrey-heath 4.13: the writer offers to act as the officer's friend or representative. */
function offersToActAsFriend(lower: string): boolean {
  for (const m of matchesOf(FRIEND_OFFER, lower)) {
    const at = m.index;
    if (isNegatedAt(lower, at) || isReportedAt(lower, at)) continue;
    if (WRITER.test(lower)) return true;
  }
  return false;
}

function findInfluence(ctx: RuleContext): RuleReport[] {
  if (ctx.sender?.kind !== 'councillor') return [];
  const officers = ctx.recipients.filter((r) => r.person.kind === 'officer');
  if (officers.length === 0) return [];
  const list = ownSentences(ctx);
  const subject = subjectLower(ctx);
  const staffing = [subject, ...list.map((s) => s.lower)].some((t) => STAFFING.test(t) || hasSanctionWord(t));
  if (!staffing) return [];

  const reports: RuleReport[] = [];
  const outcome = list.find((s) => pressesForOutcome(s.lower));
  if (outcome) {
    reports.push({
      messageId: 'influenceOutcome',
      evidence: sentenceEvidence(ctx, outcome),
      suggestions: [
        { title: 'Ask whether action has been taken, without saying what it should be', edits: [] },
        { title: 'Raise your concern about the service with the head of service or Chief Executive and leave the outcome to them', edits: [] },
      ],
    });
  }
  // The offer is made to the officer concerned, so the officer is addressed directly.
  const friend = ctx.recipients.some((r) => r.field === 'to' && r.person.kind === 'officer') ? list.find((s) => offersToActAsFriend(s.lower)) : undefined;
  if (friend) {
    reports.push({
      messageId: 'actAsFriend',
      evidence: sentenceEvidence(ctx, friend),
      suggestions: [
        { title: 'Suggest a trade union representative or a work colleague as companion instead', edits: [] },
        { title: 'Refer the approach to the Chief Executive or Monitoring Officer without comment', edits: [] },
      ],
    });
  }
  return reports;
}

// ---- Rule ----

export default defineRule({
  meta: {
    id: 'disciplinary-influence',
    description: 'A councillor seeking to influence disciplinary action against an officer, or offering to act as an officer’s friend in a staffing matter.',
    defaultSeverity: 'warning',
    citations: {
      'district-model': [
        { paragraph: '15.6', summary: 'Members may ask whether action was taken, but must not try to affect how severe any disciplinary step is, or demand that one is taken.' },
      ],
      'surrey-heath': [
        { paragraph: '4.12', section: '§4 Council’s role as employer, numbered as amended (printed as 4.124)', summary: 'Members must bear in mind that the council is the employer, and that their behaviour towards staff can be relied on in an employment case.' },
        { paragraph: '4.13', section: '§4 Council’s role as employer, numbered as amended (printed as 4.132)', summary: 'A Member must not be an employee’s “friend” in a staffing matter, and should keep out of, and not lobby about, staffing matters.' },
        { paragraph: '4.15', section: '§4 Council’s role as employer, numbered as amended (printed as 4.145)', summary: 'An employee’s approach about employment is handed on to the Chief Executive or Monitoring Officer, and the Member offers no view.' },
      ],
      crawley: [
        { paragraph: '4.1', summary: 'Officers’ conduct is dealt with by line management and, for serious allegations, the council’s disciplinary procedures.' },
        { paragraph: '4.4', summary: 'Once a complaint is made, the head of service or chief executive decides what action, if any, follows and tells the councillor.' },
      ],
      'tower-hamlets': [
        { paragraph: '3.3', section: '§3 Member involvement in officer issues', summary: 'By law, the Head of Paid Service, and officers they appoint, deal with appointing, managing and dismissing most staff.' },
      ],
      'town-council': [
        { paragraph: '2.2', summary: 'Councillors do not involve themselves in day-to-day management, including the performance management of individual officers.' },
        { paragraph: '4.2', summary: 'A councillor’s concern about an officer goes to the clerk, and any disciplinary procedure must then be followed exactly.' },
      ],
    },
    messages: {
      influenceOutcome: 'This presses for a particular outcome in a disciplinary matter. Councillors may ask whether action was taken, but must not try to decide or influence it.',
      actAsFriend: 'This offers to act as the officer’s friend or representative in a staffing matter. Councillors must not take that role; refer the officer to their union or a colleague.',
    },
    fixable: false,
  },
  check: findInfluence,
});
