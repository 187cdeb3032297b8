/**
 * The generated test of the vocabulary: every entry of every file has an idea, a source and at
 * least one must-flag and one must-pass example, and each example does what it says. A phrase
 * added to a file is tested by the examples beside it.
 */
import { describe, expect, it } from 'vitest';
import { Lexicon, LexiconError } from './compile.ts';
import { BUILT_IN_PARTIES, LEXICON_FILES, PARTY_LIST_SOURCE, builtInLexicon } from './index.ts';

const lexicon = builtInLexicon();

/** The text of each counting hit of an entry in a one-paragraph text. */
function hitsIn(id: string, text: string): string[] {
  const model = lexicon.analyse(text);
  return lexicon.hits(model, id).map((h) => text.slice(h.start, h.end));
}

describe.each(LEXICON_FILES.filter((f) => f.entries.length > 0).map((f) => [f.family, f] as const))('lexicon family %s', (_family, file) => {
  it('says what the family is for', () => {
    expect(file.description.length).toBeGreaterThan(20);
  });
  describe.each(file.entries.map((e) => [e.id, e] as const))('%s', (id, entry) => {
    it('has an idea, a source and examples both ways', () => {
      expect(id.startsWith(`${file.family}.`), `id starts with "${file.family}."`).toBe(true);
      expect(entry.idea.length).toBeGreaterThan(10);
      expect(entry.source.length).toBeGreaterThan(10);
      expect(entry.examples.flag.length).toBeGreaterThan(0);
      expect(entry.examples.pass.length).toBeGreaterThan(0);
    });
    it.each(entry.examples.flag)('flags: %s', (text) => {
      expect(hitsIn(id, text)).not.toEqual([]);
    });
    it.each(entry.examples.pass)('passes: %s', (text) => {
      expect(hitsIn(id, text)).toEqual([]);
    });
  });
});

describe('the party list', () => {
  it('has a source', () => {
    expect(PARTY_LIST_SOURCE.length).toBeGreaterThan(10);
  });
  describe.each(BUILT_IN_PARTIES.map((p) => [p.name, p] as const))('%s', (_name, party) => {
    it.each(party.examples.flag)('names the party in: %s', (text) => {
      const model = lexicon.analyse(text);
      const found = model.sentences.flatMap((s) => lexicon.partiesIn(model, s, true).map((p) => p.party));
      expect(found).toContain(party.name);
    });
    it.each(party.examples.pass)('names no party in: %s', (text) => {
      const model = lexicon.analyse(text);
      expect(model.sentences.flatMap((s) => lexicon.partiesIn(model, s))).toEqual([]);
    });
  });
});

describe('the policy vocabulary', () => {
  const file = {
    family: 'test',
    description: 'A family for the tests of the vocabulary setting.',
    entries: [
      {
        id: 'test.canvassing',
        idea: 'Going door to door for a party.',
        source: 'test',
        phrases: ['canvass{,ed,ing}', 'door-knock{,ing}'],
        examples: { flag: ['x'], pass: ['y'] },
      },
    ],
  };
  const hits = (l: Lexicon, text: string) => {
    const model = l.analyse(text);
    return l.hits(model, 'test.canvassing').map((h) => text.slice(h.start, h.end));
  };

  it('adds a local word to an entry', () => {
    const l = new Lexicon([file], [], { 'test.canvassing': { add: ['leaf drop{,s}'] } });
    expect(hits(l, 'We have three leaf drops on Saturday.')).toEqual(['leaf drops']);
  });
  it('ignores a phrase of an entry', () => {
    const l = new Lexicon([file], [], { 'test.canvassing': { ignore: ['door-knock{,ing}'] } });
    expect(hits(l, 'We are door-knocking on Saturday.')).toEqual([]);
    expect(hits(l, 'We are canvassing on Saturday.')).toEqual(['canvassing']);
  });
  it('switches an entry off', () => {
    const l = new Lexicon([file], [], { 'test.canvassing': 'off' });
    expect(hits(l, 'We are canvassing on Saturday.')).toEqual([]);
  });
  it('names the entry and the phrase it cannot read', () => {
    expect(() => new Lexicon([file], [], { 'test.canvassing': { add: ['ca*'] } })).toThrow(LexiconError);
    expect(() => new Lexicon([file], [], { 'test.canvassing': { add: ['ca*'] } })).toThrow(/test\.canvassing.*"ca\*"/);
    // A word form after a group (rather than on each word in it) is refused with a reason, not a stack overflow.
    expect(() => new Lexicon([file], [], { 'test.canvassing': { add: ['(jump|skip)/v the queue'] } })).toThrow(/"\(jump\|skip\)\/v": word forms go on each word/);
  });
});

describe('matching', () => {
  const file = {
    family: 'm',
    description: 'Phrases for the matcher tests.',
    entries: [
      { id: 'm.verb', idea: 'verb forms', source: 't', phrases: ['attack/v (them|opponents)'], examples: { flag: ['x'], pass: ['y'] } },
      { id: 'm.gap', idea: 'a gap', source: 't', phrases: ['vote for ..2 candidate/n'], examples: { flag: ['x'], pass: ['y'] } },
      { id: 'm.party', idea: 'a party slot', source: 't', phrases: ['vote <party>'], examples: { flag: ['x'], pass: ['y'] } },
      { id: 'm.clitic', idea: 'a clitic', source: 't', phrases: ['will not stand'], counts: { negated: true }, examples: { flag: ['x'], pass: ['y'] } },
      { id: 'm.we', idea: 'needs the writer', source: 't', phrases: ['leaflet/n'], needs: { firstPerson: true }, examples: { flag: ['x'], pass: ['y'] } },
    ],
  };
  const l = new Lexicon([file], [{ name: 'Labour', strong: ['Labour'], short: ['Lab'] }]);
  const hits = (id: string, text: string) => {
    const model = l.analyse(text);
    return l.hits(model, id).map((h) => text.slice(h.start, h.end));
  };
  it('reads verb forms, gaps and party names', () => {
    expect(hits('m.verb', 'Keep attacking opponents.')).toEqual(['attacking opponents']);
    expect(hits('m.gap', 'Please vote for our local candidates.')).toEqual(['vote for our local candidates']);
    expect(hits('m.party', 'Vote Labour on 6 May.')).toEqual(['Vote Labour']);
    expect(hits('m.party', 'Vote labour saving devices.')).toEqual([]);
  });
  it('reads "won\'t" as "will not"', () => {
    expect(hits('m.clitic', "I won't stand again.")).toEqual(["won't stand"]);
  });
  it('needs the writer\'s own side where the entry says so', () => {
    expect(hits('m.we', 'We are delivering our leaflets.')).toEqual(['leaflets']);
    expect(hits('m.we', 'The leaflets are in reception.')).toEqual([]);
  });
});

describe('reported speech', () => {
  const reported = (text: string) => {
    const model = builtInLexicon().analyse(text);
    return model.tokens.filter((_, k) => model.reported[k]).map((t) => t.norm);
  };
  it('runs to the end of the sentence after the speaker', () => {
    expect(reported('The resident told me the Tories wrecked the park, and the swings are broken.')).toContain('tories');
  });
  it('stops where the writer starts a statement of their own', () => {
    const words = reported('Residents have asked for this for years, and it would not have happened without Cllr Pollard, who pressed for the funding.');
    expect(words).not.toContain('pressed');
    expect(words).not.toContain('happened');
  });
});
