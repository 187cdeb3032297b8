/**
 * A faithful double of the parts of office-js the add-in uses, typed against @types/office-js:
 * callbacks with AsyncResult, the enums, a compose item with recipients, subject, body
 * (HTML or text), delayed delivery and the RecipientsChanged event, and an `event` for
 * Smart Alerts. office-addin-mock has no getAsync callbacks or enums, hence this.
 *
 * Like Outlook, `body.setAsync` with HTML does not store the string as given: it rewrites the
 * markup a little on every call (see `outlookMarkupDrift`).
 */

type Callback<T> = (result: Office.AsyncResult<T>) => void;

export interface FakeRecipient {
  displayName: string;
  emailAddress: string;
}

function succeeded<T>(value: T): Office.AsyncResult<T> {
  return { status: 'succeeded' as unknown as Office.AsyncResultStatus, value, asyncContext: undefined, diagnostics: undefined } as unknown as Office.AsyncResult<T>;
}

function failed<T>(message: string): Office.AsyncResult<T> {
  return {
    status: 'failed' as unknown as Office.AsyncResultStatus,
    value: undefined,
    error: { code: 9999, message, name: 'GenericError' },
    asyncContext: undefined,
    diagnostics: undefined,
  } as unknown as Office.AsyncResult<T>;
}

/** The enums and the bits of the `Office` namespace the add-in touches, with office-js's values. */
export function officeNamespace(item: unknown, extra: Record<string, unknown> = {}): typeof Office {
  const mailboxHandlers = new Map<string, (args: unknown) => void>();
  const ns = {
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    CoercionType: { Html: 'html', Text: 'text' },
    EventType: { RecipientsChanged: 'olkRecipientsChanged', ItemChanged: 'olkItemSelectedChanged', OfficeThemeChanged: 'officeThemeChanged' },
    HostType: { Outlook: 'Outlook' },
    MailboxEnums: { ComposeType: { NewMail: 'newMail', Reply: 'reply', Forward: 'forward' } },
    context: {
      mailbox: {
        item,
        // Mailbox events (OfficeThemeChanged, Mailbox 1.14): the test fires them with `fireMailboxEvent`.
        addHandlerAsync: (eventType: string, handler: (args: unknown) => void, cb?: Callback<void>) => {
          mailboxHandlers.set(eventType, handler);
          queueMicrotask(() => cb?.(succeeded(undefined)));
        },
      },
      officeTheme: { bodyBackgroundColor: '#ffffff' } as Record<string, string>,
      diagnostics: { platform: 'OfficeOnline' },
    },
    /** Test only: raise a mailbox event as Outlook would (for OfficeThemeChanged, also updates `context.officeTheme`). */
    fireMailboxEvent: (eventType: string, args: Record<string, unknown>) => {
      if (eventType === 'officeThemeChanged' && args.officeTheme) ns.context.officeTheme = args.officeTheme as Record<string, string>;
      mailboxHandlers.get(eventType)?.({ type: eventType, ...args });
    },
    onReady: (cb?: (info: { host: string; platform: string }) => void) => {
      const info = { host: 'Outlook', platform: 'OfficeOnline' };
      cb?.(info);
      return Promise.resolve(info);
    },
    actions: { associate: () => {} },
    ...extra,
  };
  return ns as unknown as typeof Office;
}

/**
 * What Outlook does to HTML on setAsync, reduced to its visible habits: paragraphs gain the
 * MsoNormal class, the document is wrapped in html/body once, and runs of two spaces gain a
 * non-breaking space. Applied on every call, as Outlook does.
 */
export function outlookMarkupDrift(html: string): string {
  let out = html.replace(/<p(?![^>]*\bclass=)(\s[^>]*)?>/gi, (_m, attrs: string | undefined) => `<p class="MsoNormal"${attrs ?? ''}>`);
  out = out.replace(/ {2}/g, ' &nbsp;');
  if (!/^\s*<html/i.test(out)) out = `<html><head><meta charset="utf-8"></head><body><div class="WordSection1">${out}</div></body></html>`;
  return out;
}

class FakeRecipients {
  constructor(private list: FakeRecipient[], private readonly onChange: () => void) {}
  getAsync(cb: Callback<Office.EmailAddressDetails[]>): void;
  getAsync(options: Office.AsyncContextOptions, cb: Callback<Office.EmailAddressDetails[]>): void;
  getAsync(a: unknown, b?: unknown): void {
    const cb = (typeof a === 'function' ? a : b) as Callback<Office.EmailAddressDetails[]>;
    const value = this.list.map((r) => ({ ...r, recipientType: 'other' }) as unknown as Office.EmailAddressDetails);
    queueMicrotask(() => cb(succeeded(value)));
  }
  setAsync(recipients: (string | Office.EmailUser | Office.EmailAddressDetails)[], cb?: Callback<void>): void {
    this.list = recipients.map((r) => (typeof r === 'string' ? { displayName: r, emailAddress: r } : { displayName: r.displayName, emailAddress: 'emailAddress' in r ? r.emailAddress : '' }));
    this.onChange();
    queueMicrotask(() => cb?.(succeeded(undefined)));
  }
  addAsync(recipients: (string | Office.EmailUser | Office.EmailAddressDetails)[], cb?: Callback<void>): void {
    this.setAsync([...this.list, ...recipients.map((r) => (typeof r === 'string' ? { displayName: r, emailAddress: r } : (r as FakeRecipient)))], cb);
  }
  get value(): FakeRecipient[] {
    return this.list;
  }
}

export interface FakeItemOptions {
  from?: FakeRecipient;
  to?: FakeRecipient[];
  cc?: FakeRecipient[];
  bcc?: FakeRecipient[];
  subject?: string;
  body: string;
  bodyType?: 'html' | 'text';
  composeType?: 'newMail' | 'reply' | 'forward';
  /** Milliseconds before body.getAsync answers (a slow item). */
  bodyDelayMs?: number;
  /** Make every call throw (a broken item). */
  throwOnRead?: boolean;
  /**
   * The item's session data (Mailbox 1.11), as Outlook keeps it for the compose session: pass
   * what an earlier pane stored to open the pane again on the same draft. `false`: a client
   * without session data (the add-in then uses custom properties).
   */
  sessionData?: Record<string, string> | false;
  /** The item's custom properties, as saved with the draft. */
  customProperties?: Record<string, string>;
  /** The `contextData` a Smart Alerts dialog passed when it opened the taskpane (Mailbox 1.8's getInitializationContextAsync). */
  initializationContext?: string;
  /**
   * The item's internet headers (Mailbox 1.8), as set so far: pass `{}` for an Outlook that has
   * them. Absent: an older client without `item.internetHeaders`.
   */
  internetHeaders?: Record<string, string>;
  /** Whether the item can be sent from an add-in (`item.sendAsync`, Mailbox 1.15). */
  sendAsync?: boolean;
}

/** A message being composed. Only what the add-in uses is implemented; the rest is absent, as on older clients. */
export class FakeComposeItem {
  readonly to: FakeRecipients;
  readonly cc: FakeRecipients;
  readonly bcc: FakeRecipients;
  bodyValue: string;
  bodyType: 'html' | 'text';
  subjectValue: string;
  deliverAt?: Date;
  setBodyCalls = 0;
  /** What is in the item's session data and saved custom properties now (tests read these). */
  sessionValues: Record<string, string>;
  customValues: Record<string, string>;
  readonly sessionData?: Office.SessionData;
  /** The internet headers set on the item so far (tests read these), when it has them. */
  internetHeaderValues: Record<string, string> | undefined;
  /** How many times the add-in sent the item with sendAsync. */
  sendCalls = 0;
  private readonly handlers = new Map<string, () => void>();

  constructor(private readonly options: FakeItemOptions) {
    const changed = () => this.handlers.get('olkRecipientsChanged')?.();
    this.to = new FakeRecipients(options.to ?? [], changed);
    this.cc = new FakeRecipients(options.cc ?? [], changed);
    this.bcc = new FakeRecipients(options.bcc ?? [], changed);
    this.bodyValue = options.body;
    this.bodyType = options.bodyType ?? 'html';
    this.subjectValue = options.subject ?? '';
    this.sessionValues = { ...(options.sessionData || {}) };
    this.customValues = { ...(options.customProperties ?? {}) };
    this.internetHeaderValues = options.internetHeaders ? { ...options.internetHeaders } : undefined;
    // Defined on the instance only where the client has them, so that `typeof item.x` tells, as
    // in Outlook (and a test's subclass may define its own).
    if (options.internetHeaders) {
      const headers = () => this.internetHeaderValues!;
      const callbackOf = (a: unknown, b: unknown) => (typeof a === 'function' ? a : b) as Callback<unknown> | undefined;
      Object.defineProperty(this, 'internetHeaders', {
        configurable: true,
        enumerable: true,
        writable: true,
        value: {
          getAsync: (names: string[], a?: unknown, b?: unknown) => {
            const found = Object.fromEntries(names.filter((n) => n in headers()).map((n) => [n, headers()[n]!]));
            queueMicrotask(() => callbackOf(a, b)?.(succeeded(found)));
          },
          setAsync: (values: Record<string, string>, a?: unknown, b?: unknown) => {
            Object.assign(headers(), values);
            queueMicrotask(() => callbackOf(a, b)?.(succeeded(undefined)));
          },
          removeAsync: (names: string[], a?: unknown, b?: unknown) => {
            for (const n of names) delete headers()[n];
            queueMicrotask(() => callbackOf(a, b)?.(succeeded(undefined)));
          },
        },
      });
    }
    if (options.sendAsync) {
      Object.defineProperty(this, 'sendAsync', {
        configurable: true,
        enumerable: true,
        writable: true,
        value: (a?: unknown, b?: unknown) => {
          this.sendCalls += 1;
          queueMicrotask(() => ((typeof a === 'function' ? a : b) as Callback<void> | undefined)?.(succeeded(undefined)));
        },
      });
    }
    if (options.sessionData !== false) {
      const values = () => this.sessionValues;
      this.sessionData = {
        getAsync: (name: string, cb: Callback<string>) => {
          this.guard();
          // Outlook reports a name that was never set as an error.
          queueMicrotask(() => cb(name in values() ? succeeded(values()[name]!) : failed(`No session data named ${name}.`)));
        },
        setAsync: (name: string, value: string, a?: unknown, b?: unknown) => {
          const cb = (typeof a === 'function' ? a : b) as Callback<void> | undefined;
          // Outlook's limit: 50,000 characters for all of an item's session data.
          const size = Object.entries({ ...values(), [name]: value }).reduce((n, [k, v]) => n + k.length + v.length, 0);
          if (size > 50_000) {
            queueMicrotask(() => cb?.(failed('DataExceedsMaximumSize')));
            return;
          }
          values()[name] = value;
          queueMicrotask(() => cb?.(succeeded(undefined)));
        },
        getAllAsync: (cb: Callback<object>) => queueMicrotask(() => cb(succeeded({ ...values() }))),
        removeAsync: (name: string, a?: unknown, b?: unknown) => {
          delete values()[name];
          const cb = (typeof a === 'function' ? a : b) as Callback<void> | undefined;
          queueMicrotask(() => cb?.(succeeded(undefined)));
        },
        clearAsync: (a?: unknown, b?: unknown) => {
          for (const k of Object.keys(values())) delete values()[k];
          const cb = (typeof a === 'function' ? a : b) as Callback<void> | undefined;
          queueMicrotask(() => cb?.(succeeded(undefined)));
        },
      } as unknown as Office.SessionData;
    }
  }

  /** What opened the taskpane passed to it; Outlook reports an error when nothing did. */
  getInitializationContextAsync(cb: Callback<string>): void {
    const value = this.options.initializationContext;
    queueMicrotask(() => cb(value === undefined ? failed('No initialization context.') : succeeded(value)));
  }

  /** Custom properties: a loaded copy; `saveAsync` writes it back to the item. */
  loadCustomPropertiesAsync(cb: Callback<Office.CustomProperties>): void {
    this.guard();
    const copy: Record<string, string> = { ...this.customValues };
    const props = {
      get: (name: string) => copy[name],
      set: (name: string, value: string) => {
        copy[name] = value;
      },
      remove: (name: string) => {
        delete copy[name];
      },
      getAll: () => ({ ...copy }),
      saveAsync: (a?: unknown, b?: unknown) => {
        const done = (typeof a === 'function' ? a : b) as Callback<void> | undefined;
        this.customValues = { ...copy };
        queueMicrotask(() => done?.(succeeded(undefined)));
      },
    };
    queueMicrotask(() => cb(succeeded(props as unknown as Office.CustomProperties)));
  }

  private guard(): void {
    if (this.options.throwOnRead) throw new Error('The item is not available.');
  }

  readonly from = {
    getAsync: (cb: Callback<Office.EmailAddressDetails>) => {
      this.guard();
      const f = this.options.from ?? { displayName: 'Sam Officer', emailAddress: 'sam.officer@westmoor.gov.uk' };
      queueMicrotask(() => cb(succeeded(f as unknown as Office.EmailAddressDetails)));
    },
  };

  readonly subject = {
    getAsync: (cb: Callback<string>) => {
      this.guard();
      queueMicrotask(() => cb(succeeded(this.subjectValue)));
    },
    setAsync: (value: string, cb?: Callback<void>) => {
      this.subjectValue = value;
      queueMicrotask(() => cb?.(succeeded(undefined)));
    },
  };

  readonly body = {
    getTypeAsync: (cb: Callback<Office.CoercionType>) => {
      this.guard();
      queueMicrotask(() => cb(succeeded(this.bodyType as Office.CoercionType)));
    },
    getAsync: (coercion: Office.CoercionType, cb: Callback<string>) => {
      this.guard();
      const answer = () => {
        if (coercion === ('html' as Office.CoercionType) && this.bodyType === 'text') cb(failed('The body is plain text.'));
        else cb(succeeded(this.bodyValue));
      };
      if (this.options.bodyDelayMs) setTimeout(answer, this.options.bodyDelayMs);
      else queueMicrotask(answer);
    },
    setAsync: (data: string, options: Office.AsyncContextOptions & { coercionType?: Office.CoercionType }, cb?: Callback<void>) => {
      this.setBodyCalls += 1;
      if (data.length > 1_000_000) {
        queueMicrotask(() => cb?.(failed('DataExceedsMaximumSize')));
        return;
      }
      if (options.coercionType === ('html' as Office.CoercionType)) {
        if (this.bodyType === 'text') {
          queueMicrotask(() => cb?.(failed('Cannot write HTML into a plain-text body.')));
          return;
        }
        this.bodyValue = outlookMarkupDrift(data);
      } else this.bodyValue = data;
      queueMicrotask(() => cb?.(succeeded(undefined)));
    },
  };

  readonly delayDeliveryTime = {
    getAsync: (cb: Callback<Date | 0>) => queueMicrotask(() => cb(succeeded(this.deliverAt ?? 0))),
    setAsync: (at: Date, cb?: Callback<void>) => {
      this.deliverAt = at;
      queueMicrotask(() => cb?.(succeeded(undefined)));
    },
  };

  getComposeTypeAsync(cb: Callback<{ composeType: string; coercionType: string }>): void {
    queueMicrotask(() => cb(succeeded({ composeType: this.options.composeType ?? 'newMail', coercionType: this.bodyType })));
  }

  addHandlerAsync(eventType: string, handler: () => void, cb?: Callback<void>): void {
    this.handlers.set(eventType, handler);
    queueMicrotask(() => cb?.(succeeded(undefined)));
  }

  removeHandlerAsync(eventType: string, cb?: Callback<void>): void {
    this.handlers.delete(eventType);
    queueMicrotask(() => cb?.(succeeded(undefined)));
  }

  /** The test's view of the item. */
  asCompose(): Office.MessageCompose {
    return this as unknown as Office.MessageCompose;
  }
}

/** Install the double as the global `Office`, as office.js would; returns a function that removes it. */
export function installOffice(item: FakeComposeItem | undefined, extra: Record<string, unknown> = {}): () => void {
  const g = globalThis as { Office?: unknown };
  const before = g.Office;
  g.Office = officeNamespace(item, extra);
  return () => {
    g.Office = before;
  };
}
