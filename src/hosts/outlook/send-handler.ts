/**
 * The send-time check (Smart Alerts, `messageSending`): run the engine once more when the user
 * selects Send. Errors stop the send with a short list and an offer to open the taskpane;
 * warnings are mentioned but never block; clean drafts go without a prompt.
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
import { RULE_TITLES } from '../../ui/strings.ts';

/** Our own work's budget (contract 7): past this the email goes unchecked, with a notice. */
export const SEND_CHECK_TIME_LIMIT_MS = 3000;
/** Smart Alerts' limits. */
export const MAX_ERROR_MESSAGE = 500;
export const MAX_CANCEL_LABEL = 20;
/** The taskpane's action id in manifest.json. */
export const TASKPANE_COMMAND_ID = 'openProtocolCheck';

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

function describe(f: Finding): string {
  const who = f.evidence.recipient ? ` (${f.evidence.recipient})` : '';
  return `${RULE_TITLES[f.rule]}${who}`;
}

/** The words shown in Outlook's Smart Alerts dialog: at most 500 characters. */
export function sendMessage(blocking: Finding[], warnings: Finding[], canSendAnyway: boolean): string {
  const intro = blocking.length === 1 ? 'Protocol Checker found 1 thing to fix before sending:' : `Protocol Checker found ${blocking.length} things to fix before sending:`;
  const tail = [
    warnings.length ? `Also check ${warnings.length === 1 ? '1 warning' : `${warnings.length} warnings`}.` : '',
    `Select Open checker to see why and fix it${canSendAnyway ? ', or send anyway' : ''}.`,
  ]
    .filter(Boolean)
    .join(' ');
  const room = MAX_ERROR_MESSAGE - intro.length - tail.length - 2;
  const lines: string[] = [];
  let used = 0;
  for (const [i, f] of blocking.entries()) {
    const line = `• ${describe(f)}`;
    const more = blocking.length - i - 1;
    const reserve = more ? ` • and ${more} more`.length : 0;
    if (used + line.length + 1 + reserve > room) {
      lines.push(`• and ${blocking.length - i} more`);
      break;
    }
    lines.push(line);
    used += line.length + 1;
  }
  return clip(`${intro}\n${lines.join('\n')}\n${tail}`, MAX_ERROR_MESSAGE);
}

/** What to tell Outlook, given the findings and the council's send-time mode. */
export function decide(findings: Finding[], mode: SendTimeMode): SendDecision {
  if (mode === 'off') return { allowEvent: true };
  const errors = findings.filter((f) => f.severity === 'error');
  const warnings = findings.filter((f) => f.severity === 'warning');
  // promptUser asks about warnings too; the other modes stop only for errors.
  const blocking = mode === 'promptUser' ? [...errors, ...warnings] : errors;
  if (blocking.length === 0) return { allowEvent: true };
  const canSendAnyway = mode !== 'block';
  return {
    allowEvent: false,
    errorMessage: sendMessage(blocking, mode === 'promptUser' ? [] : warnings, canSendAnyway),
    cancelLabel: clip('Open checker', MAX_CANCEL_LABEL),
    commandId: TASKPANE_COMMAND_ID,
    ...(canSendAnyway ? { sendModeOverride: 'promptUser' as const } : {}),
  };
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
        const findings = check(draft, policy, { now: deps.now?.() ?? new Date(), freeMail: maintainedFreeMail });
        return decide(findings, policy.sendTime.mode);
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
