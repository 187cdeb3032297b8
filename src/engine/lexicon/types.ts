/**
 * The shape of the vocabulary files (`src/engine/lexicon/data/*.json`): one entry per idea, in
 * the manner of retext-equality's YAML and Vale's `existence` rules — the phrases that say it,
 * the context that excuses it, what else it needs, where the list comes from, and examples that
 * must flag and must pass.
 *
 * Phrase syntax (words are matched as tokens, case-insensitively, through hyphens):
 * - `canvass{,es,ed,ing}`: a word with alternative endings (the empty one included).
 * - `attack/v`: the verb's forms (attack, attacks, attacked, attacking); `leaflet/n`: a noun
 *   and its plural; `/vn`: both.
 * - `vot*`: any word that starts so (at least three letters before the star).
 * - `(cancel|withdraw|waive)`: one word of several (each may use the forms above).
 * - `[please]`: an optional word.
 * - `..3`: up to three words of anything, within the sentence.
 * - `^Labour`: the word must start with a capital letter in the text.
 * - `<party>`: a party's name (the built-in UK list and the policy's parties); `<party-any>`:
 *   also its abbreviations and ambiguous forms ("Con", "Green"); `<number>`, `<money>` (£5),
 *   `<capital>`: a word that starts with a capital letter.
 * - `@entry.id`: any phrase of another entry.
 */
import type { Region } from '../text-model/model.ts';

export interface LexiconEntrySpec {
  /** "family.idea", stable: the policy's `vocabulary` names it. */
  id: string;
  /** One line: the idea the phrases express. */
  idea: string;
  /** Where the list comes from. */
  source: string;
  phrases: string[];
  /** Phrases that, anywhere in the same sentence, excuse a hit (the council's own canvass, a job candidate). */
  unless?: string[];
  /** Conditions a hit needs. */
  needs?: {
    /** The writer's own side speaks in the sentence (I, we, our). */
    firstPerson?: boolean;
    /** The sentence asks or tells the reader to act. */
    request?: boolean;
    /** A party's name stands in the sentence. */
    party?: boolean;
    /** Some hit of one of these entries stands in the same sentence. */
    with?: string[];
  };
  /**
   * Hits that count although they are negated, in quotation marks or reported (default: none).
   * `quoted: "unless-reported"`: words in quotation marks count unless a third party is named as
   * their speaker (a strapline or the writer's own councillor quoted in their newsletter count; a
   * resident's words do not).
   */
  counts?: { negated?: boolean; quoted?: boolean | 'unless-reported'; reported?: boolean };
  /** Where hits count (default: the writer's own words). */
  regions?: Region[];
  /**
   * For families whose cues combine: `alone` is enough by itself; `combines` counts with another
   * family's cue nearby (or a party name); `supports` only ever adds to another cue.
   */
  strength?: 'alone' | 'combines' | 'supports';
  /** What a hit means, where a family reports several kinds ("electioneering", "party-political"). */
  kind?: string;
  /** Free labels a rule may select entries by ("administration-word": also election staff's own word). */
  tags?: string[];
  /** Sentences that must give a hit, and near misses that must not. */
  examples: { flag: string[]; pass: string[] };
}

export interface LexiconFile {
  /** The cue family: "campaigning", "praise", "threats", … */
  family: string;
  description: string;
  entries: LexiconEntrySpec[];
}

/** Contract 4, `vocabulary`: per entry id, switch it off or add and ignore phrases. */
export type VocabularySetting = 'off' | { add?: string[]; ignore?: string[] };
export type Vocabulary = Record<string, VocabularySetting>;
