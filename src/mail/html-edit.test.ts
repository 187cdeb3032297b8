import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyEdits, applyTextEdits } from '../engine/apply.ts';
import type { Draft, InsertTextEdit, ReplaceTextEdit } from '../engine/types.ts';
import { applyTextEditsToHtml, patchHtml } from './html-edit.ts';
import { htmlToText } from '../engine/html-text.ts';

type TextEdit = ReplaceTextEdit | InsertTextEdit;
const fixture = (name: string) => readFileSync(new URL(`../../tests/fixtures/mail/${name}`, import.meta.url), 'utf8');
const replace = (start: number, end: number, text: string): ReplaceTextEdit => ({ kind: 'replaceText', field: 'body', start, end, text });
const insert = (at: number, text: string): InsertTextEdit => ({ kind: 'insertText', field: 'body', at, text });

const GMAIL = '<div dir="ltr"><div>Hi Priya,</div><div><br></div><div>Can you check the <i>licence</i> fee for <a href="https://example.org/cafe">the café</a>?</div><div><br></div><div>Thanks</div><div>Tom</div></div>';
const DOCUMENTS: Record<string, string> = {
  'plain paragraphs': fixture('outlook-original.html'),
  'Outlook-drifted (MsoNormal, o:p, &nbsp;, WordSection1)': fixture('outlook-drifted.html'),
  'Gmail divs': GMAIL,
};

/** Apply through the HTML and check what a user would notice: the text, and markup not touched. */
function applyAndCheck(html: string, edits: TextEdit[]): string {
  const before = htmlToText(html).text;
  const result = applyTextEditsToHtml(html, edits);
  if ('refused' in result) throw new Error(`refused: ${result.refused}`);
  expect(htmlToText(result.html).text).toBe(applyTextEdits(before, edits));
  return result.html;
}

/** The span of the old HTML that changed (everything outside it is byte-identical). */
function changedRegion(before: string, after: string): [number, number] {
  let p = 0;
  while (p < before.length && p < after.length && before[p] === after[p]) p++;
  let s = 0;
  while (s < before.length - p && s < after.length - p && before[before.length - 1 - s] === after[after.length - 1 - s]) s++;
  return [p, before.length - s];
}

describe('applyTextEditsToHtml', () => {
  it('replaces text inside one text node and escapes the new text', () => {
    const html = '<p>Dear <b>Cllr</b> Brown,</p>';
    expect(applyTextEditsToHtml(html, [replace(10, 15, 'Green & <Co>')])).toEqual({ html: '<p>Dear <b>Cllr</b> Green &amp; &lt;Co&gt;,</p>' });
  });

  it('keeps bold formatting when the bold word itself is replaced', () => {
    const html = '<p>Visited <b>14 Orchard Way</b> today.</p>';
    const text = htmlToText(html).text;
    const start = text.indexOf('14');
    expect(applyAndCheck(html, [replace(start, start + 14, '16 Orchard Way')])).toBe('<p>Visited <b>16 Orchard Way</b> today.</p>');
  });

  it('inserts a new paragraph as a <p> that inherits the paragraph it was typed in', () => {
    const html = '<p>Dear Cllr Brown,</p><p class="x">Thank you.</p>';
    const at = htmlToText(html).text.indexOf('Thank');
    expect(applyAndCheck(html, [insert(at, 'I have copied Cllr Green, who is also a ward councillor.\n\n')])).toBe(
      '<p>Dear Cllr Brown,</p><p class="x">I have copied Cllr Green, who is also a ward councillor.</p><p class="x">Thank you.</p>',
    );
  });

  it('inserts a new paragraph in Outlook HTML as MsoNormal paragraphs with an empty one between', () => {
    const html = fixture('outlook-drifted.html');
    const at = htmlToText(html).text.indexOf('Thank you');
    const out = applyAndCheck(html, [insert(at, 'I have copied Cllr Begum because the site is in her ward.\n\n')]);
    expect(out).toContain('<p class=MsoNormal>I have copied Cllr Begum because the site is in her ward.</p><p class=MsoNormal>&nbsp;</p><p class=MsoNormal>Thank you');
  });

  it('uses <br> for new lines where there is no paragraph to split (Gmail divs)', () => {
    const at = htmlToText(GMAIL).text.indexOf('Can you');
    const out = applyAndCheck(GMAIL, [insert(at, 'I have copied Cllr Green.\n\n')]);
    expect(out).toContain('<div>I have copied Cllr Green.<br><br>Can you check');
  });

  it('deleting the "[alt]" of an image removes the <img> tag', () => {
    const html = fixture('outlook-original.html');
    const text = htmlToText(html).text;
    const start = text.indexOf('[Northbridge');
    const end = text.indexOf(']', start) + 1;
    const out = applyAndCheck(html, [replace(start, end, '')]);
    expect(out).not.toContain('<img');
    expect(out).toContain('<td></td><td><b>Michael Thornton</b><br>Head of Housing<br>01632 960142</td>');
  });

  it('removes a whole signature block as whole elements', () => {
    const html = fixture('outlook-original.html');
    const text = htmlToText(html).text;
    const out = applyAndCheck(html, [replace(text.indexOf('\n\nKind regards'), text.length, '')]);
    expect(out).not.toContain('<table');
    expect(out).toContain('<a href="https://www.northbridge.gov.uk/repairs">the repairs page</a>.</p>');
  });

  it('merges two paragraphs keeping the first paragraph’s markup', () => {
    const html = '<p class="a">One</p>\n<p class="b">Two</p>';
    expect(applyAndCheck(html, [replace(3, 5, ' ')])).toBe('<p class="a">One Two</p>');
  });

  it('removes text across a bold boundary but keeps the tags', () => {
    const html = '<p>plain <b>bold</b> more</p>';
    expect(applyAndCheck(html, [replace(2, 8, '')])).toBe('<p>pl<b>ld</b> more</p>');
  });

  it('does not extend a link with text typed after it', () => {
    const html = '<p>See <a href="https://x.example">the page</a>.</p>';
    const out = applyAndCheck(html, [insert(htmlToText(html).text.indexOf('.'), ' for details')]);
    expect(out).toBe('<p>See <a href="https://x.example">the page</a> for details.</p>');
  });

  it('applies several edits at once, from the end backwards', () => {
    const html = fixture('outlook-drifted.html');
    const text = htmlToText(html).text;
    const a = text.indexOf('Whitfield');
    const b = text.indexOf('Orchard');
    const out = applyAndCheck(html, [replace(a, a + 9, 'Begum'), replace(b, b + 7, 'Cedar')]);
    expect(out).toContain('<b>14&nbsp;Cedar Way</b>');
  });

  it('keeps bold text, the link and the signature table byte-identical outside the edit', () => {
    for (const html of [fixture('outlook-original.html'), fixture('outlook-drifted.html')]) {
      const text = htmlToText(html).text;
      const at = text.indexOf('Our surveyor');
      const out = applyAndCheck(html, [replace(at, at + 12, 'The surveyor')]);
      const [from, to] = changedRegion(html, out);
      expect(html.slice(from, to)).toBe('Our');
      for (const keep of ['<a href="https://www.northbridge.gov.uk/repairs">the repairs page</a>', 'Michael Thornton</b><br>Head of Housing<br>01632 960142']) {
        expect(out).toContain(keep);
      }
      expect(out.slice(out.indexOf('<table'))).toBe(html.slice(html.indexOf('<table')));
    }
  });

  describe('refuses an edit it cannot map safely, leaving the HTML untouched', () => {
    const html = '<table><tr><td><a href="https://x.example">Report a problem</a></td><td>Pay a bill</td></tr></table>';
    const text = htmlToText(html).text;

    it('half of a link’s text plus half of the next cell', () => {
      const result = applyTextEditsToHtml(html, [replace(text.indexOf('problem'), text.indexOf('a bill'), '')]);
      expect(result).toHaveProperty('refused');
      expect((result as { refused: string }).refused).toMatch(/Report a problem|problem/);
    });

    it('part of an image’s alt text', () => {
      const withLogo = '<p><img src="l.png" alt="Logo"> text</p>';
      expect(applyTextEditsToHtml(withLogo, [replace(1, 3, '')])).toHaveProperty('refused');
    });

    it('offsets outside the text, or overlapping edits', () => {
      expect(applyTextEditsToHtml(html, [replace(0, 999, '')])).toHaveProperty('refused');
      expect(applyTextEditsToHtml(html, [replace(0, 5, 'a'), replace(3, 8, 'b')])).toHaveProperty('refused');
    });

    it('patchHtml throws an Error with the reason, for applyEdits', () => {
      expect(() => patchHtml(html, [replace(text.indexOf('problem'), text.indexOf('a bill'), '')])).toThrow(/formatted body/);
    });
  });

  it('works as applyEdits’ patchHtml, keeping the draft’s text and HTML in step', () => {
    const bodyHtml = fixture('outlook-drifted.html');
    const body = htmlToText(bodyHtml).text;
    const draft: Draft = { to: [], cc: [], bcc: [], subject: 'x', body, bodyHtml };
    const at = body.indexOf('Kind regards');
    const next = applyEdits(draft, [insert(at, 'Cllr Begum is copied because the site is in her ward.\n\n')], { patchHtml });
    expect(htmlToText(next.bodyHtml!).text).toBe(next.body);
    expect(draft.bodyHtml).toBe(bodyHtml);
  });

  describe('round-trips random everyday edits', () => {
    // A small seeded generator (mulberry32) so that a failure can be reproduced.
    const random = (seed: number) => () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    // Words the writer typed (not an image's alt text, which is deleted whole or not at all).
    const words = (text: string, kinds: string[]) =>
      [...text.matchAll(/[A-Za-z0-9][A-Za-z0-9'’]*/g)].map((m) => ({ start: m.index!, end: m.index! + m[0].length })).filter((w) => kinds[w.start] === 'text');
    const lineStarts = (text: string) => [...text.matchAll(/(^|\n)(?=[A-Za-z])/g)].map((m) => m.index! + m[1]!.length);

    for (const [name, html] of Object.entries(DOCUMENTS)) {
      it(name, () => {
        const next = random(name.length * 7919);
        const text = htmlToText(html).text;
        const pick = <T,>(xs: T[]) => xs[Math.floor(next() * xs.length)]!;
        for (let round = 0; round < 60; round++) {
          const { map } = htmlToText(html);
          const w = pick(words(text, map.kind));
          const kind = round % 4;
          const edit =
            kind === 0
              ? replace(w.start, w.end, pick(['Begum', 'councillor', 'site visit', 'Thursday']))
              : kind === 1
                ? // Deleting a word takes one of the spaces beside it, as a writer would.
                  text[w.end] === ' '
                  ? replace(w.start, w.end + 1, '')
                  : text[w.start - 1] === ' '
                    ? replace(w.start - 1, w.end, '')
                    : replace(w.start, w.end, 'Begum')
                : kind === 2
                  ? insert(pick(lineStarts(text)), 'Copied to Cllr Begum. ')
                  : insert(pick(lineStarts(text)), 'Cllr Begum is copied because this is her ward.\n\n');
          const after = applyAndCheck(html, [edit]);
          // Everything up to the nearest visible text before the edit, and from the nearest after it, is byte-identical.
          const s = edit.kind === 'insertText' ? edit.at : edit.start;
          const e = edit.kind === 'insertText' ? edit.at : edit.end;
          const content = (i: number) => map.kind[i] === 'text' || map.kind[i] === 'alt';
          let b = s - 1;
          while (b >= 0 && !content(b)) b--;
          let a = e;
          while (a < text.length && !content(a)) a++;
          const lo = b >= 0 ? map.htmlEnd[b]! : 0;
          const hi = a < text.length ? map.htmlStart[a]! : html.length;
          expect(after.startsWith(html.slice(0, lo))).toBe(true);
          expect(after.endsWith(html.slice(hi))).toBe(true);
        }
      });
    }
  });
});
