/**
 * The monitoring officer's audit report (issue 12): the numbers, tallied one message at a time
 * so that an export of any size needs memory only for the totals. The JSON shape is a contract
 * (PRODUCT.md contract 1): `{"messages", "unreadable", "rules": {"<id>": {"findings",
 * "sentAnyway", "overridden", "falsePositive"}}}`; everything else here is added to it.
 */
import type { Finding } from '../engine/types.ts';
import type { AuditRecord, OpenResult } from './seal.ts';

export interface RuleCounts {
  /** Messages in which the re-check finds this rule (any severity). */
  findings: number;
  /** Stamped records with outcome sent-anyway that name this rule. */
  sentAnyway: number;
  /** Stamped records with outcome overridden that name this rule. */
  overridden: number;
  /** Records naming this rule whose reason is "false-positive". */
  falsePositive: number;
  /** Records with outcome fixed that name this rule. */
  fixed: number;
  /** Messages that carry no stamp at all but in which the re-check finds this rule as an error. */
  withoutStamp: number;
}

export interface AuditReport {
  messages: number;
  unreadable: number;
  rules: Record<string, RuleCounts>;
  /** Stamps found, opened with the key, and not opened (no key given, another key, or damaged). */
  stamps: { found: number; opened: number; notOpened: number };
  /** Messages that carry no stamp but in which the re-check finds an error: sent without a check. */
  sentWithoutCheck: number;
  /** Findings per rule per month (YYYY-MM of the message's date; "undated" without one). */
  months: Record<string, Record<string, number>>;
  /** Reasons given in opened records, by reason code. */
  reasons: Record<string, number>;
  /** Senders by the number of opened sent-anyway and overridden records, most first. */
  senders: { sender: string; overrides: number }[];
  /** Files or messages that could not be read, and why. */
  unreadableItems: { item: string; error: string }[];
  policy: string;
}

const empty = (): RuleCounts => ({ findings: 0, sentAnyway: 0, overridden: 0, falsePositive: 0, fixed: 0, withoutStamp: 0 });

export const FALSE_POSITIVE = 'false-positive';

/** Adds messages one at a time; `report()` gives the totals. */
export class AuditTally {
  private messages = 0;
  private readonly unreadableItems: { item: string; error: string }[] = [];
  private readonly rules = new Map<string, RuleCounts>();
  private readonly stamps = { found: 0, opened: 0, notOpened: 0 };
  private sentWithoutCheck = 0;
  private readonly months = new Map<string, Map<string, number>>();
  private readonly reasons = new Map<string, number>();
  private readonly senders = new Map<string, number>();

  constructor(
    private readonly policyName: string,
    knownRules: readonly string[] = [],
  ) {
    for (const id of knownRules) this.rules.set(id, empty());
  }

  private rule(id: string): RuleCounts {
    let counts = this.rules.get(id);
    if (!counts) this.rules.set(id, (counts = empty()));
    return counts;
  }

  unreadable(item: string, error: string): void {
    this.unreadableItems.push({ item, error });
  }

  /**
   * One message that was read.
   * @param stamp undefined when the message has no X-Protocol-Checker header; else what opening it gave (undefined: no key).
   */
  add(message: { findings: readonly Finding[]; date?: string; sender?: string; stamp?: { opened?: OpenResult } }): void {
    this.messages++;
    const fired = new Set(message.findings.map((f) => f.rule));
    const errors = new Set(message.findings.filter((f) => f.severity === 'error').map((f) => f.rule));
    const month = message.date && !Number.isNaN(Date.parse(message.date)) ? new Date(message.date).toISOString().slice(0, 7) : 'undated';
    for (const id of fired) {
      this.rule(id).findings++;
      let perMonth = this.months.get(month);
      if (!perMonth) this.months.set(month, (perMonth = new Map()));
      perMonth.set(id, (perMonth.get(id) ?? 0) + 1);
    }
    if (!message.stamp) {
      if (errors.size) this.sentWithoutCheck++;
      for (const id of errors) this.rule(id).withoutStamp++;
      return;
    }
    this.stamps.found++;
    const opened = message.stamp.opened;
    if (!opened?.ok) {
      this.stamps.notOpened++;
      return;
    }
    this.stamps.opened++;
    this.record(opened.record, message.sender);
  }

  private record(record: AuditRecord, sender: string | undefined): void {
    for (const id of new Set(record.rules)) {
      const counts = this.rule(id);
      if (record.outcome === 'sent-anyway') counts.sentAnyway++;
      else if (record.outcome === 'overridden') counts.overridden++;
      else counts.fixed++;
      if (record.reason === FALSE_POSITIVE) counts.falsePositive++;
    }
    if (record.reason) this.reasons.set(record.reason, (this.reasons.get(record.reason) ?? 0) + 1);
    if (record.outcome !== 'fixed') {
      const who = sender?.toLowerCase() || 'unknown sender';
      this.senders.set(who, (this.senders.get(who) ?? 0) + 1);
    }
  }

  report(): AuditReport {
    const byName = <T>(map: Map<string, T>) => [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return {
      messages: this.messages,
      unreadable: this.unreadableItems.length,
      rules: Object.fromEntries(byName(this.rules).map(([id, c]) => [id, { ...c }])),
      stamps: { ...this.stamps },
      sentWithoutCheck: this.sentWithoutCheck,
      months: Object.fromEntries(byName(this.months).map(([m, per]) => [m, Object.fromEntries(byName(per))])),
      reasons: Object.fromEntries(byName(this.reasons)),
      senders: [...this.senders.entries()].map(([sender, overrides]) => ({ sender, overrides })).sort((a, b) => b.overrides - a.overrides || (a.sender < b.sender ? -1 : 1)),
      unreadableItems: [...this.unreadableItems],
      policy: this.policyName,
    };
  }
}
