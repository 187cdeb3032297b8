import { describe, expect, it } from 'vitest';
import { applyEdits } from '../apply.ts';
import { checkAsCli } from '../../../tests/helpers/check-as-cli.ts';
import { makeDraft, runRuleTests } from '../../../tests/helpers/rule-tester.ts';
import { resolvePolicy } from '../../policy/resolve.ts';
import type { PolicyFile } from '../policy.ts';

// A borough on the district-model pack: Tom Field writes to Cllr Jane Brown and copies Cllr Peter Ng.
const WESTMOOR: PolicyFile = {
    council: { name: 'Westmoor Borough Council', domains: ['westmoor.gov.uk'], protocol: 'district-model' },
    councillors: [
      { name: 'Jane Brown', email: 'cllr.jane.brown@westmoor.gov.uk', ward: 'Northgate' },
      { name: 'Peter Ng', email: 'cllr.peter.ng@westmoor.gov.uk', ward: 'Southfields' },
    ],
    officers: [{ name: 'Tom Field', email: 'tom.field@westmoor.gov.uk' }],
};
const westmoor = resolvePolicy(WESTMOOR, 'westmoor.json');

const officer = 'Tom Field <tom.field@westmoor.gov.uk>';
const cllrBrown = 'Cllr Jane Brown <cllr.jane.brown@westmoor.gov.uk>';
const cllrNg = 'Cllr Peter Ng <cllr.peter.ng@westmoor.gov.uk>';
const OLD_FIX = 'I have copied in Cllr Peter Ng because [reason].';

runRuleTests('leftover-placeholder', {
  policy: westmoor,
  valid: [
    {
      name: 'the disclosure with the reason written in',
      draft: { from: officer, to: cllrBrown, cc: cllrNg, subject: 'Bins on Mill Lane', body: 'Dear Cllr Brown,\n\nI have copied in Cllr Peter Ng because the lane is on the ward boundary.\n\nThe crew will return on Friday.\n\nTom' },
      why: 'the writer replaced the placeholder with their own words',
    },
    {
      name: '"[sic]" in a quotation',
      draft: { from: officer, to: cllrBrown, subject: 'Complaint', body: 'Dear Cllr Brown,\n\nThe resident wrote that the "bins was [sic] left out".\n\nTom' },
      why: 'square brackets the writer put there themselves',
    },
    {
      name: 'a numbered reference',
      draft: { from: officer, to: cllrBrown, subject: 'Report', body: 'Dear Cllr Brown,\n\nThe figures come from the 2026 survey [1] and the census [2].\n\nTom' },
      why: 'references are the writer’s, not a gap the add-in left',
    },
    {
      name: 'a form field of the writer’s own that starts with the same word',
      draft: { from: officer, to: cllrBrown, subject: 'Booking form', body: 'Dear Cllr Brown,\n\nThe booking form now asks for [reason for visit] and a date.\n\nTom' },
      why: 'only the exact placeholder the product wrote counts',
    },
    {
      name: 'the word reason without brackets',
      draft: { from: officer, to: cllrBrown, cc: cllrNg, subject: 'Bins', body: 'Dear Cllr Brown,\n\nI have copied in Cllr Peter Ng because of the reason you gave.\n\nTom' },
      why: 'no placeholder at all',
    },
    {
      name: 'a placeholder in the quoted message being replied to',
      draft: {
        from: officer,
        to: cllrBrown,
        subject: 'Re: Bins',
        body: 'Dear Cllr Brown,\n\nThank you, that is sorted now.\n\nTom\n\nOn Tuesday 9 February 2027, Cllr Jane Brown wrote:\n> I copied in Cllr Peter Ng because [reason].\n> Jane',
        composeType: 'reply',
      },
      why: 'quoted history was already sent by someone else; the writer’s own words are clean',
    },
  ],
  invalid: [
    {
      name: 'the old silent-copy fix, left as it was',
      draft: { from: officer, to: cllrBrown, cc: cllrNg, subject: 'Bins on Mill Lane', body: `Dear Cllr Brown,\n\n${OLD_FIX}\n\nThe crew will return on Friday.\n\nTom` },
      expect: [
        {
          severity: 'error',
          messageId: 'placeholder',
          evidence: { field: 'body', quote: '[reason]' },
          edits: [[{ kind: 'replaceText', field: 'body', start: 'Dear Cllr Brown,\n\n'.length, end: `Dear Cllr Brown,\n\n${OLD_FIX}\n\n`.length, text: '' }]],
        },
      ],
    },
    {
      name: 'a placeholder retyped with a capital and spaces, mid-paragraph',
      draft: { from: officer, to: cllrBrown, cc: cllrNg, subject: 'Bins', body: 'Dear Cllr Brown,\n\nThe crew will return on Friday. Cllr Ng is copied in because [ Reason ]. Thank you for your patience.\n\nTom' },
      expect: [
        {
          severity: 'error',
          evidence: { field: 'body', quote: '[ Reason ]' },
          edits: [[{ kind: 'replaceText', field: 'body', start: 'Dear Cllr Brown,\n\nThe crew will return on Friday. '.length, end: 'Dear Cllr Brown,\n\nThe crew will return on Friday. Cllr Ng is copied in because [ Reason ]. '.length, text: '' }]],
        },
      ],
    },
    {
      name: 'the placeholder at the very end of the body',
      draft: { from: officer, to: cllrBrown, cc: cllrNg, subject: 'Bins', body: `Dear Cllr Brown,\n\nThe crew will return on Friday.\n\n${OLD_FIX}` },
      expect: [{ severity: 'error', evidence: { field: 'body', quote: '[reason]' } }],
    },
    {
      name: 'a placeholder pasted into a press release',
      draft: { from: 'Press Office <press@westmoor.gov.uk>', to: 'News desk <news@localpaper.co.uk>', subject: 'Press release: new library hours', body: 'PRESS RELEASE\n\nThe library opens later on Thursdays because [reason].\n\nEnds' },
      expect: [{ severity: 'error', evidence: { field: 'body', quote: '[reason]' } }],
    },
    {
      name: 'a placeholder in the subject line',
      draft: { from: officer, to: cllrBrown, subject: 'Copied in because [reason]', body: 'Dear Cllr Brown,\n\nThe crew will return on Friday.\n\nTom' },
      expect: [{ severity: 'error', evidence: { field: 'subject', quote: '[reason]' } }],
    },
  ],
});

describe('leftover-placeholder with the whole engine', () => {
  it('stops a draft that still holds the old fix’s placeholder, and taking the sentence out leaves the copy to explain', () => {
    const draft = makeDraft({ from: officer, to: cllrBrown, cc: cllrNg, subject: 'Bins', body: `Dear Cllr Brown,\n\n${OLD_FIX}\n\nThe crew will return on Friday.\n\nTom` });
    const findings = checkAsCli(draft, westmoor);
    const gap = findings.find((f) => f.rule === 'leftover-placeholder');
    expect(gap?.severity).toBe('error');
    const fixed = applyEdits(draft, gap!.suggestions.find((s) => s.edits.length)!.edits);
    expect(fixed.body).toBe('Dear Cllr Brown,\n\nThe crew will return on Friday.\n\nTom');
    const after = checkAsCli(fixed, westmoor).map((f) => f.rule);
    expect(after).not.toContain('leftover-placeholder');
    // Without the disclosure, the copy is undisclosed again: silent-copy asks for the reason.
    expect(after).toContain('silent-copy');
  });

  it("cites the council's own protocol where it lists the paragraphs on copying councillors in, not other councils'", () => {
    const own = resolvePolicy(
      {
        ...WESTMOOR,
        council: {
          ...WESTMOOR.council,
          protocol: { id: 'westmoor', title: 'Westmoor Member/Officer Protocol', paragraphs: { 'silent-copy': [{ paragraph: '5.2', summary: 'Say who else a councillor’s correspondence goes to.' }] } },
        },
      },
      'own.json',
    );
    const draft = makeDraft({ from: officer, to: cllrBrown, subject: 'Bins', body: `Dear Cllr Brown,\n\n${OLD_FIX}` });
    const gap = checkAsCli(draft, own).find((f) => f.rule === 'leftover-placeholder');
    expect(gap?.citations.map((c) => [c.pack, c.paragraph, c.otherCouncil])).toEqual([['westmoor', '5.2', undefined]]);
  });

  it('can be turned off by the policy like any other rule', () => {
    const quiet = resolvePolicy({ ...WESTMOOR, rules: { 'leftover-placeholder': 'off' } }, 'quiet.json');
    const draft = makeDraft({ from: officer, to: cllrBrown, subject: 'Bins', body: `Dear Cllr Brown,\n\n${OLD_FIX}` });
    expect(checkAsCli(draft, quiet).map((f) => f.rule)).not.toContain('leftover-placeholder');
  });
});
