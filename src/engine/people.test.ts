import { describe, expect, it } from 'vitest';
import { bareName, isTitledCouncillor } from './people.ts';

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
