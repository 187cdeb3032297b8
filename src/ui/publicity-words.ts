/**
 * Words for publicity (defect 10): when the draft is a press release, statement, newsletter item
 * or post (the Teams tab's "What you are writing"), the panel does not speak of an email's
 * delivery or of sending it from another account. A communications officer publishes; nothing is
 * delivered, so there is nothing to schedule.
 *
 * Done here rather than as message variants in the engine: what kind of thing the user is writing,
 * and what the host can do with it (the Teams tab has no delivery to schedule), are facts of the
 * host and the panel. The engine's findings (contract 2: the CLI's JSON output) stay the same for
 * every host, and the CLI reader still sees the email wording it checked. The rewrites key on the
 * rule and the message id, never on a whole sentence, and leave a message alone if its shape is
 * not the one expected.
 *
 * DOM-free.
 */
import type { Finding, Suggestion } from '../engine/types.ts';
import type { Problem } from './problems.ts';

/** "press release" → "press release"; no kind → "draft". */
function noun(kind: string | undefined): string {
  return kind?.trim() || 'draft';
}

/** "… would arrive at <when>, <why>." → when and why (read by position: the time may hold commas). */
function arrivalIn(message: string): { when: string; why: string } | undefined {
  const lead = 'would arrive at ';
  const from = message.indexOf(lead);
  if (from < 0) return undefined;
  const rest = message.slice(from + lead.length);
  const outside = rest.indexOf(', outside working hours (');
  const closed = rest.indexOf(', which is not a working day.');
  const cut = outside >= 0 && (closed < 0 || outside < closed) ? outside : closed;
  if (cut <= 0) return undefined;
  if (cut === outside) {
    const end = rest.indexOf(').', cut);
    return end < 0 ? undefined : { when: rest.slice(0, cut), why: rest.slice(cut + 2, end + 1) };
  }
  return { when: rest.slice(0, cut), why: 'which is not a working day' };
}

/** A message about an email, in publicity words; undefined when there is nothing to change. */
function messageFor(f: Finding, kind: string): string | undefined {
  const m = f.message;
  if (f.rule === 'out-of-hours') {
    // "This email to X would arrive at 21:40 on …, outside working hours (08:00 to 18:00). …"
    const at = arrivalIn(m);
    if (!at) return undefined;
    return `This ${kind} is dated ${at.when}, ${at.why}. If it is for councillors or officers, publish it when they are at work, unless it is urgent.`;
  }
  let out = m.replace(/\bThis email\b/g, `This ${kind}`).replace(/\bthis email\b/g, `this ${kind}`);
  if (f.rule === 'letterhead-for-party-matters') {
    out = out.replace(/\band is sent from a council account\b/, 'and comes from a council account').replace(/Council email is for council business only\./, 'Council publicity is for council business only.');
  }
  out = out.replace(/\bbefore you send it\b/g, 'before you publish it');
  return out === m ? undefined : out;
}

/** Advice that speaks of sending an email, in publicity words; undefined to leave it out. */
function adviceFor(s: Suggestion, rule: Finding['rule']): Suggestion | undefined {
  if (rule === 'letterhead-for-party-matters' && /party or personal account/.test(s.title)) {
    return { title: 'Council publicity cannot promote a party: take out the party content, or leave it to the party to publish', edits: [] };
  }
  if (rule === 'personal-email' && /^Send this from your council account/.test(s.title)) {
    return { ...s, title: s.title.replace(/^Send this from/, 'Publish this from') };
  }
  if (rule === 'out-of-hours' && /high importance/.test(s.title)) {
    return { title: 'If it cannot wait, say in the headline that it is urgent', edits: [] };
  }
  return { ...s, title: s.title.replace(/\bbefore you send it\b/g, 'before you publish it') };
}

/** The problem as a publicity draft's writer should read it. */
export function inPublicityWords(problem: Problem, kind: string | undefined): Problem {
  const k = noun(kind);
  const messages: string[] = [];
  for (const f of problem.findings) {
    const text = messageFor(f, k) ?? f.message;
    if (!messages.includes(text)) messages.push(text);
  }
  return {
    ...problem,
    messages,
    // Nothing is delivered from the tab, so there is no delivery to schedule.
    fixes: problem.fixes.filter((s) => !s.edits.some((e) => e.kind === 'scheduleDelivery')),
    advice: problem.advice.map((s) => adviceFor(s, problem.rule)).filter((s): s is Suggestion => s !== undefined),
  };
}
