import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { manifestFor } from '../scripts/build.ts';
import { validateManifest } from '../scripts/manifest-schema.ts';
import { xmlManifestFor } from '../scripts/xml-manifest.ts';

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

  it('calls the product by one name wherever Outlook or Teams shows it (ribbon group, button, tooltip title, Teams tab)', () => {
    const group = manifest.extensions[0].ribbons[0].tabs[0].groups[0];
    const button = group.controls[0];
    const names = [manifest.name.short, group.label, button.label, button.supertip.title, ...manifest.staticTabs.map((t: { name: string }) => t.name)];
    expect(new Set(names)).toEqual(new Set(['Protocol Checker']));
  });

  it('declares the send-time check as a softBlock messageSending event', () => {
    const event = manifest.extensions[0].autoRunEvents[0].events[0];
    expect(event).toEqual({ type: 'messageSending', actionId: 'onMessageSendHandler', options: { sendMode: 'softBlock' } });
  });
});

describe('manifest.xml, the add-in-only manifest for Mac and phones', () => {
  const xml = xmlManifestFor(manifest);
  const attr = (pattern: RegExp) => [...xml.matchAll(pattern)].map((m) => m[1]);

  it('is hidden by manifest.json where both would show, by naming its id', () => {
    const hide = manifest.extensions[0].alternates.find((a: { hide?: unknown }) => a.hide).hide.customOfficeAddin.officeAddinId;
    expect(xml).toContain(`<Id>${hide}</Id>`);
    expect(hide).not.toBe(manifest.id);
  });

  it('agrees with manifest.json: version, name, taskpane, button, send handler and its runtime', () => {
    const ext = manifest.extensions[0];
    expect(xml).toContain(`<Version>${manifest.version}.0</Version>`);
    expect(xml).toContain(`<DisplayName DefaultValue="${manifest.name.short}"/>`);
    const taskpane = ext.runtimes.find((r: { id: string }) => r.id === 'taskpane_runtime');
    expect(attr(/<bt:Url id="Taskpane.Url" DefaultValue="([^"]+)"/g)).toEqual([taskpane.code.page, taskpane.code.page]);
    const send = ext.runtimes.find((r: { id: string }) => r.id === 'send_runtime');
    // Outlook allows one runtime: the XML manifest's page beside the send page runs the send handler and the phone events.
    const eventsPage = new URL('outlook-events.html', send.code.page).href;
    expect(attr(/<bt:Url id="Events.Page" DefaultValue="([^"]+)"/g)).toEqual([eventsPage, eventsPage]);
    const control = ext.ribbons[0].tabs[0].groups[0].controls[0];
    expect(attr(/<Control xsi:type="Button" id="([^"]+)"/g)).toEqual([control.id, control.id]);
    const events = ext.autoRunEvents.flatMap((g: { events: { actionId: string }[] }) => g.events.map((e) => e.actionId));
    expect(attr(/<LaunchEvent Type="OnMessageSend" FunctionName="([^"]+)" SendMode="SoftBlock"\/>/g)).toEqual(events);
  });

  it('gives phones the three compose events, and no send event', () => {
    const mobile = xml.slice(xml.indexOf('<MobileFormFactor>'), xml.indexOf('</MobileFormFactor>'));
    expect(attr(/<LaunchEvent Type="([^"]+)"/g).filter((t) => mobile.includes(`Type="${t}"`))).toEqual(['OnNewMessageCompose', 'OnMessageRecipientsChanged', 'OnMessageFromChanged']);
    expect(mobile).not.toContain('OnMessageSend');
  });

  it('is well-formed XML with every URL under the base URL', () => {
    const moved = xmlManifestFor(manifestFor('https://addin.example.gov.uk/'));
    const urls = attr(/DefaultValue="(https?:[^"]+)"/g);
    expect(urls.length).toBeGreaterThan(5);
    const movedUrls = [...moved.matchAll(/DefaultValue="(https?:[^"]+)"/g)].map((m) => m[1]!);
    expect(movedUrls.filter((u) => !u.startsWith('https://addin.example.gov.uk/'))).toEqual([]);
    expect(moved).toContain('<AppDomain>https://addin.example.gov.uk</AppDomain>');
    // Every element opened is closed, in order.
    const stack: string[] = [];
    for (const m of moved.replace(/<\?xml[^>]*>|<!--[\s\S]*?-->/g, '').matchAll(/<(\/?)([\w:]+)[^>]*?(\/?)>/g)) {
      if (m[3]) continue;
      if (m[1]) expect(stack.pop()).toBe(m[2]);
      else stack.push(m[2]!);
    }
    expect(stack).toEqual([]);
  });
});
