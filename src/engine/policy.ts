/**
 * The council policy as the engine sees it. `PolicyFile` is contract 4 as written by a
 * monitoring officer; `ResolvedPolicy` is the same after src/policy has validated it,
 * filled in defaults and computed election periods, so that rules never handle a
 * missing field.
 */
import type { PackId, RuleId, Severity } from './types.ts';
import type { Vocabulary } from './lexicon/types.ts';

export type CouncillorRole =
  | 'leader'
  | 'deputy-leader'
  | 'cabinet'
  | 'chair'
  | 'vice-chair'
  | 'mayor'
  | 'deputy-mayor'
  | 'group-leader'
  | 'opposition-leader';

export type OfficerRole = 'comms' | 'chief-executive' | 'monitoring-officer' | 'senior';

export interface CouncillorEntry {
  name: string;
  email: string;
  personalEmails?: string[];
  approvedPersonalEmails?: string[];
  ward?: string;
  party?: string;
  roles?: CouncillorRole[];
}

export interface OfficerEntry {
  name: string;
  email: string;
  roles?: OfficerRole[];
}

export interface PartyEntry {
  name: string;
  aliases?: string[];
  domains?: string[];
}

/** The UK nation a council is in: whose bank holidays and election rules apply. */
export type Nation = 'england' | 'wales' | 'scotland' | 'northern-ireland';

export const NATIONS: readonly Nation[] = ['england', 'wales', 'scotland', 'northern-ireland'];

/** The kind of poll: which notice-of-election rule gives the period start. */
export type ElectionType =
  | 'local'
  | 'pcc'
  | 'mayoral'
  | 'senedd'
  | 'scottish-parliament'
  | 'northern-ireland-assembly'
  | 'gla'
  | 'uk-parliament'
  | 'referendum';

export const ELECTION_TYPES: readonly ElectionType[] = ['local', 'pcc', 'mayoral', 'senedd', 'scottish-parliament', 'northern-ireland-assembly', 'gla', 'uk-parliament', 'referendum'];

/** One paragraph of a council's own protocol that a rule cites, summarised in the council's words. */
export interface OwnParagraph {
  paragraph: string;
  /** The monitoring officer's summary of the paragraph. */
  summary: string;
  /** Section title, where the paragraph number alone is not enough. */
  section?: string;
}

/**
 * The council's own Member/Officer protocol: findings cite its paragraphs; rules it has no
 * paragraph for cite the five packs as another council's good practice.
 */
export interface OwnProtocol {
  /** Short id shown as the citation's pack ("ashcombe"). */
  id: string;
  /** The protocol's title as the council publishes it. */
  title: string;
  /** Rule id → the paragraphs that say the same thing. */
  paragraphs: Partial<Record<RuleId, OwnParagraph[]>>;
}

export interface ElectionEntry {
  name: string;
  /** Which rule computes the period start. Default: local. */
  type?: ElectionType;
  /** YYYY-MM-DD */
  pollingDay: string;
  /** YYYY-MM-DD; computed from pollingDay when absent. */
  periodStart?: string;
  /** By-election: the wards it covers. */
  wards?: string[];
}

export interface WorkingHours {
  /** ISO weekday numbers, 1 = Monday … 7 = Sunday. */
  days: number[];
  /** HH:MM */
  start: string;
  end: string;
  timeZone: string;
}

export type SendTimeMode = 'softBlock' | 'promptUser' | 'block' | 'off';

export type RuleSetting = 'off' | { severity: Severity };

/** Contract 8: the override record on the mail, sealed to the monitoring officer's key (docs/audit.md). */
export interface AuditSettings {
  /** X25519 public key, base64 (protocol-check audit keygen). No key: no record at all. */
  publicKey?: string;
  /** Reason codes a user may choose; "false-positive" and "other" are always offered. */
  reasons?: string[];
  /** Whether the free text given with a reason goes into the sealed record (default false). */
  includeReasonText?: boolean;
  /** Rule ids or severities that cannot be sent anyway without a reason. */
  requireReasonFor?: string[];
}

/** Contract 4, as written in policy.json. Every field but `council` is optional. */
export interface PolicyFile {
  council: { name: string; domains?: string[]; protocol?: PackId | OwnProtocol; nation?: Nation };
  councillors?: CouncillorEntry[];
  officers?: OfficerEntry[];
  communications?: { teamAddresses?: string[]; mediaDomains?: string[]; spokesperson?: string };
  parties?: PartyEntry[];
  elections?: ElectionEntry[];
  workingHours?: WorkingHours;
  letterhead?: { markers?: string[] };
  controversialTopics?: string[];
  nonWorkingDays?: string[];
  sendTime?: { mode?: SendTimeMode };
  rules?: Partial<Record<RuleId, RuleSetting>>;
  vocabulary?: Vocabulary;
  audit?: AuditSettings;
}

export interface ResolvedElection extends ElectionEntry {
  type: ElectionType;
  periodStart: string;
  /** Whether periodStart was computed (the notice-of-election deadline for its type and nation) rather than given. */
  periodStartComputed: boolean;
}

/** The policy after validation and defaults: what `check()` takes. */
export interface ResolvedPolicy {
  council: {
    name: string;
    domains: string[];
    /** The pack whose paragraphs findings cite and whose practice the rules follow. */
    protocol?: PackId;
    /** The council's own protocol, when the policy gives one: findings cite it instead. */
    ownProtocol?: OwnProtocol;
    nation: Nation;
  };
  councillors: CouncillorEntry[];
  officers: OfficerEntry[];
  communications: { teamAddresses: string[]; mediaDomains: string[]; spokesperson: string };
  parties: PartyEntry[];
  elections: ResolvedElection[];
  workingHours: WorkingHours;
  letterhead: { markers: string[] };
  controversialTopics: string[];
  /** YYYY-MM-DD dates that are not working days: the nation's bank holidays, plus the policy's own. */
  nonWorkingDays: string[];
  sendTime: { mode: SendTimeMode };
  rules: Partial<Record<RuleId, RuleSetting>>;
  /** Additions to and ignores of named lexicon entries (contract 4, `vocabulary`). */
  vocabulary: Vocabulary;
  /** The override record's settings (contract 8), when the policy has an `audit` part. */
  audit?: AuditSettings;
  /**
   * True for the embedded default (contract 5): no directory, so people are inferred from
   * gov.uk/gov.wales/gov.scot addresses and "Cllr"/"Councillor" display names.
   */
  inferPeople: boolean;
  /** Where the policy came from, for messages ("policy.json", "embedded default"). */
  source: string;
}
