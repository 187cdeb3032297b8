/**
 * Safe Undo: take one fix back out of the draft without touching anything the user wrote since.
 *
 * When a fix is applied we keep what it changed, not a copy of the draft: the spans of text it
 * wrote (and what stood there before), the recipients it added or took away, and the delivery
 * time it set. Undo finds those spans again in the draft as it is now (the user may have typed
 * above or below them, and Outlook rewrites HTML a little), and builds the inverse edits, which
 * the host applies through the same refusal rules as any fix. If the words the fix wrote have
 * since been changed, Undo is refused with a reason and nothing is changed.
 */
import { applyEdits } from '../engine/apply.ts';
import { normaliseDraft } from '../engine/draft.ts';
import type { Draft, Edit, Mailbox, RecipientField, TextField } from '../engine/types.ts';

/** One stretch of text a fix wrote: where it sits in the text right after the fix, and what it replaced. */
interface WrittenSpan {
  field: TextField;
  start: number;
  end: number;
  original: string;
}

export interface UndoPlan {
  /** The text of each field the fix edited, as it was right after the fix. */
  after: Partial<Record<TextField, string>>;
  spans: WrittenSpan[];
  /** Recipients the fix added (to take out) and removed (to put back), by field. */
  added: { field: RecipientField; email: string }[];
  removed: { field: RecipientField; mailbox: Mailbox }[];
  /** The delivery time to put back, when the fix set one. */
  delivery?: string;
}

/** Why Undo cannot be done now; the message is shown to the user. */
export class UndoNotPossible extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UndoNotPossible';
  }
}

export const UNDO_TEXT_CHANGED = 'You have changed the words this fix added, so Undo could not take them out without losing your changes. Edit them yourself instead.';

const RECIPIENT_FIELDS: RecipientField[] = ['to', 'cc', 'bcc'];
const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * What Undo must reverse, worked out from the draft the fix was computed on and its edits.
 * Returns undefined when the fix cannot be reversed at all (a delivery time set where there was
 * none and the host cannot clear it: Undo is then not offered).
 */
export function planUndo(before: Draft, edits: readonly Edit[]): UndoPlan | undefined {
  const base = normaliseDraft(before);
  const next = applyEdits(base, edits);
  const plan: UndoPlan = { after: {}, spans: [], added: [], removed: [] };
  for (const field of ['body', 'subject'] as const) {
    const own = edits.filter((e) => (e.kind === 'replaceText' || e.kind === 'insertText') && e.field === field);
    if (!own.length) continue;
    const spans = own
      .map((e) => (e.kind === 'insertText' ? { start: e.at, end: e.at, text: e.text } : e.kind === 'replaceText' ? { start: e.start, end: e.end, text: e.text } : undefined)!)
      .sort((a, b) => a.start - b.start || a.end - b.end);
    let shift = 0;
    for (const s of spans) {
      const at = s.start + shift;
      plan.spans.push({ field, start: at, end: at + s.text.length, original: base[field].slice(s.start, s.end) });
      shift += s.text.length - (s.end - s.start);
    }
    plan.after[field] = next[field];
  }
  for (const field of RECIPIENT_FIELDS) {
    for (const m of next[field]) if (!base[field].some((b) => same(b.email, m.email))) plan.added.push({ field, email: m.email });
    for (const m of base[field]) if (!next[field].some((n) => same(n.email, m.email))) plan.removed.push({ field, mailbox: m });
  }
  if (edits.some((e) => e.kind === 'scheduleDelivery')) {
    // A page whose send date is a field (the preview, Teams) gets its old date back; Outlook's
    // delayed delivery cannot be cleared through an edit, so that fix has no Undo.
    const previous = before.deliverAt ?? before.date;
    if (!previous) return undefined;
    plan.delivery = previous;
  }
  return plan;
}

const CONTEXT = 48;

function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n += 1;
  return n;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n += 1;
  return n;
}

function indexesOf(text: string, needle: string): number[] {
  const out: number[] = [];
  if (!needle) return out;
  for (let i = text.indexOf(needle); i !== -1 && out.length < 1000; i = text.indexOf(needle, i + 1)) out.push(i);
  return out;
}

/**
 * Where the text written at after[start, end) is in `current`, judged by the text itself and by
 * its surroundings; undefined when it is not there any more or could be in more than one place.
 */
export function locateSpan(after: string, start: number, end: number, current: string): { start: number; end: number } | undefined {
  if (after === current) return { start, end };
  const written = after.slice(start, end);
  const left = after.slice(Math.max(0, start - CONTEXT), start);
  const right = after.slice(end, end + CONTEXT);
  // The words themselves, without the blank lines around them: a host may turn inserted line
  // breaks into paragraphs and read them back a little differently.
  const core = written.trim();
  const lead = written.length - written.trimStart().length;
  const trail = written.length - written.trimEnd().length;
  type Candidate = { start: number; end: number; score: number };
  const candidates: Candidate[] = [];
  const score = (s: number, e: number) => commonSuffix(current.slice(Math.max(0, s - CONTEXT), s), left) + commonPrefix(current.slice(e, e + CONTEXT), right);
  if (core) {
    for (const i of indexesOf(current, core)) {
      // Take back the whitespace the fix wrote around its words, as far as it is still there.
      let s = i;
      while (s > 0 && i - s < lead && /\s/.test(current[s - 1]!)) s -= 1;
      let e = i + core.length;
      while (e < current.length && e - (i + core.length) < trail && /\s/.test(current[e]!)) e += 1;
      candidates.push({ start: s, end: e, score: score(s, e) + core.length });
    }
  } else {
    // Text the fix took out: find the place by what is either side of it.
    const probe = right.slice(0, 16) || left.slice(-16);
    if (!probe) return current.length === 0 ? { start: 0, end: 0 } : undefined;
    for (const i of indexesOf(current, probe)) {
      const at = right ? i : i + probe.length;
      const s = score(at, at);
      if (s >= Math.min(24, left.length + right.length)) candidates.push({ start: at, end: at, score: s });
    }
  }
  if (!candidates.length) return undefined;
  candidates.sort((a, b) => b.score - a.score);
  if (candidates.length > 1 && candidates[0]!.score === candidates[1]!.score) return undefined;
  return { start: candidates[0]!.start, end: candidates[0]!.end };
}

/** The edits that take the fix back out of `current`, or UndoNotPossible with the reason. */
export function undoEdits(plan: UndoPlan, current: Draft): Edit[] {
  const now = normaliseDraft(current);
  const edits: Edit[] = [];
  for (const span of plan.spans) {
    const after = plan.after[span.field] ?? '';
    const found = locateSpan(after, span.start, span.end, now[span.field]);
    if (!found) throw new UndoNotPossible(UNDO_TEXT_CHANGED);
    edits.push({ kind: 'replaceText', field: span.field, start: found.start, end: found.end, text: span.original });
  }
  for (const a of plan.added) {
    // Already gone (the user took the recipient out themselves): nothing to undo there.
    if (now[a.field].some((m) => same(m.email, a.email))) edits.push({ kind: 'removeRecipient', field: a.field, email: a.email });
  }
  for (const r of plan.removed) edits.push({ kind: 'addRecipient', field: r.field, recipient: r.mailbox });
  if (plan.delivery) edits.push({ kind: 'scheduleDelivery', at: plan.delivery });
  return edits;
}
