/**
 * HTML body → plain text, with an offset map back into the HTML so that a text edit can be
 * applied to the HTML as a minimal patch. DOM-free (htmlparser2's tokenizer): it runs in
 * Outlook's JavaScript-only runtime too.
 *
 * PLACEHOLDER: a first cut to unblock the engine; src/mail owns the full version.
 */
import { Parser } from 'htmlparser2';

export interface HtmlText {
  text: string;
}

export function htmlToText(html: string): HtmlText {
  let text = '';
  let skip = 0;
  const block = new Set(['p', 'div', 'br', 'tr', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'hr']);
  const parser = new Parser({
    onopentag(name, attrs) {
      if (name === 'style' || name === 'script' || name === 'head') skip++;
      if (name === 'img' && attrs.alt) text += `[${attrs.alt}]`;
      if (block.has(name) && !text.endsWith('\n')) text += '\n';
    },
    onclosetag(name) {
      if (name === 'style' || name === 'script' || name === 'head') skip--;
      if (block.has(name) && !text.endsWith('\n')) text += '\n';
    },
    ontext(data) {
      if (!skip) text += data.replace(/\s+/g, ' ');
    },
  });
  parser.end(html);
  return { text: text.trim() };
}
