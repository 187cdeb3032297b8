/**
 * The built-in vocabulary and the lexicon for a policy: compiled once per resolved policy (its
 * parties and its `vocabulary` setting) and shared by every check under it.
 */
import type { ResolvedPolicy } from '../policy.ts';
import { Lexicon, partySpecs, type PartySpec } from './compile.ts';
import frames from './data/frames.json' with { type: 'json' };
import campaigning from './data/campaigning.json' with { type: 'json' };
import business from './data/business.json' with { type: 'json' };
import electionAdmin from './data/election-admin.json' with { type: 'json' };
import publicity from './data/publicity.json' with { type: 'json' };
import tone from './data/tone.json' with { type: 'json' };
import favours from './data/favours.json' with { type: 'json' };
import pressure from './data/pressure.json' with { type: 'json' };
import employment from './data/employment.json' with { type: 'json' };
import discipline from './data/discipline.json' with { type: 'json' };
import criticism from './data/criticism.json' with { type: 'json' };
import officialLetter from './data/official-letter.json' with { type: 'json' };
import legal from './data/legal.json' with { type: 'json' };
import confidentiality from './data/confidentiality.json' with { type: 'json' };
import consent from './data/consent.json' with { type: 'json' };
import groups from './data/groups.json' with { type: 'json' };
import partyData from './data/parties.json' with { type: 'json' };
import type { LexiconFile } from './types.ts';

export { Lexicon, LexiconError, phraseProblem, type Hit } from './compile.ts';
export type { LexiconEntrySpec, LexiconFile, Vocabulary, VocabularySetting } from './types.ts';

/** Every built-in vocabulary file, in one list: the compiler, the tests and the policy schema read it. */
export const LEXICON_FILES: readonly LexiconFile[] = [frames, campaigning, business, electionAdmin, publicity, tone, favours, pressure, employment, discipline, criticism, officialLetter, legal, confidentiality, consent, groups] as LexiconFile[];

/** The built-in party list (one list for every rule). */
export const BUILT_IN_PARTIES: readonly (PartySpec & { examples: { flag: string[]; pass: string[] } })[] = partyData.parties;
export const PARTY_LIST_SOURCE: string = partyData.source;

const cache = new WeakMap<object, Lexicon>();
let bare: Lexicon | undefined;

/** The lexicon for a policy, compiled on first use and kept while the policy lives. */
export function lexiconFor(policy: Pick<ResolvedPolicy, 'parties'> & { vocabulary?: ResolvedPolicy['vocabulary'] }): Lexicon {
  let lexicon = cache.get(policy);
  if (!lexicon) {
    lexicon = new Lexicon(LEXICON_FILES, partySpecs(BUILT_IN_PARTIES, policy.parties), policy.vocabulary ?? {});
    cache.set(policy, lexicon);
  }
  return lexicon;
}

/** The lexicon with no policy: the built-in vocabulary and parties only (tests, examples). */
export function builtInLexicon(): Lexicon {
  bare ??= new Lexicon(LEXICON_FILES, partySpecs(BUILT_IN_PARTIES, []));
  return bare;
}

/** Every built-in entry id, for the policy's `vocabulary` checks and docs. */
export const LEXICON_ENTRY_IDS: readonly string[] = LEXICON_FILES.flatMap((f) => f.entries.map((e) => e.id));
