import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateManifest } from '../scripts/manifest-schema.ts';

const manifest = JSON.parse(readFileSync(new URL('../manifest.json', import.meta.url), 'utf8'));

describe('manifest.json', () => {
  it("validates against Microsoft's schema for its version", () => {
    expect(validateManifest(manifest)).toEqual([]);
  });

  it('catches what the schema cannot: unknown events and dangling action ids', () => {
    const broken = structuredClone(manifest);
    broken.extensions[0].autoRunEvents[0].events[0] = { type: 'messageSend', actionId: 'nope', options: { sendMode: 'softBlock' } };
    expect(validateManifest(broken)).toEqual([
      'autoRunEvents: "messageSend" is not an Outlook event',
      'autoRunEvents: actionId "nope" names no runtime action',
    ]);
  });

  it('puts a compose-window button on the ribbon that opens the taskpane', () => {
    const ribbon = manifest.extensions[0].ribbons[0];
    expect(ribbon.contexts).toEqual(['mailCompose']);
    expect(ribbon.tabs[0].groups[0].controls[0].actionId).toBe('openProtocolCheck');
    const runtime = manifest.extensions[0].runtimes.find((r: { id: string }) => r.id === 'taskpane_runtime');
    expect(runtime.code.page).toMatch(/\/taskpane\.html$/);
  });

  it('declares the send-time check as a softBlock messageSending event', () => {
    const event = manifest.extensions[0].autoRunEvents[0].events[0];
    expect(event).toEqual({ type: 'messageSending', actionId: 'onMessageSendHandler', options: { sendMode: 'softBlock' } });
  });
});
