/**
 * The send-time check (Smart Alerts, `messageSending`): run the engine once more when the user
 * selects Send. Errors stop the send with a short list and an offer to open the taskpane;
 * warnings are mentioned but never block; clean drafts go without a prompt. Problems the user
 * let through in the taskpane (dismissed, or sent past with a reason) do not stop it again,
 * and the send then carries the sealed `overridden` record (overrides.ts); a new problem
 * nobody let through still stops it.
 *
 * Fail open: if anything throws, the policy cannot be read or our own work takes longer than
 * the time limit, the email goes, with a notice. `event.completed` is called on every path.
 *
 * This module must stay free of DOM and React: it runs in classic Outlook's JavaScript-only
 * runtime, where there is no window, no document and no localStorage.
 */
import { check } from '../../engine/check.ts';
// The send-time script has no first-download budget, so it imports the maintained free-mail
// list statically: it must decide as the taskpane and the CLI do.
import { maintainedFreeMail } from '../../engine/free-mail-full.ts';
import type { ResolvedPolicy, SendTimeMode } from '../../engine/policy.ts';
import type { Draft, Finding, Mailbox } from '../../engine/types.ts';
import { htmlToText } from '../../engine/html-text.ts';
import { problemsOf, type Problem } from '../../ui/problems.ts';
import { problemTitle } from '../../ui/strings.ts';
import { readItemDismissals } from './item-dismissals.ts';
import { readItemOverride } from './item-override.ts';
import { needsReason } from '../../ui/override-reasons.ts';
import { type LetThrough, letThrough, overriddenRecord } from './overrides.ts';
import { stampRecord } from './override-stamp.ts';
import { stampForSend, stoppedRules } from '../../audit/stamp.ts';
import { readItemValue, writeItemValue } from './item-storage.ts';

/** Our own work's budget (contract 7): past this the email goes unchecked, with a notice. */
export const SEND_CHECK_TIME_LIMIT_MS = 3000;
/** Smart Alerts' limits. */
export const MAX_ERROR_MESSAGE = 500;
export const MAX_CANCEL_LABEL = 20;
/** The taskpane's action id in manifest.json. */
export const TASKPANE_COMMAND_ID = 'openProtocolCheck';
/** The dialog's button that opens the taskpane (20 characters at most). */
export const REVIEW_LABEL = 'Review findings';

export interface SendPolicy {
  policy: ResolvedPolicy;
  /** Set when the council's file could not be used. */
  notice?: string;
}

export interface SendCheckDeps {
  item: Office.MessageCompose;
  loadPolicy: () => Promise<SendPolicy>;
  now?: () => Date;
  timeLimitMs?: number;
  /** Diagnostics only: never the draft's content. */
  log?: (message: string) => void;
}

export interface SendDecision {
  allowEvent: boolean;
  errorMessage?: string;
  cancelLabel?: string;
  commandId?: string;
  sendModeOverride?: 'promptUser';
  /** For the taskpane that "Review findings" opens: the problems that stopped the send. */
  contextData?: string;
  /** The same words as Markdown, where Outlook supports it (Mailbox 1.15). */
  errorMessageMarkdown?: string;
}

/**
 * What the send-time dialog passes to the taskpane it opens (contextData): the keys of the
 * problems that stopped the send and their rule ids. Keys name a rule and, for the rules about
 * one recipient, that address; never the draft's words.
 */
export interface SendContext {
  stoppedBy: string[];
  rules: string[];
}

class TimeLimitReached extends Error {}

function call<T>(invoke: (cb: (r: Office.AsyncResult<T>) => void) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    invoke((r) => (r.status === Office.AsyncResultStatus.Succeeded ? resolve(r.value) : reject(new Error(r.error?.message ?? 'Outlook reported an error.'))));
  });
}

const toMailbox = (d: Office.EmailAddressDetails): Mailbox => ({ ...(d.displayName && d.displayName !== d.emailAddress ? { name: d.displayName } : {}), email: d.emailAddress });

/** Read the item into a Draft, in the JavaScript-only runtime (no DOM: htmlToText is DOM-free). */
export async function readDraft(item: Office.MessageCompose): Promise<Draft> {
  const [from, to, cc, bcc, subject, bodyType] = await Promise.all([
    item.from?.getAsync ? call<Office.EmailAddressDetails>((cb) => item.from.getAsync(cb)).then(toMailbox, () => undefined) : Promise.resolve(undefined),
    call<Office.EmailAddressDetails[]>((cb) => item.to.getAsync(cb)),
    call<Office.EmailAddressDetails[]>((cb) => item.cc.getAsync(cb)),
    call<Office.EmailAddressDetails[]>((cb) => item.bcc.getAsync(cb)),
    call<string>((cb) => item.subject.getAsync(cb)),
    call<Office.CoercionType>((cb) => item.body.getTypeAsync(cb)),
  ]);
  const html = bodyType === ('html' as Office.CoercionType);
  const body = await call<string>((cb) => item.body.getAsync((html ? 'html' : 'text') as Office.CoercionType, cb));
  return {
    ...(from ? { from } : {}),
    to: to.map(toMailbox),
    cc: cc.map(toMailbox),
    bcc: bcc.map(toMailbox),
    subject,
    body: html ? htmlToText(body).text : body,
    ...(html ? { bodyHtml: body } : {}),
  };
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

function describe(p: Problem, draft: Draft | undefined): string {
  return problemTitle(p.rule, p.recipient, draft);
}

/**
 * The words shown in Outlook's Smart Alerts dialog, at most 500 characters: each problem once,
 * by a title that says what is wrong. `markdown` bolds the titles (Mailbox 1.15).
 */
export function sendMessage(blocking: Problem[], warnings: Problem[], canSendAnyway: boolean, options: { draft?: Draft; promptUser?: boolean; markdown?: boolean; reasonNeeded?: boolean } = {}): string {
  const n = blocking.length;
  const noun = options.promptUser ? (n === 1 ? 'thing to check' : 'things to check') : n === 1 ? 'thing to fix' : 'things to fix';
  const intro = `Protocol Checker found ${n} ${noun} before sending:`;
  const tail = [
    warnings.length ? `Also check ${warnings.length === 1 ? '1 warning' : `${warnings.length} warnings`}.` : '',
    options.reasonNeeded
      ? 'Select Review findings to see why and fix it, or to send anyway with a reason.'
      : `Select Review findings to see why${options.promptUser ? '' : ' and fix it'}${canSendAnyway ? ', or send anyway' : ''}.`,
  ]
    .filter(Boolean)
    .join(' ');
  const bullet = options.markdown ? '- ' : '• ';
  const room = MAX_ERROR_MESSAGE - intro.length - tail.length - 2;
  const lines: string[] = [];
  let used = 0;
  for (const [i, p] of blocking.entries()) {
    const title = describe(p, options.draft);
    const line = `${bullet}${options.markdown ? `**${title.replace(/[*_`[\]]/g, '')}**` : title}`;
    const more = n - i - 1;
    const reserve = more ? `${bullet}and ${more} more`.length + 1 : 0;
    if (used + line.length + 1 + reserve > room) {
      lines.push(`${bullet}and ${n - i} more`);
      break;
    }
    lines.push(line);
    used += line.length + 1;
  }
  return clip(`${intro}\n${lines.join('\n')}\n${tail}`, MAX_ERROR_MESSAGE);
}

/**
 * What to tell Outlook, given the findings, the problems the user let through (dismissed in the
 * panel, or sent past with a reason in the taskpane: `dismissed`) and the council's send-time
 * mode. A problem the policy's `audit.requireReasonFor` covers takes away the dialog's own Send
 * Anyway, so that the only way past it is the taskpane, which asks for the reason.
 */
export function decide(findings: Finding[], mode: SendTimeMode, options: { dismissed?: ReadonlySet<string>; draft?: Draft; markdown?: boolean; reasonNeeded?: (p: Problem) => boolean } = {}): SendDecision {
  if (mode === 'off') return { allowEvent: true };
  // Each problem once; a problem the user let through on this draft does not stop the send.
  const problems = problemsOf(findings).filter((p) => !options.dismissed?.has(p.key));
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity === 'warning');
  // promptUser asks about warnings too; the other modes stop only for errors.
  const promptUser = mode === 'promptUser';
  const blocking = promptUser ? [...errors, ...warnings] : errors;
  if (blocking.length === 0) return { allowEvent: true };
  const reasonNeeded = mode !== 'block' && !!options.reasonNeeded && blocking.some(options.reasonNeeded);
  const canSendAnyway = mode !== 'block' && !reasonNeeded;
  const words = { ...(options.draft ? { draft: options.draft } : {}), promptUser, ...(reasonNeeded ? { reasonNeeded } : {}) };
  const context: SendContext = { stoppedBy: blocking.map((p) => p.key), rules: [...new Set(blocking.map((p) => p.rule))] };
  return {
    allowEvent: false,
    errorMessage: sendMessage(blocking, promptUser ? [] : warnings, canSendAnyway, words),
    ...(options.markdown ? { errorMessageMarkdown: sendMessage(blocking, promptUser ? [] : warnings, canSendAnyway, { ...words, markdown: true }) } : {}),
    cancelLabel: clip(REVIEW_LABEL, MAX_CANCEL_LABEL),
    commandId: TASKPANE_COMMAND_ID,
    contextData: JSON.stringify(context),
    ...(canSendAnyway ? { sendModeOverride: 'promptUser' as const } : {}),
  };
}

/** The problems that would stop a send in this mode if the user had let nothing through. */
function wouldBlock(p: Problem, mode: SendTimeMode): boolean {
  return p.severity === 'error' || (mode === 'promptUser' && p.severity === 'warning');
}

/**
 * Set, replace or remove the sealed record for this send (contract 8). A send that goes because
 * the user let problems through carries `overridden`; a stopped send that the dialog lets the
 * user send anyway carries `sent-anyway` naming everything they would send past; otherwise any
 * earlier record is taken away. Best effort: never changes the decision.
 */
async function stampDecision(item: Office.MessageCompose, policy: ResolvedPolicy, findings: Finding[], outcome: SendDecision, passed: Map<string, LetThrough>, now: Date, log: (m: string) => void): Promise<void> {
  const mode = policy.sendTime.mode;
  const problems = problemsOf(findings);
  const sentPast = problems.filter((p) => passed.has(p.key) && wouldBlock(p, mode));
  if (outcome.allowEvent && sentPast.length) {
    try {
      await stampRecord(item, policy, overriddenRecord(sentPast.map((p) => passed.get(p.key)!), policy, now));
    } catch (error) {
      log(`The override record could not be written: ${error instanceof Error ? error.message : String(error)}`);
    }
    return;
  }
  const context = outcome.contextData ? (JSON.parse(outcome.contextData) as SendContext) : undefined;
  const stamped = context ? { ...outcome, contextData: JSON.stringify({ ...context, stoppedBy: [...context.stoppedBy, ...sentPast.map((p) => p.key)] }) } : outcome;
  // The rules that stopped an earlier send of this draft, kept with the item; those the check no
  // longer finds at a severity that stops a send were fixed (one that still would was not).
  const stoppedBefore = outcome.allowEvent ? await readStoppedRules(item) : [];
  const stillFound = new Set(problems.filter((p) => wouldBlock(p, mode)).map((p) => p.rule as string));
  const fixedRules = stoppedBefore.filter((rule) => !stillFound.has(rule));
  const result = await stampForSend(item, policy, findings, stamped, { now, canSendAnyway: outcome.sendModeOverride === 'promptUser', log, fixedRules });
  if (result.action === 'stamped' && !outcome.allowEvent && context) {
    await writeItemValue(item, STOPPED_RULES, JSON.stringify(stoppedRules(findings, JSON.parse(stamped.contextData!).stoppedBy))).catch(() => {});
  }
}

/** Where the send handler keeps the rule ids that stopped a send of this draft (never its words). */
const STOPPED_RULES = 'protocolChecker.stoppedRules';

async function readStoppedRules(item: Office.MessageCompose): Promise<string[]> {
  try {
    const value = JSON.parse((await readItemValue(item, STOPPED_RULES)) ?? '[]') as unknown;
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

/** Whether this Outlook shows Markdown in the Smart Alerts dialog (errorMessageMarkdown, Mailbox 1.15). */
function supportsMarkdown(): boolean {
  try {
    return Office.context?.requirements?.isSetSupported?.('Mailbox', '1.15') === true;
  } catch {
    return false;
  }
}

async function withTimeLimit<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeLimitReached()), ms);
  });
  try {
    return await Promise.race([work, limit]);
  } finally {
    if (timer) clearTimeout(timer);
  }
}

/** Best effort: tell the user the email went unchecked. Never throws, never waits long. */
async function notifyUnchecked(item: Office.MessageCompose | undefined, reason: string): Promise<void> {
  try {
    const messages = item?.notificationMessages;
    if (!messages?.addAsync) return;
    await withTimeLimit(
      call<void>((cb) =>
        messages.addAsync(
          'protocolCheckUnchecked',
          { type: 'informationalMessage' as Office.MailboxEnums.ItemNotificationMessageType, message: clip(`Protocol Checker could not check this email (${reason}), so it was sent without a check.`, 150), icon: 'Icon.16x16', persistent: false },
          cb,
        ),
      ),
      300,
    );
  } catch {
    /* the notice is a courtesy; the email must still go */
  }
}

/**
 * Decide about one send. Resolves with what was passed to `event.completed` (for tests).
 * Always calls `event.completed` exactly once.
 */
export async function handleMessageSend(event: Pick<Office.AddinCommands.Event, 'completed'>, deps: SendCheckDeps): Promise<SendDecision> {
  const log = deps.log ?? (() => {});
  let decision: SendDecision;
  let item: Office.MessageCompose | undefined;
  try {
    item = deps.item;
    decision = await withTimeLimit(
      (async () => {
        const [{ policy, notice }, draft] = await Promise.all([deps.loadPolicy(), readDraft(deps.item)]);
        if (notice) log(`Policy notice: ${notice}`);
        if (policy.sendTime.mode === 'off') return { allowEvent: true };
        // The moment of sending is now: this runs as the user presses Send.
        const now = deps.now?.() ?? new Date();
        const findings = check(draft, policy, { now, freeMail: maintainedFreeMail });
        // What the user let through in the taskpane for this draft (dismissed, or sent past with a reason), kept on the item.
        const [dismissals, override] = await Promise.all([readItemDismissals(deps.item), readItemOverride(deps.item)]);
        const passed = letThrough(problemsOf(findings), dismissals, override, policy);
        const outcome = decide(findings, policy.sendTime.mode, { dismissed: new Set(passed.keys()), draft, markdown: supportsMarkdown(), reasonNeeded: (p) => needsReason(policy.audit, p.rule, p.severity) });
        // The sealed override record (contract 8), set before the send stops so that Send Anyway carries it.
        await stampDecision(deps.item, policy, findings, outcome, passed, now, log);
        return outcome;
      })(),
      deps.timeLimitMs ?? SEND_CHECK_TIME_LIMIT_MS,
    );
  } catch (error) {
    const reason = error instanceof TimeLimitReached ? 'it took too long' : 'something went wrong';
    log(`Send check failed open: ${error instanceof Error ? error.message : String(error)}`);
    await notifyUnchecked(item, reason);
    decision = { allowEvent: true };
  }
  try {
    event.completed(decision as Office.SmartAlertsEventCompletedOptions);
  } catch (error) {
    log(`event.completed threw: ${String(error)}`);
    event.completed({ allowEvent: true });
  }
  return decision;
}
