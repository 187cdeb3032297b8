/**
 * Apply text edits (offsets into the text htmlToText derives) to the HTML body as minimal
 * patches of the HTML string. The HTML is never re-serialised from a parsed tree: Outlook's
 * `body.setAsync` rewrites markup a little on every call, so we change only the characters
 * that the edit covers and leave every other byte (bold text, links, tables, the signature)
 * exactly as it was.
 *
 * Each patch is checked twice before it is accepted:
 * 1. markup: the tags it removes must be whole elements, or closes that mirror opens (merging two
 *    paragraphs keeps the first one's markup); an edit that would cut across elements is refused;
 * 2. text: converting the patched HTML back to text must give exactly the edited text.
 * If no patch passes both, the edit is refused with a message and the HTML is left as it was.
 * DOM-free, like src/engine/html-text.ts.
 */
import { applyTextEdits } from '../engine/apply.ts';
import type { InsertTextEdit, ReplaceTextEdit } from '../engine/types.ts';
import { type HtmlLayout, isZeroMarginParagraph, layoutHtml, type TagToken } from '../engine/html-text.ts';

export type TextEdit = ReplaceTextEdit | InsertTextEdit;
export type HtmlEditResult = { html: string } | { refused: string };

/** Outlook's limit for `body.setAsync` (characters). */
export const MAX_BODY_LENGTH = 1_000_000;

// Elements that format text within a line; a paragraph split closes and reopens them.
const INLINE = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'big', 'cite', 'code', 'del', 'dfn', 'em', 'font', 'i', 'ins', 'kbd', 'mark', 'o:p',
  'q', 's', 'samp', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'tt', 'u', 'var',
]);

interface Span {
  start: number;
  end: number;
  text: string;
}

interface OpenElement {
  name: string;
  /** The open tag exactly as written, to reopen the element after a paragraph split. */
  source: string;
}

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The elements open at an HTML position, outermost first (from the source tags). */
function openElementsAt(html: string, tags: TagToken[], at: number): OpenElement[] {
  const stack: OpenElement[] = [];
  for (const tag of tags) {
    if (tag.end > at) break;
    if (tag.type === 'open') stack.push({ name: tag.name, source: html.slice(tag.start, tag.end) });
    else if (tag.type === 'close') {
      const i = stack.map((e) => e.name).lastIndexOf(tag.name);
      if (i !== -1) stack.length = i;
    }
  }
  return stack;
}

/**
 * Whether removing html[start, end) keeps the markup well formed: no tag is cut in two, and the
 * tags removed are whole elements, or closes that mirror the opens after them (`</b></p><p><b>`).
 */
export function isSafeToRemove(tags: TagToken[], start: number, end: number): boolean {
  const closes: string[] = [];
  const opens: string[] = [];
  for (const tag of tags) {
    if (tag.end <= start || tag.start >= end) continue;
    if (tag.start < start || tag.end > end) return false;
    if (tag.type === 'void') continue;
    if (tag.type === 'open') opens.push(tag.name);
    else if (opens.length && opens[opens.length - 1] === tag.name) opens.pop();
    else if (opens.includes(tag.name)) return false;
    else closes.push(tag.name);
  }
  if (closes.length !== opens.length) return false;
  return closes.every((name, i) => opens[opens.length - 1 - i] === name);
}

/**
 * Render replacement text as HTML for the place it goes: escaped, spaces that would collapse
 * written as `&nbsp;`, a line break as `<br>`, a blank line as a new paragraph when the text sits
 * in a `<p>` (reopening the same paragraph and inline formatting), else as `<br>`s.
 */
function renderText(text: string, context: OpenElement[], before: string, after: string): string {
  let out = '';
  const parts = text.split(/(\n+)/);
  // The character just before each position of the final text, for deciding which spaces collapse.
  let prev = before;
  parts.forEach((part, index) => {
    if (part === '') return;
    if (part[0] === '\n') {
      out += renderLineBreaks(part.length, context);
      prev = '\n';
      return;
    }
    for (let i = 0; i < part.length; i++) {
      const ch = part[i]!;
      if (ch === ' ') {
        const next = i + 1 < part.length ? part[i + 1]! : index === parts.length - 1 ? after : '\n';
        // A space after a space or at the start of a line collapses; so does one before a space.
        out += prev === ' ' || prev === '\n' || prev === '' || next === ' ' ? '&nbsp;' : ' ';
      } else if (ch === '\u00a0') out += '&nbsp;';
      else out += escapeText(ch);
      prev = ch;
    }
  });
  return out;
}

function renderLineBreaks(count: number, context: OpenElement[]): string {
  // The innermost block around the insertion point, looking through inline formatting.
  let blockIndex = context.length - 1;
  while (blockIndex >= 0 && INLINE.has(context[blockIndex]!.name)) blockIndex--;
  const block = context[blockIndex];
  if (!block || block.name !== 'p' || (count === 1 && !isMso(block))) return '<br>'.repeat(count);
  const inner = context.slice(blockIndex + 1);
  const close = [...inner].reverse().map((e) => `</${e.name}>`).join('') + '</p>';
  const reopen = inner.map((e) => e.source).join('');
  if (isMso(block)) {
    // Word paragraphs have no margins: each line is a paragraph and a blank line is an empty one.
    const empty = `${block.source}&nbsp;</p>`;
    return close + empty.repeat(count - 1) + block.source + reopen;
  }
  return close + block.source + '<br>'.repeat(count - 2) + reopen;
}

function isMso(block: OpenElement): boolean {
  const attrs: Record<string, string> = {};
  for (const m of block.source.matchAll(/(?<![\w:-])([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)) {
    attrs[m[1]!.toLowerCase()] = m[2] ?? m[3] ?? m[4] ?? '';
  }
  return isZeroMarginParagraph(attrs);
}

const uniq = (xs: number[]) => xs.filter((x, i) => xs.indexOf(x) === i);

/** Where an insertion at text offset `at` may go in the HTML, best first. */
function insertionPoints(layout: HtmlLayout, html: string, at: number): number[] {
  const { map, text } = layout;
  const points: number[] = [];
  const isContent = (i: number) => map.kindAt(i) === 'text' || map.kindAt(i) === 'alt';
  if (at > 0 && isContent(at - 1)) {
    let p = map.endAt(at - 1)!;
    // Text typed after a link does not extend the link.
    const closeLink = layout.tags.find((t) => t.type === 'close' && t.name === 'a' && t.start >= p && (at >= text.length || t.end <= map.startAt(at)!));
    if (closeLink && /^\s*$/.test(html.slice(p, closeLink.start).replace(/<[^<>]*>/g, ''))) p = closeLink.end;
    points.push(p);
  }
  if (at < text.length && isContent(at)) points.push(map.startAt(at)!);
  if (at > 0 && map.kindAt(at - 1) === 'br') points.push(map.endAt(at - 1)!);
  if (at < text.length && map.kindAt(at) === 'br') points.push(map.startAt(at)!);
  for (const line of layout.emptyLines) if (line.at === at) points.push(line.html);
  if (at === text.length && text.length > 0) points.push(map.endAt(text.length - 1)!);
  if (text.length === 0) {
    const body = layout.tags.find((t) => t.type === 'open' && t.name === 'body');
    points.push(body ? body.end : 0);
  }
  return uniq(points);
}

/** Candidate HTML ranges for replacing text[start, end), best first. */
function replacementRanges(layout: HtmlLayout, html: string, start: number, end: number, deleting: boolean): [number, number][] {
  const { map, text } = layout;
  const isContent = (i: number) => map.kindAt(i) === 'text' || map.kindAt(i) === 'alt';
  // The gaps around the range reach to the nearest text the reader sees on either side.
  let before = start - 1;
  while (before >= 0 && !isContent(before)) before--;
  let after = end;
  while (after < text.length && !isContent(after)) after++;
  const startGap: [number, number] = [before >= 0 ? map.endAt(before)! : map.startAt(start)!, isContent(start) ? map.startAt(start)! : after < text.length ? map.startAt(after)! : html.length];
  const endGap: [number, number] = [isContent(end - 1) ? map.endAt(end - 1)! : before >= 0 ? map.endAt(before)! : 0, after < text.length ? map.startAt(after)! : html.length];
  const boundaries = (gap: [number, number]) => {
    const points = [gap[0], gap[1]];
    for (const tag of layout.tags) {
      if (tag.start >= gap[0] && tag.start <= gap[1]) points.push(tag.start);
      if (tag.end >= gap[0] && tag.end <= gap[1]) points.push(tag.end);
    }
    return uniq(points);
  };
  // A replacement stays as close to the text as it can (it inherits the formatting there);
  // a deletion takes whole elements where it can.
  const starts = boundaries(startGap).sort((a, b) => (deleting ? a - b : b - a));
  const ends = boundaries(endGap).sort((a, b) => (deleting ? b - a : a - b));
  const ranges: [number, number][] = [];
  for (const s of starts) for (const e of ends) if (s <= e && isSafeToRemove(layout.tags, s, e)) ranges.push([s, e]);
  return ranges.slice(0, 200);
}

/** Remove only the text inside html[start, end), keeping every tag; the new text goes in the first text. */
function textOnlyPatch(layout: HtmlLayout, html: string, start: number, end: number, replacement: string): string | undefined {
  const { map } = layout;
  for (let i = start; i < end; i++) {
    const kind = map.kindAt(i);
    if (kind === 'block' || kind === 'br' || kind === 'cell') return undefined;
  }
  // An image's "[alt]" must be covered whole: the image is removed whole or not at all.
  const sameImage = (i: number, j: number) => map.kindAt(j) === 'alt' && map.startAt(j) === map.startAt(i);
  if (map.kindAt(start) === 'alt' && start > 0 && sameImage(start, start - 1)) return undefined;
  if (map.kindAt(end - 1) === 'alt' && end < map.length && sameImage(end - 1, end)) return undefined;
  const h1 = map.startAt(start)!;
  const h2 = map.endAt(end - 1)!;
  const cuts: { start: number; end: number }[] = [];
  for (const run of layout.runs) {
    if (!run.visible || run.end <= h1 || run.start >= h2) continue;
    cuts.push({ start: Math.max(run.start, h1), end: Math.min(run.end, h2) });
  }
  for (const tag of layout.tags) if (tag.type === 'void' && tag.name === 'img' && tag.start >= h1 && tag.end <= h2) cuts.push(tag);
  cuts.sort((a, b) => a.start - b.start);
  if (!cuts.length) return undefined;
  let out = html;
  for (let i = cuts.length - 1; i >= 0; i--) out = out.slice(0, cuts[i]!.start) + (i === 0 ? replacement : '') + out.slice(cuts[i]!.end);
  return out;
}

function describe(text: string, span: Span): string {
  const quote = text.slice(span.start, span.end).replace(/\s+/g, ' ').trim();
  const shown = quote.length > 60 ? `${quote.slice(0, 57)}…` : quote;
  return span.start === span.end ? `the insertion at character ${span.start}` : `the change to "${shown}"`;
}

function patchOne(html: string, layout: HtmlLayout, span: Span): HtmlEditResult {
  const expected = applyTextEdits(layout.text, [{ kind: 'replaceText', field: 'body', start: span.start, end: span.end, text: span.text }]);
  const before = span.start > 0 ? expected[span.start - 1]! : '';
  const after = span.start + span.text.length < expected.length ? expected[span.start + span.text.length]! : '';
  const tryPatch = (start: number, end: number): string | undefined => {
    if (!isSafeToRemove(layout.tags, start, end)) return undefined;
    const context = openElementsAt(html, layout.tags, start);
    const candidate = html.slice(0, start) + renderText(span.text, context, before, after) + html.slice(end);
    return layoutHtml(candidate).text === expected ? candidate : undefined;
  };

  if (span.start === span.end) {
    for (const at of insertionPoints(layout, html, span.start)) {
      const result = tryPatch(at, at);
      if (result !== undefined) return { html: result };
    }
  } else {
    for (const [s, e] of replacementRanges(layout, html, span.start, span.end, span.text === '')) {
      const result = tryPatch(s, e);
      if (result !== undefined) return { html: result };
    }
    const h1 = layout.map.startAt(span.start)!;
    const context = openElementsAt(html, layout.tags, h1);
    const fallback = textOnlyPatch(layout, html, span.start, span.end, renderText(span.text, context, before, after));
    if (fallback !== undefined && layoutHtml(fallback).text === expected) return { html: fallback };
  }
  return {
    refused: `Cannot make ${describe(layout.text, span)} in the formatted body without breaking its layout: the text runs across parts of the message (such as a link and a table cell) that cannot be joined safely. Make this change by hand.`,
  };
}

/**
 * Apply text edits to an HTML body as minimal patches.
 *
 * @param html the HTML body as read from the host
 * @param edits body text edits, with offsets into `htmlToText(html).text`
 * @returns the patched HTML, or `refused` with the reason (the HTML is then not changed at all)
 * @example
 * applyTextEditsToHtml('<p>Dear <b>Cllr</b> Brown,</p>', [{ kind: 'replaceText', field: 'body', start: 10, end: 15, text: 'Green' }])
 * //=> { html: '<p>Dear <b>Cllr</b> Green,</p>' }
 */
export function applyTextEditsToHtml(html: string, edits: readonly TextEdit[]): HtmlEditResult {
  let layout = layoutHtml(html);
  const spans: Span[] = edits.map((e) => (e.kind === 'insertText' ? { start: e.at, end: e.at, text: e.text } : { start: e.start, end: e.end, text: e.text }));
  try {
    // Checks ranges and overlaps with the same rules as the plain-text body.
    applyTextEdits(layout.text, [...edits]);
  } catch (error) {
    return { refused: `Cannot change the formatted body: ${(error as Error).message}` };
  }
  // From the end backwards, so that earlier offsets still hold after each patch.
  const ordered = [...spans].sort((a, b) => b.start - a.start || b.end - a.end);
  let current = html;
  for (const span of ordered) {
    const result = patchOne(current, layout, { ...span, text: span.text.replace(/\r\n?/g, '\n') });
    if ('refused' in result) return result;
    current = result.html;
    layout = layoutHtml(current);
  }
  if (current.length > MAX_BODY_LENGTH) {
    return { refused: `The edited body would be ${current.length.toLocaleString('en-GB')} characters long; Outlook accepts at most 1,000,000.` };
  }
  return { html: current };
}

/** For `applyEdits(…, { patchHtml })`: the patched HTML, or an Error saying why the edit was refused. */
export function patchHtml(html: string, edits: (ReplaceTextEdit | InsertTextEdit)[]): string {
  const result = applyTextEditsToHtml(html, edits);
  if ('refused' in result) throw new Error(result.refused);
  return result.html;
}
