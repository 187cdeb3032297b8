/**
 * The HTML → text layout as it was before it was made linear (issue 16), kept unchanged as the
 * oracle for tests/robustness/html-text-same.test.ts: the new layout must give the same text and
 * the same offset map on every HTML fixture and corpus draft. Not used by the product.
 */
/**
 * HTML body → plain text, with an offset map back into the HTML so that a text edit can be
 * applied to the HTML as a minimal patch (see src/mail/html-edit.ts). DOM-free (htmlparser2's
 * parser with its start/end indices): it runs in Outlook's JavaScript-only runtime too.
 *
 * It lives in the engine because the engine needs it: an HTML-only draft is checked on this
 * text (normaliseDraft), and every finding's offsets point into it. The mail readers, the
 * hosts and the HTML patcher import it from here, so there is one definition of the text.
 *
 * The text is laid out as Outlook's plain-text view and a browser's `innerText` would show it:
 * - paragraphs, headings, list items, table rows and other blocks start on a new line; a `<p>`
 *   is set off by a blank line, except Word's zero-margin `<p class=MsoNormal>` (Outlook's own
 *   HTML), whose paragraphs are single lines and whose empty `&nbsp;` paragraphs are blank lines;
 * - `<br>` is a line break; table cells in a row are separated by a tab;
 * - `<img alt="Logo">` becomes "[Logo]", so a logo is visible to the rules and can be deleted;
 * - `head`, `style`, `script`, `title`, comments and `display:none` elements are dropped;
 * - white space collapses as a browser collapses it; `&nbsp;` is a space that does not collapse,
 *   and white space at the end of a line is dropped.
 *
 * The map gives, for each character of the text, the HTML range it came from. Generated text
 * (line breaks, tabs, the brackets and alt text of an image) maps to the tag that produced it.
 */
import { Parser } from 'htmlparser2';

/**
 * How a text character came about:
 * - `text`: copied from a text node (one character, an entity, or a collapsed run of white space);
 * - `block`: a line break between blocks (paragraphs, rows, list items…);
 * - `br`: the line break of a `<br>`;
 * - `cell`: the tab between two table cells;
 * - `alt`: "[alt]" of an `<img>`.
 */
export type CharKind = 'text' | 'block' | 'br' | 'cell' | 'alt';

export interface OffsetMap {
  /** `htmlStart[i]`–`htmlEnd[i]`: the HTML range that text[i] came from. Never decreasing. */
  htmlStart: number[];
  htmlEnd: number[];
  kind: CharKind[];
}

export interface HtmlText {
  text: string;
  map: OffsetMap;
}

/** A tag as written in the source (implied tags have no source and are not listed). */
export interface TagToken {
  type: 'open' | 'close' | 'void';
  name: string;
  start: number;
  end: number;
}

/** A run of text as written in the source (an entity is a run of its own). */
export interface TextRun {
  start: number;
  end: number;
  /** False inside head, style, script and hidden elements. */
  visible: boolean;
}

/** A paragraph that holds only `&nbsp;`: an empty line of the text whose HTML position is known. */
export interface EmptyLine {
  /** The text offset of the empty line. */
  at: number;
  /** Where text typed on that line goes in the HTML (before the `&nbsp;`). */
  html: number;
}

export interface HtmlLayout extends HtmlText {
  tags: TagToken[];
  runs: TextRun[];
  emptyLines: EmptyLine[];
}

// Elements laid out as blocks (HTML Living Standard, "Rendering", display: block / list-item / table parts).
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr',
  'html', 'legend', 'li', 'listing', 'main', 'menu', 'nav', 'ol', 'p', 'plaintext', 'pre', 'section', 'summary',
  'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'ul', 'xmp',
]);
const HIDDEN = new Set(['head', 'style', 'script', 'title', 'template', 'noscript', 'xml', 'iframe', 'object', 'select', 'datalist']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const PRE = new Set(['pre', 'textarea', 'listing', 'plaintext', 'xmp']);

/** Word's HTML (Outlook) gives paragraphs no margins: they are lines, not blank-line-separated blocks. */
export function isZeroMarginParagraph(attrs: Record<string, string | undefined>): boolean {
  const cls = attrs.class ?? '';
  if (/\bMso\w*/.test(cls)) return true;
  const style = (attrs.style ?? '').replace(/\s+/g, '').toLowerCase();
  return /(^|;)margin:0(px|pt|cm|in|em)?(;|$)/.test(style) || /(^|;)margin:0(px|pt)?0(px|pt)?(0(px|pt)?0(px|pt)?)?(;|$)/.test(style);
}

function isHiddenByStyle(attrs: Record<string, string | undefined>): boolean {
  const style = (attrs.style ?? '').replace(/\s+/g, '').toLowerCase();
  return /(^|;)display:none/.test(style) || /mso-hide:all/.test(style) || attrs.hidden !== undefined;
}

const COLLAPSIBLE = /[ \t\n\r\f]/;

interface Pending {
  ch: string;
  start: number;
  end: number;
  nbsp: boolean;
}

/** Lay the HTML out as text, with the offset map and the source tokens html-edit.ts needs. */
export function layoutHtml(html: string): HtmlLayout {
  let text = '';
  const htmlStart: number[] = [];
  const htmlEnd: number[] = [];
  const kind: CharKind[] = [];
  const tags: TagToken[] = [];
  const runs: TextRun[] = [];
  const emptyLines: EmptyLine[] = [];

  // Element stack as the parser sees it, with what each element means for layout.
  interface Frame {
    name: string;
    hidden: boolean;
    pre: boolean;
    breaks: number;
    /** Table cell count in this row (for tr). */
    cells: number;
  }
  const stack: Frame[] = [];
  let hiddenDepth = 0;
  let preDepth = 0;

  // Line-break bookkeeping (HTML "innerText": required line break counts collapse to their maximum).
  let required = 0;
  let requiredAt: [number, number] = [0, 0];
  /** Newlines emitted since the last content on a line (an empty `&nbsp;` line counts as content). */
  let trailing = 0;
  let hasContent = false;
  let pending: Pending[] = [];
  /** The last thing on the line (emitted or pending) is a collapsible space, or the line is new. */
  let spaceBefore = true;
  /** Inside a table cell, before its first content. */
  let cellStart = false;

  const push = (ch: string, start: number, end: number, k: CharKind) => {
    text += ch;
    htmlStart.push(start);
    htmlEnd.push(end);
    kind.push(k);
  };

  const flushBreaks = () => {
    if (hasContent && required > trailing) {
      for (let n = trailing; n < required; n++) push('\n', requiredAt[0], requiredAt[1], 'block');
    }
    required = 0;
  };

  const emitContent = (ch: string, start: number, end: number, k: CharKind) => {
    flushBreaks();
    for (const p of pending) push(p.ch, p.start, p.end, 'text');
    pending = [];
    push(ch, start, end, k);
    hasContent = true;
    trailing = 0;
    cellStart = false;
  };

  /** A line ends: drop its trailing white space; a line of only `&nbsp;` is an empty line. */
  const endLine = () => {
    if (pending.some((p) => p.nbsp)) {
      flushBreaks();
      if (hasContent) emptyLines.push({ at: text.length, html: pending.find((p) => p.nbsp)!.start });
      hasContent = true;
      trailing = 0;
    }
    pending = [];
    spaceBefore = true;
  };

  const requireBreak = (n: number, start: number, end: number) => {
    endLine();
    // A block at the very start of a table cell does not start a new line: the cell already did.
    if (cellStart) return;
    if (n > required) {
      required = n;
      requiredAt = [start, end];
    }
  };

  const parser = new Parser(
    {
      onopentag(name, attrs, implied) {
        const start = implied ? parser.startIndex : parser.startIndex;
        const end = implied ? parser.startIndex : parser.endIndex + 1;
        const isVoid = VOID.has(name);
        if (!implied) tags.push({ type: isVoid ? 'void' : 'open', name, start, end });
        if (isVoid) {
          if (hiddenDepth) return;
          if (name === 'br') {
            endLine();
            flushBreaks();
            push('\n', start, end, 'br');
            hasContent = true;
            trailing += 1;
            spaceBefore = true;
          } else if (name === 'img') {
            const alt = (attrs.alt ?? '').replace(/\s+/g, ' ').trim();
            if (alt && !isHiddenByStyle(attrs)) {
              const label = `[${alt}]`;
              emitContent(label[0]!, start, end, 'alt');
              for (const ch of label.slice(1)) push(ch, start, end, 'alt');
              spaceBefore = false;
            }
          } else if (name === 'hr') {
            requireBreak(1, start, end);
          }
          return;
        }
        const hidden = HIDDEN.has(name) || isHiddenByStyle(attrs);
        const pre = PRE.has(name);
        let breaks = 0;
        if (name === 'p') breaks = isZeroMarginParagraph(attrs) ? 1 : 2;
        else if (BLOCK.has(name)) breaks = 1;
        stack.push({ name, hidden, pre, breaks, cells: 0 });
        if (hidden) hiddenDepth += 1;
        if (pre) preDepth += 1;
        if (hiddenDepth) return;
        if (breaks) requireBreak(breaks, start, end);
        if (name === 'td' || name === 'th') {
          const row = [...stack].reverse().find((f) => f.name === 'tr');
          if (row) {
            if (row.cells > 0) {
              // A tab separates cells (innerText); pending white space before it is dropped.
              pending = [];
              flushBreaks();
              if (hasContent) {
                push('\t', start, end, 'cell');
                trailing = 0;
              }
              spaceBefore = true;
            }
            row.cells += 1;
          }
          cellStart = true;
        }
      },
      onclosetag(name, implied) {
        if (VOID.has(name)) return;
        const start = implied ? parser.startIndex : parser.startIndex;
        const end = implied ? parser.startIndex : parser.endIndex + 1;
        if (!implied) tags.push({ type: 'close', name, start, end });
        // The parser pops exactly the element it names, innermost first.
        let index = stack.length - 1;
        while (index >= 0 && stack[index]!.name !== name) index--;
        if (index < 0) return;
        const frame = stack[index]!;
        stack.splice(index, 1);
        const wasHidden = hiddenDepth > 0;
        if (frame.hidden) hiddenDepth -= 1;
        if (frame.pre) preDepth -= 1;
        if (wasHidden) return;
        if (frame.breaks) requireBreak(frame.breaks, start, end);
        if (name === 'td' || name === 'th') {
          // Breaks that close the blocks inside a cell do not separate cells: the tab does.
          endLine();
          if (!cellStart) required = 0;
          cellStart = false;
        }
      },
      ontext(data) {
        const start = parser.startIndex;
        const end = parser.endIndex + 1;
        const visible = hiddenDepth === 0;
        runs.push({ start, end, visible });
        if (!visible) return;
        const raw = html.slice(start, end);
        const entity = raw !== data;
        if (entity) {
          // One decoded entity: every character of it maps to the whole entity.
          for (const ch of data) addChar(ch, start, end);
          return;
        }
        let i = 0;
        while (i < data.length) {
          const ch = data[i]!;
          if (COLLAPSIBLE.test(ch) && !preDepth) {
            let j = i + 1;
            while (j < data.length && COLLAPSIBLE.test(data[j]!)) j++;
            addSpace(start + i, start + j);
            i = j;
            continue;
          }
          // Keep surrogate pairs together so an edit cannot split one.
          const cp = data.codePointAt(i)!;
          const len = cp > 0xffff ? 2 : 1;
          addChar(data.slice(i, i + len), start + i, start + i + len);
          i += len;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeCDATA: false },
  );

  function addSpace(start: number, end: number) {
    if (spaceBefore) return;
    pending.push({ ch: ' ', start, end, nbsp: false });
    spaceBefore = true;
  }

  function addChar(ch: string, start: number, end: number) {
    if (ch === '\u00a0') {
      pending.push({ ch: ' ', start, end, nbsp: true });
      spaceBefore = false;
      return;
    }
    if (preDepth && (ch === '\n' || ch === '\r')) {
      if (ch === '\r') return;
      pending = [];
      flushBreaks();
      push('\n', start, end, 'br');
      hasContent = true;
      trailing += 1;
      spaceBefore = true;
      return;
    }
    if (COLLAPSIBLE.test(ch) && !preDepth) {
      addSpace(start, end);
      return;
    }
    if (ch.length === 1 && ch !== '\t' && ch.charCodeAt(0) < 0x20) return;
    for (let k = 0; k < ch.length; k++) {
      if (k === 0) emitContent(ch[k]!, start, end, 'text');
      else push(ch[k]!, start, end, 'text');
    }
    spaceBefore = false;
  }

  parser.end(html);
  return { text, map: { htmlStart, htmlEnd, kind }, tags, runs, emptyLines };
}

/**
 * HTML → the plain text a reader sees, with the offset map.
 *
 * @example
 * htmlToText('<p>Dear <b>Cllr</b> Brown,</p><p>Thank you.</p>').text
 * //=> 'Dear Cllr Brown,\n\nThank you.'
 */
export function htmlToText(html: string): HtmlText {
  const { text, map } = layoutHtml(html);
  return { text, map };
}

/** The HTML range that text[start, end) came from (an empty text range gives a caret position). */
export function htmlRangeOf(map: OffsetMap, start: number, end: number): { start: number; end: number } {
  const n = map.htmlStart.length;
  if (start >= end) {
    const at = start < n ? map.htmlStart[start]! : n > 0 ? map.htmlEnd[n - 1]! : 0;
    return { start: at, end: at };
  }
  return { start: map.htmlStart[start]!, end: map.htmlEnd[end - 1]! };
}
