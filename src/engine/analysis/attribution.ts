/**
 * Who is quoted? Every attribution of speech to a councillor in the writer's own words, with the
 * replacement that gives the words to the policy's spokesperson.
 *
 * Attributions are read around speech verbs ("said", "added", "told") in each sentence: the
 * speaker is the phrase between the sentence start (or a closing quotation mark) and the verb,
 * or the phrase after "…," said. That catches "Cllr X said:", "said Councillor X, Leader of
 * the Council," and "Riverside ward councillor Susan Kerr said" without a pattern per wording.
 * Offsets always point into `ctx.draft.body`.
 */
import type { ResolvedPolicy } from '../policy.ts';
import type { RuleContext } from '../rule.ts';
import { memoised } from '../rule.ts';
import { sentences, splitLines } from '../text.ts';
import { type CouncillorReference, councillorIn, isCouncillorName, OFFICES, TITLED_NAME, WARD_MEMBER } from './councillor-references.ts';
import { normalisedBody } from './voice.ts';

export interface Attribution {
  /** The words to replace: "Cllr X, Cabinet Member for Housing, said" or "said Councillor X, Leader of the Council". */
  start: number;
  end: number;
  quote: string;
  /** The speaker phrase alone. */
  speaker: string;
  councillor: CouncillorReference;
  /** The same attribution given to the policy's spokesperson, grammar kept. */
  replacement: string;
}

// Case-insensitive: "According to …" and "Said Cllr X" open sentences too (names are matched elsewhere, with their capitals).
const SPEECH_VERB = /\b(?:said|says|added|adds|commented|comments|explained|explains|stated|states|remarked|remarks|continued|continues|told|tells|noted|declared|enthused|announced|pledged|vowed|urged|hailed|insisted|emphasi[sz]ed|stressed|highlighted|warned|responded|replied|according\s+to|(?:writes|wrote)(?=:|\s+:|\s*"))\b/gi;
// An apposition that describes the speaker (", Leader of the Council,", ", who chairs …"), not the next clause.
const SPEAKER_APPOSITION = /^\s*(?:who\b|the\s+(?:council's\s+)?(?:Leader|Deputy|Mayor|Cabinet|Chair|Vice|ward)|ward\s+(?:councillor|member)|councillor\s+for\b|member\s+for\b)/i;
const QUOTE_CHAR = /"/g;
// How far from a speech verb a speaker's name and one apposition can reach (25 words at most).
const SPEAKER_WINDOW = 300;
const NOT_A_SPEAKER = /\b(?:which|that|when|where|because|if|whether|although|while)\b|\b(?:is|was|were|been|be|being)\s*$/i;
// A clause that frames what follows as someone speaking: "In a statement, Cllr X …", "Speaking at the
// launch, Cllr X …", "Responding to the report, …". The speaker is the subject after the comma.
// Bounded, comma-free middles: no backtracking across long prose.
const SPEECH_FRAME =
  /\b(?:in\s+an?\s+(?:(?:written|joint|short|brief|separate|further|press|video)\s+)?(?:statement|interview|message|post)|(?:speaking|commenting|responding|reacting|writing)\s+(?:at|to|on|in|for|after|before|during|from|ahead\s+of|about)\b[^,"\n]{0,80}),\s*/gi;
// A line that introduces the quotation below it: "Quote from Cllr X, Cabinet Member for Housing:",
// "Comment from the Leader, Cllr X:". The lead words are kept; the speaker is replaced.
// The speaker (at most 200 characters) starts and ends with a visible character, so the spaces
// around it are read one way only: no backtracking over a long run of spaces.
// Also "Statement below, attributable to Cllr X:" and "Attributable to Cllr X:", as press offices write them.
const LEAD_IN = /^((?:(?:an?\s+|the\s+)?(?:(?:further|additional|supporting)\s+)?(?:quotes?|quotations?|comments?|statement|words|response|reaction)(?:\s+below)?,?\s+(?:from|by|attributable\s+to|attributed\s+to)|(?:attributable|attributed)\s+to)\s+)([^\s:"\n](?:[^:"\n]{0,198}[^\s:"\n])?)\s*(?::\s*)?$/i;
// A speaker phrase that begins with a councillor's title or an office only councillors hold, so that a
// lead-in or dash line naming someone else first ("Jo Bloggs, Chair of the Friends group") is not read
// as a councillor's attribution.
const COUNCILLOR_FIRST = /^(?:the\s+)?(?:council(?:'s)?\s+)?(?:Cllrs?\b|Councillors?\b|(?:Deputy\s+)?Leader\b|(?:Deputy\s+|Lord\s+)*Mayor\b|Cabinet\s+Member\b|Executive\s+Member\b|Lead\s+Member\b|Portfolio\s+Holder\b|(?:Vice[- ]?)?Chair(?:man|woman|person)?\b|Opposition\s+Leader\b|Group\s+Leader\b)/i;

// structural: the writer's own voice in a line of prose (a column's last paragraph).
const FIRST_PERSON = /\b(?:I|I'm|I've|I'd|we|we're|we've|our|my|us)\b/;

// structural: "<name> is <office>." — a column's byline written as a sentence. Bounded name, no backtracking across prose.
const IS_OFFICE = /^([A-Z][\w'-]*(?: [A-Z][\w'-]*){1,3}) is (?:the )?((?:Deputy )?Leader of [^.]{1,80}|Cabinet Member for [^.]{1,80}|(?:Lord )?Mayor of [^.]{1,80}|(?:a |the )?councillor for [^.]{1,80})\.?$/;

// A byline after a sentence on the same line: `… proud of it. - Cllr X`.
const SIGNED = /[.!?]\s+(-{1,3})\s*(?=\S)/;

/** The councillor is the one sending the draft (their own name under their own words is no byline). */
function isSender(ctx: RuleContext, ref: CouncillorReference): boolean {
  return !!ref.entry && ref.entry.email.toLowerCase() === ctx.sender?.email.toLowerCase();
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

// A predicate, not part of a speaker's name or office: "Cllr X will say", "Cllr X has opened".
const PREDICATE = /\b(?:will|would|shall|has|have|had|is|was|were|are|says?|said|told|added|thanked|opened|welcomed)\b/i;


/**
 * @summary The length of the councillor's name and offices that open `text`, as comma-separated
 * parts ("Cllr X, Leader of the Council"), stopping before anything else ("…, speaking at the
 * launch"); 0 when `text` does not open with a councillor. Trailing commas are not counted.
 * @example speakerPhraseLength('Cllr Jo Hale, Leader of the Council, at the launch', policy) // 36
 */
function speakerPhraseLength(text: string, policy: ResolvedPolicy): number {
  if (!COUNCILLOR_FIRST.test(text.trimStart()) && !isCouncillorName(text.split(',')[0]!.trim(), policy)) return 0;
  let pos = 0;
  let length = 0;
  let named = false;
  for (const part of text.split(',').slice(0, 4)) {
    const t = part.trim();
    if (!t || t.length > 100 || PREDICATE.test(t)) break;
    const name = isCouncillorName(t, policy);
    if (!name && !OFFICES.some((o) => o.re.test(t)) && !SPEAKER_APPOSITION.test(t) && !WARD_MEMBER.test(t)) break;
    named ||= name || OFFICES.some((o) => o.re.test(t));
    length = pos + part.trimEnd().length;
    pos += part.length + 1;
  }
  return named ? length : 0;
}

/**
 * The length of the councillor phrase that opens `text` ("Cllr Jane Doe", "the Leader, Cllr Jane Doe,",
 * "Cllr Jane Doe, Cabinet Member for Parks,"), stopping before what they did; 0 when `text` does not open
 * with one. Used after a speech frame, where there is no speech verb to end the speaker.
 */
function leadingCouncillorPhrase(text: string): number {
  const window = text.slice(0, 240);
  const name = TITLED_NAME.exec(window);
  // The name within the first few words, after at most an office ("the Leader, Cllr X", "Cabinet Member Cllr X").
  if (!name || name.index > 80 || !COUNCILLOR_FIRST.test(window) || /["]/.test(window.slice(0, name.index))) return 0;
  let end = name.index + name[0].length;
  const after = window.slice(end);
  // One apposition that describes them, closed by a comma: ", Cabinet Member for Parks,".
  const app = /^,([^,"]{1,80}),/.exec(after);
  if (app && (OFFICES.some((o) => o.re.test(app[1]!)) || SPEAKER_APPOSITION.test(app[1]!))) end += app[0].length;
  // "the Leader, Cllr X, thanked …": the comma that closes the name goes with it; one that starts a list does not.
  else if (after.startsWith(',') && window.slice(0, name.index).includes(',')) end += 1;
  return end;
}

/**
 * @summary Every attribution of speech to a councillor in the writer's own words, with the
 * replacement that gives it to the policy's spokesperson. Memoised per check.
 *
 * Four shapes: a speech verb in the sentence (`Cllr X said`, `said Cllr X`, `according to Cllr X`);
 * a frame with no verb (`Speaking at the launch, Cllr X thanked …`); a lead-in line above the
 * quotation (`Quote from Cllr X:`, `Cllr X, Leader of the Council:`); and a dash line below it
 * (`— Cllr X, Leader of the Council`).
 */
export function findAttributions(ctx: RuleContext): Attribution[] {
  return memoised(ctx, 'analysis/attributions', () => {
    const body = ctx.draft.body;
    const normal = normalisedBody(ctx);
    const spokesperson = ctx.policy.communications.spokesperson || 'a Council spokesperson';
    const out: Attribution[] = [];
    const overlaps = (start: number, end: number) => out.some((a) => start < a.end && end > a.start);
    for (const s of sentences(normal, ctx.own)) {
      const sentence = normal.slice(s.start, s.end);
      // Quotation marks found once per sentence: rescanning the text before every verb is quadratic on a long sentence.
      const quoteMarks = [...sentence.matchAll(QUOTE_CHAR)].map((m) => m.index!);
      const quotesBefore = (at: number) => {
        let lo = 0;
        let hi = quoteMarks.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (quoteMarks[mid]! < at) lo = mid + 1;
          else hi = mid;
        }
        return lo;
      };
      SPEECH_VERB.lastIndex = 0;
      for (const v of sentence.matchAll(SPEECH_VERB)) {
        const verb = v[0];
        const at = v.index!;
        if (/[,!?]?"\s*$/.test(sentence.slice(Math.max(0, at - SPEAKER_WINDOW), at)) || /^according/i.test(verb)) {
          // `…," said Councillor X, Leader of the Council, at the launch.` — the speaker follows the verb.
          const after = sentence.slice(at + verb.length, at + verb.length + SPEAKER_WINDOW);
          const stop = after.search(/["]/);
          const rest = stop === -1 ? after : after.slice(0, stop);
          const commas = [...rest.matchAll(/,/g)].map((m) => m.index!);
          const head = commas.length ? rest.slice(0, commas[0]) : rest;
          // The name, then one apposition that describes the speaker: up to the second comma (or the end).
          // An office then the name ("the cabinet member for parks, Cllr X,") is one speaker too.
          const apposition = commas.length ? rest.slice(commas[0]! + 1, commas[1] ?? rest.length) : '';
          const headNamed = TITLED_NAME.test(head);
          const describes =
            !!apposition && (OFFICES.some((o) => o.re.test(apposition)) || SPEAKER_APPOSITION.test(apposition) || (!headNamed && TITLED_NAME.test(apposition) && councillorIn(head, ctx.policy) !== undefined));
          let end = commas.length === 0 ? rest.length : describes ? (commas[1] ?? rest.length) : commas[0]!;
          let speaker = rest.slice(0, end);
          speaker = speaker.replace(/(?<![\s.:;!?])[\s.:;!?]+$/, '');
          end = speaker.length;
          if (speaker.split(/\s+/).length > 25) continue;
          const ref = councillorIn(speaker, ctx.policy);
          if (!ref) continue;
          const start = s.start + at;
          const stopAt = s.start + at + verb.length + end;
          out.push({ start, end: stopAt, quote: body.slice(start, stopAt), speaker: speaker.trim(), councillor: ref, replacement: `${verb} ${spokesperson}` });
          continue;
        }
        // `Cllr X, Cabinet Member for Housing, said: "…"` or `"…," Cllr X said.` — the speaker precedes the verb.
        // An odd number of quotation marks before the verb: it is inside someone's quoted words.
        const quotes = quotesBefore(at);
        if (quotes % 2 === 1) continue;
        let from = quotes ? quoteMarks[quotes - 1]! + 1 : 0;
        // Longer than any speaker of 25 words: not an attribution (and not worth slicing).
        if (at - from > SPEAKER_WINDOW * 2) continue;
        while (from < at && /[\s,;:]/.test(sentence[from]!)) from += 1;
        // "In a statement, Cllr X said": the frame stays, the speaker starts after it.
        SPEECH_FRAME.lastIndex = 0;
        const frame = SPEECH_FRAME.exec(sentence.slice(from, at));
        if (frame && frame.index === 0) from += frame[0].length;
        const speaker = sentence.slice(from, at).replace(/(?<!\s)\s+$/, '');
        if (!speaker || speaker.split(/\s+/).length > 25) continue;
        // A clause, not a speaker: "The bridge, which Cllr X opened, has been …", "… when Cllr X said".
        if (NOT_A_SPEAKER.test(speaker)) continue;
        // Reported speech of a resident or an officer about a councillor ("a resident told Cllr X") is not the councillor speaking.
        if (/\b(?:told|asked|wrote\s+to|thanked)\s+(?:Cllr|Councillor)\b/i.test(speaker)) continue;
        const ref = councillorIn(speaker, ctx.policy);
        if (!ref) continue;
        const start = s.start + from;
        const end = s.start + at + verb.length;
        const atSentenceStart = from === 0 || /\n[^\S\n]*$/.test(normal.slice(Math.max(0, start - 3), start));
        out.push({
          start,
          end,
          quote: body.slice(start, end),
          speaker,
          councillor: ref,
          replacement: `${atSentenceStart ? capitalise(spokesperson) : spokesperson} ${verb}`,
        });
      }
      // `Speaking at the launch, Cllr X thanked the volunteers.` — a frame with no speech verb: the subject is replaced.
      if (!/\b(?:statement|interview|message|post|speaking|commenting|responding|reacting|writing)\b/i.test(sentence)) continue;
      SPEECH_FRAME.lastIndex = 0;
      for (const f of sentence.matchAll(SPEECH_FRAME)) {
        const from = f.index! + f[0].length;
        if (quotesBefore(f.index!) % 2 === 1) continue;
        const length = leadingCouncillorPhrase(sentence.slice(from));
        if (!length) continue;
        const start = s.start + from;
        const end = start + length;
        if (overlaps(start, end)) continue;
        const speaker = normal.slice(start, end).replace(/(?<![\s,])[\s,]+$/, '');
        const ref = councillorIn(speaker, ctx.policy);
        if (!ref) continue;
        out.push({ start, end, quote: body.slice(start, end), speaker, councillor: ref, replacement: spokesperson });
      }
    }
    findQuotationLineAttributions(ctx, normal, spokesperson, out, overlaps);
    findIntroducedQuotations(ctx, normal, spokesperson, out, overlaps);
    findWrittenFor(ctx, normal, spokesperson, out, overlaps);
    return out.sort((a, b) => a.start - b.start);
  });
}

/**
 * Attributions on a line of their own next to a quotation, which have no speech verb: a lead-in line
 * above it ("Quote from Cllr X:", "Cllr X, Leader of the Council:") and a dash line below it
 * ("— Cllr X, Leader of the Council"; em dash, en dash or hyphen). Adds them to `out`.
 */
function findQuotationLineAttributions(ctx: RuleContext, normal: string, spokesperson: string, out: Attribution[], overlaps: (start: number, end: number) => boolean): void {
  const body = ctx.draft.body;
  const lines = splitLines(normal, ctx.own.start, ctx.own.end).filter((l) => l.text.trim() !== '');
  const add = (start: number, end: number, speaker: string, ref: CouncillorReference, replacement: string) => {
    if (overlaps(start, end)) return;
    out.push({ start, end, quote: body.slice(start, end), speaker, councillor: ref, replacement });
  };
  // Blank lines are dropped above, so "next to" allows a blank line between the attribution and the quotation.
  // A short line after first-person prose that ends a sentence (not someone's quotation): a byline under a column.
  const signsOffColumn = (before: { text: string } | undefined, line: string) =>
    !!before && line.length <= 120 && !before.text.trimStart().startsWith('"') && /[.!?]\s*$/.test(before.text) && !/"[.,!?)]*\s*$/.test(before.text) && FIRST_PERSON.test(before.text);
  lines.forEach((line, i) => {
    const text = line.text.trimEnd();
    const lead = text.length - text.trimStart().length;
    const t = text.trimStart();
    // A dash before a speaker phrase at `nameAt` in t: an attribution when the phrase names a
    // councillor. `dashAt` is where the dash starts; `wholeLine`: the phrase must end the line.
    const addDashed = (dashAt: number, nameAt: number, wholeLine: boolean, notSender: boolean): boolean => {
      const length = speakerPhraseLength(t.slice(nameAt), ctx.policy);
      if (!length || (wholeLine && nameAt + length < t.trimEnd().length - 1)) return false;
      const speaker = t.slice(nameAt, nameAt + length);
      const ref = councillorIn(speaker, ctx.policy);
      // A councillor signing off their own email is not a byline.
      if (!ref || (notSender && isSender(ctx, ref))) return false;
      const start = line.start + lead + dashAt;
      add(start, line.start + lead + nameAt + length, speaker, ref, `${body.slice(start, line.start + lead + nameAt)}${spokesperson}`);
      return true;
    };
    // A long line can still end with a column's byline: `… a long last paragraph. - Cllr X, Leader`.
    // Only its last 200 characters are read for that, so nothing scans long prose twice.
    if (t.length > 300) {
      const tailAt = t.length - 200;
      const signedTail = SIGNED.exec(t.slice(tailAt));
      if (signedTail && FIRST_PERSON.test(t)) {
        const at = tailAt + signedTail.index;
        addDashed(at + signedTail[0].indexOf('-'), at + signedTail[0].length, true, true);
      }
      return;
    }
    const opensQuote = (l: { text: string } | undefined) => !!l && l.text.trimStart().startsWith('"');
    const closesQuote = (l: { text: string } | undefined) => !!l && /"[.,!?)]*$/.test(l.text.trimEnd());

    // Below the quotation: `— Cllr X, Leader`, on its own line or after the closing mark on the same line.
    // Or a byline after a column's last sentence on the same line: `… I am proud of it. - Cllr X, Leader`.
    const signed = SIGNED.exec(t);
    const dash = /^-{1,3}(?!-)\s*/.exec(t) ?? /"[.,!?]*\s+(-{1,3})\s*(?=\S)/.exec(t) ?? (signed && FIRST_PERSON.test(t.slice(0, signed.index)) ? signed : null);
    if (dash && (dash.index === 0 ? closesQuote(lines[i - 1]) || signsOffColumn(lines[i - 1], t) : true)) {
      // A hyphen line followed by another is a list ("- Cllr A", "- Cllr B" attending), not an attribution.
      const list = /^-\s/.test(t) && /^\s*-\s/.test(lines[i + 1]?.text ?? '');
      if (!list && addDashed(dash.index === 0 ? 0 : dash.index + dash[0].indexOf('-'), dash.index + dash[0].length, false, false)) return;
    }

    // A column's heading byline: "HELEN MARSH WRITES", "Cllr Jo Hale writes:". Read by position: the
    // line is a councillor's name (in any case) and the word "writes".
    const writesAt = /\swrites:?$/i.exec(t);
    if (writesAt && t.length <= 120) {
      const written = t.slice(0, writesAt.index).trim();
      const speaker = written === written.toUpperCase() ? written.toLowerCase().replace(/(^|[\s'-])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase()) : written;
      // A name ("HELEN MARSH WRITES"), not an office ("The Leader writes" heads a column whose byline follows).
      const named = !/^the\s/i.test(speaker);
      const ref = named && speakerPhraseLength(speaker, ctx.policy) === speaker.length ? councillorIn(speaker, ctx.policy) : undefined;
      if (ref && !isSender(ctx, ref)) {
        const start = line.start + lead;
        add(start, start + written.length, speaker, ref, capitalise(spokesperson));
        return;
      }
    }

    // Above the quotation: `Quote from Cllr X, Cabinet Member for Housing:` or `Cllr X, Leader of the Council:`,
    // with the quotation on the next line or after the colon.
    const colon = t.search(/:\s*"|:$/);
    const quoteFollows = colon !== -1 ? t[colon + 1] !== undefined || opensQuote(lines[i + 1]) : opensQuote(lines[i + 1]);
    const byline = colon === -1 && !quoteFollows && signsOffColumn(lines[i - 1], t);
    if (!quoteFollows && !byline) return;
    const head = colon === -1 ? t : t.slice(0, colon);
    const leadIn = LEAD_IN.exec(head);
    if (leadIn) {
      const speaker = leadIn[2]!.trim();
      const ref = councillorIn(speaker, ctx.policy);
      if (ref && speaker.split(/\s+/).length <= 25 && !NOT_A_SPEAKER.test(speaker)) {
        const start = line.start + lead;
        const end = start + leadIn[1]!.length + speaker.length;
        add(start, end, speaker, ref, `${body.slice(start, start + leadIn[1]!.length)}${spokesperson}`);
      }
      return;
    }
    // A bare speaker line without its colon is an attribution only when the whole line is the
    // councillor's name and offices and the quotation opens on the next line (a release that
    // introduces a councillor in a heading and then gives their words in quotation marks), or
    // when it signs off the first-person prose just above it (a councillor's column in a
    // newsletter: "… I am proud of what we have done. / Jo Hale, Leader of the Council").
    if (colon === -1 && !opensQuote(lines[i + 1]) && !byline) return;
    // A newspaper column's byline in a sentence: "Jo Hale is Leader of Westmoor Borough Council."
    const bylineSentence = byline ? IS_OFFICE.exec(head.trimEnd()) : null;
    const speaker = bylineSentence ? `${bylineSentence[1]}, ${bylineSentence[2]}` : head.trimEnd().replace(/[.,;]$/, '');
    if (speakerPhraseLength(speaker, ctx.policy) !== speaker.length) return;
    const ref = councillorIn(speaker, ctx.policy);
    if (!ref) return;
    // A councillor signing off their own email is not a byline.
    if (byline && isSender(ctx, ref)) return;
    const start = line.start + lead;
    if (bylineSentence) {
      add(start, start + head.trimEnd().replace(/[.]$/, '').length, speaker, ref, capitalise(spokesperson));
      return;
    }
    add(start, start + speaker.length, speaker, ref, capitalise(spokesperson));
  });
}

/**
 * A quotation with no speech verb whose speaker the sentence before introduces as its subject,
 * in the same paragraph: `The council Leader, Cllr X, looks back on four years. "We made
 * promises and we've kept them."`. The councillor phrase in the introducing sentence is the
 * attribution. Adds them to `out`.
 */
function findIntroducedQuotations(ctx: RuleContext, normal: string, spokesperson: string, out: Attribution[], overlaps: (start: number, end: number) => boolean): void {
  const body = ctx.draft.body;
  let previous: { start: number; end: number } | undefined;
  for (const s of sentences(normal, ctx.own)) {
    const before = previous;
    previous = s;
    if (!before || normal[s.start] !== '"') continue;
    // The same paragraph: no blank line between the two sentences.
    if (/\n[^\S\n]*\n/.test(normal.slice(before.end, s.start))) continue;
    // A quotation with its own speech verb is read by findAttributions.
    const sentence = normal.slice(s.start, s.end);
    SPEECH_VERB.lastIndex = 0;
    if (SPEECH_VERB.test(sentence)) continue;
    const intro = normal.slice(before.start, before.end);
    // The introducing sentence is not itself a quotation, and opens with the councillor.
    if (intro.startsWith('"')) continue;
    const length = leadingCouncillorPhrase(intro);
    if (!length) continue;
    const start = before.start;
    const end = start + length;
    if (overlaps(start, end)) continue;
    const speaker = normal.slice(start, end).replace(/(?<![\s,])[\s,]+$/, '');
    const ref = councillorIn(speaker, ctx.policy);
    if (!ref) continue;
    out.push({ start, end, quote: body.slice(start, end), speaker, councillor: ref, replacement: capitalise(spokesperson) });
  }
}

/**
 * A publication in a councillor's own voice: a heading line that is a councillor's name and
 * offices above first-person prose (`Cllr X, Eastwood Moor Ward` / `I secured £60,000 …`), or a
 * line sent "on behalf of" a councillor. (A councillor signing their own email is not one.) Adds
 * them to `out`.
 */
function findWrittenFor(ctx: RuleContext, normal: string, spokesperson: string, out: Attribution[], overlaps: (start: number, end: number) => boolean): void {
  const body = ctx.draft.body;
  const lines = splitLines(normal, ctx.own.start, ctx.own.end).filter((l) => l.text.trim() !== '');
  lines.forEach((line, i) => {
    const text = line.text.trimEnd();
    const lead = text.length - text.trimStart().length;
    const t = text.trimStart();
    if (t.length > 160) return;
    // "Sent on behalf of Cllr X by Member Support." / "By Cllr X, Leader of the Council" under a heading.
    const behalf = /\bon behalf of\s+|^by\s+(?=Cllr|Councillor|the\s+Leader|Leader)/i.exec(t);
    if (behalf) {
      const from = behalf.index + behalf[0].length;
      const name = TITLED_NAME.exec(t.slice(from));
      const length = name && name.index === 0 ? name[0].length : speakerPhraseLength(t.slice(from), ctx.policy);
      const speaker = t.slice(from, from + length);
      const ref = length ? councillorIn(speaker, ctx.policy) : undefined;
      if (ref && !isSender(ctx, ref)) {
        const start = line.start + lead + from;
        if (!overlaps(start, start + length)) out.push({ start, end: start + length, quote: body.slice(start, start + length), speaker, councillor: ref, replacement: spokesperson });
      }
      return;
    }
    // A heading byline: the whole line is the councillor, and first-person prose follows within three lines.
    const head = t.replace(/[.,;:]$/, '');
    if (speakerPhraseLength(head, ctx.policy) !== head.length && !isNameAndPost(head)) return;
    const prose = lines.slice(i + 1, i + 4).some((l) => l.text.length > 60 && FIRST_PERSON.test(l.text) && /[.!?]/.test(l.text));
    if (!prose) return;
    const ref = councillorIn(head, ctx.policy);
    if (!ref || isSender(ctx, ref)) return;
    const start = line.start + lead;
    if (!overlaps(start, start + head.length)) out.push({ start, end: start + head.length, quote: body.slice(start, start + head.length), speaker: head, councillor: ref, replacement: capitalise(spokesperson) });
  });
}

// structural: what may follow a titled name on a byline line ("Eastwood Moor Ward", "Cabinet Member for Parks").
const POST_WORDS = /\b(?:ward|division|councillor|member|leader|cabinet|chair(?:man|woman)?|mayor|portfolio)\b/i;

/** "Cllr X" or "Cllr X, Eastwood Moor Ward": a titled name, then at most a short post, and nothing said. */
function isNameAndPost(line: string): boolean {
  const name = TITLED_NAME.exec(line);
  if (!name || name.index !== 0) return false;
  const rest = line.slice(name[0].length);
  if (rest.trim() === '') return true;
  return /^\s*[,|–-]\s*/.test(rest) && rest.length <= 60 && POST_WORDS.test(rest) && !PREDICATE.test(rest);
}
