import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { htmlRangeOf, htmlToText, MAX_DEPTH } from './html-text.ts';

const fixture = (name: string) => readFileSync(new URL(`../../tests/fixtures/mail/${name}`, import.meta.url), 'utf8');

describe('htmlToText', () => {
  it.each([
    ['paragraphs are separated by a blank line', '<p>One</p><p>Two</p>', 'One\n\nTwo'],
    ['a line break is a newline', 'One<br>Two<br/>Three', 'One\nTwo\nThree'],
    ['Word paragraphs (MsoNormal) are single lines and &nbsp; paragraphs blank lines', '<p class=MsoNormal>One<o:p></o:p></p><p class=MsoNormal><o:p>&nbsp;</o:p></p><p class=MsoNormal>Two</p>', 'One\n\nTwo'],
    ['Gmail-style div lines with an empty <div><br></div>', '<div>One</div><div><br></div><div>Two</div>', 'One\n\nTwo'],
    ['table cells are separated by a tab and rows by a newline', '<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>', 'a\tb\nc\td'],
    ['list items are lines', '<ul><li>one</li><li>two</li></ul>', 'one\ntwo'],
    ['an image shows its alt text in brackets', '<p><img src="x.png" alt="Council logo"> Text</p>', '[Council logo] Text'],
    ['an image without alt text shows nothing', '<p><img src="spacer.gif" alt="">Text</p>', 'Text'],
    ['head, style, script, title and comments are dropped', '<html><head><title>T</title><style>p{}</style></head><body><!-- c --><script>x()</script><p>Body</p></body></html>', 'Body'],
    ['display:none (a preheader) is dropped', '<div style="display:none">preview</div><p>Body</p>', 'Body'],
    ['white space collapses as in a browser', '<p>  a \n\t b   <b> c </b> d </p>', 'a b c d'],
    ['entities are decoded', '<p>Fish &amp; chips &lt;3 &pound;5 &#8211; &ldquo;yes&rdquo;</p>', 'Fish & chips <3 £5 – “yes”'],
    ['&nbsp; is a space that does not collapse', '<p>a&nbsp;&nbsp;b</p>', 'a  b'],
    ['pre keeps its line breaks and spaces', '<pre>a  b\nc</pre>', 'a  b\nc'],
  ])('%s', (_name, html, text) => {
    expect(htmlToText(html).text).toBe(text);
  });

  it('maps every copied character back to the HTML it came from', () => {
    const html = '<p>Dear <b>Cllr</b> Brown &amp; co,</p>';
    const { text, map } = htmlToText(html);
    for (let i = 0; i < text.length; i++) {
      if (map.kind[i] !== 'text') continue;
      const source = html.slice(map.htmlStart[i], map.htmlEnd[i]);
      expect(source === text[i] || source === '&amp;' || /^\s+$/.test(source)).toBe(true);
    }
    const amp = text.indexOf('&');
    expect(html.slice(map.htmlStart[amp], map.htmlEnd[amp])).toBe('&amp;');
    const bold = htmlRangeOf(map, text.indexOf('Cllr'), text.indexOf('Cllr') + 4);
    expect(html.slice(bold.start, bold.end)).toBe('Cllr');
  });

  it('maps generated text to the tag that produced it', () => {
    const html = '<p>a</p><p>b<br>c</p><p><img src="l.png" alt="Logo"></p>';
    const { text, map } = htmlToText(html);
    expect(text).toBe('a\n\nb\nc\n\n[Logo]');
    expect(html.slice(map.htmlStart[1], map.htmlEnd[1])).toBe('</p>');
    expect(map.kind[1]).toBe('block');
    const br = text.indexOf('\nc');
    expect(html.slice(map.htmlStart[br], map.htmlEnd[br])).toBe('<br>');
    const logo = text.indexOf('[');
    expect(map.kind.slice(logo, logo + 6)).toEqual(Array(6).fill('alt'));
    expect(html.slice(map.htmlStart[logo], map.htmlEnd[logo + 5])).toBe('<img src="l.png" alt="Logo">');
  });

  it('never maps backwards: offsets into the HTML only grow', () => {
    const { map } = htmlToText(fixture('outlook-drifted.html'));
    for (let i = 1; i < map.htmlStart.length; i++) expect(map.htmlStart[i]).toBeGreaterThanOrEqual(map.htmlStart[i - 1]!);
  });

  it('reads the same words from Outlook-drifted HTML as from the original', () => {
    const original = htmlToText(fixture('outlook-original.html')).text;
    const drifted = htmlToText(fixture('outlook-drifted.html')).text;
    const words = (t: string) => t.replace(/[’]/g, "'").split(/\s+/).filter(Boolean);
    expect(words(drifted)).toEqual(words(original));
    expect(drifted).toContain('Dear Cllr Whitfield,\n\nThank you for raising');
    expect(drifted).toContain('[Northbridge District Council]\tMichael Thornton\nHead of Housing');
  });

  it('gives an empty text for an empty body', () => {
    expect(htmlToText('').text).toBe('');
    expect(htmlToText('<html><body></body></html>').text).toBe('');
  });
});

/** The fastest of three runs, in ms: a busy machine slows some runs, never speeds one up. */
function fastest(run: () => unknown): number {
  let best = Infinity;
  for (let k = 0; k < 3; k++) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

describe('htmlToText on hostile nesting (issue 16)', () => {
  const tables = (n: number) => '<table><tr><td>x'.repeat(n) + '</td></tr></table>'.repeat(n);
  const divs = (n: number) => '<div>a'.repeat(n) + '</div>'.repeat(n);

  it('reads tables nested 10,000 deep (0.3 MB) in seconds, not minutes, and keeps every cell', () => {
    const html = tables(10_000);
    const start = performance.now();
    const { text } = htmlToText(html);
    expect(performance.now() - start).toBeLessThan(8_000);
    expect(text.replace(/\s/g, '')).toBe('x'.repeat(10_000));
  });

  it('grows linearly with nesting depth: eight times the depth costs about eight times the time, not sixty-four', () => {
    // The bound is the same fitted exponent as before (at most 1.5) over a wider span, so that a
    // busy machine's noise on the small case cannot push a linear reader over it.
    const small = tables(5_000);
    const large = tables(40_000);
    htmlToText(small);
    const ratio = fastest(() => htmlToText(large)) / fastest(() => htmlToText(small));
    expect(ratio).toBeLessThan(8 ** 1.5);
  });

  it('reads 100,000 nested divs with all their text', () => {
    const { text } = htmlToText(divs(100_000));
    expect(text.replace(/\s/g, '')).toBe('a'.repeat(100_000));
  });

  it('past the depth cap the text is still read, in order, and what is inside the cap is laid out as before', () => {
    const deep = `${'<div>'.repeat(MAX_DEPTH + 50)}<p>Dear Cllr Brown,</p><p>The <b>repair</b> is booked.</p>${'</div>'.repeat(MAX_DEPTH + 50)}<p>After</p>`;
    const { text } = htmlToText(deep);
    expect(text).toContain('Dear Cllr Brown,');
    expect(text).toContain('The repair is booked.');
    expect(text.indexOf('Dear')).toBeLessThan(text.indexOf('repair'));
    expect(text.trimEnd().endsWith('After')).toBe(true);
    const shallow = '<div><p>One</p><p>Two</p></div>';
    expect(htmlToText(shallow).text).toBe('One\n\nTwo');
  });

  it('keeps the offset map in runs, not per character: a 1 MB paragraph is one run', () => {
    const html = `<p>${'Dear Cllr Brown, the repair is booked. '.repeat(26_000)}</p>`;
    const { text, map } = htmlToText(html);
    expect(map.length).toBe(text.length);
    expect(map.runs).toBe(1);
    const at = text.indexOf('repair', 500_000);
    expect(html.slice(map.startAt(at)!, map.endAt(at + 5)!)).toBe('repair');
  });

  it('reads 3 MB of spaces in <pre> as one run', () => {
    const { text, map } = htmlToText(`<pre>${' '.repeat(3_000_000)}x</pre>`);
    expect(text.length).toBe(3_000_001);
    expect(map.runs).toBeLessThanOrEqual(2);
  });
});
