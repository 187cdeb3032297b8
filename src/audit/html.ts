/**
 * The audit report as one self-contained HTML file: no script, no remote font, image or style
 * (a Content-Security-Policy in the file forbids any request), charts drawn at report time by
 * Vega (a maintained charting library, rendered headless to SVG), each chart with a title and
 * the table of its numbers. The SVG is hidden from screen readers, whose users get the table;
 * printed, each chart stays with its table on one page.
 */
import type { Spec } from 'vega';
import { RULE_MEASURES } from './format.ts';
import type { AuditReport } from './report.ts';

interface Row {
  category: string;
  series: string;
  value: number;
}

interface Chart {
  id: string;
  title: string;
  /** One sentence under the title: what the chart answers. */
  about: string;
  rows: Row[];
  categories: string[];
  series: string[];
  /** The data table's column headings: the category's, then one per series. */
  categoryHeading: string;
  empty: string;
  /** What the bars count, for the axis. */
  unit: string;
}

const esc = (text: string | number): string => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// Okabe and Ito's palette, distinguishable with the common colour-vision deficiencies
// (Okabe & Ito, "Color Universal Design", 2008).
const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];

function spec(chart: Chart): Spec {
  const many = chart.series.length > PALETTE.length;
  return {
    width: 560,
    height: Math.max(40, chart.categories.length * 22),
    padding: 8,
    background: '#ffffff',
    data: [
      {
        name: 'table',
        values: chart.rows.map((r) => ({ ...r, order: chart.series.indexOf(r.series) })),
        transform: [{ type: 'stack', groupby: ['category'], field: 'value', sort: { field: 'order' } }],
      },
    ],
    scales: [
      { name: 'y', type: 'band', domain: chart.categories, range: 'height', padding: 0.2 },
      { name: 'x', type: 'linear', domain: { data: 'table', field: 'y1' }, range: 'width', nice: true, zero: true },
      { name: 'colour', type: 'ordinal', domain: chart.series, range: many ? { scheme: 'tableau20' } : PALETTE.slice(0, chart.series.length) },
    ],
    axes: [
      { orient: 'bottom', scale: 'x', format: 'd', tickMinStep: 1, title: chart.unit, labelColor: '#1a1a1a', titleColor: '#1a1a1a' },
      { orient: 'left', scale: 'y', labelLimit: 220, labelColor: '#1a1a1a' },
    ],
    legends: chart.series.length > 1 ? [{ fill: 'colour', orient: 'bottom', direction: 'horizontal', columns: 3, labelLimit: 200, labelColor: '#1a1a1a' }] : [],
    marks: [
      {
        type: 'rect',
        from: { data: 'table' },
        encode: {
          enter: {
            y: { scale: 'y', field: 'category' },
            height: { scale: 'y', band: 1 },
            x: { scale: 'x', field: 'y0' },
            x2: { scale: 'x', field: 'y1' },
            fill: { scale: 'colour', field: 'series' },
            stroke: { value: '#ffffff' },
          },
        },
      },
    ],
  } as Spec;
}

async function svgOf(chart: Chart): Promise<string> {
  const vega = await import('vega');
  const view = new vega.View(vega.parse(spec(chart)), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  // The table beside it is the accessible form: the drawing is hidden from screen readers.
  return svg.replace(/^<svg\b/, '<svg aria-hidden="true" focusable="false"');
}

function table(chart: Chart): string {
  const head = `<tr><th scope="col">${esc(chart.categoryHeading)}</th>${chart.series.map((s) => `<th scope="col">${esc(s)}</th>`).join('')}</tr>`;
  const cell = new Map(chart.rows.map((r) => [`${r.category}\u0000${r.series}`, r.value]));
  const body = chart.categories
    .map((c) => `<tr><th scope="row">${esc(c)}</th>${chart.series.map((s) => `<td>${esc(cell.get(`${c}\u0000${s}`) ?? 0)}</td>`).join('')}</tr>`)
    .join('\n');
  return `<table><caption>${esc(chart.title)}: the numbers</caption><thead>${head}</thead><tbody>\n${body}\n</tbody></table>`;
}

function charts(report: AuditReport): Chart[] {
  const rules = Object.entries(report.rules);
  const ruleChart = (id: string, title: string, about: string, empty: string, measures: { key: (typeof RULE_MEASURES)[number]; label: string }[]): Chart => {
    const picked = rules.filter(([, c]) => measures.some((m) => c[m.key] > 0)).sort(([, a], [, b]) => measures.reduce((n, m) => n + b[m.key] - a[m.key], 0));
    return {
      id,
      title,
      about,
      empty,
      unit: id === 'without-check' ? 'messages' : 'records',
      categoryHeading: 'rule',
      categories: picked.map(([r]) => r),
      series: measures.map((m) => m.label),
      rows: picked.flatMap(([r, c]) => measures.map((m) => ({ category: r, series: m.label, value: c[m.key] }))),
    };
  };
  const months = Object.keys(report.months);
  const monthRules = [...new Set(months.flatMap((m) => Object.keys(report.months[m]!)))].sort();
  const reasons = Object.entries(report.reasons).sort(([, a], [, b]) => b - a);
  const senders = report.senders.slice(0, 10);
  return [
    {
      id: 'per-month',
      title: 'Findings per rule per month',
      about: 'How many messages each rule finds something in, month by month, when the messages are checked again against the policy.',
      empty: 'No message in the export has a finding.',
      unit: 'messages',
      categoryHeading: 'month',
      categories: months,
      series: monthRules,
      rows: months.flatMap((m) => monthRules.map((r) => ({ category: m, series: r, value: report.months[m]![r] ?? 0 }))),
    },
    ruleChart('overrides', 'Sent anyway and overridden, per rule', 'Messages whose sealed record says the user sent past this rule’s finding: from the send-time dialog (sent anyway) or from the panel with a reason (overridden).', 'No opened record says a message was sent anyway or overridden.', [
      { key: 'sentAnyway', label: 'sent anyway' },
      { key: 'overridden', label: 'overridden' },
    ]),
    {
      id: 'reasons',
      title: 'Reasons given',
      about: 'The reasons users chose when they sent anyway or overrode a finding.',
      empty: 'No opened record gives a reason.',
      unit: 'records',
      categoryHeading: 'reason',
      categories: reasons.map(([r]) => r),
      series: ['records'],
      rows: reasons.map(([r, n]) => ({ category: r, series: 'records', value: n })),
    },
    ruleChart('false-positives', '"False positive" reports per rule: what to tune first', 'Records whose reason is “this is a false positive”: the rules to look at first when tuning the policy’s vocabulary or severities.', 'No opened record reports a false positive.', [{ key: 'falsePositive', label: 'false positive' }]),
    {
      id: 'senders',
      title: 'Senders with most overrides',
      about: 'The ten senders with the most records of sending anyway or overriding.',
      empty: 'No opened record of sending anyway or overriding.',
      unit: 'records',
      categoryHeading: 'sender',
      categories: senders.map((s) => s.sender),
      series: ['overrides'],
      rows: senders.map((s) => ({ category: s.sender, series: 'overrides', value: s.overrides })),
    },
    ruleChart('without-check', 'Messages sent without any check, per rule', 'Messages with no record on them in which the check now finds an error: sent from a phone or an Outlook without the add-in, or before the check was deployed or the policy changed.', 'Every message with an error finding carries a record.', [{ key: 'withoutStamp', label: 'no record' }]),
  ];
}

const STYLE = `
body{font-family:"Segoe UI",system-ui,-apple-system,sans-serif;color:#1a1a1a;background:#fff;margin:0 auto;max-width:60rem;padding:1.5rem;line-height:1.45}
h1{font-size:1.6rem;margin:0 0 .5rem}h2{font-size:1.25rem;margin:2rem 0 .25rem}
dl.totals{display:grid;grid-template-columns:repeat(auto-fit,minmax(10rem,1fr));gap:.5rem;margin:1rem 0}
dl.totals div{border:1px solid #767676;border-radius:4px;padding:.5rem}
dl.totals dt{font-size:.9rem}dl.totals dd{margin:0;font-size:1.5rem;font-weight:600}
figure{margin:.5rem 0}figure svg{max-width:100%;height:auto}
table{border-collapse:collapse;margin:.5rem 0 1rem;font-size:.9rem}
caption{text-align:left;font-weight:600;padding:.25rem 0;min-width:20rem}
th,td{border:1px solid #767676;padding:.2rem .5rem;text-align:left}td{text-align:right}
section{break-inside:avoid;page-break-inside:avoid}
@media print{body{max-width:none;padding:0}section{break-inside:avoid}a{color:inherit}}
`;

export async function formatAuditHtml(report: AuditReport, options: { generatedAt: Date; inputs: string[] }): Promise<string> {
  const sections: string[] = [];
  for (const chart of charts(report)) {
    const body = chart.categories.length === 0 ? `<p>${esc(chart.empty)}</p>` : `<figure>${await svgOf(chart)}</figure>\n${table(chart)}`;
    sections.push(`<section aria-labelledby="${chart.id}"><h2 id="${chart.id}">${esc(chart.title)}</h2><p>${esc(chart.about)}</p>\n${body}</section>`);
  }
  const rules = Object.entries(report.rules);
  const totalsTable = `<table><caption>Every rule: the numbers</caption><thead><tr><th scope="col">rule</th>${RULE_MEASURES.map((m) => `<th scope="col">${esc(m)}</th>`).join('')}</tr></thead><tbody>\n${rules
    .map(([id, c]) => `<tr><th scope="row">${esc(id)}</th>${RULE_MEASURES.map((m) => `<td>${c[m]}</td>`).join('')}</tr>`)
    .join('\n')}\n</tbody></table>`;
  const unreadable = report.unreadableItems.length
    ? `<section aria-labelledby="unreadable"><h2 id="unreadable">Messages that could not be read</h2><p>These were not checked; every other message was.</p><table><caption>Unreadable messages and why</caption><thead><tr><th scope="col">file or message</th><th scope="col">why</th></tr></thead><tbody>\n${report.unreadableItems
        .map((u) => `<tr><th scope="row">${esc(u.item)}</th><td style="text-align:left">${esc(u.error)}</td></tr>`)
        .join('\n')}\n</tbody></table></section>`
    : '';
  const total = (label: string, value: number) => `<div><dt>${esc(label)}</dt><dd>${value.toLocaleString('en-GB')}</dd></div>`;
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Protocol Checker audit report: ${esc(report.policy)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>Protocol Checker audit report</h1>
<p>${esc(report.policy)}. Made on ${esc(options.generatedAt.toISOString().slice(0, 10))} from ${esc(options.inputs.join(', '))}. Every message was checked again against the policy; the records on the mail were opened with the audit key.</p>
<dl class="totals">${total('messages checked', report.messages)}${total('could not be read', report.unreadable)}${total('records found', report.stamps.found)}${total('records opened', report.stamps.opened)}${total('sent without a check', report.sentWithoutCheck)}</dl>
${report.stamps.notOpened ? `<p><strong>${report.stamps.notOpened.toLocaleString('en-GB')} records could not be opened</strong>: no key was given, or they were sealed to another key, or they were damaged on the way.</p>` : ''}
${sections.join('\n')}
<section aria-labelledby="every-rule"><h2 id="every-rule">Every rule</h2>${totalsTable}</section>
${unreadable}
</main>
</body>
</html>
`;
}
