/**
 * The check on a phone (Outlook on iOS and Android, add-in-only XML manifest). Phones have no
 * compose taskpane and no send event, so the add-in runs on the events they do raise — a new
 * message, recipients changed, From changed — and shows what the engine found as compose
 * notifications above the draft.
 *
 * What the phone gives: recipients, From, subject and the body as text. `body.getTypeAsync`,
 * `body.setAsync` and `prependAsync` do not exist there, and nothing here would use them anyway:
 * this check reads, it never stamps or changes the draft. Fixing happens in the Teams tab.
 *
 * Every path ends with `event.completed()` exactly once, well inside the 60 s Outlook allows.
 * This module must stay free of DOM and React, like the send-time handler.
 */
import { check } from '../../engine/check.ts';
import { maintainedFreeMail } from '../../engine/free-mail-full.ts';
import type { ResolvedPolicy } from '../../engine/policy.ts';
import { type Draft, type Finding, type Mailbox, SEVERITY_ORDER } from '../../engine/types.ts';

/** Outlook's limit on a notification's text. */
export const MAX_NOTIFICATION = 150;
/**
 * Our notification keys, most serious first. Outlook shows at most five notifications on an
 * item, and other add-ins and Outlook itself share them, so we use three.
 */
export const NOTIFICATION_KEYS = ['protocolCheck1', 'protocolCheck2', 'protocolCheck3'] as const;
/** Our own budget: far inside the 60 s a phone gives an event handler. */
export const MOBILE_TIME_LIMIT_MS = 20_000;
/** Where the user goes to see why and fix it. */
export const TEAMS_HINT = 'open Protocol Checker in Teams to see why';

export interface MobileNotification {
  key: (typeof NOTIFICATION_KEYS)[number];
  type: 'errorMessage' | 'informationalMessage';
  message: string;
}

export interface MobileCheckDeps {
  item: Office.MessageCompose;
  loadPolicy: () => Promise<{ policy: ResolvedPolicy; notice?: string }>;
  now?: () => Date;
  timeLimitMs?: number;
  /** Diagnostics only: never the draft's content. */
  log?: (message: string) => void;
}

class TimeLimitReached extends Error {}

function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/(?<![\s,;:.–-])[\s,;:.–-]+$/, '')}…`;
}

/** The fix the engine offers, in its own words (the first suggestion that changes something). */
function fixOf(f: Finding): string | undefined {
  return f.suggestions.find((s) => s.edits.length > 0)?.title;
}

function sentence(text: string): string {
  const t = text.trim();
  return /[.!?…]$/.test(t) ? t : `${t}.`;
}

/**
 * The notifications for these findings: errors, then warnings (advice is left to the Teams
 * tab), each within Outlook's 150 characters. The last one counts the findings not shown.
 */
export function notificationsFor(findings: Finding[]): MobileNotification[] {
  const serious = findings
    .filter((f) => f.severity !== 'info')
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.i - b.i)
    .map(({ f }) => f);
  const shown = serious.slice(0, NOTIFICATION_KEYS.length);
  const rest = serious.length - shown.length;
  return shown.map((f, i) => {
    const fix = fixOf(f);
    let tail = '';
    if (i === shown.length - 1 && rest > 0) tail = `+${rest} more: ${TEAMS_HINT}.`;
    else if (!fix) tail = `${TEAMS_HINT[0]!.toUpperCase()}${TEAMS_HINT.slice(1)}.`;
    const room = MAX_NOTIFICATION - (tail ? tail.length + 1 : 0);
    const message = tail ? `${compose(f.message, fix, room)} ${tail}` : compose(f.message, fix, MAX_NOTIFICATION);
    return { key: NOTIFICATION_KEYS[i]!, type: f.severity === 'error' ? 'errorMessage' : 'informationalMessage', message };
  });
}

/** The engine's first sentence, then its fix: when both do not fit, the what is shortened and the fix kept. */
function compose(message: string, fix: string | undefined, room: number): string {
  const lead = sentence(/^.*?[.!?](?=\s|$)/.exec(message.trim())?.[0] ?? message);
  if (!fix) return clip(lead, room);
  const fixText = `Fix: ${sentence(fix)}`;
  if (lead.length + 1 + fixText.length <= room) return `${lead} ${fixText}`;
  const leadRoom = room - fixText.length - 1;
  if (leadRoom >= 40) return `${clip(lead, leadRoom)} ${fixText}`;
  return clip(`${lead} ${fixText}`, room);
}

function call<T>(invoke: (cb: (r: Office.AsyncResult<T>) => void) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    try {
      invoke((r) => (r.status === Office.AsyncResultStatus.Succeeded ? resolve(r.value) : reject(new Error(r.error?.message ?? 'Outlook reported an error.'))));
    } catch (error) {
      reject(error);
    }
  });
}

const toMailbox = (d: Office.EmailAddressDetails): Mailbox => ({ ...(d.displayName && d.displayName !== d.emailAddress ? { name: d.displayName } : {}), email: d.emailAddress });

/** Read what a phone gives into a Draft: the body as text, since a phone cannot say its type. */
export async function readMobileDraft(item: Office.MessageCompose): Promise<Draft> {
  const optional = <T>(read: (() => Promise<T>) | undefined): Promise<T | undefined> => (read ? read().catch(() => undefined) : Promise.resolve(undefined));
  const [from, to, cc, bcc, subject, body, composeType] = await Promise.all([
    optional(item.from?.getAsync ? () => call<Office.EmailAddressDetails>((cb) => item.from.getAsync(cb)) : undefined),
    call<Office.EmailAddressDetails[]>((cb) => item.to.getAsync(cb)),
    call<Office.EmailAddressDetails[]>((cb) => item.cc.getAsync(cb)),
    optional(item.bcc?.getAsync ? () => call<Office.EmailAddressDetails[]>((cb) => item.bcc.getAsync(cb)) : undefined),
    call<string>((cb) => item.subject.getAsync(cb)),
    call<string>((cb) => item.body.getAsync('text' as Office.CoercionType, cb)),
    optional(item.getComposeTypeAsync ? () => call<{ composeType: string }>((cb) => item.getComposeTypeAsync(cb)) : undefined),
  ]);
  const kind = composeType?.composeType;
  return {
    ...(from ? { from: toMailbox(from) } : {}),
    to: to.map(toMailbox),
    cc: cc.map(toMailbox),
    bcc: (bcc ?? []).map(toMailbox),
    subject,
    body,
    ...(kind ? { composeType: kind === 'reply' || kind === 'forward' ? kind : 'new' } : {}),
  };
}

type NotificationMessages = Office.NotificationMessages;

/** Show these notifications under our keys, replacing what we showed before and removing the rest. */
async function showNotifications(messages: NotificationMessages, wanted: MobileNotification[]): Promise<void> {
  await Promise.all(
    NOTIFICATION_KEYS.map((key) => {
      const n = wanted.find((w) => w.key === key);
      if (!n) {
        // Removing a key we never showed fails; that is fine.
        return call<void>((cb) => messages.removeAsync(key, cb)).catch(() => undefined);
      }
      const details =
        n.type === 'errorMessage'
          ? { type: 'errorMessage' as Office.MailboxEnums.ItemNotificationMessageType, message: n.message }
          : { type: 'informationalMessage' as Office.MailboxEnums.ItemNotificationMessageType, message: n.message, icon: 'Icon.16x16', persistent: false };
      // replaceAsync adds the notification when the key is not shown yet.
      return call<void>((cb) => messages.replaceAsync(key, details, cb));
    }),
  );
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

/**
 * Check the draft on a phone event and show the findings as notifications. Resolves with the
 * notifications shown (for tests). Calls `event.completed()` exactly once, whatever happens;
 * on any failure it shows nothing new and leaves the draft alone.
 */
export async function handleMobileEvent(event: { completed: (options?: unknown) => void }, deps: MobileCheckDeps): Promise<MobileNotification[]> {
  const log = deps.log ?? (() => {});
  let shown: MobileNotification[] = [];
  try {
    shown = await withTimeLimit(
      (async () => {
        const [{ policy, notice }, draft] = await Promise.all([deps.loadPolicy(), readMobileDraft(deps.item)]);
        if (notice) log(`Policy notice: ${notice}`);
        const findings = check(draft, policy, { now: deps.now?.() ?? new Date(), freeMail: maintainedFreeMail });
        const wanted = notificationsFor(findings);
        await showNotifications(deps.item.notificationMessages, wanted);
        return wanted;
      })(),
      deps.timeLimitMs ?? MOBILE_TIME_LIMIT_MS,
    );
  } catch (error) {
    log(`Mobile check stopped: ${error instanceof TimeLimitReached ? 'it took too long' : error instanceof Error ? error.message : String(error)}`);
    shown = [];
  }
  try {
    event.completed();
  } catch (error) {
    log(`event.completed threw: ${String(error)}`);
  }
  return shown;
}
