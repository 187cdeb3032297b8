import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { coreFreeMail } from '../engine/free-mail.ts';
import { People } from '../engine/people.ts';
import { ENGLAND_AND_WALES_BANK_HOLIDAYS } from '../engine/bank-holidays.generated.ts';
import { DEFAULT_POLICY_FILE, embeddedDefaultPolicy, resolvePolicy } from './resolve.ts';

const here = dirname(fileURLToPath(import.meta.url));

describe('resolvePolicy', () => {
  const minimal = resolvePolicy({ council: { name: 'Westmoor Borough Council', protocol: 'crawley' } }, 'westmoor.json');

  it('fills in the defaults', () => {
    expect(minimal).toMatchObject({
      council: { name: 'Westmoor Borough Council', domains: [], protocol: 'crawley', nation: 'england' },
      councillors: [],
      officers: [],
      communications: { teamAddresses: [], mediaDomains: [], spokesperson: 'a Council spokesperson' },
      elections: [],
      workingHours: { days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00', timeZone: 'Europe/London' },
      sendTime: { mode: 'softBlock' },
      rules: {},
      inferPeople: false,
      source: 'westmoor.json',
    });
  });

  it('counts England and Wales bank holidays and the policy’s own days as non-working', () => {
    const p = resolvePolicy({ council: { name: 'Westmoor' }, nonWorkingDays: ['2027-07-14', '2027-12-25'] });
    expect(p.nonWorkingDays).toEqual(expect.arrayContaining(['2027-03-26', '2027-03-29', '2027-07-14']));
    expect(p.nonWorkingDays.filter((d) => d === '2027-12-25')).toHaveLength(1);
    expect(p.nonWorkingDays.length).toBe(ENGLAND_AND_WALES_BANK_HOLIDAYS.length + 1);
  });

  it('computes periodStart when it is absent, and keeps it when given', () => {
    const p = resolvePolicy({
      council: { name: 'Westmoor' },
      elections: [
        { name: 'Borough elections 2027', pollingDay: '2027-05-06' },
        { name: 'Abbey by-election', pollingDay: '2027-05-06', periodStart: '2027-03-26', wards: ['Abbey'] },
      ],
    });
    expect(p.elections).toEqual([
      { name: 'Borough elections 2027', type: 'local', pollingDay: '2027-05-06', periodStart: '2027-03-31', periodStartComputed: true },
      { name: 'Abbey by-election', type: 'local', pollingDay: '2027-05-06', periodStart: '2027-03-26', periodStartComputed: false, wards: ['Abbey'] },
    ]);
  });

  it('counts a day of mourning in the policy out of the election timetable', () => {
    const p = resolvePolicy({ council: { name: 'Westmoor' }, nonWorkingDays: ['2027-04-23'], elections: [{ name: 'Borough', pollingDay: '2027-05-06' }] });
    expect(p.elections[0]?.periodStart).toBe('2027-03-30');
  });

  it('computes a period that spans Christmas', () => {
    const p = resolvePolicy({ council: { name: 'Westmoor' }, elections: [{ name: 'Winter by-election', pollingDay: '2027-01-21' }] });
    expect(p.elections[0]?.periodStart).toBe('2026-12-11');
  });

  it('lower-cases addresses and domains so that look-ups match', () => {
    const p = resolvePolicy({
      council: { name: 'Westmoor', domains: ['Westmoor.GOV.uk'] },
      councillors: [{ name: 'Jo Bloggs', email: 'Cllr.Jo.Bloggs@Westmoor.gov.uk', personalEmails: ['JoB@Gmail.com'] }],
      officers: [{ name: 'Sam Lee', email: 'Sam.Lee@westmoor.gov.uk' }],
      communications: { teamAddresses: ['Press@westmoor.gov.uk'], mediaDomains: ['WestmoorNews.co.uk'] },
      parties: [{ name: 'Labour', domains: ['Labour.org.uk'] }],
    });
    expect(p.council.domains).toEqual(['westmoor.gov.uk']);
    expect(p.councillors[0]).toMatchObject({ email: 'cllr.jo.bloggs@westmoor.gov.uk', personalEmails: ['job@gmail.com'] });
    expect(p.officers[0]?.email).toBe('sam.lee@westmoor.gov.uk');
    expect(p.communications).toMatchObject({ teamAddresses: ['press@westmoor.gov.uk'], mediaDomains: ['westmoornews.co.uk'] });
    expect(p.parties[0]?.domains).toEqual(['labour.org.uk']);
    const person = new People(p, coreFreeMail).resolve({ name: 'Jo', email: 'JOB@gmail.com' });
    expect(person.kind).toBe('councillor');
  });

  it('fills missing working-hours fields from the default', () => {
    const p = resolvePolicy({ council: { name: 'Town' }, workingHours: { days: [1, 2, 3, 4], start: '09:00' } as never });
    expect(p.workingHours).toEqual({ days: [1, 2, 3, 4], start: '09:00', end: '18:00', timeZone: 'Europe/London' });
  });

  it('does not change the file it is given', () => {
    const file = { council: { name: 'W', domains: ['W.gov.uk'] }, elections: [{ name: 'E', pollingDay: '2027-05-06' }] };
    const before = structuredClone(file);
    resolvePolicy(file);
    expect(file).toEqual(before);
  });
});

describe('embeddedDefaultPolicy', () => {
  const policy = embeddedDefaultPolicy();

  it('infers people, knows no directory or elections and cites every pack', () => {
    expect(policy).toMatchObject({ inferPeople: true, councillors: [], officers: [], elections: [], source: 'embedded default' });
    expect(policy.council.protocol).toBeUndefined();
    expect(policy.workingHours).toEqual({ days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00', timeZone: 'Europe/London' });
    expect(policy.nonWorkingDays).toContain('2027-03-29');
  });

  it('recognises UK media and party addresses', () => {
    const people = new People(policy, coreFreeMail);
    expect(people.resolve({ email: 'newsdesk@bbc.co.uk' }).media).toBe(true);
    expect(people.resolve({ email: 'reporter@newsquest.co.uk' }).media).toBe(true);
    expect(people.resolve({ email: 'agent@libdems.org.uk' }).party?.name).toBe('Liberal Democrats');
    expect(people.resolve({ email: 'office@partyof.wales' }).party?.name).toBe('Plaid Cymru');
    expect(people.resolve({ email: 'someone@gmail.com' }).media).toBe(false);
  });

  it('infers officers and councillors from gov.uk addresses and titles', () => {
    const people = new People(policy, coreFreeMail);
    expect(people.resolve({ name: 'Sam Lee', email: 'sam.lee@westmoor.gov.uk' }).kind).toBe('officer');
    expect(people.resolve({ name: 'Cllr Jo Bloggs', email: 'jo.bloggs@westmoor.gov.uk' }).kind).toBe('councillor');
  });

  it('is the same policy as default-policy.json, which users can start from', () => {
    const file = JSON.parse(readFileSync(join(here, 'default-policy.json'), 'utf8'));
    expect(file).toEqual(DEFAULT_POLICY_FILE);
    expect(resolvePolicy(file, 'embedded default', true)).toEqual(policy);
  });

  it('returns a fresh object each time, so a caller cannot change the default for others', () => {
    const a = embeddedDefaultPolicy();
    a.communications.mediaDomains.push('example.com');
    expect(embeddedDefaultPolicy().communications.mediaDomains).not.toContain('example.com');
  });
});
