import { describe, expect, it } from 'vitest';
import { builtInLexicon } from '../lexicon/index.ts';
import { layoutBody } from '../text.ts';
import { asserted, sentenceText, type TextModel } from './model.ts';
import { tokenize } from './tokenize.ts';

const lexicon = builtInLexicon();
const analyse = (text: string) => lexicon.analyse(text, { layout: layoutBody(text) });

/** The words of the model that `pick` says yes to. */
function words(model: TextModel, pick: (k: number) => boolean): string[] {
  return model.tokens.flatMap((t, k) => (t.kind === 'word' && pick(k) ? [model.text.slice(t.start, t.end)] : []));
}

describe('tokenize', () => {
  it('reads a separator rule of underscores, equals signs or tildes as one token, and lone ones as themselves', () => {
    const tokens = tokenize('Regards\n________________\n==== a_b ~~ ~');
    expect(tokens.map((t) => t.norm)).toEqual(['regards', '_', '=', 'a', '_', 'b', '~', '~']);
    expect(tokenize('_'.repeat(200_000))).toHaveLength(1);
  });

  it('splits clitics the Penn Treebank way and names what they stand for', () => {
    expect(tokenize("We won't, can't and don't; I'm sure it's fine.").map((t) => t.norm)).toEqual(
      ['we', 'will', 'not', ',', 'can', 'not', 'and', 'do', 'not', ';', 'i', 'am', 'sure', 'it', "'s", 'fine', '.'],
    );
  });
  it('keeps names with apostrophes, addresses, numbers and initials whole', () => {
    const text = "Cllr O'Dowd (kieran.odowd@members.example.gov.uk) paid £1,250.50 at 10:30, e.g. by card.";
    const tokens = tokenize(text).map((t) => text.slice(t.start, t.end));
    expect(tokens).toContain("O'Dowd");
    expect(tokens).toContain('kieran.odowd@members.example.gov.uk');
    expect(tokens).toContain('1,250.50');
    expect(tokens).toContain('10:30');
    expect(tokens).toContain('e.g');
  });
  it('keeps offsets into the text, curly apostrophes included', () => {
    const text = 'We won\u2019t canvass.';
    for (const t of tokenize(text)) expect(t.end).toBeGreaterThan(t.start);
    expect(tokenize(text).map((t) => t.norm)).toEqual(['we', 'will', 'not', 'canvass', '.']);
  });
});

describe('sentences', () => {
  it('splits on full stops but not after titles, initials and abbreviations', () => {
    const m = analyse('Cllr. J. Smith met Mrs. Hart at 10 a.m. on Mill Rd. yesterday. She was pleased! Was he?');
    expect(m.sentences.map((s) => sentenceText(m, s))).toEqual([
      'Cllr. J. Smith met Mrs. Hart at 10 a.m. on Mill Rd. yesterday.',
      'She was pleased!',
      'Was he?',
    ]);
    expect(m.sentences.map((s) => s.question)).toEqual([false, false, true]);
  });
  it('treats a line without closing punctuation as a heading, and a wrapped line as one sentence', () => {
    const m = analyse('New park opens in Castle ward\nThe council has opened a new\npark on Mill Road.');
    expect(m.sentences.map((s) => sentenceText(m, s))).toEqual(['New park opens in Castle ward', 'The council has opened a new\npark on Mill Road.']);
    expect(m.sentences[0]!.heading).toBe(true);
  });
  it('keeps the writer\'s words, the signature and quoted history apart', () => {
    const body = 'Thanks Sam.\n\nKind regards\nJo Bloggs\nNorthbridge District Council\n\nFrom: Cllr Smith <a@b.gov.uk>\nSent: 1 May\nTo: Jo\nSubject: Bins\n\nVote for us.';
    const m = analyse(body);
    expect(m.sentences.map((s) => s.region)).toEqual(['own', 'signature', 'signature', 'signature', 'quoted', 'quoted', 'quoted', 'quoted', 'quoted']);
  });
});

describe('negation', () => {
  it('reaches forward within the clause, contractions included', () => {
    const m = analyse("We won't be canvassing on Saturday, but we will deliver leaflets.");
    expect(words(m, (k) => m.negated[k] === 1)).toEqual(['be', 'canvassing', 'on', 'Saturday']);
  });
  it('reads "didn\'t" and "cannot" as negation', () => {
    const m = analyse("Cllr Fox didn't champion the scheme. We cannot support it.");
    expect(words(m, (k) => m.negated[k] === 1)).toEqual(['champion', 'the', 'scheme', 'support', 'it']);
  });
  it('is stopped by a conjunction that starts a fresh statement', () => {
    const m = analyse('I have not seen it, although she has agreed to it.');
    expect(words(m, (k) => m.negated[k] === 1)).toEqual(['seen', 'it']);
  });
  it('reads "no." before a number as a house number, not a negation', () => {
    const m = analyse('Please take the sandbags to no. 14 before the rest of the street.');
    expect(words(m, (k) => m.negated[k] === 1)).toEqual([]);
  });
  it('carries a negation on through "or" past its window, within the clause', () => {
    const m = analyse("I can't come with you to the meeting on Thursday or act as your companion.");
    expect(m.negated[m.tokens.findIndex((t) => t.norm === 'act')]).toBe(1);
    const n = analyse("I can't come on Thursday, but I will act as your companion.");
    expect(n.negated[n.tokens.findIndex((t) => t.norm === 'act')]).toBe(0);
  });
  it('reads "why not" and "why don\'t you" as a suggestion, not a negation', () => {
    const m = analyse("Why not join the Lib Dems? Why don't you come along on Saturday?");
    expect(words(m, (k) => m.negated[k] === 1)).toEqual([]);
    const n = analyse("Why didn't they fix the road?");
    expect(words(n, (k) => n.negated[k] === 1)).toEqual(['they', 'fix', 'the', 'road']);
  });
  it('reads "never seen such …" as asserting what follows, and "never seen it" as a negation', () => {
    const m = analyse("I've never seen such twaddle.");
    expect(words(m, (k) => m.negated[k] === 1)).toEqual([]);
    const n = analyse("I've never seen the report.");
    expect(words(n, (k) => n.negated[k] === 1)).toEqual(['seen', 'the', 'report']);
  });
  it('ignores pseudo-negations', () => {
    const m = analyse('This is not only about bins. No doubt it helps.');
    expect(words(m, (k) => m.negated[k] === 1)).toEqual([]);
  });
});

describe('quotations and reported speech', () => {
  it('finds double and single quotation marks, curly or straight', () => {
    const m = analyse('\u2018We are delighted,\u2019 said Cllr Smith. "It\'s great news," she added.');
    expect(words(m, (k) => m.quotationOf[k] !== -1)).toEqual(['We', 'are', 'delighted', 'It', "'s", 'great', 'news']);
  });
  it('does not take a plural possessive for the end of a quotation', () => {
    const m = analyse("He said 'the residents' homes were flooded' last week.");
    expect(words(m, (k) => m.quotationOf[k] !== -1)).toEqual(['the', 'residents', 'homes', 'were', 'flooded']);
  });
  it('runs an unclosed quotation to its paragraph\'s end when the next paragraph opens another', () => {
    const m = analyse('"We are proud of the park.\n\n"It will serve everyone," she said.');
    expect(words(m, (k) => m.quotationOf[k] !== -1)).toEqual(['We', 'are', 'proud', 'of', 'the', 'park', 'It', 'will', 'serve', 'everyone']);
  });
  it('marks what a third party said as reported, not the writer\'s own', () => {
    const m = analyse('The resident told me the officer was useless. I told you the bins were missed.');
    expect(words(m, (k) => m.reported[k] === 1)).toEqual(['the', 'officer', 'was', 'useless']);
    expect(asserted(m, m.tokens.findIndex((t) => t.norm === 'useless'))).toBe(false);
  });
});

describe('frames', () => {
  it('marks requests and instructions, not negated ones', () => {
    const m = analyse("Could you look at this? I want you to cancel it. I don't want you to change the report. The report was changed.");
    expect(m.sentences.map((s) => [s.request, s.instruction])).toEqual([[true, false], [true, true], [false, false], [false, false]]);
  });
  it('knows when the writer\'s own side speaks', () => {
    const m = analyse("We are out on Saturday. Let's meet at ten. The Labour leaflet says \"we will win\".");
    expect(m.sentences.map((s) => s.firstPerson)).toEqual([true, true, false]);
  });
});
