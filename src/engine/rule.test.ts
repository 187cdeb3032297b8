/**
 * defineRule's message ids are checked by the compiler, as typescript-eslint's createRule's are.
 * The `@ts-expect-error` lines are the test: `npm run typecheck` compiles this file (the root
 * tsconfig includes every test) and fails if any of them stops being an error.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { defineRule, type Rule, type RuleReport } from './rule.ts';

const meta = {
  id: 'discourteous-tone',
  description: 'Test double.',
  defaultSeverity: 'info',
  citations: {},
  fixable: false,
} as const;

const report: Pick<RuleReport, 'evidence' | 'suggestions'> = { evidence: { field: 'subject' }, suggestions: [] };

describe('defineRule', () => {
  it('returns the rule it is given', () => {
    const rule = { meta: { ...meta, messages: { shouting: 'Capitals read as shouting.' } }, check: () => [] };
    expect(defineRule(rule)).toBe(rule);
  });

  it('reads the message ids from meta.messages', () => {
    const rule = defineRule({
      meta: { ...meta, messages: { shouting: 'Capitals read as shouting.', insult: 'An insult.' } },
      check: () => [{ messageId: 'shouting', ...report }],
    });
    expectTypeOf(rule).toEqualTypeOf<Rule<'shouting' | 'insult'>>();
    // Any rule still goes where the engine takes `Rule`.
    expectTypeOf(rule).toExtend<Rule>();
  });

  it('rejects a report that names an unknown message id', () => {
    defineRule({
      meta: { ...meta, messages: { shouting: 'Capitals read as shouting.' } },
      check: () => [
        {
          // @ts-expect-error 'shoutng' is not a key of meta.messages
          messageId: 'shoutng',
          ...report,
        },
      ],
    });
  });

  it('does not widen the ids from a report typed with any string', () => {
    const loose: RuleReport = { messageId: 'shouting', ...report };
    defineRule({
      meta: { ...meta, messages: { shouting: 'Capitals read as shouting.' } },
      // @ts-expect-error RuleReport<string> could name any message
      check: () => [loose],
    });
  });

  it('rejects a helper that names a message the rule does not define', () => {
    type MessageId = 'shouting' | 'insult';
    // @ts-expect-error 'threat' is not a MessageId
    const threat = (): RuleReport<MessageId> => ({ messageId: 'threat', ...report });
    defineRule<MessageId>({
      // @ts-expect-error meta.messages has no template for 'insult'
      meta: { ...meta, messages: { shouting: 'Capitals read as shouting.' } },
      check: () => [threat()],
    });
  });
});
