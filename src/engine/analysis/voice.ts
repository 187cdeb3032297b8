/**
 * The body with same-length character normalisation (curly quotes, dashes, odd spaces made
 * ASCII), computed once per check, for the analyses that still search the raw text (publicity's
 * dates and headings, silent copies' disclosures). Whose words are these, and are they negated,
 * reported or a request: the text model (`ctx.text`) says.
 */
import { memoised, type RuleContext } from '../rule.ts';
import { normaliseChars } from '../text.ts';

/** The body with curly quotes, dashes and odd spaces made ASCII: same length, same offsets. */
export function normalisedBody(ctx: RuleContext): string {
  return memoised(ctx, 'voice:normalisedBody', () => normaliseChars(ctx.draft.body));
}
