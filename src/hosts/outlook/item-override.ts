/**
 * The taskpane's "Send anyway with a reason", kept on the item (item-storage.ts) for the
 * send-time handler's next run: which problems it covers (their keys) and the reason code,
 * with the user's own words when the reason is "other". DOM-free: the send-time script reads it.
 */
import { readItemValue, type ItemWithStorage, writeItemValue } from './item-storage.ts';

export interface ItemOverride {
  /** The problem keys (problems.ts) the user sent past. */
  keys: string[];
  /** A reason code (override-reasons.ts). */
  reason: string;
  /** The user's words, for the reason "other". */
  text?: string;
}

export const OVERRIDE_NAME = 'protocolCheckOverride';
const MAX_KEYS = 50;
const MAX_TEXT = 300;

/** Read a stored override; anything malformed is ignored rather than trusted. */
export function parseOverride(stored: string | undefined): ItemOverride | undefined {
  if (!stored) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(stored);
  } catch {
    return undefined;
  }
  const o = data as Partial<ItemOverride> | null;
  if (!o || typeof o !== 'object' || !Array.isArray(o.keys) || typeof o.reason !== 'string' || !o.reason) return undefined;
  const keys = o.keys.filter((k): k is string => typeof k === 'string').slice(0, MAX_KEYS);
  return { keys, reason: o.reason, ...(typeof o.text === 'string' && o.text.trim() ? { text: o.text.trim().slice(0, MAX_TEXT) } : {}) };
}

export async function readItemOverride(item: ItemWithStorage): Promise<ItemOverride | undefined> {
  return parseOverride(await readItemValue(item, OVERRIDE_NAME));
}

export async function writeItemOverride(item: ItemWithStorage, override: ItemOverride): Promise<void> {
  const text = override.text?.trim().slice(0, MAX_TEXT);
  await writeItemValue(item, OVERRIDE_NAME, JSON.stringify({ keys: override.keys.slice(0, MAX_KEYS), reason: override.reason, ...(text ? { text } : {}) }));
}
