/**
 * The built send-time script decides on every draft of the Northbridge and Harrowfield corpora
 * as the engine does with the full free-mail list itself: the coded free-mail set and the
 * validator generated at build time (which keep the script small) change no decision.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { maintainedDomains } from '../../scripts/gen-free-mail.ts';
import { check } from '../../src/engine/check.ts';
import { CORE_FREE_MAIL_DOMAINS, freeMailLookup } from '../../src/engine/free-mail.ts';
import type { Draft, Mailbox } from '../../src/engine/types.ts';
import { decide } from '../../src/hosts/outlook/send-handler.ts';
import { parsePolicyText } from '../../src/policy/load.ts';
import { FakeComposeItem, officeNamespace, type FakeRecipient } from '../doubles/office.ts';
import { loadCorpus } from '../helpers/corpus.ts';

const script = readFileSync(join(inject('siteDir'), 'send-check.js'), 'utf8');
const exactFreeMail = freeMailLookup([...CORE_FREE_MAIL_DOMAINS, ...maintainedDomains().domains]);
const recipient = (m: Mailbox): FakeRecipient => ({ displayName: m.name ?? m.email, emailAddress: m.email });

function itemFor(draft: Draft): FakeComposeItem {
  return new FakeComposeItem({
    ...(draft.from ? { from: recipient(draft.from) } : {}),
    to: draft.to.map(recipient),
    cc: draft.cc.map(recipient),
    bcc: draft.bcc.map(recipient),
    subject: draft.subject,
    body: draft.bodyHtml ?? draft.body,
    bodyType: draft.bodyHtml ? 'html' : 'text',
  });
}

/**
 * The built script loaded once in a bare context (as send-bundle.test.ts loads it), answering
 * `policyText` for policy.json; `send` runs its handler on one draft and resolves with what
 * it passed to event.completed.
 */
function loadBundle(policyText: string): (draft: Draft) => Promise<unknown> {
  const associations = new Map<string, (event: unknown) => void>();
  const office = officeNamespace(undefined, { actions: { associate: (id: string, fn: (event: unknown) => void) => associations.set(id, fn) } });
  const fetchPolicy = async () => new Response(policyText, { status: 200 });
  // TextEncoder: the audit stamp uses it as the script loads; whether Outlook's JavaScript-only
  // runtime has it is send-bundle.test.ts's question, not this file's.
  runInNewContext(script, { Office: office, fetch: fetchPolicy, setTimeout, clearTimeout, TextEncoder, console: { warn: () => {}, log: () => {}, error: () => {} } });
  return (draft) => {
    (office.context.mailbox as { item: unknown }).item = itemFor(draft);
    return new Promise((done) => associations.get('onMessageSendHandler')!({ completed: done }));
  };
}

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

describe('the built send-time script on the corpora', () => {
  for (const corpus of ['northbridge', 'harrowfield']) {
    it(`decides as the engine with the full free-mail list on every ${corpus} draft`, async () => {
      const dir = resolve(import.meta.dirname, '../corpus', corpus);
      const policyText = readFileSync(join(dir, 'policy.json'), 'utf8');
      const { policy } = parsePolicyText(policyText, 'policy.json');
      const cases = await loadCorpus(dir);
      expect(cases.length).toBeGreaterThan(10);
      const send = loadBundle(policyText);
      let stopped = 0;
      for (const { file, draft } of cases) {
        // The draft as the script reads it from the item (HTML bodies converted the same way).
        const item = itemFor(draft);
        (globalThis as { Office?: unknown }).Office = officeNamespace(item);
        const { readDraft } = await import('../../src/hosts/outlook/send-handler.ts');
        const read = await readDraft(item as unknown as Office.MessageCompose);
        const now = new Date();
        const expected = decide(check(read, policy!, { now, freeMail: exactFreeMail }), policy!.sendTime.mode, { dismissed: new Set(), draft: read, markdown: false });
        const decision = await send(draft);
        expect(decision, file).toEqual(expected);
        if (!expected.allowEvent) stopped++;
      }
      // The comparison means something: some drafts are stopped, some go.
      expect(stopped).toBeGreaterThan(0);
      expect(stopped).toBeLessThan(cases.length);
    }, 120_000);
  }
});
