import { describe, expect, it } from 'vitest';
import { embeddedDefaultPolicy } from '../policy/resolve.ts';
import { check } from './check.ts';
import { coreFreeMail, freeMailLookup } from './free-mail.ts';
import { maintainedFreeMail } from './free-mail-full.ts';
import type { Draft } from './types.ts';

describe('freeMailLookup', () => {
  const isFreeMail = freeMailLookup(['BTInternet.com', 'gmail.com']);

  it('matches a listed domain in any case, and its subdomains', () => {
    expect(isFreeMail('btinternet.com')).toBe(true);
    expect(isFreeMail('GMAIL.COM')).toBe(true);
    expect(isFreeMail('mail.btinternet.com')).toBe(true);
  });

  it('does not match a domain that only ends the same way', () => {
    // notgmail.com is someone else's domain; gov.uk, a council domain's parent, is no provider.
    expect(isFreeMail('notgmail.com')).toBe(false);
    expect(isFreeMail('westmoor.gov.uk')).toBe(false);
  });
});

describe('the free-mail list a check uses', () => {
  // An officer writes to a councillor (by title) at BT's business mail: only the maintained list knows it.
  const draft: Draft = {
    from: { name: 'Sam Lee', email: 'sam.lee@westmoor.gov.uk' },
    to: [{ name: 'Cllr Jo Bloggs', email: 'jo.bloggs@btconnect.com' }],
    cc: [],
    bcc: [],
    subject: 'Planning application',
    body: 'Dear Cllr Bloggs,\n\nThe report is attached.\n\nSam',
  };
  const now = '2027-02-09T10:00:00Z';
  const personalEmail = (freeMail?: typeof coreFreeMail) =>
    check(draft, embeddedDefaultPolicy(), { now, ...(freeMail ? { freeMail } : {}) })
      .filter((f) => f.rule === 'personal-email')
      .map((f) => f.messageId);

  it('the maintained list holds the core list and more', () => {
    expect(coreFreeMail('btconnect.com')).toBe(false);
    expect(maintainedFreeMail('btconnect.com')).toBe(true);
    expect(maintainedFreeMail('sky.com')).toBe(true);
  });

  it('is the one passed in', () => {
    expect(personalEmail(maintainedFreeMail)).toEqual(['officerToPersonal']);
  });

  it('is the core list when none is passed, even with the maintained list loaded', () => {
    // This file imports free-mail-full.ts: importing it registers nothing.
    expect(personalEmail()).toEqual([]);
    expect(personalEmail(coreFreeMail)).toEqual([]);
  });
});
