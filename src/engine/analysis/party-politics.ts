/**
 * Is this content party-political, campaigning or electioneering, or the writer's private
 * business? (PRODUCT.md, "Letterhead": the content that must not go out on council email or
 * under council branding.)
 *
 * The technique, and why:
 * - Curated cue families with their inflections (canvass/canvassed/canvassers, leaflet/leafleted,
 *   campaign/campaigners), not single keywords: councils canvass electors too (the annual
 *   canvass), deliver leaflets about bin days and run awareness campaigns, so most words only
 *   count when a second family stands in the same sentence or a neighbouring one of the same
 *   paragraph, or a party name in the same sentence, and the writer's side is acting.
 * - A few cues are strong enough alone ("vote Labour", "get out the vote", "our candidate",
 *   "campaign fund", "poster in your window"): they have no council meaning, or only one that
 *   the sentence can rule out (the annual canvass, tellers at the count, a candidate for a job).
 * - Who is speaking: words inside quotation marks are someone else's (a resident, a newspaper),
 *   and a negated cue ("I am not asking you to canvass", "we won't be canvassing") does not count.
 * - Election administration (returning officer, polling stations, nomination packs, candidates
 *   and agents, the count, the pre-election period itself) is council business: it excuses the
 *   medium cues in its sentence, but never a strong cue beside it. An officer who runs the
 *   council's elections may talk of candidates, canvassers and tellers freely.
 * The cue families are lexicon entries (`lexicon/data/campaigning.json`, `business.json`,
 * `election-admin.json`); this module only says how they combine, over the one text model.
 */
import type { Hit, Lexicon } from '../lexicon/index.ts';
import type { RuleContext } from '../rule.ts';
import { memoised } from '../rule.ts';
import { assessPublicity } from './publicity-kind.ts';
import { buildTextModel, type TextModel } from '../text-model/model.ts';
import type { Span } from '../text.ts';

// ---- Content cues ----

export type PartyContentKind = 'electioneering' | 'party-political' | 'private-business';

export interface PartyContentSignal extends Span {
  kind: PartyContentKind;
  /** The words that decided it, as written. */
  quote: string;
  /** The lexicon entry that decided it ("campaigning.canvassing"), or the families that combined. */
  cue: string;
}

interface PartyContentOptions {
  /**
   * The writer runs the council's elections (Electoral Services, the Returning Officer): their
   * talk of candidates, agents, canvassers and tellers is administration, so the combining cues
   * and the strong cues tagged as administrators' own words do not count. Cues with no council
   * meaning ("vote Labour", "get out the vote") still do.
   */
  administrator?: boolean;
  /** The draft is the council's own publication: the words it quotes are its own (`Reading.published`). */
  published?: boolean;
}

// How many neighbouring sentences of the writer's own words the combining cues are pooled over
// (newsletters and releases run one sentence to a paragraph, so the window crosses paragraphs).
const WINDOW = 4;
// Over the whole text: this many different core families, a party named and the writer's side
// speaking make campaigning content even when no two stand close together; one family fewer
// when the party is named in a paragraph where the writer's side speaks ("We are proud of
// Brookside. Best wishes from the Conservatives."), not only as someone the writer mentions
// ("The Labour group asked for a briefing").
const WHOLE_TEXT_FAMILIES = 3;
// Families among the combining cues that make a signal political (councils run awareness
// campaigns and deliver leaflets too): one of these must be among the cues that combine.
const POLITICAL_COMBINING = new Set(['campaigning.election-talk', 'campaigning.candidate-talk', 'campaigning.fundraising-talk', 'campaigning.attack-talk']);
// Someone else's material, reported or checked, is not the writer campaigning: for these cues.
const REPORTABLE = new Set(['campaigning.party-leaflets', 'campaigning.posters']);

interface Families {
  alone: string[];
  combines: string[];
  supports: Set<string>;
}

function families(lexicon: Lexicon, administrator: boolean): Families {
  const entries = lexicon.family('campaigning').map((id) => lexicon.entries.get(id)!);
  const usable = entries.filter((e) => !(administrator && e.spec.tags?.includes('administration-word')));
  return {
    alone: usable.filter((e) => e.spec.strength === 'alone').map((e) => e.spec.id),
    combines: administrator ? [] : usable.filter((e) => e.spec.strength === 'combines' || e.spec.strength === 'supports').map((e) => e.spec.id),
    supports: new Set(usable.filter((e) => e.spec.strength === 'supports').map((e) => e.spec.id)),
  };
}

const kindOf = (lexicon: Lexicon, id: string): PartyContentKind => (lexicon.entries.get(id)?.spec.kind as PartyContentKind | undefined) ?? 'party-political';

/**
 * @summary Find party-political, campaigning or private-business content in a text model.
 * @param model the body's or subject's text model; offsets in the result point into its text
 * @param lexicon the policy's lexicon (cue families, the party list)
 * @param options who is writing (an elections administrator)
 * @returns every signal found, in text order; empty when the content is council business
 */
function findPartyContent(model: TextModel, lexicon: Lexicon, options: PartyContentOptions = {}, withBusiness = true): PartyContentSignal[] {
  const out: PartyContentSignal[] = [];
  const text = model.text;
  const push = (kind: PartyContentKind, cue: string, start: number, end: number) => out.push({ kind, cue, start, end, quote: text.slice(start, end) });
  const fam = families(lexicon, options.administrator === true);
  const reading = { published: options.published === true };
  // The combining cues of the last few sentences of the paragraph, for pooling.
  let recent: { hits: Hit[]; ourSide: boolean; firstPerson: boolean }[] = [];
  const everyFamily = new Set<string>();
  let ourSideAnywhere = false;
  let partyAnywhere = false;
  // Paragraphs where the writer's side speaks, and where a party is named.
  const ourParagraphs = new Set<number>();
  const partyParagraphs = new Set<number>();
  let firstCombining: Hit | undefined;
  for (const s of model.sentences) {
    if (s.region !== 'own') continue;
    // The rules on party use of council resources, stated or owned up to: the campaign words are their subject.
    if (lexicon.inSentence(model, s.index, ['campaigning.rules-talk']).length) continue;
    // Someone else's material, reported or checked ("the Labour leaflet claims …", "complaints about a leaflet").
    const reporting = lexicon.inSentence(model, s.index, ['campaigning.reporting-material']).length > 0;
    const strong = lexicon.inSentence(model, s.index, fam.alone, reading).find((h) => !(reporting && (REPORTABLE.has(h.entry) || model.quotationOf[h.first] !== -1)));
    if (strong) {
      push(kindOf(lexicon, strong.entry), strong.entry, strong.start, strong.end);
      recent = [];
      continue;
    }
    if (reporting) continue;
    const hits = lexicon.inSentence(model, s.index, fam.combines, reading);
    ourSideAnywhere ||= s.ourSide;
    const partyHere = lexicon.partiesIn(model, s).length > 0;
    partyAnywhere ||= partyHere;
    if (s.ourSide) ourParagraphs.add(s.paragraph);
    if (partyHere) partyParagraphs.add(s.paragraph);
    for (const h of hits) if (!fam.supports.has(h.entry)) everyFamily.add(h.entry);
    firstCombining ??= hits.find((h) => !fam.supports.has(h.entry));
    recent.push({ hits, ourSide: s.ourSide, firstPerson: s.firstPerson });
    if (recent.length > WINDOW) recent.shift();
    if (hits.length === 0) continue;
    // One core family and a party named in this sentence, with the writer's side acting.
    const core = (list: Hit[]) => [...new Set(list.map((h) => h.entry))].filter((id) => !fam.supports.has(id));
    const own = core(hits);
    if (own.length >= 1 && s.firstPerson && lexicon.partiesIn(model, s).length > 0) {
      const first = hits.find((h) => own.includes(h.entry))!;
      push(own.some((id) => kindOf(lexicon, id) === 'electioneering') ? 'electioneering' : 'party-political', own.join(' and '), first.start, first.end);
      recent = [];
      continue;
    }
    // Two core families over this sentence and the ones just before it in the paragraph, one of
    // them political (an election, candidates, fundraising), with the writer's side acting.
    const pooled = recent.flatMap((r) => r.hits);
    const families = core(pooled);
    if (families.length >= 2 && families.some((id) => POLITICAL_COMBINING.has(id)) && recent.some((r) => r.ourSide && r.hits.length) || (families.length >= 3 && recent.some((r) => r.firstPerson))) {
      const first = pooled.filter((h) => families.includes(h.entry)).sort((a, b) => a.start - b.start)[0]!;
      const kind = families.includes('campaigning.election-talk') || families.includes('campaigning.candidate-talk') ? 'electioneering' : 'party-political';
      push(kind, families.join(' and '), first.start, first.end);
      recent = [];
    }
  }
  // The whole text: a newsletter or a campaign update whose cues are spread out.
  const political = [...everyFamily].some((id) => POLITICAL_COMBINING.has(id));
  const ourParty = [...partyParagraphs].some((p) => ourParagraphs.has(p));
  const enough = everyFamily.size >= WHOLE_TEXT_FAMILIES || (everyFamily.size >= WHOLE_TEXT_FAMILIES - 1 && ourParty);
  if (out.length === 0 && firstCombining && enough && political && ourSideAnywhere && partyAnywhere) {
    push(everyFamily.has('campaigning.election-talk') ? 'electioneering' : 'party-political', [...everyFamily].join(' and '), firstCombining.start, firstCombining.end);
  }
  if (withBusiness) {
    const business = findBusinessOffer(model, lexicon);
    if (business) push('private-business', business.entry, business.start, business.end);
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * The writer's private business on offer: their own business with an offer or a price, two
 * different offers with a price, or three different offers (a free valuation, 10 % off, "mention
 * this email"). Judged over the whole own text, since an offer spreads over several sentences.
 */
function findBusinessOffer(model: TextModel, lexicon: Lexicon): Hit | undefined {
  const owns = lexicon.hits(model, 'business.own-business');
  const own = owns[0];
  // A seller states an offer; a customer asks for one ("Any chance of the community rate, with
  // no deposit?"): offers in a question or a request are the writer buying, not selling, unless
  // the sentence names the writer's business ("… pass this on: my business is offering 15% off").
  const offers = lexicon.hits(model, 'business.offer').filter((h) => {
    const s = model.sentences[h.sentence]!;
    return !(s.question || s.request) || owns.some((o) => o.sentence === h.sentence);
  });
  const price = lexicon.hits(model, 'business.price')[0];
  const distinctOffers = new Set(offers.map((h) => model.text.slice(h.start, h.end).toLowerCase().replace(/\s+/g, ' ')));
  if ((own && (offers.length > 0 || price)) || (distinctOffers.size >= 2 && price) || distinctOffers.size >= 3) return own ?? offers[0];
  return undefined;
}

// structural: the local parts of Electoral Services mailboxes.
const ELECTIONS_MAILBOX = /^(?:elections?|electoral[._-]?(?:services|registration|admin)|electoralservices|ero|returning[._-]?officer)@/i;

/**
 * @summary Whether the draft is election administration: Electoral Services writing, or a council
 * officer sending a statutory election notice (persons nominated, notice of poll, the declaration
 * of results) or writing about the running of the poll (two or more of its terms: polling
 * stations, the count, postal votes, nomination papers). Party names and election words there are
 * the election being run, not campaigning. Memoised.
 */
export function isElectionAdministration(ctx: RuleContext): boolean {
  return memoised(ctx, 'analysis/election-administration', () => {
    const sender = ctx.sender;
    // A council officer writes it: at a council address, not a councillor.
    if (!sender?.councilAddress || sender.kind === 'councillor' || sender.titledCouncillor) return false;
    // Electoral Services: its mailbox, or its role in the signature.
    if (ELECTIONS_MAILBOX.test(sender.email) || ctx.lexicon.hits(ctx.text, 'election-admin.staff-role').length > 0) return true;
    const { lexicon } = ctx;
    const own = (hits: readonly Hit[]) => hits.filter((h) => ctx.text.regionOf[h.first] === 'own');
    if (own(lexicon.hits(ctx.text, 'election-admin.statutory-notice')).length || lexicon.hits(ctx.subjectText, 'election-admin.statutory-notice').length) return true;
    const terms = new Set(own(lexicon.hits(ctx.text, 'election-admin.process')).map((h) => ctx.text.text.slice(h.start, h.end).toLowerCase()));
    return terms.size >= 2;
  });
}

/**
 * A call for hands to deliver or give out leaflets ("anyone free Saturday to hand out the new
 * leaflets?") from a writer who signs with a party office ("Leader, Liberal Democrat Group"):
 * the leaflets are the party's. Without the party in the signature or the text, councils hand
 * out leaflets too.
 */
function leafletCallUnderPartyTitle(ctx: RuleContext): PartyContentSignal[] {
  const model = ctx.text;
  const { lexicon } = ctx;
  // Leaflet talk that asks for something (most drafts have none: nothing more is read).
  const asks = lexicon.hits(model, 'campaigning.leaflet-talk').filter((h) => {
    const s = model.sentences[h.sentence]!;
    return s.region === 'own' && (s.question || s.request);
  });
  if (asks.length === 0) return [];
  const partyNamed = model.sentences.some((s) => (s.region === 'signature' || s.region === 'own') && lexicon.partiesIn(model, s).length > 0);
  if (!partyNamed) return [];
  const own = model.sentences.filter((s) => s.region === 'own');
  for (const hit of asks) {
    // A call for hands (helpers, "anyone free", "4 more bodies") in this sentence or the next two, not a request for the council's leaflets.
    const i = own.findIndex((s) => s.index === hit.sentence);
    const hands = own.slice(i, i + 3).some((n) => lexicon.inSentence(model, n.index, ['campaigning.volunteer-talk']).length > 0);
    if (hands) return [{ kind: 'electioneering', cue: hit.entry, start: hit.start, end: hit.end, quote: model.text.slice(hit.start, hit.end) }];
  }
  return [];
}

/**
 * A forwarded message the writer passes on with a few words of their own and no question or
 * complaint about it ("Hope you can come and bring friends!"), to someone outside the council:
 * the writer is circulating it, so its campaigning is theirs. A forward that asks about the
 * material, reports it or goes only to colleagues is not read this way.
 */
function endorsedForward(ctx: RuleContext, options: PartyContentOptions): PartyContentSignal[] {
  const forward = ctx.layout.quoted[0];
  // Outlook's "-----Original Message-----" header looks like a reply's; the subject says it is passed on.
  if (!forward || (forward.kind !== 'forward' && !FORWARD_SUBJECT.test(ctx.draft.subject))) return [];
  // Passed on outside the council, or by a councillor to fellow councillors (party colleagues): an
  // officer forwarding party material to a colleague is reporting it.
  const toColleagues = ctx.sender?.kind === 'councillor' && ctx.recipients.length > 0 && ctx.recipients.every((r) => r.person.kind === 'councillor' || r.person.party);
  if (!ctx.recipients.some((r) => r.person.kind === 'external') && !toColleagues) return [];
  const model = ctx.text;
  let words = 0;
  for (const s of model.sentences) {
    if (s.region !== 'own') continue;
    // A question asks what the reader thinks of it, unless it calls for helpers ("Anyone free on Saturday?").
    const callsForHelp = ctx.lexicon.inSentence(model, s.index, ['campaigning.call-for-help']).length > 0;
    if ((s.question && !callsForHelp) || ctx.lexicon.inSentence(model, s.index, ['campaigning.reporting-material']).length) return [];
    for (let k = s.first; k < s.last; k++) if (model.tokens[k]!.kind === 'word') words += 1;
  }
  if (words > ENDORSEMENT_WORDS) return [];
  // The forwarded message read as the writer's own words; offsets still point into the body.
  const passedOn = buildTextModel(ctx.draft.body, { span: { start: forward.bodyStart, end: forward.end } });
  return findPartyContent(passedOn, ctx.lexicon, options, false);
}
// structural: a forward's subject prefix.
const FORWARD_SUBJECT = /^\s*(?:fw|fwd)\s*:/i;
// A covering note this short says "pass it on", not "look at this".
const ENDORSEMENT_WORDS = 40;

export interface PartyContentAssessment {
  /** Signals in the subject (offsets into the subject). */
  subject: PartyContentSignal[];
  /** Signals in the writer's own words, without the signature (offsets into the body). */
  body: PartyContentSignal[];
  /** The first signal, body first: what a finding quotes. */
  first?: PartyContentSignal & { field: 'body' | 'subject' };
}

/**
 * @summary Whether the draft's own content (subject and the writer's words, not quoted history
 * and not the signature) is party-political, campaigning or private business. Memoised per check.
 */
export function assessPartyContent(ctx: RuleContext): PartyContentAssessment {
  return memoised(ctx, 'analysis/party-content', () => {
    const options = { administrator: isElectionAdministration(ctx), published: assessPublicity(ctx).isPublicity };
    const body = findPartyContent(ctx.text, ctx.lexicon, options);
    if (body.length === 0) body.push(...endorsedForward(ctx, options));
    if (body.length === 0 && !options.administrator) body.push(...leafletCallUnderPartyTitle(ctx));
    // The council's own publicity giving a party the credit ("the Liberal Democrat administration's budget").
    if (body.length === 0 && options.published) {
      const credit = ctx.lexicon.hits(ctx.text, 'campaigning.party-credit')[0];
      if (credit) body.push({ kind: 'party-political', cue: credit.entry, start: credit.start, end: credit.end, quote: ctx.text.text.slice(credit.start, credit.end) });
    }
    const subject = findPartyContent(ctx.subjectText, ctx.lexicon, options, false);
    const first = body[0] ? { ...body[0], field: 'body' as const } : subject[0] ? { ...subject[0], field: 'subject' as const } : undefined;
    return { subject, body, first };
  });
}
