/**
 * employment-matter-to-member: an officer taking their own employment matter (pay, grading,
 * grievance, restructure, their manager, disciplinary, job evaluation) to an individual
 * councillor (warning); or making a whistleblowing / Speak Up disclosure to one, which is
 * allowed and gets advice on the right route (info).
 *
 * Technique (docs/rules/employment-matter-to-member.md, "How it recognises the idea"): a
 * sentence of the officer's own words must tie the writer to an employment matter — "my post"
 * or "my manager" together with an issue word in the same sentence ("regraded", "grievance",
 * "hasn't been willing"), or "I am being made redundant" — with neither negated nor reported.
 * An officer mentioning a resident's job, a restructure as council business, or "my manager
 * will call you" has no such tie.
 */
import { matchesOf, isNegatedAt, isReportedAt, ownSentences, ownTextLower, sentenceEvidence, subjectLower } from '../analysis/requests.ts';
import { defineRule, type RuleContext, type RuleReport } from '../rule.ts';
import { stemFinder } from '../text.ts';

// ---- Helpers ----

// The writer's own job and its terms (a hand-made list of UK local government HR terms: NJC
// "Green Book" grading, job evaluation, pay protection, the ACAS grievance and disciplinary code).
const OWN_JOB =
  /\b(?:my|our)\s+(?:own\s+|current\s+|new\s+|old\s+|substantive\s+)?(?:post|job|role|grade|grading|pay|salary|wages?|contract|position|hours|terms(?:\s+and\s+conditions)?|appraisal|probation|employment|promotion|job\s+description|pension|overtime|allowances?|increments?|pay\s+(?:band|grade|point)|band|secondment|workload|annual\s+leave|sick(?:ness)?\s+(?:pay|absence|leave)|redundancy|dismissal|suspension|grievance|disciplinary|capability\s+(?:process|procedure|hearing)|team'?s\s+(?:restructure|regrading))\b/g;
const MY_MANAGER = /\bmy\s+(?:line\s+|new\s+|current\s+)?(?:manager|managers|supervisor|team\s+leader|boss|head\s+of\s+service|service\s+manager|director)\b/g;

// Something wrong with it. Event words can be negated ("my post is not being regraded").
const ISSUE_EVENT =
  /\b(?:re-?grad\w*|down-?grad\w*|cut|cuts|reduc\w*|restructur\w*|redundan\w*|grievance|unfair\w*|dispute\w*|appeal\w*|evaluat\w*|delet\w*|at\s+risk|pay\s+protection|lose|losing|lost|complain\w*|disciplin\w*|suspen\w*|dismiss\w*|bull(?:y|ied|ying)|harass\w*|discriminat\w*|overlooked|passed\s+over|demot\w*|underpa\w*|owed|tribunal|union|moved\s+to|redeploy\w*|victimis\w*|bypassed|blocked)\b/g;
// Conflict words carry their own negation ("has not been willing"), so are not tested for it.
const ISSUE_CONFLICT =
  /\b(?:refus\w*|unwilling|not\s+(?:been\s+)?willing|won't|will\s+not|wouldn't|hasn't|has\s+not|haven't|have\s+not|ignor\w*|does\s+not\s+reflect|doesn't\s+reflect|not\s+reflect\w*|not\s+been\s+paid|not\s+listen\w*|treat(?:s|ed|ing)?\s+me|singled\s+(?:me\s+)?out|picked\s+on)\b/;

// "I am being made redundant", "I've raised a grievance".
const I_AM_AFFECTED =
  /\bi(?:'m|\s+am|'ve\s+been|\s+have\s+been|\s+was|\s+had\s+been|'d\s+been)\s+(?:being\s+|now\s+|just\s+|recently\s+)?(?:regraded|downgraded|made\s+redundant|put\s+at\s+risk|placed\s+at\s+risk|at\s+risk\s+of\s+redundancy|disciplined|suspended|dismissed|sacked|overlooked|passed\s+over|demoted|underpaid|redeployed|bullied|harassed|given\s+(?:a|an)\s+(?:final\s+|written\s+|formal\s+)*warning|told\s+(?:that\s+)?my\s+(?:post|job|role))\b|\bi(?:'ve|\s+have)?\s+(?:raised|lodged|submitted|put\s+in|filed)\s+a\s+(?:formal\s+)?grievance\b/g;

// A handover in a routine reply: "my manager will call you", "in my absence contact …".
const HANDOVER = /\b(?:will\s+(?:call|ring|phone|contact|email|reply\s+to|be\s+in\s+touch\s+with|get\s+back\s+to)\s+you|in\s+my\s+absence|while\s+i(?:'m|\s+am)\s+(?:away|off|on\s+leave)|please\s+contact|my\s+successor)\b/;

// Speak Up / whistleblowing (Public Interest Disclosure Act 1998 terms; surrey-heath 4.16, 5.6).
const DISCLOSURE_TERM =
  /\b(?:whistle-?blow\w*|speak(?:ing)?\s+up\s+(?:policy|procedure|route|process|guardian|line|channel)|(?:under|through|via|using)\s+the\s+(?:council's\s+)?speak\s+up|public\s+interest\s+disclosure|protected\s+disclosure|qualifying\s+disclosure)\b/g;
const WRONGDOING =
  /\b(?:fraud\w*|corrupt\w*|malpractice|wrong-?doing|falsif\w*|brib\w*|kickbacks?|theft|stealing|embezzl\w*|cover(?:ing|ed)?[- ]up|safeguarding\s+(?:concern|failure|risk|issue)s?|unlawful\w*|illegal\w*|misuse\s+of\s+(?:public\s+)?(?:funds|money|resources))\b/g;
// The writer reporting it, not an officer updating a councillor on a fraud case they handle.
const I_DISCLOSE =
  /\bi\s+(?:want|need|wish|have|feel\s+i\s+(?:have|must|should))\s+to\s+(?:report|raise|disclose|tell\s+you\s+about|make\s+you\s+aware|bring)|\bi(?:\s+|'ve\s+|\s+have\s+)(?:believe|suspect|witnessed|saw|seen|discovered|found\s+out|evidence)|\bi(?:'m|\s+am)\s+(?:concerned|worried|raising|reporting)\b/;
// …about the council itself: colleagues, managers, contracts, money.
const INSIDE_THE_COUNCIL =
  /\b(?:my\s+(?:manager|team|department|service|colleagues?|director|boss)|colleagues?|the\s+council|council\s+(?:staff|officers|money|funds|contracts?)|officers?|managers?|senior\s+staff|contracts?|contractors?|procurement|invoices?|expenses|overtime|timesheets?|tenders?)\b/;

// Cue words of the patterns above. Every match of a pattern has one of its cue words standing at
// the start of a word (where the match starts, or after whitespace the pattern requires); for
// I_AM_AFFECTED, OWN_JOB and MY_MANAGER, as a whole word. With none of a pattern's cue words in
// the writer's own words, no sentence can match it, and the sentences need not be tried.
const AFFECTED_CUES = ['regraded', 'downgraded', 'redundant', 'risk', 'disciplined', 'suspended', 'dismissed', 'sacked', 'overlooked', 'passed', 'demoted', 'underpaid', 'redeployed', 'bullied', 'harassed', 'warning', 'post', 'job', 'role', 'grievance'];
const OWNER_CUES = [
  // OWN_JOB, after "my"/"our" and an optional qualifier
  'post', 'job', 'role', 'grade', 'grading', 'pay', 'salary', 'wage', 'contract', 'position', 'hours', 'terms', 'appraisal', 'probation', 'employment', 'promotion', 'pension',
  'overtime', 'allowance', 'allowances', 'increment', 'increments', 'wages', 'sickness', 'band', 'secondment', 'workload', 'annual', 'sick', 'redundancy', 'dismissal', 'suspension', 'grievance', 'disciplinary', 'capability', 'team', 'teams',
  // MY_MANAGER
  'my',
];
const DISCLOSURE_CUES = ['whistle', 'speak', 'disclosure'];
const WRONGDOING_CUES = ['fraud', 'corrupt', 'malpractice', 'wrong', 'falsif', 'brib', 'kickback', 'theft', 'stealing', 'embezzl', 'cover', 'safeguarding', 'unlawful', 'illegal', 'misuse'];
const findWordCues = stemFinder([...AFFECTED_CUES, ...OWNER_CUES], { wholeWord: true });
const findDisclosureCues = stemFinder([...DISCLOSURE_CUES, ...WRONGDOING_CUES], { wordStart: true });

function assertedIndex(lower: string, re: RegExp, negatable = true): number {
  for (const m of matchesOf(re, lower)) {
    const at = m.index;
    if ((negatable && isNegatedAt(lower, at)) || isReportedAt(lower, at)) continue;
    return at;
  }
  return -1;
}

/** The writer tied to an employment matter in this sentence (tower-hamlets 3.4; surrey-heath 4.14). */
function isOwnEmploymentMatter(lower: string): boolean {
  if (HANDOVER.test(lower)) return false;
  if (assertedIndex(lower, I_AM_AFFECTED) !== -1) return true;
  const owner = assertedIndex(lower, OWN_JOB) !== -1 || assertedIndex(lower, MY_MANAGER) !== -1;
  if (!owner) return false;
  return assertedIndex(lower, ISSUE_EVENT) !== -1 || ISSUE_CONFLICT.test(lower);
}

/** A disclosure of wrongdoing made by the writer (surrey-heath 4.16). */
function isDisclosure(lower: string): boolean {
  if (assertedIndex(lower, DISCLOSURE_TERM) !== -1) return true;
  return assertedIndex(lower, WRONGDOING) !== -1 && I_DISCLOSE.test(lower) && INSIDE_THE_COUNCIL.test(lower);
}

function findEmploymentMatters(ctx: RuleContext): RuleReport[] {
  // An officer writing to a councillor addressed individually (not a members' bulletin in Bcc).
  if (ctx.sender?.kind !== 'officer') return [];
  if (!ctx.recipients.some((r) => r.field === 'to' && r.person.kind === 'councillor')) return [];
  const lower = ownTextLower(ctx).lower;
  const cues = new Set([...findWordCues(lower), ...findDisclosureCues(lower)]);
  const anyCue = (list: readonly string[]) => list.some((c) => cues.has(c));
  const disclosurePossible = anyCue(DISCLOSURE_CUES) || anyCue(WRONGDOING_CUES);
  const ownMatterPossible = anyCue(AFFECTED_CUES) || anyCue(OWNER_CUES);
  const list = disclosurePossible || ownMatterPossible ? ownSentences(ctx) : [];

  // surrey-heath 4.16: a qualifying Speak Up disclosure is not a breach: advise on the route.
  const disclosure = disclosurePossible ? list.find((s) => isDisclosure(s.lower)) : undefined;
  if (disclosure) {
    return [
      {
        messageId: 'speakUp',
        severity: 'info',
        evidence: sentenceEvidence(ctx, disclosure),
        suggestions: [
          { title: 'Check the Speak Up (whistleblowing) policy: it names who can receive a disclosure and how you are protected', edits: [] },
          { title: 'Consider raising it with the Monitoring Officer or the Section 151 Officer as well', edits: [] },
        ],
      },
    ];
  }

  const own = ownMatterPossible ? list.find((s) => isOwnEmploymentMatter(s.lower)) : undefined;
  if (own) return [report(ctx, sentenceEvidence(ctx, own))];
  // A subject line such as "My regrading" with no body sentence to point at.
  const subject = subjectLower(ctx);
  if (subject && isOwnEmploymentMatter(subject)) {
    return [report(ctx, { field: 'subject', start: 0, end: ctx.draft.subject.length, quote: ctx.draft.subject })];
  }
  return [];
}

function report(ctx: RuleContext, evidence: RuleReport['evidence']): RuleReport {
  const councillor = ctx.recipients.find((r) => r.field === 'to' && r.person.kind === 'councillor')!;
  return {
    messageId: 'ownEmployment',
    data: { councillor: councillor.person.name ?? councillor.person.email },
    evidence,
    suggestions: [
      { title: 'Raise it with your manager, or their manager, instead', edits: [] },
      { title: 'Use the grievance procedure or ask HR or your trade union for advice', edits: [] },
      { title: 'If it is about wrongdoing, use the Speak Up (whistleblowing) route', edits: [] },
    ],
  };
}

// ---- Rule ----

export default defineRule({
  meta: {
    id: 'employment-matter-to-member',
    description: 'An officer taking their own employment matter to an individual councillor; a Speak Up disclosure gets advice instead.',
    defaultSeverity: 'warning',
    citations: {
      'tower-hamlets': [
        { paragraph: '3.2', section: '§3 Obtaining or granting favours (last sentence)', summary: 'Officers should not get round staff consultation arrangements by lobbying Members about matters that affect them as employees.' },
        { paragraph: '3.4', section: '§3 Member involvement in officer issues', summary: 'Officers must not take their own employment matters to individual Members, who should discourage it and point them to management and grievance procedures.' },
      ],
      'surrey-heath': [
        { paragraph: '4.14', section: '§4 numbered as amended (printed as 4.143)', summary: 'Staff should not take their own terms and conditions or other employment matters straight to a Member.' },
        { paragraph: '4.15', section: '§4 numbered as amended (printed as 4.145)', summary: 'The Member hands any such approach on to the Chief Executive or Monitoring Officer and makes no comment on it.' },
        { paragraph: '4.16', section: '§4 The Speak Up Policy', summary: 'Concerns about wrongdoing raised with the Employment Committee chair or vice-chair or a group leader that qualify under the Speak Up Policy are not a breach.' },
      ],
      'district-model': [
        { paragraph: '4.5', summary: 'Officers should not raise with a Member the conduct of colleagues or how their service is managed in a way that conflicts with the protocol.' },
        { paragraph: '15.1', summary: 'This part of the protocol is read together with the council’s whistleblowing policy.' },
      ],
      'town-council': [
        { paragraph: '2.4.1', summary: 'Councillors can expect officers not to bring personal issues to them outside the agreed procedures.' },
      ],
    },
    messages: {
      ownEmployment: 'This raises your own employment matter with {councillor}. Officers should take these to their manager, HR or the grievance procedure, not to an individual councillor.',
      speakUp: 'This looks like a Speak Up (whistleblowing) disclosure. That is allowed; check the policy for the right person to receive it so that you are protected.',
    },
    fixable: false,
  },
  check: findEmploymentMatters,
});
