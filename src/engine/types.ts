/**
 * The engine's data model: drafts in, findings out. Everything here is plain data
 * (no classes) so that hosts, the CLI and tests can build and compare it freely.
 * The shapes follow shared/PRODUCT.md, "Contracts" 1–3: extend, never rename.
 */

export type Severity = 'error' | 'warning' | 'info';

/** The stable rule ids of the catalogue (PRODUCT.md). The CLI, tests and UI all use these. */
export const RULE_IDS = [
  'silent-copy',
  'personal-email',
  'letterhead-for-party-matters',
  'pre-election-publicity',
  'press-release-quotes',
  'ward-councillors-not-informed',
  'political-group-briefing',
  'confidential-information',
  'constituent-consent',
  'official-letter-from-member',
  'pressure-on-officers',
  'favour-seeking',
  'employment-matter-to-member',
  'disciplinary-influence',
  'public-criticism-of-officers',
  'legal-proceedings',
  'out-of-hours',
  'discourteous-tone',
  'officer-party-work',
  // Added after the catalogue (an extension, PRODUCT.md contracts): a product placeholder left unfilled.
  'leftover-placeholder',
] as const;

export type RuleId = (typeof RULE_IDS)[number];

export interface Mailbox {
  name?: string;
  email: string;
}

export type RecipientField = 'to' | 'cc' | 'bcc';
export type TextField = 'body' | 'subject';
export type EvidenceField = 'from' | RecipientField | TextField | 'date';

export type ComposeType = 'new' | 'reply' | 'forward';

/** Contract 3: the draft object every host adapter produces. */
export interface Draft {
  from?: Mailbox;
  to: Mailbox[];
  cc: Mailbox[];
  bcc: Mailbox[];
  subject: string;
  /** Plain text. When empty and `bodyHtml` is given, the engine derives the text from the HTML. */
  body: string;
  bodyHtml?: string;
  /** ISO 8601 with offset: when the draft is (to be) sent. */
  date?: string;
  composeType?: ComposeType;
  attachments?: { name: string }[];
  /** Extension: `Importance: high` / `X-Priority: 1` (PRODUCT.md, "Urgent"). */
  importance?: 'low' | 'normal' | 'high';
  /** Extension: set by a `scheduleDelivery` edit (Outlook's delayed delivery). */
  deliverAt?: string;
  /**
   * Extension: the writer has said what the draft is (the Teams tab asks), so it is council
   * publicity of that kind whatever its headings say.
   */
  publicity?: PublicityKind;
}

export type PublicityKind = 'press release' | 'statement' | 'newsletter' | 'photo call' | 'social media post';

// ---- Edits (contract 2): a discriminated union on `kind` ----

export interface ReplaceRecipientEdit {
  kind: 'replaceRecipient';
  field: RecipientField;
  from: string;
  to: Mailbox;
}
export interface MoveRecipientEdit {
  kind: 'moveRecipient';
  email: string;
  fromField: RecipientField;
  toField: RecipientField;
}
export interface RemoveRecipientEdit {
  kind: 'removeRecipient';
  field: RecipientField;
  email: string;
}
export interface AddRecipientEdit {
  kind: 'addRecipient';
  field: RecipientField;
  recipient: Mailbox;
}
export interface ReplaceTextEdit {
  kind: 'replaceText';
  field: TextField;
  start: number;
  end: number;
  text: string;
}
export interface InsertTextEdit {
  kind: 'insertText';
  field: TextField;
  at: number;
  text: string;
}
export interface ScheduleDeliveryEdit {
  kind: 'scheduleDelivery';
  at: string;
}

export type Edit =
  | ReplaceRecipientEdit
  | MoveRecipientEdit
  | RemoveRecipientEdit
  | AddRecipientEdit
  | ReplaceTextEdit
  | InsertTextEdit
  | ScheduleDeliveryEdit;

/** A suggestion with no edits is advice only. */
export interface Suggestion {
  title: string;
  edits: Edit[];
}

export interface Citation {
  /** One of the five packs, or the id of the council's own protocol (`council.protocol.id`). */
  pack: PackId | (string & {});
  /** The council's own protocol's title; absent for the five packs. */
  title?: string;
  paragraph: string;
  /** Our own paraphrase of the paragraph: never the protocol's words. */
  summary: string;
  /** Section title, where the pack's numbering needs it (tower-hamlets). */
  section?: string;
  /** The council's own pack has no paragraph for this rule: this is another council's protocol. */
  otherCouncil?: boolean;
}

export interface Evidence {
  field: EvidenceField;
  /** For recipient and sender evidence. */
  recipient?: string;
  /** For body and subject evidence: offsets into the text the engine saw, and that text. */
  start?: number;
  end?: number;
  quote?: string;
}

export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** Stable key of the message template (tests assert this, not the prose). */
  messageId: string;
  message: string;
  citations: Citation[];
  evidence: Evidence;
  suggestions: Suggestion[];
  /** Relative link to the rule's documentation. */
  docs: string;
}

export const PACK_IDS = ['crawley', 'tower-hamlets', 'district-model', 'town-council', 'surrey-heath'] as const;
export type PackId = (typeof PACK_IDS)[number];

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
