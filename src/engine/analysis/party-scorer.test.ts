import { describe, expect, it } from 'vitest';
import scorer from '../lexicon/data/party-scorer.json' with { type: 'json' };
import { builtInLexicon } from '../lexicon/index.ts';
import { layoutBody } from '../text.ts';
import { scorePartyContent, scorerWords } from './party-scorer.ts';

const model = (text: string) => builtInLexicon().analyse(text);

describe('the learned party-content scorer', () => {
  it('reads a party attack in wording no lexicon entry holds, and quotes its weightiest sentence', () => {
    const body = model('Dear neighbour,\n\nLabour have run Westmoor for too long. Every spring people tell us the same thing: Labour promise a lot and deliver little.\n\nNina');
    const verdict = scorePartyContent(body, model('Update'));
    expect(verdict?.probability).toBeGreaterThanOrEqual(scorer.threshold);
    expect(body.text.slice(verdict!.sentence!.start, verdict!.sentence!.end)).toBe('Every spring people tell us the same thing: Labour promise a lot and deliver little.');
  });

  it('stays silent on council business, and on a party group named in passing', () => {
    expect(scorePartyContent(model('Dear resident,\n\nThe new bin timetable starts on Monday. Collections move to Tuesdays in your street.'), model('Bins'))).toBeUndefined();
    expect(scorePartyContent(model('Dear neighbour,\n\nThe Labour group asked for the figures on the leisure centre last week. People can read them on the website.'), model('Figures'))).toBeUndefined();
  });

  it('reads only the writer’s own words: quoted history does not count', () => {
    const text = 'Noted, I will look into it.\n\n-----Original Message-----\nFrom: Sam Reed <sam@example.com>\nSent: 08 February 2027 16:02\nTo: Dev Patel <dev.patel@westmoor.gov.uk>\nSubject: Leaflet\n\nYour Labour campaign leaflet is a disgrace.';
    const words = scorerWords([builtInLexicon().analyse(text, { layout: layoutBody(text) })]);
    expect(words.has('noted')).toBe(true);
    expect(words.has('labour')).toBe(false);
    expect(words.has('campaign')).toBe(false);
  });

  it('ships weights trained on the tuning part only, with its threshold', () => {
    expect(scorer.trainedOn).toBeGreaterThan(300);
    expect(scorer.threshold).toBeGreaterThan(0);
    expect(scorer.threshold).toBeLessThan(1);
    // Never trained on the held-out part: none of its councils' names is a word it knows.
    for (const held of ['sallowfield', 'brantwood', 'glanmorfa']) expect(scorer.weights).not.toHaveProperty(held);
  });
});
