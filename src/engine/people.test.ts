import { describe, expect, it } from 'vitest';
import { coreFreeMail } from './free-mail.ts';
import { bareName, isTitledCouncillor, People } from './people.ts';
import { resolvePolicy } from '../policy/resolve.ts';

describe('a display name that marks a councillor (the embedded default has no directory)', () => {
  it.each([
    'Cllr Jane Doe',
    'Cllr. Jane Doe',
    'CLLR JANE DOE',
    'cllr jane doe',
    'Councillor J. Doe',
    'Ward Councillor Jane Doe',
    'Jane Doe (Cllr)',
    'Jane Doe (Councillor)',
    'Jane Doe MBE (Cllr)',
    'Doe Jane (Councillor, Castle Ward)',
    'Jane Doe (Ward Councillor)',
    'Jane Doe Cllr',
    'Doe, Jane Cllr',
    'Jane Doe - Councillor',
    'Jane Doe – Borough Councillor',
    'Jane Doe | Ward Councillor',
    'Councillor Jane Doe BEM',
  ])('%s', (name) => {
    expect(isTitledCouncillor(name)).toBe(true);
  });

  it.each([
    'Councillor Services',
    'Councillor Support Officer',
    'Jane Doe (Councillor Support Officer)',
    'Jane Doe, Councillor Services',
    "Jane Doe (Councillor's PA)",
    'Jane Doe - Councillor Liaison',
    'Member Services',
    'Jane Doe',
    'Councillors Road Surgery',
    'Jane Doe (Clerk to the Council)',
  ])('not %s', (name) => {
    expect(isTitledCouncillor(name)).toBe(false);
  });

  it('matches the directory by the bare name, whatever the title form', () => {
    for (const name of ['Cllr Jane Doe', 'Doe, Jane Cllr', 'Jane Doe - Councillor', 'Jane Doe (Cllr)', 'Jane Doe | Ward Councillor']) expect(bareName(name)).toBe('jane doe');
  });
});

describe('a councillor writing from a party domain', () => {
  const policy = resolvePolicy(
    {
      council: { name: 'Westmoor Borough Council', domains: ['westmoor.gov.uk'] },
      councillors: [{ name: 'Margaret Oyelaran', email: 'cllr.margaret.oyelaran@westmoor.gov.uk', party: 'Labour' }],
      parties: [{ name: 'Labour', domains: ['westmoorlabour.org.uk'] }],
    },
    'people test policy',
  );
  const people = new People(policy, coreFreeMail);

  it('is the directory councillor when the display name is theirs', () => {
    const person = people.resolve({ name: 'Margaret Oyelaran (Westmoor Labour)', email: 'margaret.oyelaran@westmoorlabour.org.uk' });
    expect(person.kind).toBe('councillor');
    expect(person.party?.name).toBe('Labour');
  });

  it('is not a councillor when the name is not in the directory (a party organiser)', () => {
    expect(people.resolve({ name: 'Sam Reed (Westmoor Labour)', email: 'sam.reed@westmoorlabour.org.uk' }).kind).toBe('external');
  });

  it('is not matched by name on an ordinary outside domain (a resident may share the name)', () => {
    expect(people.resolve({ name: 'Margaret Oyelaran', email: 'm.oyelaran@example.co.uk' }).kind).toBe('external');
  });
});
