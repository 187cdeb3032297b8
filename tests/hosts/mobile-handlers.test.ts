/**
 * The built phone script (dist/outlook-events.js) as Outlook on iOS and Android would run it: one
 * classic script in a bare context with an `Office` that has only what a phone offers — no
 * body.setAsync, no getTypeAsync, no prependAsync — and notificationMessages with Outlook's
 * limits (150 characters, keys of 32, five on an item).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, inject, it } from 'vitest';
import { TEST_BASE_URL } from '../global-setup.ts';
import { MOBILE_EVENTS } from '../../scripts/xml-manifest.ts';

const SITE_DIR = inject('siteDir');
const script = readFileSync(join(SITE_DIR, 'outlook-events.js'), 'utf8');
const xml = readFileSync(join(SITE_DIR, 'manifest.xml'), 'utf8');

interface Person { displayName: string; emailAddress: string }
interface Shown { key: string; type: string; message: string; icon?: string; persistent?: boolean }

const ok = <T>(value: T) => ({ status: 'succeeded', value });
const failed = (message: string) => ({ status: 'failed', error: { code: 9999, message, name: 'GenericError' } });
type Cb = (r: unknown) => void;

/** A message being written on a phone: what Outlook mobile offers, and a record of every call. */
class PhoneItem {
  calls: string[] = [];
  shown = new Map<string, Shown>();
  constructor(
    public to: Person[],
    public cc: Person[],
    public bcc: Person[],
    public from: Person,
    public subject: string,
    public body: string,
    public composeType: 'newMail' | 'reply' | 'forward' = 'newMail',
    private readonly broken = false,
  ) {}

  office(): Record<string, unknown> {
    const self = this;
    const read = <T>(name: string, value: () => T) => ({
      getAsync: (a: unknown, b?: unknown) => {
        self.calls.push(`${name}.getAsync`);
        if (self.broken) throw new Error('The item is not available.');
        const cb = (typeof a === 'function' ? a : b) as Cb;
        queueMicrotask(() => cb(ok(value())));
      },
    });
    const limits = (key: string, details: Shown | undefined, cb: Cb): boolean => {
      if (key.length > 32) return queueMicrotask(() => cb(failed('The key is longer than 32 characters.'))), false;
      if (details && details.message.length > 150) return queueMicrotask(() => cb(failed('The message is longer than 150 characters.'))), false;
      if (details?.type === 'informationalMessage' && (details.icon === undefined || details.persistent === undefined)) return queueMicrotask(() => cb(failed('An informational message needs an icon and persistent.'))), false;
      return true;
    };
    const item = {
      to: read('to', () => self.to),
      cc: read('cc', () => self.cc),
      bcc: read('bcc', () => self.bcc),
      from: read('from', () => self.from),
      subject: read('subject', () => self.subject),
      // A phone's body: getAsync only, and it answers in text.
      body: {
        getAsync: (coercion: string, cb: Cb) => {
          self.calls.push(`body.getAsync:${coercion}`);
          queueMicrotask(() => cb(coercion === 'text' ? ok(self.body) : failed('Only text is available here.')));
        },
      },
      getComposeTypeAsync: (cb: Cb) => {
        self.calls.push('getComposeTypeAsync');
        queueMicrotask(() => cb(ok({ composeType: self.composeType, coercionType: 'text' })));
      },
      notificationMessages: {
        addAsync: (key: string, details: Shown, cb: Cb) => {
          self.calls.push(`notification.add:${key}`);
          if (!limits(key, details, cb)) return;
          if (self.shown.has(key)) return queueMicrotask(() => cb(failed('A notification with this key is already shown.')));
          if (self.shown.size >= 5) return queueMicrotask(() => cb(failed('There are already five notifications.')));
          self.shown.set(key, { ...details, key });
          queueMicrotask(() => cb(ok(undefined)));
        },
        replaceAsync: (key: string, details: Shown, cb: Cb) => {
          self.calls.push(`notification.replace:${key}`);
          if (!limits(key, details, cb)) return;
          if (!self.shown.has(key) && self.shown.size >= 5) return queueMicrotask(() => cb(failed('There are already five notifications.')));
          self.shown.set(key, { ...details, key });
          queueMicrotask(() => cb(ok(undefined)));
        },
        removeAsync: (key: string, cb: Cb) => {
          self.calls.push(`notification.remove:${key}`);
          if (!self.shown.delete(key)) return queueMicrotask(() => cb(failed('There is no notification with this key.')));
          queueMicrotask(() => cb(ok(undefined)));
        },
        getAllAsync: (cb: Cb) => queueMicrotask(() => cb(ok([...self.shown.values()]))),
      },
    };
    return item;
  }
}

const POLICY = {
  council: { name: 'Westmoor Borough Council', domains: ['westmoor.gov.uk'] },
  councillors: [
    { name: 'Jo Hart', email: 'jo.hart@westmoor.gov.uk', personalEmails: ['johart62@gmail.com'], ward: 'Castle' },
    { name: 'Ravi Shah', email: 'ravi.shah@westmoor.gov.uk', ward: 'Abbey' },
  ],
};
const OFFICER: Person = { displayName: 'Sam Officer', emailAddress: 'sam.officer@westmoor.gov.uk' };
const HART: Person = { displayName: 'Cllr Jo Hart', emailAddress: 'jo.hart@westmoor.gov.uk' };
/** What the script logged (diagnostics only), shown when an expectation fails. */
const logs: string[] = [];
const BODY = 'Dear Cllr Hart,\n\nThe repairs at 4 Mill Lane are booked for Monday.\n\nKind regards\nSam Officer';

/** Load the built script in a bare context with a phone's Office; returns the handlers it registered. */
function load(item: PhoneItem, fetchImpl: (url: string) => Promise<Response>) {
  const handlers = new Map<string, (event: unknown) => void>();
  const Office = {
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    CoercionType: { Html: 'html', Text: 'text' },
    MailboxEnums: { ItemNotificationMessageType: { ErrorMessage: 'errorMessage', InformationalMessage: 'informationalMessage' } },
    context: { mailbox: { item: item.office() } },
    actions: { associate: (id: string, fn: (event: unknown) => void) => handlers.set(id, fn) },
  };
  // Only what every event runtime has: no structuredClone (missing from classic Windows' JavaScript-only
  // runtime), no DOM, nothing else from a browser.
  runInNewContext(script, { Office, fetch: fetchImpl, setTimeout, clearTimeout, console: { warn: (...a: unknown[]) => logs.push(a.join(' ')), log: () => {}, error: () => {} } }, { filename: 'outlook-events.js' });
  return handlers;
}

const servePolicy = async (url: string) => (url === `${TEST_BASE_URL}policy.json` ? new Response(JSON.stringify(POLICY), { status: 200 }) : new Response('', { status: 404 }));

/** Raise one phone event and wait for event.completed; fails the test if it is not called within 5 s. */
function raise(handlers: Map<string, (event: unknown) => void>, name: string): Promise<{ completedWith: unknown[]; completions: number }> {
  return new Promise((resolve, reject) => {
    let completions = 0;
    const timer = setTimeout(() => reject(new Error(`${name} never called event.completed`)), 5000);
    handlers.get(name)!({
      type: name,
      completed: (...args: unknown[]) => {
        completions += 1;
        clearTimeout(timer);
        // Let any stray second call show itself before resolving.
        setTimeout(() => resolve({ completedWith: args, completions }), 20);
      },
    });
  });
}

describe('the built phone script', () => {
  it("registers a handler for each event the XML manifest's MobileFormFactor names, and the send check Mac runs from the same page", () => {
    const handlers = load(new PhoneItem([HART], [], [], OFFICER, 'Repairs', BODY), servePolicy);
    expect([...handlers.keys()].sort()).toEqual([...MOBILE_EVENTS.map((e) => e.handler), 'onMessageSendHandler'].sort());
    expect(xml).toContain('<LaunchEvent Type="OnMessageSend" FunctionName="onMessageSendHandler"');
    for (const e of MOBILE_EVENTS) expect(xml).toContain(`<LaunchEvent Type="${e.type}" FunctionName="${e.handler}"/>`);
  });

  it("a councillor's personal address added to To gives a notification naming the fix", async () => {
    const item = new PhoneItem([{ displayName: 'Jo Hart', emailAddress: 'johart62@gmail.com' }], [], [], OFFICER, 'Repairs at Mill Lane', BODY);
    const handlers = load(item, servePolicy);
    const { completions } = await raise(handlers, 'onMessageRecipientsChangedHandler');
    expect(completions).toBe(1);
    const shown = [...item.shown.values()];
    expect(shown, logs.join('\n')).toHaveLength(1);
    expect(shown[0]!.type).toBe('errorMessage');
    expect(shown[0]!.message).toContain('Jo Hart');
    expect(shown[0]!.message, shown[0]!.message).toMatch(/Fix: .*jo\.hart@westmoor\.gov\.uk/);
    expect(shown[0]!.message.length).toBeLessThanOrEqual(150);
  });

  it("a councillor in Bcc on a reply gives a notification", async () => {
    const item = new PhoneItem([HART], [], [{ displayName: 'Cllr Ravi Shah', emailAddress: 'ravi.shah@westmoor.gov.uk' }], OFFICER, 'RE: Repairs at Mill Lane', BODY, 'reply');
    const handlers = load(item, servePolicy);
    await raise(handlers, 'onNewMessageComposeHandler');
    const shown = [...item.shown.values()];
    expect(shown.length).toBeGreaterThanOrEqual(1);
    expect(shown[0]!.type).toBe('errorMessage');
    expect(shown[0]!.message, shown[0]!.message).toContain('Ravi Shah');
    expect(shown[0]!.message).toContain('Fix: ');
    expect(shown.every((n) => n.message.length <= 150)).toBe(true);
  });

  it('a clean draft shows nothing, and the notification from before is removed', async () => {
    const item = new PhoneItem([{ displayName: 'Jo Hart', emailAddress: 'johart62@gmail.com' }], [], [], OFFICER, 'Repairs at Mill Lane', BODY);
    const handlers = load(item, servePolicy);
    await raise(handlers, 'onMessageRecipientsChangedHandler');
    expect(item.shown.size).toBe(1);
    item.to = [HART];
    await raise(handlers, 'onMessageRecipientsChangedHandler');
    expect([...item.shown.values()]).toEqual([]);
  });

  it('replaces its notifications on each event instead of piling them up', async () => {
    const item = new PhoneItem([{ displayName: 'Jo Hart', emailAddress: 'johart62@gmail.com' }], [], [], OFFICER, 'Repairs at Mill Lane', BODY);
    const handlers = load(item, servePolicy);
    await raise(handlers, 'onNewMessageComposeHandler');
    await raise(handlers, 'onMessageRecipientsChangedHandler');
    await raise(handlers, 'onMessageFromChangedHandler');
    expect(item.shown.size).toBe(1);
    expect(item.calls.filter((c) => c.startsWith('notification.add'))).toEqual([]);
  });

  it('shows the most serious first, at most three, and counts the rest in the last one', async () => {
    const many = ['a.one', 'b.two', 'c.three', 'd.four', 'e.five'].map((n) => ({ displayName: `Cllr ${n}`, emailAddress: `${n}@gmail.com` }));
    const item = new PhoneItem([HART], [], many, OFFICER, 'Repairs at Mill Lane', BODY);
    const handlers = load(item, servePolicy);
    await raise(handlers, 'onNewMessageComposeHandler');
    const shown = [...item.shown.values()];
    expect(shown).toHaveLength(3);
    expect(shown[0]!.type).toBe('errorMessage');
    expect(shown.every((n) => n.message.length <= 150)).toBe(true);
    expect(shown[2]!.message).toMatch(/\+\d+ more: open Protocol Checker in Teams to see why\.$/);
  });

  it('changes nothing in the draft: it only reads, and reads the body as text', async () => {
    const item = new PhoneItem([{ displayName: 'Jo Hart', emailAddress: 'johart62@gmail.com' }], [], [], OFFICER, 'Repairs', BODY);
    const handlers = load(item, servePolicy);
    await raise(handlers, 'onNewMessageComposeHandler');
    const writes = item.calls.filter((c) => !/\.getAsync|^getComposeTypeAsync$|^notification\./.test(c));
    expect(writes).toEqual([]);
    expect(item.calls).toContain('body.getAsync:text');
    expect(item.to).toEqual([{ displayName: 'Jo Hart', emailAddress: 'johart62@gmail.com' }]);
    expect(item.body).toBe(BODY);
  });

  it('when the item throws, it shows nothing and still completes the event once', async () => {
    const item = new PhoneItem([HART], [], [], OFFICER, 'Repairs', BODY, 'newMail', true);
    const handlers = load(item, servePolicy);
    const { completions } = await raise(handlers, 'onMessageFromChangedHandler');
    expect(completions).toBe(1);
    expect(item.shown.size).toBe(0);
  });

  it('when the policy cannot be fetched, it checks with the embedded default and still completes', async () => {
    const item = new PhoneItem([{ displayName: 'Cllr Jo Hart', emailAddress: 'johart62@gmail.com' }], [], [], { displayName: 'Sam Officer', emailAddress: 'sam.officer@westmoor.gov.uk' }, 'Repairs', BODY);
    const handlers = load(item, async () => {
      throw new TypeError('Network request failed');
    });
    const { completions } = await raise(handlers, 'onNewMessageComposeHandler');
    expect(completions).toBe(1);
    expect([...item.shown.values()].some((n) => n.message.includes('johart62@gmail.com'))).toBe(true);
  });
});
