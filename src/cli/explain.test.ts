import { describe, expect, it } from 'vitest';
import { markdownToText } from './explain.ts';

describe('markdownToText (--explain)', () => {
  it('turns headings, bullets, emphasis, code, links and tables into plain words', () => {
    const md = [
      '# Sent to a councillor’s personal address',
      '',
      'It is **council** business, see `policy.json` and [the guide](../policy.md) or [GOV.UK](https://www.gov.uk/).',
      '',
      '## What to do',
      '',
      '- Use the council address',
      '  instead.',
      '',
      '| pack | paragraphs |',
      '|---|---|',
      '| crawley | 6.2 |',
    ].join('\n');
    expect(markdownToText(md)).toBe(
      [
        'Sent to a councillor’s personal address',
        '',
        'It is council business, see policy.json and the guide or GOV.UK',
        '(https://www.gov.uk/).',
        '',
        'What to do',
        '',
        '  • Use the council address instead.',
        '',
        '  pack: paragraphs',
        '  crawley: 6.2',
        '',
      ].join('\n'),
    );
  });

  it('keeps a code block as it is, indented', () => {
    expect(markdownToText('Turn it off:\n\n```json\n{ "rules": { "x": "off" } }\n```\n')).toBe('Turn it off:\n\n    { "rules": { "x": "off" } }\n');
  });
});
