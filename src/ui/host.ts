/**
 * What the panel needs from whichever host it runs in (Outlook, Teams, the browser preview):
 * a draft to read, a way to hear that it changed, and a way to apply edits (Undo is the inverse
 * edits, applied the same way: see undo.ts).
 * The panel knows nothing else about the host.
 */
import type { Draft, Edit } from '../engine/types.ts';
import type { DismissalStore } from './dismissals.ts';

/** Thrown by `apply` when an edit cannot be made safely; its message is shown to the user. */
export class EditRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EditRefused';
  }
}

export interface DraftHost {
  /** The draft as it is now. */
  read(): Promise<Draft>;
  /**
   * Call `onChange` when the draft may have changed. The host decides how (events, gentle
   * polling while visible). Returns a function that stops listening.
   */
  subscribe(onChange: () => void): () => void;
  /**
   * Apply all the edits, or none: throws EditRefused with a reason when it cannot. `basis` is
   * the draft the edits were computed from: when the draft has changed since (the user kept
   * typing), text offsets no longer fit and the host refuses rather than damage it.
   */
  apply(edits: readonly Edit[], basis?: Draft): Promise<void>;
  /**
   * Where this draft's dismissals are kept (with the draft, so they survive the pane reopening
   * and never follow the user to another draft). Without one they last as long as the pane.
   */
  readonly dismissals?: DismissalStore;
}

/** Whether a text edit computed on `basis` still fits `current`. */
export function textStillFits(edits: readonly Edit[], basis: Draft | undefined, current: Draft): boolean {
  if (!basis) return true;
  const touches = (field: 'body' | 'subject') => edits.some((e) => (e.kind === 'replaceText' || e.kind === 'insertText') && e.field === field);
  return (!touches('body') || basis.body === current.body) && (!touches('subject') || basis.subject === current.subject);
}

export const CHANGED_SINCE_CHECK = 'The draft changed after it was checked, so the change no longer fits. It has been checked again: try once more.';

export type ThemeName = 'light' | 'dark' | 'highContrast';
