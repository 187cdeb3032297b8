/**
 * Party labels in publicity. A label counts only in a label position ("(Conservative)" after a
 * name, "Labour's Cllr", "Lib Dem councillor"), so "Harrowfield Green" the place is not the
 * Green Party.
 */
import type { RuleContext } from '../rule.ts';
import { Gap } from '../text-model/tokenize.ts';
import { memoised } from '../rule.ts';
import type { Span } from '../text.ts';

export interface PartyLabel extends Span {
  quote: string;
  party: string;
  /**
   * What the label is set against: a named councillor ("Cllr Kerr (Lib Dem)", "Labour's Cllr X",
   * "Leader of the Labour Group"), a group of them named by no one ("Labour councillors"), or the
   * administration ("the Conservative administration").
   */
  of: 'councillor' | 'group' | 'administration';
  /** The edit that removes the label and keeps the sentence readable. */
  removal: { start: number; end: number; text: string };
}

// Ordinary words that are also short party labels: before "councillor" they are labels.
const LABEL_WORDS = new Set(['green', 'independent']);

/**
 * @summary Party labels in the writer's own words: a party named against a councillor or the
 * council's administration, each with the edit that removes it. Read on the text model's tokens
 * with the lexicon's one party list (no pattern is built from the policy's party names):
 * - "Councillor Daniel Okafor (Conservative)", "Cllr Kerr (Lib Dem, Riverside)";
 * - "Labour's Cllr X", "Lib Dem councillor Y", "Conservative group leader Z" (publicity.label-head);
 * - "Leader of the Labour Group", "for the Green Party";
 * - "the Labour-run council", "the Conservative administration" (publicity.administration).
 */
export function findPartyLabels(ctx: RuleContext): PartyLabel[] {
  return memoised(ctx, 'analysis/party-labels', () => {
    const { text: model, lexicon } = ctx;
    const body = ctx.draft.body;
    const { tokens } = model;
    const out: PartyLabel[] = [];
    const add = (start: number, end: number, party: string, removal: PartyLabel['removal'], of: PartyLabel['of'] = 'councillor') => {
      if (out.some((l) => start < l.end && end > l.start)) return;
      out.push({ start, end, quote: body.slice(start, end), party, of, removal });
    };
    for (const s of model.sentences) {
      // The writer's words and signature ("Leader of the Labour Group" under a statement), not quoted history.
      if (s.region === 'quoted') continue;
      for (let k = s.first; k < s.last; k++) {
        // (5) A hashtag that carries a party's name: "#LabourDelivers", "#VoteConservative".
        if (tokens[k]!.norm === '#' && tokens[k + 1]?.kind === 'word' && tokens[k + 1]!.gapBefore === Gap.None) {
          const word = body.slice(tokens[k + 1]!.start, tokens[k + 1]!.end);
          const party = lexicon.partyStartingWord(/^vote/i.test(word) ? word.slice(4) : word);
          if (party) {
            const start = tokens[k]!.start;
            const stop = tokens[k + 1]!.end;
            add(start, stop, party, { start: start > 0 && body[start - 1] === ' ' ? start - 1 : start, end: stop, text: '' }, 'group');
            k += 1;
            continue;
          }
        }
        const found = lexicon.matchParty(model, k, s.last, true);
        if (!found) continue;
        const strong = lexicon.matchParty(model, k, s.last, false);
        const labelOk = !!strong || LABEL_WORDS.has(tokens[k]!.norm);
        const party = found.party;
        let end = found.end;
        const before = tokens[k - 1];
        // (1) In brackets after a name: "Okafor (Conservative)", "(the Labour Party, Riverside)".
        const openAt = before?.norm === '(' ? k - 1 : before?.norm === 'the' && tokens[k - 2]?.norm === '(' ? k - 2 : -1;
        if (openAt > s.first && tokens[openAt - 1]?.kind === 'word') {
          let close = end;
          while (close < s.last && close - end < 10 && tokens[close]!.norm !== ')' && tokens[close]!.norm !== '(') close += 1;
          if (tokens[close]?.norm === ')') {
            const start = tokens[openAt]!.start;
            const stop = tokens[close]!.end;
            add(start, stop, party, { start: tokens[openAt - 1]!.end, end: stop, text: '' });
            k = close;
            continue;
          }
        }
        if (!labelOk) continue;
        // "Harrowfield Green councillors' surgery" is a place.
        if (!strong && before?.kind === 'word' && before.capital && k > s.first) continue;
        // (3) "of the Labour Group", "for the Green Party".
        if (before?.norm === 'the' && ['of', 'for', 'from'].includes(tokens[k - 2]?.norm ?? '') && ['group', 'party'].includes(tokens[end]?.norm ?? '') && tokens[end]!.capital) {
          const start = tokens[k - 2]!.start;
          const stop = tokens[end]!.end;
          // Inside an apposition (", Leader of the Labour Group,"): remove the apposition.
          const commaBefore = body.lastIndexOf(',', start);
          const commaAfter = body.indexOf(',', stop);
          const between = body.slice(commaBefore + 1, start);
          const removal =
            commaBefore !== -1 && start - commaBefore < 50 && !/[.!?\n"]/.test(between) && commaAfter !== -1 && commaAfter - stop < 5
              ? { start: commaBefore, end: commaAfter, text: '' }
              : { start: tokens[k]!.start, end: Math.min(body.length, tokens[end - 1]!.end + 1), text: '' };
          add(start, stop, party, removal);
          k = end;
          continue;
        }
        // (2) and (4): the label before a councillor or the administration. "Labour's", "Lib Dems'".
        let after = end;
        if (tokens[after]?.norm === "'s" || tokens[after]?.norm === "'") after += 1;
        while (tokens[after]?.joiner) after += 1;
        const administration = lexicon.matchAt(model, 'publicity.administration', after);
        const head = administration === -1 ? lexicon.matchAt(model, 'publicity.label-head', after) : -1;
        if (administration === -1 && head === -1) continue;
        const start = tokens[k]!.start;
        const labelEnd = tokens[after - 1]!.end;
        // Remove the label and the space after it; at a sentence start the next word takes the capital.
        const next = tokens[after]!;
        const atStart = k === s.first || (tokens[k - 1]?.quoteMark !== undefined && k - 1 === s.first);
        const firstChar = body[next.start] ?? '';
        const removal = atStart && /[a-z]/.test(firstChar) ? { start, end: next.start + 1, text: firstChar.toUpperCase() } : { start, end: next.start, text: '' };
        // A head with a name after it ("Lib Dem councillor Jo Kerr", "Labour's Cllr Shah") is one
        // member; "Labour councillors, who …" names no one.
        const named = head !== -1 && tokens[head]?.kind === 'word' && tokens[head]!.capital;
        add(start, labelEnd, party, removal, administration !== -1 ? 'administration' : named ? 'councillor' : 'group');
        k = after - 1;
      }
    }
    return out.sort((a, b) => a.start - b.start);
  });
}
