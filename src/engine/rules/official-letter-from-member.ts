/**
 * official-letter-from-member: a councillor's email that gives instructions or creates
 * obligations on behalf of the council (crawley 6.2, district-model 13.2.4, surrey-heath 7.3:
 * such letters go out in the name of the responsible officer, never a member).
 */
import { clauseStart, negatedBefore, sentencesOf } from '../analysis/clause-polarity.ts';
import { defineRule, type RuleContext, type RuleReport } from '../rule.ts';
import { escapeRegExp, normaliseChars, type Span } from '../text.ts';
import type { Suggestion } from '../types.ts';

// ---- helpers ----

// What a council is obliged to do once someone has promised it: pay, waive, put right. Money
// verbs always count; works verbs count only when the promise is made to "you" (a general
// statement that "the council will resurface Mill Road in May" is news, not an undertaking).
const MONEY = 'refund|reimburse|repay|pay(?!\\s+a\\s+visit)|compensate|waive|write\\s+off|credit|cover\\s+the\\s+cost|meet\\s+the\\s+cost|cancel|withdraw|rescind|award|grant|approve|exempt|give\\s+you|offer\\s+you';
const WORKS = 'replace|repair|fix|sort|resurface|install|remove|reinstate|rebuild|move|extend|reduce|prioritise|fast-track';
const OBLIGATION = `(?:${MONEY}|${WORKS})`;
const MONEY_ONLY = new RegExp(`^(?:${MONEY})`, 'i');
const SECOND_PERSON = /\b(?:you|your|yours)\b/i;

// The council as the one making the promise: "the Council", "the town council", "the authority",
// the council's own name (added per policy), and "we" for money only.
const COUNCIL_SUBJECT = 'the\\s+(?:(?:town|parish|borough|district|city|county)\\s+)?council|the\\s+authority';
const MODAL = "(?:will|shall|'ll|is\\s+going\\s+to|are\\s+going\\s+to|has\\s+agreed\\s+to|have\\s+agreed\\s+to|agrees\\s+to|undertakes\\s+to)";
// Lead-ins the fix replaces with the subject: "I can confirm that the Council will refund…".
const LEAD_IN = "(?:I\\s+(?:can|am\\s+(?:pleased|happy|glad)\\s+to|'m\\s+(?:pleased|happy|glad)\\s+to)\\s+(?:confirm|say|tell\\s+you|promise(?:\\s+you)?|assure\\s+you|guarantee)\\s+(?:that\\s+)?)";

interface Cue {
  messageId: 'instructsOnBehalf' | 'commitsCouncil' | 'agreesContract';
  re: RegExp;
  /** The cue carries its own "not" ("you will not be charged"): skip the negation check. */
  ownNegation?: boolean;
  /** Works verbs: the sentence must address "you". */
  needsYou?: boolean;
}

function cuesFor(councilName: string): Cue[] {
  const name = councilName.trim() ? `|${escapeRegExp(councilName.trim()).replace(/\s+/g, '\\s+')}` : '';
  const subject = `(?:${COUNCIL_SUBJECT}${name})`;
  return [
    // "On behalf of the Council, I am instructing you…", "…I confirm that…": acting in the council's name.
    { messageId: 'instructsOnBehalf', re: new RegExp(`\\bon\\s+behalf\\s+of\\s+${subject}\\b(?=[^.!?]*\\b(?:instruct|direct|requir|authori[sz]|agree|confirm|accept|approve|award|commission|order|undertak|guarantee|promis|commit|waive|refund|compensat|terminat|cancel|suspend|offer|grant)\\w*)`, 'gi') },
    // "I am instructing you to…", "I hereby direct you…", "you are instructed to…".
    { messageId: 'instructsOnBehalf', re: /\b(?:I\s+am|I'm|I|we\s+are|we're|we)\s+(?:hereby\s+|formally\s+|now\s+)*(?:instruct|instructing|direct|directing|authori[sz]e|authori[sz]ing|order|ordering|require|requiring)\s+you\b/gi },
    { messageId: 'instructsOnBehalf', re: /\byou\s+are\s+(?:hereby\s+|now\s+)*(?:instructed|authori[sz]ed|required|directed|ordered)\s+to\b/gi },
    // "Please proceed with the works", "go ahead with the order": telling a supplier to start.
    { messageId: 'instructsOnBehalf', re: /\b(?:proceed|go\s+ahead)\s+(?:and\s+start\s+|with\s+)(?:the\s+)?(?:works?|order|job|contract|repairs?|installation|scheme)\b/gi },
    // "I am authorising the removal…", "I approve your application": a decision only an officer can take.
    { messageId: 'commitsCouncil', re: /\b(?:I\s+am|I'm|I\s+have|I've|I)\s+(?:hereby\s+)?(?:authori[sz](?:e|ed|ing)|approv(?:e|ed|ing))(?=\s+(?:the|your|a|this)\b)/gi },
    { messageId: 'instructsOnBehalf', re: /\b(?:treat|take|consider|accept)\s+this\s+(?:e-?mail|message|letter|note)\s+as\s+(?:(?:an?|the|our|my|formal|written|the\s+council's)\s+)*(?:instruction|order|acceptance|confirmation|authority|authori[sz]ation|purchase\s+order|go-ahead)\b/gi },
    { messageId: 'commitsCouncil', re: /\byou\s+(?:have|'ve\s+got|now\s+have)\s+(?:my|the\s+council's|our)\s+(?:approval|authori[sz]ation|permission|go-ahead|agreement)\b/gi },
    // "The Council will refund…", "we will reimburse…", "the town council has agreed to pay for…".
    { messageId: 'commitsCouncil', re: new RegExp(`\\b${LEAD_IN}?(?:${subject})\\s+${MODAL}\\s+(?:(?:\\w+ly|now|then|also|of\\s+course)\\s+)?(?=${OBLIGATION}\\b)`, 'gi'), needsYou: true },
    { messageId: 'commitsCouncil', re: new RegExp(`\\b${LEAD_IN}?we\\s+${MODAL}\\s+(?:(?:\\w+ly|now|then|also)\\s+)?(?=(?:refund|reimburse|repay|compensate|waive|write\\s+off)\\b)`, 'gi') },
    // "I will make sure the council repairs your fence", "I have arranged for your fee to be waived".
    { messageId: 'commitsCouncil', re: new RegExp(`\\b(?:I\\s+will|I'll|I\\s+can|I\\s+have|I've)\\s+(?:make\\s+sure|ensure|guarantee|promise|see\\s+to\\s+it|arranged|agreed|authori[sz]ed|approved|instructed|directed)\\b(?=[^.!?]*\\b(?:${OBLIGATION})\\w*)`, 'gi'), needsYou: true },
    // Waivers and payments promised outright.
    { messageId: 'commitsCouncil', re: /\bthere\s+will\s+be\s+no\s+(?:charge|fee|cost|penalty|fine)\b/gi, ownNegation: true, needsYou: true },
    { messageId: 'commitsCouncil', re: /\byou\s+(?:will\s+not|won't|will\s+no\s+longer)\s+(?:be\s+charged|have\s+to\s+pay|need\s+to\s+pay|be\s+fined|be\s+billed)\b/gi, ownNegation: true },
    { messageId: 'commitsCouncil', re: /\byou\s+will\s+(?:receive|get|be\s+(?:paid|given|sent|refunded|reimbursed|compensated))\s+(?:(?:a|an|your|the|full|in\s+full)\s+)*(?:refund|compensation|payment|rebate|credit|reimbursement|goodwill)/gi },
    { messageId: 'commitsCouncil', re: /\b(?:the\s+|your\s+)?(?:refund|compensation|rebate|reimbursement)\s+will\s+be\s+(?:paid|made|credited|sent|issued|transferred)\b/gi, needsYou: true },
    // "I accept your quotation", "we are happy to award you the contract".
    { messageId: 'agreesContract', re: /\b(?:I|we)\s+(?:am\s+|are\s+|'m\s+|'re\s+)?(?:happy\s+to\s+|pleased\s+to\s+|now\s+)?(?:accept|accepting|agree\s+to|approve|approving|award|awarding|sign\s+off|signing\s+off)\s+(?:you\s+)?(?:your|the|this)\s+(?:quote|quotation|tender|bid|proposal|offer|terms|price|invoice|estimate|contract)\b/gi },
    { messageId: 'agreesContract', re: /\byou\s+have\s+(?:won|been\s+awarded|secured)\s+the\s+(?:contract|tender|work)\b/gi },
  ];
}

// Someone else's decision reported, not made: "officers have confirmed that…", "I am told…".
const REPORTED = /\b(?:officers?|the\s+(?:\w+\s+){0,2}(?:team|service|department|director|manager|officer|clerk)|(?:[A-Z][a-z]+\s+){1,2}(?:from|in)\s+the\s+\w+)\s+(?:has\s+|have\s+|had\s+)?(?:confirmed|told|said|says|informed|advised|assured|explained|decided|agreed|tell|say)\b|\bI(?:\s+(?:have\s+been|was|am)|'ve\s+been|'m)\s+(?:told|informed|advised|assured)\b|\b(?:I\s+understand|I\s+gather|I\s+hear|according\s+to|it\s+says|the\s+letter\s+says|officers\s+(?:tell|say))\b/i;
// Questions, hopes and requests: "whether the council will refund", "I hope the council will…".
const TENTATIVE = /\b(?:whether|if|hope|hoping|hopeful|ask(?:ed|ing)?|urge|urging|press(?:ing)?|lobby(?:ing)?|request(?:ed|ing)?|push(?:ing)?\s+for|would\s+like|expect|think|believe|should|could|might|may)\b/i;
// A description of the rules, not a promise: "under the policy the Council will refund…".
const POLICY = /\b(?:policy|policies|scheme|normally|usually|generally|always|in\s+line\s+with|under\s+the\s+terms|entitled|terms\s+and\s+conditions)\b/i;

interface Found extends Span {
  messageId: Cue['messageId'];
  quote: string;
  /** For "the Council will …" promises: where the verb starts, so the fix can reword the lead. */
  verbStart?: number;
}

function findCommitments(ctx: RuleContext): Found[] {
  const body = ctx.draft.body;
  const span: Span = { start: ctx.own.start, end: ctx.layout.signature ? ctx.layout.signature.start : ctx.own.end };
  const cues = cuesFor(ctx.policy.council.name);
  const found: Found[] = [];
  for (const sentence of sentencesOf(body, span)) {
    const text = normaliseChars(body.slice(sentence.start, sentence.end));
    if (/\?\s*$/.test(text)) continue;
    const hits: Found[] = [];
    for (const cue of cues) {
      for (const m of text.matchAll(cue.re)) {
        const index = m.index ?? 0;
        const at = sentence.start + index;
        const lead = normaliseChars(body.slice(sentence.start, at));
        const clause = normaliseChars(body.slice(clauseStart(body, at, sentence.start), at));
        if (!cue.ownNegation && negatedBefore(body, at, sentence.start, 6)) continue; // "I can't promise that the council will…"
        if (REPORTED.test(lead) || TENTATIVE.test(clause) || POLICY.test(text)) continue;
        const after = text.slice(index + m[0].length);
        // Works promises need a "you" in the sentence: "the council will resurface Mill Road" is news.
        if (cue.needsYou && !MONEY_ONLY.test(after) && !SECOND_PERSON.test(text)) continue;
        // Cues that stop at a lookahead end in a space before the obligation verb ("the Council
        // will "): the quote then runs on to the end of the verb, so it reads as the promise.
        const endsBeforeVerb = /\s$/.test(m[0]);
        const verb = endsBeforeVerb ? (/^[\w-]+(?:\s+(?:off|you|for|back|the\s+cost)\b)?/.exec(after)?.[0] ?? '') : '';
        const end = at + m[0].length + verb.length;
        hits.push({ start: at, end, quote: body.slice(at, end), messageId: cue.messageId, ...(endsBeforeVerb ? { verbStart: at + m[0].length } : {}) });
      }
    }
    // One finding per sentence: the earliest promise in it.
    const first = hits.sort((a, b) => a.start - b.start)[0];
    if (first) found.push(first);
  }
  return found;
}

function suggestionsFor(ctx: RuleContext, f: Found): Suggestion[] {
  const out: Suggestion[] = [];
  if (f.messageId === 'commitsCouncil' && f.verbStart !== undefined) {
    // Reword "the Council will refund" as the councillor's own step: asking officers. True once
    // the councillor does it, and it leaves the decision with the responsible officer.
    const verb = ctx.draft.body.slice(f.verbStart, f.end);
    out.push({
      title: `Say you will ask officers whether the Council can ${verb}`,
      edits: [{ kind: 'replaceText', field: 'body', start: f.start, end: f.verbStart, text: 'I will ask officers whether the Council can ' }],
    });
  }
  out.push({ title: 'Ask the responsible officer to send this in the Council’s name', edits: [] });
  out.push({ title: 'Say what you will ask officers to do, not what the Council will do', edits: [] });
  return out;
}

// ---- rule ----

export default defineRule({
  meta: {
    id: 'official-letter-from-member',
    description: 'A councillor’s email that gives instructions or makes promises on behalf of the council.',
    defaultSeverity: 'warning',
    citations: {
      crawley: [{ paragraph: '6.2', summary: 'Letters that speak for the council go out under the responsible officer’s name; a councillor’s name is kept for rare cases such as writing to a minister.' }],
      'district-model': [
        { paragraph: '13.2.4', summary: 'Official letters and emails go out under an officer’s name, and one that commits the council or instructs anyone must never carry a member’s name.' },
        { paragraph: '13.1.1', summary: 'A member writing as a member must say whether they write for the council or as a ward councillor.' },
        { paragraph: '2.2(k)', summary: 'Members do not enter contracts, agreements or undertakings for the council, or authorise payments, without lawful delegated authority.' },
      ],
      'surrey-heath': [{ paragraph: '7.3', summary: 'Official letters go out in an officer’s name; any letter giving instructions or taking on obligations for the council must never be in a member’s name.' }],
    },
    messages: {
      instructsOnBehalf: 'This gives an instruction for the Council in your name as a councillor ("{quote}"). Instructions on the Council’s behalf go out from the responsible officer.',
      commitsCouncil: 'This commits the Council in your name as a councillor ("{quote}"). Promises on the Council’s behalf go out from the responsible officer.',
      agreesContract: 'This agrees a contract or price for the Council in your name as a councillor ("{quote}"). Only an officer with delegated authority can do that.',
    },
    fixable: true,
  },
  check(ctx): RuleReport[] {
    // Only a councillor's email: an officer with delegated authority may commit the council.
    if (ctx.sender?.kind !== 'councillor') return [];
    // An official letter goes outside the council: a contractor, a resident, an organisation.
    // Between councillors and officers the same words are internal discussion (and instructions
    // to officers are `pressure-on-officers`).
    if (!ctx.recipients.some((r) => r.person.kind === 'external' && !r.person.councilAddress)) return [];
    return findCommitments(ctx).map((f) => ({
      messageId: f.messageId,
      data: { quote: f.quote.replace(/\s+/g, ' ').trim() },
      evidence: { field: 'body', start: f.start, end: f.end, quote: f.quote },
      suggestions: suggestionsFor(ctx, f),
    }));
  },
});
