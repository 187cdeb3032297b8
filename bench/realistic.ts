/**
 * Realistic drafts of any size (issue 15): the writer's own words taken from the drafts people
 * actually send (the five `samples/drafts` and the Northbridge corpus), repeated in a fixed order
 * to the size asked for, signed, with quoted history beneath as a reply carries it. The same
 * bytes on every run: the corpus files are read in name order and nothing is random.
 *
 * Two forms: `text` (text/plain, hard line breaks as written) and `html` (text/html only, as
 * Outlook for Windows writes it: Word's `MsoNormal` paragraphs, a header block in a bordered
 * `<div>` above the quoted message).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { layoutBody } from '../src/engine/text.ts';
import { parseDraftFile } from '../src/mail/index.ts';
import type { BenchDraft } from './fixtures.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SOURCES = ['samples/drafts', 'tests/corpus/northbridge'];

export type RealisticKind = 'text' | 'html';

let paragraphs: Promise<string[]> | undefined;

/** The own-words paragraphs (signature and quoted history left out) of every source draft, in order. */
function sourceParagraphs(): Promise<string[]> {
  paragraphs ??= (async () => {
    const out: string[] = [];
    for (const dir of SOURCES) {
      for (const file of readdirSync(join(ROOT, dir)).filter((f) => f.endsWith('.eml') || (f.endsWith('.json') && f !== 'labels.json' && f !== 'policy.json')).sort()) {
        const draft = await parseDraftFile(file, readFileSync(join(ROOT, dir, file)));
        const layout = layoutBody(draft.body);
        const own = draft.body.slice(layout.own.start, layout.signature?.start ?? layout.own.end);
        for (const p of own.split(/\n[ \t]*\n/)) {
          const text = p.replace(/[ \t]+$/gm, '').replace(/^\n+|\n+$/g, '');
          if (text.trim()) out.push(text);
        }
      }
    }
    return out;
  })();
  return paragraphs;
}

const SIGNATURE = ['Kind regards,', '', 'Kieran Boyd', 'Highways Officer', 'Eastmoor Borough Council', 'Town Hall, Quay Street, Eastmoor EM1 2QS', '01632 960412'];

const QUOTED_HEADER = [
  'From: Cllr Nadia Farouk <cllr.nadia.farouk@eastmoor.gov.uk>',
  'Sent: 08 February 2027 16:02',
  'To: Kieran Boyd <kieran.boyd@eastmoor.gov.uk>',
  'Subject: Drainage on Lime Kiln Lane',
];

function headers(contentType: string): string {
  return [
    'From: Kieran Boyd <kieran.boyd@eastmoor.gov.uk>',
    'To: Cllr Nadia Farouk <cllr.nadia.farouk@eastmoor.gov.uk>',
    'Cc: Cllr Tom Whelan <cllr.tom.whelan@eastmoor.gov.uk>',
    'Subject: RE: Drainage on Lime Kiln Lane',
    'Date: Tue, 09 Feb 2027 10:20:00 +0000',
    'MIME-Version: 1.0',
    `Content-Type: ${contentType}`,
    'Content-Transfer-Encoding: 8bit',
    'X-Unsent: 1',
  ].join('\r\n');
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const msoLine = (line: string) => (line.trim() === '' ? '<p class=MsoNormal><o:p>&nbsp;</o:p></p>' : `<p class=MsoNormal>${escapeHtml(line)}<o:p></o:p></p>`);
const HTML_HEAD =
  '<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><style><!--p.MsoNormal{margin:0cm;font-size:11.0pt;font-family:"Calibri",sans-serif}--></style></head><body lang=EN-GB link="#0563C1"><div class=WordSection1>';
const HTML_TAIL = '</div></body></html>';

/**
 * @summary A realistic reply of about `targetBytes` bytes of .eml: two thirds the writer's own
 * words, then the signature, then the councillor's quoted message.
 */
export async function realisticDraft(targetBytes: number, kind: RealisticKind): Promise<BenchDraft> {
  const source = await sourceParagraphs();
  const encoder = new TextEncoder();
  const html = kind === 'html';
  // Size in the form the draft is written in: a paragraph costs more as Outlook HTML.
  const cost = (p: string) => (html ? p.split('\n').map(msoLine).join('').length + msoLine('').length : p.length + 2);
  const own: string[] = ['Dear Cllr Farouk,'];
  const quoted: string[] = [];
  let size = 600;
  let next = 0;
  while (size < targetBytes * (2 / 3)) {
    const p = source[next++ % source.length]!;
    own.push(p);
    size += cost(p);
  }
  while (size < targetBytes) {
    const p = source[next++ % source.length]!;
    quoted.push(p);
    size += cost(p);
  }
  const lines = [...own.join('\n\n').split('\n'), '', ...SIGNATURE];
  const quotedLines = quoted.join('\n\n').split('\n');
  let body: string;
  let contentType: string;
  if (html) {
    const header = QUOTED_HEADER.map((h) => {
      const colon = h.indexOf(':');
      return `<b>${h.slice(0, colon + 1)}</b> ${escapeHtml(h.slice(colon + 2))}`;
    }).join('<br>');
    body = [
      HTML_HEAD,
      ...lines.map(msoLine),
      msoLine(''),
      `<div style='border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm'><p class=MsoNormal>${header}<o:p></o:p></p></div>`,
      msoLine(''),
      ...quotedLines.map(msoLine),
      HTML_TAIL,
    ].join('\r\n');
    contentType = 'text/html; charset="utf-8"';
  } else {
    body = [...lines, '', '-----Original Message-----', ...QUOTED_HEADER, '', ...quotedLines].join('\r\n');
    contentType = 'text/plain; charset="utf-8"';
  }
  const eml = encoder.encode(`${headers(contentType)}\r\n\r\n${body}\r\n`);
  return { name: `realistic ${kind}`, description: `${kind === 'html' ? 'HTML' : 'plain text'} reply, own words from samples/drafts and the Northbridge corpus`, eml };
}
