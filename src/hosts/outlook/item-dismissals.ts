/**
 * The dismissals for the message being written, kept on the item (item-storage.ts): shared by
 * the taskpane and the send-time handler, and never following the user to another draft.
 * DOM-free: the send-time script reads it too.
 */
import { type Dismissal, DISMISSALS_NAME, type DismissalStore, parseDismissals, serialiseDismissals } from '../../ui/dismissals.ts';
import { type ItemWithStorage, readItemValue, writeItemValue } from './item-storage.ts';

export async function readItemDismissals(item: ItemWithStorage): Promise<Dismissal[]> {
  return parseDismissals(await readItemValue(item, DISMISSALS_NAME));
}

export async function writeItemDismissals(item: ItemWithStorage, list: readonly Dismissal[]): Promise<void> {
  await writeItemValue(item, DISMISSALS_NAME, serialiseDismissals(list));
}

export function itemDismissals(item: ItemWithStorage): DismissalStore {
  return { load: () => readItemDismissals(item), save: (list) => writeItemDismissals(item, list) };
}
