import { describe, expect, it } from 'vitest';
import { indexOfPhrase, mentionsName, peopleIndex, PhraseIndex } from './people-index.ts';
import { resolvePolicy } from '../policy/resolve.ts';

const found = <T>(index: PhraseIndex<T>, text: string) => index.find(text).map((m) => text.slice(m.start, m.end));

describe('finding names by their words', () => {
  const names = new PhraseIndex([
    ['Jane Smith', 'jane'],
    ['Zoë Ó Briain', 'zoe'],
    ['Mary-Jane Ng', 'mary-jane'],
    ["Aoife O'Neill", 'aoife'],
  ]);

  it('ignores case, runs of white space and line breaks', () => {
    expect(found(names, 'Dear JANE  Smith,\nand jane\nsmith again')).toEqual(['JANE  Smith', 'jane\nsmith']);
  });

  it('ignores diacritics both ways, and decomposed accents', () => {
    expect(found(names, 'Zoe O Briain and Zoë Ó Briain and Zoe\u0308 O\u0301 Briain')).toEqual(['Zoe O Briain', 'Zoë Ó Briain', 'Zoe\u0308 O\u0301 Briain']);
  });

  it('reads curly apostrophes and dashes as straight ones', () => {
    expect(found(names, 'Aoife O’Neill and Mary‐Jane Ng')).toEqual(['Aoife O’Neill', 'Mary‐Jane Ng']);
  });

  it('finds a name only as whole words', () => {
    expect(found(names, 'Jane Smithson, MaryJane Smith, Jane Smith2')).toEqual([]);
    expect(found(names, "Jane Smith's report")).toEqual(['Jane Smith']);
  });

  it('keeps a name apart from a hyphenated compound only when asked (strict)', () => {
    const word = new PhraseIndex([['Castle', 1]]);
    const strict = new PhraseIndex([['Castle', 1]], { boundary: 'strict' });
    expect(found(word, 'the Castle-Street works')).toEqual(['Castle']);
    expect(found(strict, 'the Castle-Street works and Castle ward')).toEqual(['Castle']);
    expect(strict.find('the Castle-Street works and Castle ward')[0]!.start).toBe(28);
  });

  it('takes the longest name that starts at a place, then reads on from its end', () => {
    const wards = new PhraseIndex([
      ['Quarry', 'q'],
      ['Quarry Hill', 'qh'],
      ['Hill Top', 'ht'],
    ]);
    expect(wards.find('Quarry Hill Top and Quarry').map((m) => m.values[0])).toEqual(['qh', 'q']);
    expect(wards.find('Quarry Hill Top', 0, 15, { overlapping: true }).map((m) => m.values[0])).toEqual(['qh', 'q', 'ht']);
  });

  it('compares case too when asked, still ignoring diacritics', () => {
    const proper = new PhraseIndex([['Grace Hope', 1]], { matchCase: true });
    expect(found(proper, 'there is grace hope here; Grace Hope and Grâce Hope')).toEqual(['Grace Hope', 'Grâce Hope']);
  });

  it('treats the ends of a slice as the ends of the text', () => {
    expect(names.find('xJane Smith', 1).map((m) => m.start)).toEqual([1]);
    expect(names.find('Jane Smithy', 0, 10).map((m) => m.end)).toEqual([10]);
  });

  it('files everyone who shares a name under it', () => {
    const index = new PhraseIndex([
      ['Sam Lee', 'first'],
      ['SAM  LEE', 'second'],
    ]);
    expect(index.size).toBe(1);
    expect(index.first('Sam Lee')!.values).toEqual(['first', 'second']);
  });

  it('says whether a phrase is the whole text', () => {
    expect(names.whole('  Jane Smith ')?.values).toEqual(['jane']);
    expect(names.whole('Jane Smith Jones')).toBeUndefined();
  });

  it('stays quick with a name of 100,000 characters and 20,000 others', () => {
    const huge = Array.from({ length: 12_500 }, (_, i) => `Word${i % 97}x`).join(' ').slice(0, 100_000);
    const index = new PhraseIndex<number>([[huge, 0]]);
    for (let i = 1; i <= 20_000; i++) index.add(`Person${i} Surname${i}`, i);
    const text = `Person15000 Surname15000 wrote. ${huge.slice(0, 5_000)} ${huge}\n`.repeat(2);
    const start = performance.now();
    const hits = index.find(text);
    expect(performance.now() - start).toBeLessThan(2_000);
    expect(hits.map((m) => m.values[0])).toEqual([15_000, 0, 15_000, 0]);
  });
});

describe('a phrase anywhere in a line (letterhead markers)', () => {
  it('ignores case and spacing, and finds it inside longer text', () => {
    expect(indexOfPhrase('Eastmoor   BOROUGH Council, Town Hall', 'Eastmoor Borough Council')).toEqual({ start: 0, end: 26 });
    expect(indexOfPhrase('www.eastmoor.gov.uk', 'eastmoor')).toEqual({ start: 4, end: 12 });
    expect(indexOfPhrase('Eastmoor Borough', 'Eastmoor Borough Council')).toBeUndefined();
  });

  it('gives up at once on a phrase longer than the text', () => {
    expect(indexOfPhrase('Town Hall', 'Town Hall '.repeat(10_000))).toBeUndefined();
  });
});

describe('whether a sentence mentions a name', () => {
  it('matches whole words in any case, not inside a hyphenated compound', () => {
    expect(mentionsName('I have copied in cllr BEGUM.', 'Begum')).toBe(true);
    expect(mentionsName('the Begum-Khan report', 'Begum')).toBe(false);
    expect(mentionsName('Begumson', 'Begum')).toBe(false);
  });
});

describe('the people index of a policy', () => {
  const policy = resolvePolicy(
    {
      council: { name: 'Westmoor Borough Council', domains: ['westmoor.gov.uk'] },
      councillors: [
        { name: 'Aisha Begum', email: 'cllr.aisha.begum@westmoor.gov.uk', ward: 'Castle', roles: ['mayor'] },
        { name: 'Tom Begum', email: 'cllr.tom.begum@westmoor.gov.uk', ward: ' castle ' },
      ],
      officers: [
        { name: 'Dana Reyes', email: 'dana.reyes@westmoor.gov.uk', roles: ['chief-executive'] },
        { name: 'Ola Test', email: 'ola.test@westmoor.gov.uk', roles: ['monitoring-officer', 'senior'] },
      ],
      parties: [
        { name: 'Labour', domains: ['westmoorlabour.org.uk'] },
        { name: 'Local Labour branch', domains: ['branch.westmoorlabour.org.uk'] },
      ],
      communications: { mediaDomains: ['westmoorgazette.co.uk'] },
    },
    'people index test',
  );

  it('is built once per policy object', () => {
    expect(peopleIndex(policy)).toBe(peopleIndex(policy));
  });

  it('groups councillors by ward whatever the spacing and case', () => {
    expect(peopleIndex(policy).councillorsByWard.get('castle')!.map((c) => c.name)).toEqual(['Aisha Begum', 'Tom Begum']);
  });

  it('marks a shared surname as ambiguous, and a single holder of an office as its holder', () => {
    const index = peopleIndex(policy);
    expect(index.councillorsBySurname.get('begum')).toBeNull();
    expect(index.councillorsByRole.get('mayor')!.name).toBe('Aisha Begum');
  });

  it('lists officers by role in directory order', () => {
    expect(peopleIndex(policy).officersByRole.get('senior')!.map((o) => o.name)).toEqual(['Ola Test']);
    expect(peopleIndex(policy).officerBareNames.has('dana reyes')).toBe(true);
  });

  it('finds a party by its domain or one under it, the first listed winning', () => {
    const index = peopleIndex(policy);
    expect(index.partyForDomain('westmoorlabour.org.uk')!.name).toBe('Labour');
    expect(index.partyForDomain('branch.westmoorlabour.org.uk')!.name).toBe('Labour');
    expect(index.partyForDomain('notwestmoorlabour.org.uk')).toBeUndefined();
    expect(index.isMediaDomain('news.westmoorgazette.co.uk')).toBe(true);
    expect(index.isCouncilDomain('WESTMOOR.GOV.UK')).toBe(true);
    expect(index.isCouncilDomain('westmoor.gov.uk.evil.example')).toBe(false);
  });
});
