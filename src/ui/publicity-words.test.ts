import { describe, expect, it } from 'vitest';
import type { Finding } from '../engine/types.ts';
import type { Problem } from './problems.ts';
import { inPublicityWords } from './publicity-words.ts';

function problem(rule: Finding['rule'], message: string): Problem {
  const finding = { rule, severity: 'warning', message, evidence: [], suggestions: [], citations: [] } as unknown as Finding;
  return { key: rule, rule, severity: 'warning', findings: [finding], messages: [message], evidence: [], fixes: [], advice: [], citations: [] };
}

describe('publicity words in the panel', () => {
  it('speaks of a release dated outside working hours, not of an email arriving', () => {
    const p = inPublicityWords(problem('out-of-hours', 'This email to Cllr Ann Lee would arrive at 21:40 on Friday 4 December, outside working hours (08:00 to 18:00). Unless it is urgent, send it when they are at work.'), 'press release');
    expect(p.messages).toEqual(['This press release is dated 21:40 on Friday 4 December, outside working hours (08:00 to 18:00). If it is for councillors or officers, publish it when they are at work, unless it is urgent.']);
  });

  it('says so for a day that is not a working day, even when the time holds commas', () => {
    const p = inPublicityWords(problem('out-of-hours', 'This email to Cllr Ann Lee would arrive at 10:00 on Saturday, 5 December, which is not a working day. Unless it is urgent, send it when they are at work.'), 'newsletter item');
    expect(p.messages[0]).toBe('This newsletter item is dated 10:00 on Saturday, 5 December, which is not a working day. If it is for councillors or officers, publish it when they are at work, unless it is urgent.');
  });

  it('leaves a message of another shape as the engine wrote it', () => {
    const message = 'This email to Cllr Ann Lee is late.';
    expect(inPublicityWords(problem('out-of-hours', message), 'post').messages).toEqual([message]);
  });
});
