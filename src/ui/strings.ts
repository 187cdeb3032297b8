/**
 * Every string the panel shows, in British English and GOV.UK tone: say what happened and
 * what to do, in plain words. Kept in one module so wording is reviewed in one place.
 */
import type { Draft, PackId, RuleId, Severity } from '../engine/types.ts';

/** Card titles: what is wrong, in a few words (the send-time dialog uses them too). */
export const RULE_TITLES: Record<RuleId, string> = {
  'silent-copy': 'Councillor copied in without saying so',
  'personal-email': 'Sent to a councillor’s personal address',
  'letterhead-for-party-matters': 'Council branding on party or private business',
  'pre-election-publicity': 'Publicity that could favour a councillor before the election',
  'press-release-quotes': 'Quote given to the wrong person',
  'ward-councillors-not-informed': 'Ward councillors left out',
  'political-group-briefing': 'Briefing only one political group',
  'confidential-information': 'Confidential material going outside the council',
  'constituent-consent': 'Resident’s email shared without their consent',
  'official-letter-from-member': 'Councillor committing the council',
  'pressure-on-officers': 'Pressure on an officer',
  'favour-seeking': 'Asking an officer for a personal favour',
  'employment-matter-to-member': 'Employment matter raised with a councillor',
  'disciplinary-influence': 'Trying to influence a staffing matter',
  'public-criticism-of-officers': 'Criticising an officer in public',
  'legal-proceedings': 'Comment on legal proceedings',
  'out-of-hours': 'Arrives outside working hours',
  'discourteous-tone': 'Wording that could read as discourteous',
  'officer-party-work': 'Officer asked to help with party work',
  'leftover-placeholder': 'Gap for your own words not filled in',
};

/** Titles that name the person, for the rules about one recipient. */
const PERSON_TITLES: Partial<Record<RuleId, (name: string) => string>> = {
  'silent-copy': (name) => `${name} copied in without saying so`,
  'personal-email': (name) => `Sent to ${name}’s personal address`,
};

/** Publicity (a release or post in the Teams tab) is published, not sent. */
const PUBLICITY_TITLES: Partial<Record<RuleId, string>> = {
  'out-of-hours': 'Dated outside working hours',
};

/** The card's title: the rule's, naming the recipient where it is about one. */
export function problemTitle(rule: RuleId, recipient: string | undefined, draft: Draft | undefined, publicity = false): string {
  if (publicity && PUBLICITY_TITLES[rule]) return PUBLICITY_TITLES[rule]!;
  const person = PERSON_TITLES[rule];
  if (!person || !recipient) return RULE_TITLES[rule];
  const all = draft ? [...draft.to, ...draft.cc, ...draft.bcc] : [];
  const name = all.find((m) => m.email.toLowerCase() === recipient.toLowerCase())?.name;
  return person(name ?? recipient);
}

export const SEVERITY_LABELS: Record<Severity, string> = {
  error: 'Must fix',
  warning: 'Check before sending',
  info: 'Advice',
};

export const PACK_NAMES: Record<PackId, string> = {
  crawley: 'Crawley protocol',
  'tower-hamlets': 'Tower Hamlets protocol',
  'district-model': 'District council model protocol',
  'town-council': 'Town council protocol',
  'surrey-heath': 'Surrey Heath protocol',
};

export const FIELD_LABELS: Record<string, string> = {
  from: 'From',
  to: 'To',
  cc: 'Cc',
  bcc: 'Bcc',
  subject: 'Subject',
  body: 'Message',
  date: 'Send date',
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const strings = {
  /** The product's one name, everywhere. */
  panelHeading: 'Protocol Checker',
  checking: 'Checking your draft…',
  loadingPolicy: 'Getting your council’s settings and checking your draft…',
  startWriting: 'Start writing, and Protocol Checker will read your draft as you go.',
  nothingFound: 'No problems found.',
  summary(toFix: number, toReview: number, advice: number): string {
    const parts: string[] = [];
    if (toFix) parts.push(`${toFix} must fix`);
    if (toReview) parts.push(`${toReview} to check`);
    if (advice) parts.push(plural(advice, 'piece of advice', 'pieces of advice'));
    return parts.join(', ');
  },
  dismissedTail: (n: number) => `${n} dismissed`,
  groupHeading: (label: string, n: number) => `${label} (${n})`,
  jumpTo: (label: string) => `Go to ${label.toLowerCase()}`,
  why: 'Why?',
  lessDetail: 'Less detail',
  evidence: 'What was found',
  protocol: 'Protocol',
  evidenceWhen: 'When it arrives:',
  evidenceSender: 'From:',
  tryAgain: 'Try again',
  findingsLabel: 'Problems found',
  paragraph: (pack: string, paragraph: string) => `${pack}, paragraph ${paragraph}`,
  otherCouncil: "Another council’s protocol: good practice, not your council’s own text.",
  evidenceQuote: (field: string) => `In the ${field.toLowerCase()}:`,
  applyPrefix: 'Apply',
  applyName: (title: string) => `Apply: ${title}`,
  advice: 'Advice',
  aboutRule: 'About this rule',
  dismiss: 'Dismiss',
  dismissName: (title: string) => `Dismiss: ${title}`,
  dismissReason: 'Reason (optional)',
  dismissConfirm: 'Dismiss finding',
  cancel: 'Cancel',
  dismissedCount: (n: number) => `${plural(n, 'problem', 'problems')} dismissed for this draft`,
  showDismissed: 'Show dismissed',
  hideDismissed: 'Hide dismissed',
  restore: 'Restore',
  dismissedBecause: (reason: string) => `Dismissed: ${reason}`,
  applied: (title: string) => `Done: ${title}`,
  reasonLegend: 'Why are they copied in?',
  /** Usual reasons, as they finish the sentence "I have copied in Cllr … because …". */
  reasonChoices: ['it concerns their ward', 'they asked to be kept informed', 'they chair the committee that oversees this', 'it falls within their cabinet portfolio'],
  reasonOther: 'Something else',
  reasonOwnLabel: 'In your own words',
  reasonChoose: 'Choose a reason, or write your own.',
  reasonWriteOwn: 'Write the reason in your own words.',
  reasonNoBrackets: 'Write the reason itself, not a placeholder in square brackets.',
  willSay: 'Your message will say:',
  undo: 'Undo',
  undone: (title: string) => `Undone: ${title}. Anything you wrote since is still there.`,
  undoWithdrawn: 'Undo is no longer offered, because you have changed the words this fix added.',
  refused: (reason: string) => `Nothing was changed. ${reason}`,
  checkFailed: 'The check could not run on this draft. Your draft has not been changed.',
  actionFailed: 'That could not be done. Your draft has not been changed.',
  policyBroken: 'Your council’s settings could not all be read, so some council-specific checks may be off. Tell your IT team.',
  policyDetail: 'Details for the monitoring officer',
  policyNotice: (source: string, problem: string) =>
    `The council policy in ${source} could not be used, so the built-in default policy is in use. ${problem}`,
  defaultPolicy: 'Using the built-in default policy: it knows no councillors or elections.',
  councilPolicy: (name: string) => `Using ${name}'s policy.`,
  // Opened from the send-time dialog (issue 12): what stopped the email, and sending it anyway with a reason.
  stoppedHeading: 'Your email has not been sent',
  stoppedIntro: (n: number) => (n === 1 ? 'Protocol Checker stopped it because of this problem.' : `Protocol Checker stopped it because of these ${n} problems.`),
  stoppedNoneLeft: 'Nothing that stopped your email is left. Select Send when you are ready.',
  sendAnywayOpen: 'Send anyway with a reason',
  sendAnywayLegend: 'Why are you sending it anyway?',
  sendAnywayOwnWords: 'In your own words',
  sendAnywayChoose: 'Choose a reason.',
  sendAnywayWriteOwn: 'Write the reason in your own words.',
  sendAnywayConfirm: 'Send anyway',
  sendAnywayRecorded: 'Your choice is sealed into the email for your monitoring officer. Recipients cannot read it.',
  sendAnywayWordsRecorded: 'Your own words are sealed into the email too.',
  sendAnywayWordsKept: 'Your own words stay with this draft and are not added to the email.',
  sendAnywayNotAllowed: 'Your council’s settings do not allow sending with these problems. Fix them, then select Send.',
  sendAnywaySending: 'Sending…',
  sendAnywaySent: 'Sent anyway.',
  sendAnywaySendAgain: 'Select Send again: the checker will let these through.',
  sendAnywayFailed: 'That could not be done. Your email has not been sent.',
  sentAnywayBecause: (reason: string) => `${reason} (sent anyway)`,
} as const;

/** Reason codes (policy `audit.reasons`) as the user sees them; a council's own codes are shown as their words. */
export const REASON_LABELS: Record<string, string> = {
  'business-workflow': 'It is part of an agreed way of working',
  'manager-approved': 'My manager has approved it',
  urgent: 'It is urgent',
  'false-positive': 'This is a false positive: the checker is wrong here',
  other: 'Other',
};
