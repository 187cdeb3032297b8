import { describe, expect, it } from 'vitest';
import { buildTextModel } from '../text-model/model.ts';
import { builtInLexicon, Lexicon, phraseProblem } from './index.ts';

describe('phrase syntax', () => {
  it('refuses a gap of more than nine words instead of reading it as a word', () => {
    expect(phraseProblem('when <party> ran ..12 sold off')).toMatch(/gap is \.\.1 to \.\.9/);
    expect(phraseProblem('when <party> ran ..9 sold off')).toBeUndefined();
  });

  it('reads a slot or a reference as one alternative of a group', () => {
    const lexicon = new Lexicon([
      { family: 'test', description: '', entries: [{ id: 'test.hold', idea: '', source: '', phrases: ['hold it for (him|<capital>)'], examples: { flag: [], pass: [] } }] } as never,
    ]);
    const hits = (text: string) => lexicon.hits(lexicon.analyse(text), 'test.hold').length;
    expect(hits('Could you hold it for Rachel?')).toBe(1);
    expect(hits('Could you hold it for him?')).toBe(1);
    expect(hits('Could you hold it for them?')).toBe(0);
  });

  it('refuses a mark after a group or a bracket inside a word with a message, not a crash', () => {
    expect(phraseProblem('(raise|take) it (up)? with')).toMatch(/nothing may follow a group's closing bracket \(got "\?"\)/);
    expect(phraseProblem('take(up) it')).toMatch(/a bracket inside a word/);
    expect(phraseProblem('(raise|take) it [up] with')).toBeUndefined();
  });

  it('matches a clitic written on its own after a word ("leader \'s column")', () => {
    const lexicon = builtInLexicon();
    const model = buildTextModel("The Leader's column is on page 2.");
    expect(lexicon.hits(model, 'publicity.newsletter-marker').map((h) => model.text.slice(h.start, h.end))).toEqual(["Leader's column"]);
    const plain = buildTextModel('The Leader spoke to the column of marchers.');
    expect(lexicon.hits(plain, 'publicity.newsletter-marker')).toEqual([]);
  });
});
