/**
 * pre-election-publicity: council publicity published inside a pre-election period (or in the
 * 14 days before one) that quotes or praises councillors or candidates, carries party labels
 * or deals with a controversial matter the policy names.
 */
import { findAttributions } from '../analysis/attribution.ts';
import { describeCouncillor } from '../analysis/councillor-references.ts';
import { concernsElection, electionTiming, type ElectionTiming } from '../analysis/election-scope.ts';
import { publicationDate } from '../analysis/embargo.ts';
import { findPartyLabels } from '../analysis/party-labels.ts';
import { findFavourableMentions } from '../analysis/praise.ts';
import { assessPublicity } from '../analysis/publicity-kind.ts';
import { formatLongDate } from '../analysis/written-dates.ts';
import { assessPartyContent } from '../analysis/party-politics.ts';
import { findTopicInSentences } from '../analysis/topics.ts';
import { defineRule, type RuleContext, type RuleReport } from '../rule.ts';
import { PhraseIndex } from '../people-index.ts';
import type { Span } from '../text.ts';
import type { Suggestion } from '../types.ts';

/** The keys of `meta.messages`: the only ids a report may name. */
type MessageId = 'quotesCouncillor' | 'praisesCouncillor' | 'partyLabel' | 'partyCampaigning' | 'controversialTopic' | 'approachingPeriod';

// ---- Helpers ----

const topicCache = new WeakMap<readonly string[], PhraseIndex<string>>();

/**
 * The policy's controversial topics, tolerating plurals and hyphen/space variants ("energy from
 * waste"), looked up by the draft's words (people-index.ts): no pattern is built from them.
 */
function topicIndex(topics: readonly string[]): PhraseIndex<string> {
  let index = topicCache.get(topics);
  if (!index) {
    index = new PhraseIndex<string>([], { boundary: 'strict' });
    for (const t of topics) {
      const base = t.trim();
      for (const variant of [base, base.replace(/-/g, ' '), `${base}s`]) index.add(variant, base);
    }
    topicCache.set(topics, index);
  }
  return index;
}

function holdAdvice(timing: ElectionTiming): Suggestion {
  return timing.status === 'in-period'
    ? { title: `Hold this until after polling day (${formatLongDate(timing.election.pollingDay)})`, edits: [] }
    : { title: `Publish before the pre-election period starts on ${formatLongDate(timing.election.periodStart)}, or hold it until after polling day`, edits: [] };
}

function timingData(ctx: RuleContext, timing: ElectionTiming, kind: string): Record<string, string | number> {
  const published = publicationDate(ctx);
  return {
    kind,
    date: formatLongDate(published.isoDate),
    dateSource: published.embargo && published.embargo.isoDate > published.sendDate ? 'embargoed until' : 'dated',
    election: timing.election.name,
    periodStart: formatLongDate(timing.election.periodStart),
    pollingDay: formatLongDate(timing.election.pollingDay),
    daysBefore: timing.daysBefore ?? 0,
  };
}

export default defineRule<MessageId>({
  meta: {
    id: 'pre-election-publicity',
    description: 'Council publicity in a pre-election period that quotes or praises councillors, carries party labels or deals with a controversial matter.',
    defaultSeverity: 'error',
    citations: {
      crawley: [
        { paragraph: '9.1', summary: 'Before an election, publicity must not look like an attempt to sway voters or promote candidates, and in the period it must avoid controversial issues and views tied to named councillors or groups.' },
        { paragraph: '9.2', summary: 'During the pre-election period, every press release and comment is given by a Council spokesperson.' },
      ],
      'district-model': [
        { paragraph: '12.2', summary: 'The Council follows the Local Government Act 1986 and the statutory publicity code in all its media work.' },
        { paragraph: '12.5(f)', summary: 'Councillors should be careful in the run-up to elections not to appear to be electioneering when dealing with the media.' },
      ],
      'surrey-heath': [
        { paragraph: '7.5', summary: 'The communications team works for the whole Council within the publicity code, which bars material designed to win support for a party.' },
        { paragraph: '7.6', summary: "Quotations from members in council press releases are limited to certain office holders and never give the member’s party." },
      ],
      'tower-hamlets': [
        {
          paragraph: '9.4',
          section: '9 Support for Members and Members’ Use of Council Facilities',
          summary: 'Council facilities and services may not be used for campaigning or political ends in the run-up to an election.',
        },
      ],
    },
    messages: {
      quotesCouncillor: 'This {kind} is {dateSource} {date}, inside the pre-election period for {election} (until {pollingDay}), and quotes {councillor}. Quote a council spokesperson instead.',
      praisesCouncillor: 'This {kind} is {dateSource} {date}, inside the pre-election period for {election}, and presents {councillor} favourably (“{cue}”).',
      partyLabel: 'This {kind} is {dateSource} {date}, inside the pre-election period for {election}, and carries the party label “{label}”.',
      partyCampaigning: 'This {kind} is {dateSource} {date}, inside the pre-election period for {election}, and promotes a party (“{cue}”).',
      controversialTopic: 'This {kind} is {dateSource} {date}, inside the pre-election period for {election}, and deals with “{topic}”, which the council treats as controversial.',
      approachingPeriod: 'This {kind} is {dateSource} {date}, {daysBefore} days before the pre-election period for {election} starts on {periodStart}, and {what}.',
    },
    fixable: true,
  },

  check(ctx) {
    if (ctx.policy.elections.length === 0) return []; // the embedded default knows no elections
    const publicity = assessPublicity(ctx);
    // Council publicity only: internal advice, and a party's own release from a party or personal address, are not.
    if (!publicity.isPublicity) return [];
    const published = publicationDate(ctx);
    // By-elections: publicity about other wards is outside the period; a council-wide release is not.
    const timing = electionTiming(ctx.policy, published.isoDate, (e) => concernsElection(ctx, e));
    if (!timing) return [];

    const kind = publicity.kind ?? 'publicity';
    const base = timingData(ctx, timing, kind);
    const approaching = timing.status === 'approaching';
    const spokesperson = ctx.policy.communications.spokesperson;
    const reports: RuleReport<MessageId>[] = [];

    // crawley 9.1, 9.2; surrey-heath 7.6: in the period, quotes come from a council spokesperson.
    for (const a of findAttributions(ctx)) {
      const councillor = describeCouncillor(a.councillor, a.speaker);
      reports.push({
        messageId: approaching ? 'approachingPeriod' : 'quotesCouncillor',
        ...(approaching ? { severity: 'warning' as const } : {}),
        data: { ...base, councillor, what: `quotes ${councillor}` },
        evidence: { field: 'body', start: a.start, end: a.end, quote: a.quote },
        suggestions: [
          { title: `Give the quote to ${spokesperson} instead of ${councillor}`, edits: [{ kind: 'replaceText', field: 'body', start: a.start, end: a.end, text: a.replacement }] },
          holdAdvice(timing),
        ],
      });
    }

    // crawley 9.1: publicity must not identify views or achievements with individual councillors.
    for (const m of findFavourableMentions(ctx, publicity.kind)) {
      const councillor = describeCouncillor(m.councillor, m.quote);
      // Remove the sentence and the space after it, so the paragraph still reads; a sentence that is
      // a paragraph on its own goes with its blank line.
      const body = ctx.draft.body;
      let end = m.end;
      while (end < ctx.own.end && body[end] === ' ') end += 1;
      if (m.start === 0 || body[m.start - 1] === '\n') while (end < ctx.own.end && /[\r\n]/.test(body[end]!) && (end === m.end || /[\r\n]/.test(body[end - 1]!))) end += 1;
      reports.push({
        messageId: approaching ? 'approachingPeriod' : 'praisesCouncillor',
        ...(approaching ? { severity: 'warning' as const } : {}),
        data: { ...base, councillor, cue: m.cue, what: `presents ${councillor} favourably` },
        evidence: { field: 'body', start: m.start, end: m.end, quote: m.quote },
        suggestions: [
          { title: `Remove the sentence that presents ${councillor} favourably`, edits: [{ kind: 'replaceText', field: 'body', start: m.start, end, text: '' }] },
          holdAdvice(timing),
        ],
      });
    }

    // surrey-heath 7.5, 7.6: council publicity never carries party labels. A statutory election notice
    // (notice of poll, persons nominated) must print each candidate's party description: not a label.
    const statutoryNotice = ctx.lexicon.hits(ctx.text, 'election-admin.statutory-notice').length > 0;
    for (const label of statutoryNotice ? [] : findPartyLabels(ctx)) {
      reports.push({
        messageId: approaching ? 'approachingPeriod' : 'partyLabel',
        ...(approaching ? { severity: 'warning' as const } : {}),
        data: { ...base, label: label.quote.trim(), what: `carries the party label “${label.quote.trim()}”` },
        evidence: { field: 'body', start: label.start, end: label.end, quote: label.quote },
        suggestions: [
          { title: `Remove the party label “${label.quote.trim()}”`, edits: [{ kind: 'replaceText', field: 'body', start: label.removal.start, end: label.removal.end, text: label.removal.text }] },
          holdAdvice(timing),
        ],
      });
    }

    // surrey-heath 7.5; tower-hamlets 9.4: no council publicity designed to win support for a party.
    // Read by the same vocabulary as letterhead-for-party-matters; one card when nothing above fired.
    if (reports.length === 0 && !statutoryNotice) {
      const signal = assessPartyContent(ctx).body.find((x) => x.kind !== 'private-business');
      if (signal) {
        reports.push({
          messageId: approaching ? 'approachingPeriod' : 'partyCampaigning',
          ...(approaching ? { severity: 'warning' as const } : {}),
          data: { ...base, cue: signal.quote, what: `promotes a party (“${signal.quote}”)` },
          evidence: { field: 'body', start: signal.start, end: signal.end, quote: signal.quote },
          suggestions: [holdAdvice(timing), { title: 'Take out the words that promote a party or its candidates', edits: [] }],
        });
      }
    }

    // crawley 9.1: no publicity on controversial issues in the period. A warning: the council decides.
    if (ctx.policy.controversialTopics.length) {
      const topics = topicIndex(ctx.policy.controversialTopics);
      const quoted = (text: string, m: (Span & { topic?: string }) | undefined) => (m ? { start: m.start, end: m.end, quote: text.slice(m.start, m.end), topic: m.topic ?? text.slice(m.start, m.end) } : undefined);
      // The topic as written, or its words in another order and form within one sentence (then the
      // message names the council's topic and the evidence shows the draft's words).
      const inBody = quoted(ctx.draft.body, topics.first(ctx.draft.body, ctx.own.start, ctx.own.end) ?? findTopicInSentences(ctx.text, ctx.policy.controversialTopics));
      const inSubject = inBody ? undefined : quoted(ctx.draft.subject, topics.first(ctx.draft.subject));
      const hit = inBody ?? inSubject;
      if (hit) {
        reports.push({
          messageId: approaching ? 'approachingPeriod' : 'controversialTopic',
          severity: 'warning',
          data: { ...base, topic: hit.topic, what: `deals with “${hit.topic}”, which the council treats as controversial` },
          evidence: { field: inBody ? 'body' : 'subject', start: hit.start, end: hit.end, quote: hit.quote },
          suggestions: [holdAdvice(timing), { title: 'Ask the monitoring officer whether this must be published during the period', edits: [] }],
        });
      }
    }
    return reports;
  },
});
