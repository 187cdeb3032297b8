/**
 * PLACEHOLDER first cut: src/policy owns the full version (schema validation, computed
 * periods, bank holidays). Turns a policy file into the engine's ResolvedPolicy.
 */
import type { PolicyFile, ResolvedPolicy } from '../engine/policy.ts';

export function resolvePolicy(file: PolicyFile, source = 'policy.json', inferPeople = false): ResolvedPolicy {
  return {
    council: { name: file.council.name, domains: file.council.domains ?? [], protocol: file.council.protocol },
    councillors: file.councillors ?? [],
    officers: file.officers ?? [],
    communications: {
      teamAddresses: file.communications?.teamAddresses ?? [],
      mediaDomains: file.communications?.mediaDomains ?? [],
      spokesperson: file.communications?.spokesperson ?? 'a Council spokesperson',
    },
    parties: file.parties ?? [],
    elections: (file.elections ?? []).map((e) => ({ ...e, periodStart: e.periodStart ?? e.pollingDay, periodStartComputed: !e.periodStart })),
    workingHours: file.workingHours ?? { days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00', timeZone: 'Europe/London' },
    letterhead: { markers: file.letterhead?.markers ?? [] },
    controversialTopics: file.controversialTopics ?? [],
    nonWorkingDays: file.nonWorkingDays ?? [],
    sendTime: { mode: file.sendTime?.mode ?? 'softBlock' },
    rules: file.rules ?? {},
    inferPeople,
    source,
  };
}

export function embeddedDefaultPolicy(): ResolvedPolicy {
  return resolvePolicy({ council: { name: 'your council' } }, 'embedded default', true);
}
