/**
 * Small values kept on the message being written, shared by the taskpane and the send-time
 * handler: the item's session data where Outlook has it (Mailbox 1.11: for the compose session
 * only, gone with the draft), else its custom properties (saved with the draft). DOM-free: the
 * send-time script reads them too.
 */

function call<T>(invoke: (cb: (r: Office.AsyncResult<T>) => void) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    invoke((r) => (r.status === Office.AsyncResultStatus.Succeeded ? resolve(r.value) : reject(new Error(r.error?.message ?? 'Outlook reported an error.'))));
  });
}

export type ItemWithStorage = Pick<Office.MessageCompose, 'loadCustomPropertiesAsync'> & { sessionData?: Office.SessionData };

/** The value stored under `name`, or undefined when there is none (or it cannot be read). */
export async function readItemValue(item: ItemWithStorage, name: string): Promise<string | undefined> {
  try {
    if (item.sessionData?.getAsync) {
      // A name never set is reported as an error: nothing stored yet.
      return await call<string>((cb) => item.sessionData!.getAsync(name, cb)).catch(() => undefined);
    }
    if (typeof item.loadCustomPropertiesAsync === 'function') {
      const props = await call<Office.CustomProperties>((cb) => item.loadCustomPropertiesAsync(cb));
      const value: unknown = props.get(name);
      return typeof value === 'string' ? value : undefined;
    }
  } catch {
    /* unreadable: treat as nothing stored, so nothing is let through by mistake */
  }
  return undefined;
}

/** Store `value` under `name`; throws when this Outlook cannot keep anything with the message. */
export async function writeItemValue(item: ItemWithStorage, name: string, value: string): Promise<void> {
  if (item.sessionData?.setAsync) {
    await call<void>((cb) => item.sessionData!.setAsync(name, value, cb));
    return;
  }
  if (typeof item.loadCustomPropertiesAsync === 'function') {
    const props = await call<Office.CustomProperties>((cb) => item.loadCustomPropertiesAsync(cb));
    props.set(name, value);
    await call<void>((cb) => props.saveAsync(cb));
    return;
  }
  throw new Error('This version of Outlook cannot keep anything with the message.');
}
