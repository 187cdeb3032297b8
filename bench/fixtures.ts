/**
 * Deterministic drafts for the benchmark: the same bytes on every run and every machine, so
 * timings compare. Text comes from a seeded generator over a fixed word list, in the style of
 * council casework (Eastmoor, the council of samples/).
 */

/** Mulberry32: a tiny seeded PRNG (public domain), enough to vary words repeatably. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'the council ward resident report repair highways planning application committee meeting ' +
  'officer councillor street lighting footpath drainage consultation budget housing repairs ' +
  'contractor schedule inspection survey agreed update week month progress timetable scheme ' +
  'community centre library parking permit refuse collection recycling verge hedge tree ' +
  'will be on in for with as by from that this we our have has been following next last'
).split(' ');

function sentence(random: () => number): string {
  const length = 8 + Math.floor(random() * 14);
  const words = Array.from({ length }, () => WORDS[Math.floor(random() * WORDS.length)]!);
  const text = words.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

function paragraph(random: () => number): string {
  const count = 2 + Math.floor(random() * 4);
  return Array.from({ length: count }, () => sentence(random)).join(' ');
}

/** Wrap at 76 columns, as mail clients do for text/plain. */
function wrap(text: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > 76) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

const SIGNATURE = 'Kind regards,\n\nKieran Boyd\nHighways Officer\nEastmoor Borough Council\nTown Hall, Quay Street, Eastmoor EM1 2QS\n01632 960412';

function headers(extra: string[], contentType: string): string {
  return [
    'From: Kieran Boyd <kieran.boyd@eastmoor.gov.uk>',
    'To: Cllr Nadia Farouk <cllr.nadia.farouk@eastmoor.gov.uk>',
    ...extra,
    'Subject: RE: Drainage on Lime Kiln Lane',
    'Date: Tue, 09 Feb 2027 10:20:00 +0000',
    'MIME-Version: 1.0',
    `Content-Type: ${contentType}`,
    'X-Unsent: 1',
  ].join('\r\n');
}

export interface BenchDraft {
  name: string;
  description: string;
  eml: Uint8Array;
}

const encoder = new TextEncoder();

/** About 600 bytes: a short plain-text reply with a Bcc'd ward colleague. */
export function smallDraft(): BenchDraft {
  const body = `Dear Cllr Farouk,\r\n\r\nThe drain outside 14 Lime Kiln Lane is booked for clearing on Thursday.\r\n\r\n${SIGNATURE.replace(/\n/g, '\r\n')}\r\n`;
  const eml = `${headers(['Bcc: Cllr Tom Whelan <cllr.tom.whelan@eastmoor.gov.uk>'], 'text/plain; charset="utf-8"')}\r\n\r\n${body}`;
  return { name: 'small', description: 'plain text, short reply', eml: encoder.encode(eml) };
}

/** About 5 KB: a reply in text and HTML with a quoted councillor's message beneath it. */
export function typicalDraft(): BenchDraft {
  const random = seeded(5);
  const own = Array.from({ length: 3 }, () => wrap(paragraph(random)));
  const quoted = Array.from({ length: 2 }, () => wrap(paragraph(random)));
  const text = [
    'Dear Cllr Farouk,',
    ...own,
    SIGNATURE,
    '',
    '-----Original Message-----',
    'From: Cllr Nadia Farouk <cllr.nadia.farouk@eastmoor.gov.uk>',
    'Sent: 08 February 2027 16:02',
    'To: Kieran Boyd <kieran.boyd@eastmoor.gov.uk>',
    'Subject: Drainage on Lime Kiln Lane',
    '',
    ...quoted,
  ].join('\n\n');
  const html = `<html><body>${text
    .split('\n\n')
    .map((p) => `<p style="margin:0 0 12px;font-family:Calibri,sans-serif">${p.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\n/g, '<br>')}</p>`)
    .join('\n')}</body></html>`;
  const boundary = 'bench-typical-boundary';
  const eml = [
    headers(['Cc: Cllr Tom Whelan <cllr.tom.whelan@eastmoor.gov.uk>'], `multipart/alternative; boundary="${boundary}"`),
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset="utf-8"',
    '',
    text.replace(/\n/g, '\r\n'),
    `--${boundary}`,
    'Content-Type: text/html; charset="utf-8"',
    '',
    html,
    `--${boundary}--`,
    '',
  ].join('\r\n');
  return { name: 'typical', description: 'text and HTML reply with quoted history', eml: encoder.encode(eml) };
}

/** About 200 KB: an HTML-only newsletter-style draft (tables, styles, many paragraphs). */
export function largeDraft(targetBytes = 200_000): BenchDraft {
  const random = seeded(200);
  const parts: string[] = [
    '<html><head><style>td{padding:4px;border:1px solid #ccc}p{font-family:Arial,sans-serif}</style></head><body>',
    '<p>Dear Cllr Farouk,</p>',
  ];
  let size = parts.join('').length;
  let section = 0;
  while (size < targetBytes - 600) {
    section++;
    const chunk =
      section % 5 === 0
        ? `<table><tr><th>Street</th><th>Work</th><th>Week</th></tr>${Array.from({ length: 6 }, (_, i) => `<tr><td>Street ${section}-${i}</td><td>${sentence(random)}</td><td>${1 + Math.floor(random() * 52)}</td></tr>`).join('')}</table>`
        : `<h3>Update ${section}</h3><p style="margin:0 0 12px">${paragraph(random)}</p><p><span style="color:#333">${paragraph(random)}</span></p>`;
    parts.push(chunk);
    size += chunk.length;
  }
  parts.push(`<p>${SIGNATURE.replace(/\n/g, '<br>')}</p></body></html>`);
  const html = parts.join('\n');
  const eml = `${headers([], 'text/html; charset="utf-8"')}\r\n\r\n${html}\r\n`;
  return { name: 'large', description: 'HTML only, 200 KB', eml: encoder.encode(eml) };
}

export function benchDrafts(): BenchDraft[] {
  return [smallDraft(), typicalDraft(), largeDraft()];
}
