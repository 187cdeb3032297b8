/**
 * What a rule is: metadata (id, severity, citations per pack, message templates) and a
 * pure `check(ctx)` that reports what it found. The engine turns reports into findings:
 * it applies the policy's severity overrides, picks the citations for the council's pack
 * and fills in the message templates.
 */
import type { People, Person, Recipient } from './people.ts';
import type { ResolvedPolicy } from './policy.ts';
import type { Lexicon } from './lexicon/compile.ts';
import type { BodyLayout, Span } from './text.ts';
import type { TextModel } from './text-model/model.ts';
import type { Draft, Evidence, PackId, RuleId, Severity, Suggestion } from './types.ts';

export interface CitationSpec {
  paragraph: string;
  /** Our paraphrase, in our own words. */
  summary: string;
  /** The section title, where the pack's numbering needs it (tower-hamlets' tracked changes). */
  section?: string;
}

/**
 * A rule's metadata. `MessageId` is the union of the keys of `messages` (typescript-eslint's
 * `MessageIds`), so that a report can only name a message the rule defines.
 */
export interface RuleMeta<MessageId extends string = string> {
  id: RuleId;
  /** One line: what the rule catches. */
  description: string;
  defaultSeverity: Severity;
  /** Paragraphs per pack. A pack with no entry has no paragraph for this rule. */
  citations: Partial<Record<PackId, CitationSpec[]>>;
  /**
   * The rule whose paragraphs a council's own protocol lists for this one, when this rule rests on
   * the same paragraphs (leftover-placeholder on silent-copy's). Default: this rule's own id.
   */
  citesParagraphsOf?: RuleId;
  /** Message templates by id; `{name}` placeholders are filled from the report's `data`. */
  messages: Record<MessageId, string>;
  /**
   * The same messages for publicity (the draft's `publicity` is set: the writer said it is a press
   * release, statement, newsletter or post, which is published rather than sent). `{publication}`
   * is filled with that kind. A message without a variant here is used as it is.
   */
  publicityMessages?: Partial<Record<MessageId, string>>;
  /** Whether some suggestion carries edits the add-in can apply. */
  fixable: boolean;
}

/** What a rule reports; the engine adds rule id, citations and docs link. */
export interface RuleReport<MessageId extends string = string> {
  messageId: MessageId;
  data?: Record<string, string | number>;
  /** Defaults to the rule's default severity. */
  severity?: Severity;
  evidence: Evidence;
  suggestions: Suggestion[];
}

export interface RuleContext {
  /** The draft as checked: `body` is always the plain text the offsets refer to. */
  draft: Draft;
  policy: ResolvedPolicy;
  /** The moment of sending. */
  now: Date;
  people: People;
  sender?: Person;
  /** Every recipient, To then Cc then Bcc, in the order written. */
  recipients: Recipient[];
  /** The writer's own words, quoted history and signature. */
  layout: BodyLayout;
  /** `draft.body.slice(own.start, own.end)`: the writer's own words. */
  ownText: string;
  own: Span;
  /** The body's text model: sentences, clauses and tokens with negation, quotation and frames. Built once per check. */
  text: TextModel;
  /** The subject line's text model. */
  subjectText: TextModel;
  /** The vocabulary compiled for this policy: every cue family, the party list, the policy's additions. */
  lexicon: Lexicon;
  /** Memo for analyses several rules share (publicity, attributions): computed once per check. */
  memo: Map<string, unknown>;
  /** Whether the learned topic scorers may speak (false when training and evaluating them against the lexicon). */
  scorers: boolean;
}

/** A rule, typed by its message ids. `Rule` alone (any message id) is what the engine runs. */
export interface Rule<MessageId extends string = string> {
  meta: RuleMeta<MessageId>;
  check(ctx: RuleContext): RuleReport<MessageId>[];
}

/**
 * Identity helper that gives rule modules type checking and a single shape, as
 * typescript-eslint's `createRule` does. The message ids are read from `meta.messages` only
 * (`NoInfer` keeps `check` from widening them), so a report whose `messageId` is not one of
 * its keys is a compile error. A rule whose helpers build reports names the union itself:
 * `type MessageId = 'a' | 'b'`, `defineRule<MessageId>(…)` and `RuleReport<MessageId>`.
 */
export function defineRule<MessageId extends string>(rule: {
  meta: RuleMeta<MessageId>;
  check(ctx: RuleContext): RuleReport<NoInfer<MessageId>>[];
}): Rule<MessageId> {
  return rule;
}

/** Compute a shared analysis once per check. */
export function memoised<T>(ctx: RuleContext, key: string, compute: () => T): T {
  if (ctx.memo.has(key)) return ctx.memo.get(key) as T;
  const value = compute();
  ctx.memo.set(key, value);
  return value;
}

/** What the writer does with the draft: a release or post is published, an email is sent. */
export function sendVerb(ctx: RuleContext): 'publish' | 'send' {
  return ctx.draft.publicity ? 'publish' : 'send';
}
