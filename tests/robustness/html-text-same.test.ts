/**
 * The linear HTML → text layout (src/engine/html-text.ts) gives the same text, offset map,
 * tags, text runs and empty lines as the layout it replaced (html-text-before.ts), on every HTML
 * body the project holds (fixtures, sample drafts, the corpora) and on generated HTML within the
 * depth cap.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layoutHtml } from '../../src/engine/html-text.ts';
import { parseEml } from '../../src/mail/eml.ts';
import { layoutHtml as layoutBefore } from './html-text-before.ts';

const ROOT = new URL('../../', import.meta.url).pathname;

function files(dir: string, ext: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...files(path, ext));
    else if (name.endsWith(ext)) out.push(path);
  }
  return out.sort();
}

function same(html: string): void {
  const now = layoutHtml(html);
  const before = layoutBefore(html);
  expect(now.text).toBe(before.text);
  expect(now.map.length).toBe(before.map.htmlStart.length);
  expect(now.map.htmlStart).toEqual(before.map.htmlStart);
  expect(now.map.htmlEnd).toEqual(before.map.htmlEnd);
  expect(now.map.kind).toEqual(before.map.kind);
  expect(now.tags).toEqual(before.tags);
  expect(now.runs).toEqual(before.runs);
  expect(now.emptyLines).toEqual(before.emptyLines);
}

describe('the linear layout reads HTML exactly as the one it replaced', () => {
  const htmlFiles = files(join(ROOT, 'tests/fixtures'), '.html');
  const emlFiles = [...files(join(ROOT, 'tests/fixtures'), '.eml'), ...files(join(ROOT, 'samples'), '.eml'), ...files(join(ROOT, 'tests/corpus'), '.eml')];

  it.each(htmlFiles.map((f) => [relative(ROOT, f)]))('%s', (file) => {
    same(readFileSync(join(ROOT, file), 'utf8'));
  });

  it(`every HTML body among ${emlFiles.length} .eml drafts of the fixtures, samples and corpora`, async () => {
    let bodies = 0;
    for (const file of emlFiles) {
      const bytes = readFileSync(file);
      if (!/text\/html/i.test(bytes.toString('latin1'))) continue;
      let html: string | undefined;
      try {
        html = (await parseEml(new Uint8Array(bytes))).bodyHtml;
      } catch {
        continue; // a fixture that is deliberately not an email
      }
      if (html === undefined) continue;
      bodies++;
      same(html);
    }
    expect(bodies).toBeGreaterThan(20);
  });

  it('generated HTML: blocks, tables, lists, entities, images, pre, hidden parts, unclosed tags', () => {
    const piece = fc.oneof(
      fc.constantFrom('<p>', '</p>', '<p class=MsoNormal>', '<div>', '</div>', '<br>', '<table>', '</table>', '<tr>', '</tr>', '<td>', '</td>', '<th>', '<li>', '<ul>', '</ul>'),
      fc.constantFrom('<b>', '</b>', '<a href="x">', '</a>', '<img alt="Logo">', '<img alt="">', '<pre>', '</pre>', '<style>p{}</style>', '<div style="display:none">', '<span>', '</span>', '<hr>'),
      fc.constantFrom('&nbsp;', '&amp;', '&pound;', '&#8211;', ' ', '  ', '\n', '\t', '\r\n', 'Cllr', 'Dear', 'ward', '😀', '\u00a0', '<!-- c -->', '<o:p></o:p>'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        same(pieces.join(''));
      }),
      { numRuns: 400, seed: 16 },
    );
  });
});
