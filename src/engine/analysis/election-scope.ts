/**
 * Does publicity fall within an election's reach? When: the pre-election period, or the 14 days
 * before it. Where: for a by-election, whether the publicity concerns the wards that vote.
 */
import { addDays } from '../calendar.ts';
import type { ResolvedElection, ResolvedPolicy } from '../policy.ts';
import type { RuleContext } from '../rule.ts';
import { memoised } from '../rule.ts';
import { PhraseIndex } from '../people-index.ts';
import { normaliseChars } from '../text.ts';
import { findAttributions } from './attribution.ts';
import { findFavourableMentions } from './praise.ts';
import { assessPublicity } from './publicity-kind.ts';
import { normalisedBody } from './voice.ts';
import { daysBetween } from './written-dates.ts';

export interface ElectionTiming {
  election: ResolvedElection;
  /** In the period (periodStart to polling day, inclusive) or in the 14 days before it. */
  status: 'in-period' | 'approaching';
  /** For `approaching`: days until the period starts. */
  daysBefore?: number;
}

/** The approaching window: the 14 days before a period starts (PRODUCT.md). */
const APPROACHING_DAYS = 14;

/**
 * @summary Which election period (or approaching window) a publication date falls in.
 * @param concerns for a by-election (`wards` set): whether the publicity concerns its wards
 */
export function electionTiming(policy: ResolvedPolicy, isoDate: string, concerns: (election: ResolvedElection) => boolean = () => true): ElectionTiming | undefined {
  let approaching: ElectionTiming | undefined;
  for (const election of policy.elections) {
    if (!concerns(election)) continue;
    if (isoDate >= election.periodStart && isoDate <= election.pollingDay) return { election, status: 'in-period' };
    if (isoDate >= addDays(election.periodStart, -APPROACHING_DAYS) && isoDate < election.periodStart) {
      const daysBefore = daysBetween(isoDate, election.periodStart);
      if (!approaching || daysBefore < approaching.daysBefore!) approaching = { election, status: 'approaching', daysBefore };
    }
  }
  return approaching;
}

// The council's whole area, as releases write it: "across the district", "borough-wide", "the whole
// county", "every ward". The council's own place name ("across Westmoor") is added per policy.
const WHOLE_AREA =
  /\b(?:across|throughout|all\s+over|around)\s+(?:the\s+)?(?:whole\s+|entire\s+)?(?:district|borough|county|city|council\s+area)\b|\b(?:district|borough|county|city|council)[-\s]wide\b|\b(?:the\s+)?(?:whole|entire)\s+(?:of\s+the\s+)?(?:district|borough|county|city)\b|\b(?:every|each)\s+ward\b|\ball\s+(?:of\s+(?:the|our)\s+)?(?:\w+\s+)?wards\b/i;
const placeCache = new WeakMap<ResolvedPolicy['council'], PhraseIndex<true> | null>();
const ACROSS_BEFORE = /\b(?:across|throughout|all\s+(?:of|over))\s+$/i;

const KIND_AT_END = /(?<!\s)\s+(?:metropolitan\s+)?(?:district|borough|city|county|town|parish|unitary)$/i;

/**
 * "Westmoor Metropolitan Borough Council" → "Westmoor": "council" off the end, then each kind of
 * council before it, one word at a time from the end (one pattern over the whole chain would
 * re-read it from every space).
 */
function withoutCouncilKind(name: string): string {
  const council = /(?<!\s)\s+council$/i.exec(name);
  if (!council) return name;
  let rest = name.slice(0, council.index);
  for (let kind = KIND_AT_END.exec(rest); kind; kind = KIND_AT_END.exec(rest)) rest = rest.slice(0, kind.index);
  return rest;
}

/** "across Westmoor", "throughout Harrowfield": the council's name without "District Council", "London Borough of" and the like. */
function namesWholePlace(policy: ResolvedPolicy, text: string): boolean {
  let place = placeCache.get(policy.council);
  if (place === undefined) {
    const name = withoutCouncilKind(
      policy.council.name.replace(/^(?:the\s+)?(?:(?:royal|london)\s+)?(?:borough|district|city|county|metropolitan\s+borough)\s+(?:council\s+)?of\s+/i, ''),
    ).trim();
    // Looked up by words (people-index.ts): no pattern is built from the policy's text.
    place = name && !/council/i.test(name) ? new PhraseIndex([[name, true as const]]) : null;
    placeCache.set(policy.council, place);
  }
  return !!place?.find(text).some((m) => ACROSS_BEFORE.test(text.slice(Math.max(0, m.start - 60), m.start)));
}

// Every ward the policy names (its councillors' and its by-elections'), as written, in the case written.
const wardCache = new WeakMap<ResolvedPolicy, PhraseIndex<string>>();

function wardIndex(policy: ResolvedPolicy): PhraseIndex<string> {
  let index = wardCache.get(policy);
  if (!index) {
    const allWards = new Set<string>([...policy.councillors.map((c) => c.ward ?? ''), ...policy.elections.flatMap((e) => e.wards ?? [])].filter(Boolean));
    index = new PhraseIndex([...allWards].map((w) => [w, w] as const), { matchCase: true });
    wardCache.set(policy, index);
  }
  return index;
}

/**
 * @summary Whether publicity concerns a by-election's wards. Read from the places its own text is
 * about: it names one of them, names the council's whole area, or names no ward at all (a
 * council-wide release still counts). Only naming other wards puts it outside. Where a quoted
 * councillor sits does not count, and nor do wards named in an attribution ("councillor for X").
 */
export function concernsElection(ctx: RuleContext, election: ResolvedElection): boolean {
  if (!election.wards?.length) return true;
  const wardsNamed = memoised(ctx, 'analysis/wards-named', () => {
    const normal = normalisedBody(ctx);
    // The speakers' own descriptions are blanked (same length), so "Cllr X, councillor for Brookside, said" does not make it about Brookside.
    const parts: string[] = [normaliseChars(ctx.draft.subject), '\n'];
    let at = ctx.own.start;
    for (const a of findAttributions(ctx)) {
      parts.push(normal.slice(at, a.start), ' '.repeat(a.end - a.start));
      at = a.end;
    }
    parts.push(normal.slice(at, ctx.own.end));
    const text = parts.join('');
    if (WHOLE_AREA.test(text) || namesWholePlace(ctx.policy, text)) return 'whole area' as const;
    const named = new Set<string>();
    for (const m of wardIndex(ctx.policy).find(text, 0, text.length, { overlapping: true })) for (const ward of m.values) named.add(ward.toLowerCase());
    return named;
  });
  if (wardsNamed === 'whole area' || wardsNamed.size === 0) return true;
  const voting = new Set(election.wards.map((w) => w.toLowerCase()));
  if ([...wardsNamed].some((w) => voting.has(w))) return true;
  // A story about another ward that quotes or praises a councillor for the ward that votes still
  // puts that councillor before its voters in the period.
  const featured = [...findAttributions(ctx).map((a) => a.councillor), ...findFavourableMentions(ctx, assessPublicity(ctx).kind).map((m) => m.councillor)];
  return featured.some((c) => !!c.entry?.ward && voting.has(c.entry.ward.toLowerCase()));
}
