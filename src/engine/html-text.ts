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
 * It is kept as runs (a stretch of text copied from one stretch of HTML is one run), so its size
 * grows with the number of text runs and tags, not with the number of characters.
 *
 * Time is linear in the HTML on any nesting: elements nested deeper than MAX_DEPTH are read as
 * if their tags were not there (their text is still read, in order), because the HTML parser's
 * own element stack costs time in proportion to its depth for every tag.
 */
import { Parser, Tokenizer } from 'htmlparser2';

/**
 * How a text character came about:
 * - `text`: copied from a text node (one character, an entity, or a collapsed run of white space);
 * - `block`: a line break between blocks (paragraphs, rows, list items…);
 * - `br`: the line break of a `<br>`;
 * - `cell`: the tab between two table cells;
 * - `alt`: "[alt]" of an `<img>`.
 */
export type CharKind = 'text' | 'block' | 'br' | 'cell' | 'alt';

const KINDS: readonly CharKind[] = ['text', 'block', 'br', 'cell', 'alt'];

/**
 * For each character i of the text, `startAt(i)`–`endAt(i)`: the HTML range it came from (never
 * decreasing), and `kindAt(i)`: how it came about. Stored as runs: each run is a stretch of
 * characters that either all map to one HTML range, or map one to one onto consecutive HTML
 * characters.
 */
export class OffsetMap {
  /** The text offset each run starts at, its HTML start and end (of its first character), kind, and whether it steps. */
  private readonly first: number[] = [];
  private readonly start: number[] = [];
  private readonly end: number[] = [];
  private readonly kinds: number[] = [];
  /** 1: character j of the run maps to [start + j, start + j + 1); 0: every character maps to [start, end). */
  private readonly step: number[] = [];
  length = 0;

  /** Add the next character's source range. */
  add(start: number, end: number, kind: CharKind): void {
    const k = KINDS.indexOf(kind);
    const r = this.first.length - 1;
    if (r >= 0 && this.kinds[r] === k) {
      const count = this.length - this.first[r]!;
      if (this.step[r] === 0 && this.start[r] === start && this.end[r] === end) {
        this.length++;
        return;
      }
      // A one-character run that could go either way, or a stepping run, continues with the next HTML character.
      const single = count === 1 && this.end[r] === this.start[r]! + 1;
      if ((single || this.step[r] === 1) && end === start + 1 && start === this.start[r]! + count) {
        this.step[r] = 1;
        this.length++;
        return;
      }
    }
    this.first.push(this.length);
    this.start.push(start);
    this.end.push(end);
    this.kinds.push(k);
    this.step.push(0);
    this.length++;
  }

  /** Add `count` characters copied one to one from the HTML at `start` onwards. */
  addCopied(start: number, count: number): void {
    if (count <= 0) return;
    this.add(start, start + 1, 'text');
    const r = this.first.length - 1;
    const single = this.length - this.first[r]! === 1 && this.end[r] === this.start[r]! + 1;
    if (count > 1 && (this.step[r] === 1 || single) && this.start[r]! + (this.length - this.first[r]!) === start + 1) {
      this.step[r] = 1;
      this.length += count - 1;
      return;
    }
    for (let k = 1; k < count; k++) this.add(start + k, start + k + 1, 'text');
  }

  private runOf(i: number): number {
    let lo = 0;
    let hi = this.first.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.first[mid]! <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Where in the HTML text[i] starts (undefined past either end of the text). */
  startAt(i: number): number | undefined {
    if (!(i >= 0 && i < this.length)) return undefined;
    const r = this.runOf(i);
    return this.step[r] ? this.start[r]! + (i - this.first[r]!) : this.start[r]!;
  }

  /** Where in the HTML text[i] ends (undefined past either end of the text). */
  endAt(i: number): number | undefined {
    if (!(i >= 0 && i < this.length)) return undefined;
    const r = this.runOf(i);
    return this.step[r] ? this.start[r]! + (i - this.first[r]!) + 1 : this.end[r]!;
  }

  /** How text[i] came about (undefined past either end of the text). */
  kindAt(i: number): CharKind | undefined {
    if (!(i >= 0 && i < this.length)) return undefined;
    return KINDS[this.kinds[this.runOf(i)]!];
  }

  /** The number of runs (for tests and measurements). */
  get runs(): number {
    return this.first.length;
  }

  /** One entry per character, built on request: for tests and callers that want plain arrays. */
  get htmlStart(): number[] {
    return this.perCharacter((i) => this.startAt(i)!);
  }

  get htmlEnd(): number[] {
    return this.perCharacter((i) => this.endAt(i)!);
  }

  get kind(): CharKind[] {
    return this.perCharacter((i) => this.kindAt(i)!);
  }

  private perCharacter<T>(at: (i: number) => T): T[] {
    const out: T[] = [];
    for (let i = 0; i < this.length; i++) out.push(at(i));
    return out;
  }
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
/** The same test on a character code: space, tab, line feed, carriage return, form feed. */
const isCollapsible = (code: number) => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x0c;

/**
 * Elements nested deeper than this are read as if their tags were absent. Chromium's HTML parser
 * stops nesting at the same depth (its kMaximumHTMLParserDOMTreeDepth is 512), so a browser shows
 * such a message flattened too.
 */
export const MAX_DEPTH = 512;

interface Pending {
  ch: string;
  start: number;
  end: number;
  nbsp: boolean;
}

/** Lay the HTML out as text, with the offset map and the source tokens html-edit.ts needs. */
export function layoutHtml(html: string): HtmlLayout {
  // The text is collected in chunks (appending one character at a time to a string costs memory per character).
  const chunks: string[] = [];
  let chunk: string[] = [];
  const map = new OffsetMap();
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
  /** The open table rows, innermost last: a cell counts in the nearest. */
  const rows: Frame[] = [];
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

  /** One UTF-16 code unit of text and where it came from. */
  const push = (ch: string, start: number, end: number, k: CharKind) => {
    chunk.push(ch);
    if (chunk.length === 4096) {
      chunks.push(chunk.join(''));
      chunk = [];
    }
    map.add(start, end, k);
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
      if (hasContent) emptyLines.push({ at: map.length, html: pending.find((p) => p.nbsp)!.start });
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
              for (let u = 1; u < label.length; u++) push(label[u]!, start, end, 'alt');
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
        const frame: Frame = { name, hidden, pre, breaks, cells: 0 };
        stack.push(frame);
        if (name === 'tr') rows.push(frame);
        if (hidden) hiddenDepth += 1;
        if (pre) preDepth += 1;
        if (hiddenDepth) return;
        if (breaks) requireBreak(breaks, start, end);
        if (name === 'td' || name === 'th') {
          const row = rows[rows.length - 1];
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
        if (index === stack.length - 1) stack.pop();
        else stack.splice(index, 1);
        if (frame.name === 'tr') rows.splice(rows.lastIndexOf(frame), 1);
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
          if (!preDepth && isCollapsible(data.charCodeAt(i))) {
            let j = i + 1;
            while (j < data.length && isCollapsible(data.charCodeAt(j))) j++;
            addSpace(start + i, start + j);
            i = j;
            continue;
          }
          // A stretch of ordinary characters is copied as one piece: the first as any character, the rest after it.
          let j = i;
          while (j < data.length && isPlain(data.charCodeAt(j))) j++;
          if (j - i > 1) {
            addChar(data[i]!, start + i, start + i + 1);
            chunk.push(data.slice(i + 1, j));
            map.addCopied(start + i + 1, j - i - 1);
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
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeCDATA: false, Tokenizer: depthCapped(html, () => stack.length) },
  );

  /** A character that addChar would emit as itself, one to one with the HTML: no white space (outside pre), control, no-break space or surrogate. */
  function isPlain(code: number): boolean {
    if (code >= 0xd800 && code <= 0xdfff) return false;
    if (code === 0xa0) return false;
    if (code > 0x20) return true;
    return preDepth > 0 && (code === 0x20 || code === 0x09);
  }

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
  chunks.push(chunk.join(''));
  return { text: chunks.join(''), map, tags, runs, emptyLines };
}

/**
 * A tokenizer that hides from the parser the tags of elements that would be nested deeper than
 * MAX_DEPTH (and the end tags that close them), so that the parser's stack never grows past it.
 * Their text still reaches the parser. `depth` is the number of elements open in the parser.
 */
function depthCapped(html: string, depth: () => number): typeof Tokenizer {
  return class extends Tokenizer {
    constructor(options: ConstructorParameters<typeof Tokenizer>[0], parser: Parser) {
      /** Tags hidden from the parser, by name: their end tags are hidden too. */
      const hidden = new Map<string, number>();
      let hiding = false;
      const skip = (endIndex: number) => {
        parser.endIndex = endIndex;
        parser.startIndex = endIndex + 1;
      };
      const callbacks: ConstructorParameters<typeof Tokenizer>[1] = {
        onattribdata: (start, end) => !hiding && parser.onattribdata(start, end),
        onattribentity: (cp) => !hiding && parser.onattribentity(cp),
        onattribend: (quote, end) => !hiding && parser.onattribend(quote, end),
        onattribname: (start, end) => !hiding && parser.onattribname(start, end),
        oncdata: (start, end, offset) => parser.oncdata(start, end, offset),
        onclosetag(start, end) {
          const name = html.slice(start, end).toLowerCase();
          const count = hidden.get(name);
          if (count) {
            hidden.set(name, count - 1);
            skip(end);
            return;
          }
          parser.onclosetag(start, end);
        },
        oncomment: (start, end, offset) => parser.oncomment(start, end, offset),
        ondeclaration: (start, end) => parser.ondeclaration(start, end),
        onend: () => parser.onend(),
        onopentagend(end) {
          if (!hiding) return parser.onopentagend(end);
          hiding = false;
          skip(end);
        },
        onopentagname(start, end) {
          const name = html.slice(start, end).toLowerCase();
          if (depth() >= MAX_DEPTH && !VOID.has(name)) {
            hiding = true;
            hidden.set(name, (hidden.get(name) ?? 0) + 1);
            return;
          }
          parser.onopentagname(start, end);
        },
        onprocessinginstruction: (start, end) => parser.onprocessinginstruction(start, end),
        onselfclosingtag(end) {
          if (!hiding) return parser.onselfclosingtag(end);
          hiding = false;
          skip(end);
        },
        ontext: (start, end) => parser.ontext(start, end),
        ontextentity: (cp, end) => parser.ontextentity(cp, end),
        isInForeignContext: () => parser.isInForeignContext(),
      };
      super(options, callbacks);
    }
  };
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
  const n = map.length;
  if (start >= end) {
    const at = start < n ? map.startAt(start)! : n > 0 ? map.endAt(n - 1)! : 0;
    return { start: at, end: at };
  }
  return { start: map.startAt(start)!, end: map.endAt(end - 1)! };
}
