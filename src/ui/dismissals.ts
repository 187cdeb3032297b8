/**
 * Dismissals that stick: a problem the user dismissed (with the reason they gave) is stored with
 * the draft itself through the host (Outlook: the item's session data or custom properties; the
 * Teams tab and the preview: the draft in the page), so that it survives the pane closing and
 * reopening, the send-time check honours it, and it never follows the user to another draft.
 * DOM-free: the send-time script reads the same list.
 */

export interface Dismissal {
  /** The problem's key (problems.ts `problemKey`). */
  key: string;
  /** What the user said; may be empty. */
  reason: string;
}

/** Where a host keeps the list for its draft. */
export interface DismissalStore {
  load(): Promise<Dismissal[]>;
  save(list: readonly Dismissal[]): Promise<void>;
}

/** The name the list is stored under on the item. */
export const DISMISSALS_NAME = 'protocolCheckDismissed';
/** Outlook keeps session data and custom properties small: cap what one draft can store. */
const MAX_ENTRIES = 50;
const MAX_REASON = 300;

/** Read a stored list; anything malformed is ignored rather than trusted. */
export function parseDismissals(stored: unknown): Dismissal[] {
  if (typeof stored !== 'string' || !stored) return [];
  let data: unknown;
  try {
    data = JSON.parse(stored);
  } catch {
    return [];
  }
  if (!Array.isArray(data)) return [];
  return data
    .filter((d): d is Dismissal => typeof d === 'object' && d !== null && typeof (d as Dismissal).key === 'string' && typeof (d as Dismissal).reason === 'string')
    .slice(0, MAX_ENTRIES)
    .map((d) => ({ key: d.key, reason: d.reason.slice(0, MAX_REASON) }));
}

export function serialiseDismissals(list: readonly Dismissal[]): string {
  return JSON.stringify(list.slice(-MAX_ENTRIES).map((d) => ({ key: d.key, reason: d.reason.trim().slice(0, MAX_REASON) })));
}

/** A store in memory: the pages whose draft lives in the page (it goes when the draft does). */
export class MemoryDismissals implements DismissalStore {
  private list: Dismissal[] = [];
  async load(): Promise<Dismissal[]> {
    return [...this.list];
  }
  async save(list: readonly Dismissal[]): Promise<void> {
    this.list = [...list];
  }
  clear(): void {
    this.list = [];
  }
}
