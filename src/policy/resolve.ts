/**
 * Turns a policy file (contract 4) into the engine's `ResolvedPolicy`: defaults filled in,
 * the council's nation's bank holidays added to the non-working days, election periods computed
 * where the file leaves them out (by the notice-of-election rule of the election's type and the
 * council's nation), the council's own protocol set apart from the pack id, and addresses
 * lower-cased so that rules compare them as they are. `resolvePolicy` trusts its input's shape: validate untrusted JSON with `loadPolicy`
 * (src/policy/load.ts) first.
 *
 * No Node, DOM or Office APIs: the send-time script resolves the policy too.
 */
import { bankHolidaysFor, noticeRuleFor, periodStartFor } from '../engine/calendar.ts';
import type { Nation, OwnProtocol, PartyEntry, PolicyFile, ResolvedElection, ResolvedPolicy, WorkingHours } from '../engine/policy.ts';
import defaultPolicyFile from './default-policy.json' with { type: 'json' };

export const DEFAULT_SPOKESPERSON = 'a Council spokesperson';

/** Monday to Friday, 08:00 to 18:00, London time (PRODUCT.md contract 5). */
export const DEFAULT_WORKING_HOURS: Readonly<WorkingHours> = Object.freeze({ days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00', timeZone: 'Europe/London' });

/** The embedded default as a policy file: what `default-policy.json` holds, for users to start from. */
export const DEFAULT_POLICY_FILE = defaultPolicyFile as unknown as PolicyFile & { $schema?: string };

const lower = (values: readonly string[] | undefined): string[] => [...new Set((values ?? []).map((v) => v.trim().toLowerCase()))];

function resolveWorkingHours(given: Partial<WorkingHours> | undefined): WorkingHours {
  return {
    days: given?.days?.length ? [...new Set(given.days)].sort((a, b) => a - b) : [...DEFAULT_WORKING_HOURS.days],
    start: given?.start ?? DEFAULT_WORKING_HOURS.start,
    end: given?.end ?? DEFAULT_WORKING_HOURS.end,
    timeZone: given?.timeZone ?? DEFAULT_WORKING_HOURS.timeZone,
  };
}

/**
 * Election periods: a given `periodStart` is kept; otherwise it is the latest day for the notice
 * of election under the election's type and the council's nation (25 working days before polling
 * day for a local election in England, Wales and Northern Ireland, 28 in Scotland; see
 * `noticeRuleFor`), counting the policy's own non-working days out as well as the bank holidays
 * (a day of public thanksgiving or mourning counts out under the election timetable). An election
 * whose start cannot be computed (UK Parliament, referendum) and that gives none is left out:
 * `loadPolicy` reports it.
 */
function resolveElections(file: PolicyFile, nation: Nation): ResolvedElection[] {
  const extra = file.nonWorkingDays ?? [];
  return (file.elections ?? []).flatMap((e) => {
    const type = e.type ?? 'local';
    if (!e.periodStart && !noticeRuleFor(type, nation)) return [];
    return [
      {
        ...e,
        type,
        ...(e.wards ? { wards: [...e.wards] } : {}),
        periodStart: e.periodStart ?? periodStartFor(e.pollingDay, extra, { nation, type }),
        periodStartComputed: !e.periodStart,
      },
    ];
  });
}

function ownProtocolOf(protocol: PolicyFile['council']['protocol']): OwnProtocol | undefined {
  if (!protocol || typeof protocol !== 'object') return undefined;
  const paragraphs: OwnProtocol['paragraphs'] = {};
  for (const [rule, list] of Object.entries(protocol.paragraphs ?? {})) {
    if (list?.length) paragraphs[rule as keyof OwnProtocol['paragraphs']] = list.map((p) => ({ ...p }));
  }
  return { id: protocol.id, title: protocol.title, paragraphs };
}

function resolveParties(parties: readonly PartyEntry[] | undefined): PartyEntry[] {
  return (parties ?? []).map((p) => ({
    name: p.name,
    aliases: [...(p.aliases ?? [])],
    domains: lower(p.domains),
  }));
}

/**
 * @summary Fill in a validated policy file's defaults and derived fields.
 * @param file the policy as written (contract 4); every field but `council` may be missing.
 * @param source where it came from, for messages ("policy.json").
 * @param inferPeople true for the embedded default: people are inferred from addresses and titles.
 */
export function resolvePolicy(file: PolicyFile, source = 'policy.json', inferPeople = false): ResolvedPolicy {
  const nation = file.council.nation ?? 'england';
  const protocol = file.council.protocol;
  const ownProtocol = ownProtocolOf(protocol);
  return {
    council: {
      name: file.council.name,
      domains: lower(file.council.domains),
      ...(typeof protocol === 'string' ? { protocol } : {}),
      ...(ownProtocol ? { ownProtocol } : {}),
      nation,
    },
    councillors: (file.councillors ?? []).map((c) => ({
      ...c,
      email: c.email.trim().toLowerCase(),
      personalEmails: lower(c.personalEmails),
      approvedPersonalEmails: lower(c.approvedPersonalEmails),
      roles: [...(c.roles ?? [])],
    })),
    officers: (file.officers ?? []).map((o) => ({ ...o, email: o.email.trim().toLowerCase(), roles: [...(o.roles ?? [])] })),
    communications: {
      teamAddresses: lower(file.communications?.teamAddresses),
      mediaDomains: lower(file.communications?.mediaDomains),
      spokesperson: file.communications?.spokesperson ?? DEFAULT_SPOKESPERSON,
    },
    parties: resolveParties(file.parties),
    elections: resolveElections(file, nation),
    workingHours: resolveWorkingHours(file.workingHours),
    letterhead: { markers: [...(file.letterhead?.markers ?? [])] },
    controversialTopics: [...(file.controversialTopics ?? [])],
    nonWorkingDays: [...new Set([...bankHolidaysFor(nation), ...(file.nonWorkingDays ?? [])])].sort(),
    sendTime: { mode: file.sendTime?.mode ?? 'softBlock' },
    rules: { ...(file.rules ?? {}) },
    vocabulary: { ...(file.vocabulary ?? {}) },
    ...(file.audit ? { audit: { ...file.audit, ...(file.audit.reasons ? { reasons: [...file.audit.reasons] } : {}), ...(file.audit.requireReasonFor ? { requireReasonFor: [...file.audit.requireReasonFor] } : {}) } } : {}),
    inferPeople,
    source,
  };
}

/**
 * The embedded default (PRODUCT.md contract 5): used when no policy file is given or the file
 * cannot be read. No directory, so people are inferred; no elections; working hours Monday to
 * Friday 08:00–18:00 London time; cites every pack (no protocol); a short list of UK media
 * domains and the main parties' names, labels and domains (see docs/policy.md for sources).
 */
export function embeddedDefaultPolicy(): ResolvedPolicy {
  return resolvePolicy(DEFAULT_POLICY_FILE, 'embedded default', true);
}
