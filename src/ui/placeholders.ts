/**
 * Fixes that need the user's own words. A suggestion from the engine may hold a bracketed
 * placeholder (the silent-copy disclosure says "… because [reason]."): the panel never applies it
 * as it stands, but asks for the words first and puts them in its place.
 */
import type { Edit, Suggestion } from '../engine/types.ts';

/** The placeholders the engine writes, by name (today only silent-copy's "[reason]"). */
const PLACEHOLDER = /\[(reason)\]/g;

export type PlaceholderName = 'reason';

function textsOf(edits: readonly Edit[]): string[] {
  return edits.flatMap((e) => (e.kind === 'insertText' || e.kind === 'replaceText' ? [e.text] : []));
}

/** The placeholders a suggestion's edits would write, each once. */
export function placeholdersIn(suggestion: Suggestion): PlaceholderName[] {
  const names = new Set<PlaceholderName>();
  for (const text of textsOf(suggestion.edits)) for (const m of text.matchAll(PLACEHOLDER)) names.add(m[1] as PlaceholderName);
  return [...names];
}

/** The sentence the edits would write around a placeholder, for showing the user what it will say. */
export function sentenceAround(suggestion: Suggestion, name: PlaceholderName): string | undefined {
  const text = textsOf(suggestion.edits).find((t) => t.includes(`[${name}]`));
  return text?.trim();
}

/** Tidy what the user wrote so that it reads well in the sentence: one line, no closing full stop. */
export function tidyWords(words: string): string {
  return words.replace(/\s+/g, ' ').trim().replace(/(?<![.\s])[.\s]+$/, '');
}

/** Whether the words can go in: not empty, and not another placeholder. */
export function wordsProblem(words: string): 'empty' | 'placeholder' | undefined {
  const tidy = tidyWords(words);
  if (!tidy) return 'empty';
  if (/\[[^[\]]*\]/.test(tidy)) return 'placeholder';
  return undefined;
}

/** The suggestion with each placeholder replaced by the user's words. */
export function fillPlaceholders(suggestion: Suggestion, values: Partial<Record<PlaceholderName, string>>): Suggestion {
  const fill = (text: string) => text.replace(PLACEHOLDER, (whole, name: PlaceholderName) => (values[name] !== undefined ? tidyWords(values[name]!) : whole));
  return {
    ...suggestion,
    edits: suggestion.edits.map((e) => (e.kind === 'insertText' || e.kind === 'replaceText' ? { ...e, text: fill(e.text) } : e)),
  };
}
