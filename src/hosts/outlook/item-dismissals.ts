/**
 * The dismissals for the message being written, kept on the item: in its session data where
 * Outlook has it (Mailbox 1.11: shared by the taskpane and the send-time handler for the
 * compose session, and gone with the draft), else in the item's custom properties (saved with
 * the draft). DOM-free: the send-time script reads it too.
 */
import { type Dismissal, DISMISSALS_NAME, type DismissalStore, parseDismissals, serialiseDismissals } from '../../ui/dismissals.ts';

function call<T>(invoke: (cb: (r: Office.AsyncResult<T>) => void) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    invoke((r) => (r.status === Office.AsyncResultStatus.Succeeded ? resolve(r.value) : reject(new Error(r.error?.message ?? 'Outlook reported an error.'))));
  });
}

type ItemWithStorage = Pick<Office.MessageCompose, 'loadCustomPropertiesAsync'> & { sessionData?: Office.SessionData };

export async function readItemDismissals(item: ItemWithStorage): Promise<Dismissal[]> {
  try {
    if (item.sessionData?.getAsync) {
      // A name never set is reported as an error: nothing dismissed yet.
      return parseDismissals(await call<string>((cb) => item.sessionData!.getAsync(DISMISSALS_NAME, cb)).catch(() => ''));
    }
    if (typeof item.loadCustomPropertiesAsync === 'function') {
      const props = await call<Office.CustomProperties>((cb) => item.loadCustomPropertiesAsync(cb));
      return parseDismissals(props.get(DISMISSALS_NAME));
    }
  } catch {
    /* unreadable: treat as nothing dismissed, so nothing is let through by mistake */
  }
  return [];
}

export async function writeItemDismissals(item: ItemWithStorage, list: readonly Dismissal[]): Promise<void> {
  const value = serialiseDismissals(list);
  if (item.sessionData?.setAsync) {
    await call<void>((cb) => item.sessionData!.setAsync(DISMISSALS_NAME, value, cb));
    return;
  }
  if (typeof item.loadCustomPropertiesAsync === 'function') {
    const props = await call<Office.CustomProperties>((cb) => item.loadCustomPropertiesAsync(cb));
    props.set(DISMISSALS_NAME, value);
    await call<void>((cb) => props.saveAsync(cb));
    return;
  }
  throw new Error('This version of Outlook cannot keep dismissals with the message.');
}

export function itemDismissals(item: ItemWithStorage): DismissalStore {
  return { load: () => readItemDismissals(item), save: (list) => writeItemDismissals(item, list) };
}
