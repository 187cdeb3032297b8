/**
 * The send-time check's cost: from Outlook's OnMessageSend event to `event.completed(...)`,
 * against the engine's check() alone on the same draft. The handler is the one Outlook runs
 * (src/hosts/outlook/send-check.ts, registered with Office.actions.associate), driven over the
 * office-js double of the tests; so what is timed is everything the handler adds to check():
 * reading the item through the async API, HTML to text, the policy (cached after the first
 * send), deciding and the message for the dialog.
 *
 * The draft is bench/fixtures.ts's typical one, its HTML body in the compose item. The policy is
 * samples/policy.json, answered from memory by a stubbed `fetch` at the absolute URL the
 * handler asks for, as the runtime's cache would after the first send. The clock is the real
 * one for both sides, because the built handler takes no clock of its own.
 *
 * The baseline is check() on the draft as Outlook gives it: its HTML body, which check() turns
 * into text itself (normaliseDraft), as it does for any HTML-only draft. check() on the text
 * the handler has already derived is printed too, for information.
 *
 * Targets: handler median ≤ 300 ms, and handler median ≤ 2 × check median.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { check } from '../src/engine/check.ts';
// The list the send handler checks with, so that both decide alike.
import { maintainedFreeMail } from '../src/engine/free-mail-full.ts';
import { parseEml } from '../src/mail/eml.ts';
import { decide, readDraft, type SendDecision } from '../src/hosts/outlook/send-handler.ts';
import { loadRuntimePolicy } from '../src/hosts/policy-runtime.ts';
import { FakeComposeItem, installOffice, type FakeRecipient } from '../tests/doubles/office.ts';
import { typicalDraft } from './fixtures.ts';
import { ms, pad, stats } from './stats.ts';

/** Any https base will do: the stubbed fetch is the only thing that sees it. */
const BASE_URL = 'https://addin.bench.example/';
const ITERATIONS = 300;
const TARGET_MS = 300;
const TARGET_RATIO = 2;

type SendHandler = (event: Office.AddinCommands.Event) => void;

/** Fire the event and wait for `event.completed`: the time between, and what was passed. */
function send(handler: SendHandler): Promise<{ elapsed: number; options: unknown }> {
  return new Promise((resolve) => {
    const start = performance.now();
    const event = {
      completed: (options?: unknown) => resolve({ elapsed: performance.now() - start, options }),
    } as unknown as Office.AddinCommands.Event;
    handler(event);
  });
}

/** The typical bench draft as a compose item: its recipients, subject and HTML body. */
async function typicalComposeItem(): Promise<{ item: FakeComposeItem; htmlBytes: number; emlBytes: number }> {
  const { eml } = typicalDraft();
  const parsed = await parseEml(eml);
  if (!parsed.bodyHtml) throw new Error('bench/fixtures.ts: the typical draft has no HTML body');
  const recipient = (m: { name?: string; email: string }): FakeRecipient => ({ displayName: m.name ?? m.email, emailAddress: m.email });
  const item = new FakeComposeItem({
    ...(parsed.from ? { from: recipient(parsed.from) } : {}),
    to: parsed.to.map(recipient),
    cc: parsed.cc.map(recipient),
    bcc: parsed.bcc.map(recipient),
    subject: parsed.subject ?? '',
    body: parsed.bodyHtml,
    bodyType: 'html',
    composeType: 'reply',
  });
  return { item, htmlBytes: new TextEncoder().encode(parsed.bodyHtml).length, emlBytes: eml.length };
}

/** Run the send-handler benchmark and print its lines. */
export async function sendHandlerBench(): Promise<void> {
  const policyText = readFileSync(new URL('../samples/policy.json', import.meta.url), 'utf8');
  const { item, htmlBytes, emlBytes } = await typicalComposeItem();

  const handlers = new Map<string, SendHandler>();
  const uninstall = installOffice(item, { actions: { associate: (id: string, fn: SendHandler) => handlers.set(id, fn) } });
  const g = globalThis as { fetch: typeof fetch; __ADDIN_BASE_URL__?: string };
  const realFetch = g.fetch;
  const requested: string[] = [];
  g.fetch = async (input: string | URL | Request) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    requested.push(url);
    return url === `${BASE_URL}policy.json` ? new Response(policyText, { status: 200, headers: { 'content-type': 'application/json' } }) : new Response('', { status: 404 });
  };
  // Replaced by the build's `define`; here the handler reads it from the global scope.
  g.__ADDIN_BASE_URL__ = BASE_URL;
  // The handler logs through console.warn: a policy notice, or that it let the email go unchecked.
  const handlerLog = new Set<string>();
  const realWarn = console.warn;
  console.warn = (...args: unknown[]) => {
    const text = args.map(String).join(' ');
    if (text.startsWith('[Protocol Checker]')) handlerLog.add(text);
    else realWarn(...args);
  };

  try {
    await import('../src/hosts/outlook/send-check.ts');
    const handler = handlers.get('onMessageSendHandler');
    if (!handler) throw new Error('send-check.ts did not associate onMessageSendHandler');

    // The first send fetches and validates the policy; every later one finds it cached. It is
    // not timed: in this process the validator may already be loaded, and tsx compiles on import.
    await send(handler);
    const { policy } = await loadRuntimePolicy(BASE_URL);
    const draft = await readDraft(item.asCompose());

    // The handler must have decided what check() decides: a fast "fail open" would flatter it.
    const findings = check(draft, policy, { now: new Date(), freeMail: maintainedFreeMail });
    const expected: SendDecision = decide(findings, policy.sendTime.mode);

    // The draft as Outlook gives it: the HTML body, for check() to turn into text.
    const asGiven = { ...draft, body: '', ...(draft.bodyHtml !== undefined ? {} : { body: draft.body }) };
    const checkSamples: number[] = [];
    const textSamples: number[] = [];
    const handlerSamples: number[] = [];
    let mismatch: unknown;
    const warmUp = Math.max(20, ITERATIONS / 5);
    for (let i = 0; i < warmUp + ITERATIONS; i++) {
      // Alternate, so that drift in the machine's speed falls on both sides alike.
      const start = performance.now();
      check(asGiven, policy, { now: new Date(), freeMail: maintainedFreeMail });
      const checked = performance.now() - start;
      const textStart = performance.now();
      check(draft, policy, { now: new Date(), freeMail: maintainedFreeMail });
      const textChecked = performance.now() - textStart;
      const sent = await send(handler);
      if (JSON.stringify(sent.options) !== JSON.stringify(expected)) mismatch ??= sent.options;
      if (i >= warmUp) {
        checkSamples.push(checked);
        textSamples.push(textChecked);
        handlerSamples.push(sent.elapsed);
      }
    }
    const checkStats = stats(checkSamples);
    const handlerStats = stats(handlerSamples);
    const ratio = handlerStats.median / checkStats.median;
    const textStats = stats(textSamples);

    const label = `typical (HTML ${(htmlBytes / 1024).toFixed(1)} KB, .eml ${(emlBytes / 1024).toFixed(1)} KB)`;
    console.log(`\nSend-time handler (OnMessageSend → event.completed) against check() alone, samples/policy.json, ${ITERATIONS} sends:`);
    console.log(`${pad('draft', 40)}${pad('check median', 15)}${pad('check p95', 13)}${pad('send median', 15)}${pad('send p95', 13)}send/check`);
    console.log(`${pad(label, 40)}${pad(ms(checkStats.median), 15)}${pad(ms(checkStats.p95), 13)}${pad(ms(handlerStats.median), 15)}${pad(ms(handlerStats.p95), 13)}${ratio.toFixed(2)}×`);
    console.log(`(check() on the text already taken out of the HTML: median ${ms(textStats.median)}, p95 ${ms(textStats.p95)}; send/that ${(handlerStats.median / textStats.median).toFixed(2)}×.)`);
    const decided = expected.allowEvent ? 'let it go' : 'stopped it';
    const agreed = mismatch === undefined ? `The handler ${decided} on every send, as` : 'The handler did not always decide as';
    console.log(`${agreed} check() decides (${findings.length} finding${findings.length === 1 ? '' : 's'}, send-time mode ${policy.sendTime.mode}).`);

    const verdicts = [
      `${handlerStats.median <= TARGET_MS ? 'PASS' : 'FAIL'}  send handler, typical draft: median ${ms(handlerStats.median)} (target ≤ ${TARGET_MS} ms)`,
      `${ratio <= TARGET_RATIO ? 'PASS' : 'FAIL'}  send handler, typical draft: send/check ${ratio.toFixed(2)}× (target ≤ ${TARGET_RATIO.toFixed(2)}×)`,
    ];
    const failedOpen = [...handlerLog].find((line) => line.includes('failed open'));
    if (mismatch !== undefined || failedOpen) {
      verdicts.push(`FAIL  send handler decided differently from check(): ${failedOpen ?? JSON.stringify(mismatch)}`);
    }
    if (requested.length !== 1) verdicts.push(`FAIL  send handler fetched the policy ${requested.length} times (expected once, then the cache)`);
    for (const line of handlerLog) if (!line.includes('failed open')) console.log(`Handler log: ${line}`);
    console.log(`\n${verdicts.join('\n')}`);
  } finally {
    console.warn = realWarn;
    g.fetch = realFetch;
    delete g.__ADDIN_BASE_URL__;
    uninstall();
  }
}
