/**
 * The add-in-only XML manifest, for the Outlooks that cannot read the unified manifest: Outlook
 * on Mac (new UI) and Outlook on iOS and Android, and classic Outlook on Windows that predates
 * the unified manifest. It is generated from manifest.json (after the base URL is applied), so
 * the ids, URLs, labels and handler names cannot drift apart; manifest.json's
 * `extensions[0].alternates[].hide.customOfficeAddin.officeAddinId` names this add-in, so that
 * Outlooks that run the unified manifest hide it.
 *
 * What each Outlook gets from it:
 * Outlook allows one `<Runtime>` per add-in, so one page, `outlook-events.html`, runs every
 * event: its script registers the send handler and the phone handlers alike.
 * - Mac and classic Windows: the compose button that opens the taskpane, and the Smart Alerts
 *   send check (`OnMessageSend`) with the same handler as the unified manifest. Classic Windows
 *   loads the runtime's JavaScript override instead of the page: the small ES2016 `send-check-legacy.js`,
 *   which lets mail go, because Windows builds that read this file (before Version 2304, and
 *   volume-licensed Outlook) may run event handlers on an engine that cannot load the checker.
 * - Phones (`MobileFormFactor`): the three compose events a phone raises, run by the same page.
 *   Phones have no send event and no compose taskpane.
 *
 * Element order follows Microsoft's schemas (MS-OWEMXML) and the examples in its docs.
 */
/** The phone events (add-in-only manifest names) and their handlers, from Microsoft's docs on mobile event-based activation. */
export const MOBILE_EVENTS = [
  { type: 'OnNewMessageCompose', handler: 'onNewMessageComposeHandler' },
  { type: 'OnMessageRecipientsChanged', handler: 'onMessageRecipientsChangedHandler' },
  { type: 'OnMessageFromChanged', handler: 'onMessageFromChangedHandler' },
] as const;

/** Unified manifest event names → add-in-only manifest names (Microsoft's "Supported events" table). */
const EVENT_NAMES: Record<string, string> = {
  messageSending: 'OnMessageSend',
  newMessageComposeCreated: 'OnNewMessageCompose',
  messageRecipientsChanged: 'OnMessageRecipientsChanged',
  messageFromChanged: 'OnMessageFromChanged',
};
const SEND_MODES: Record<string, string> = { softBlock: 'SoftBlock', promptUser: 'PromptUser', block: 'Block' };

/**
 * The lowest Mailbox requirement set the add-in-only manifest's version 1.1 overrides may ask
 * for: phones support requirement sets up to 1.5 (with some later APIs for events), so a higher
 * one would hide the phone events.
 */
export const XML_OVERRIDES_MIN_MAILBOX = '1.5';

interface Icon { size: number; url: string }
interface UnifiedManifest {
  version: string;
  developer: { name: string; websiteUrl: string };
  name: { short: string };
  description: { short: string };
  validDomains: string[];
  extensions: {
    runtimes: { id: string; code: { page: string; script?: string }; actions: { id: string; type: string }[] }[];
    ribbons: { tabs: { groups: { id: string; label: string; icons: Icon[]; controls: { id: string; label: string; icons: Icon[]; supertip: { title: string; description: string }; actionId: string }[] }[] }[] }[];
    autoRunEvents: { events: { type: string; actionId: string; options?: { sendMode?: string } }[] }[];
    alternates: { hide?: { customOfficeAddin?: { officeAddinId: string } }; alternateIcons?: { icon: Icon; highResolutionIcon: Icon } }[];
  }[];
}

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** The XML manifest's add-in id: the one manifest.json hides on unified-manifest clients. */
export function xmlAddinId(manifest: Record<string, unknown>): string {
  const m = manifest as unknown as UnifiedManifest;
  const id = m.extensions[0]?.alternates.find((a) => a.hide?.customOfficeAddin)?.hide?.customOfficeAddin?.officeAddinId;
  if (!id) throw new Error('manifest.json: extensions[0].alternates: expected a hide.customOfficeAddin.officeAddinId naming the add-in-only manifest, found none');
  return id;
}

/** The add-in-only manifest's version: four numbers, as its schema allows. */
export function xmlVersion(version: string): string {
  const parts = version.split('.');
  while (parts.length < 4) parts.push('0');
  return parts.join('.');
}

/** Build manifest.xml from the unified manifest (already moved to its base URL). */
export function xmlManifestFor(manifest: Record<string, unknown>): string {
  const m = manifest as unknown as UnifiedManifest;
  const ext = m.extensions[0]!;
  const taskpane = ext.runtimes.find((r) => r.actions.some((a) => a.type === 'openPage'));
  const send = ext.runtimes.find((r) => r.code.script);
  if (!taskpane || !send?.code.script) throw new Error('manifest.json: expected a taskpane runtime and a send runtime with a script');
  const group = ext.ribbons[0]!.tabs[0]!.groups[0]!;
  const control = group.controls[0]!;
  const base = new URL('.', send.code.page).href;
  const icons = ext.alternates.find((a) => a.alternateIcons)?.alternateIcons;
  if (!icons) throw new Error('manifest.json: extensions[0].alternates: expected alternateIcons');
  const iconOf = (size: number) => control.icons.find((i) => i.size === size)!.url;
  const sendEvents = ext.autoRunEvents.flatMap((g) => g.events).filter((e) => e.actionId === send.actions[0]!.id);

  const images = [16, 32, 80].map((size) => `<bt:Image id="Icon.${size}x${size}" DefaultValue="${esc(iconOf(size))}"/>`);
  const urls = [
    `<bt:Url id="Taskpane.Url" DefaultValue="${esc(taskpane.code.page)}"/>`,
    `<bt:Url id="Events.Page" DefaultValue="${esc(new URL('outlook-events.html', base).href)}"/>`,
    `<bt:Url id="Events.Script" DefaultValue="${esc(new URL('send-check-legacy.js', base).href)}"/>`,
  ];
  const resources = (indent: string) =>
    [
      '<Resources>',
      '  <bt:Images>',
      ...images.map((l) => `    ${l}`),
      '  </bt:Images>',
      '  <bt:Urls>',
      ...urls.map((l) => `    ${l}`),
      '  </bt:Urls>',
      '  <bt:ShortStrings>',
      `    <bt:String id="Group.Label" DefaultValue="${esc(group.label)}"/>`,
      `    <bt:String id="Button.Label" DefaultValue="${esc(control.label)}"/>`,
      `    <bt:String id="Button.Title" DefaultValue="${esc(control.supertip.title)}"/>`,
      '  </bt:ShortStrings>',
      '  <bt:LongStrings>',
      `    <bt:String id="Button.Tooltip" DefaultValue="${esc(control.supertip.description)}"/>`,
      '  </bt:LongStrings>',
      '</Resources>',
    ]
      .map((l) => `${indent}${l}`)
      .join('\n');
  const composeButton = (indent: string) =>
    [
      '<ExtensionPoint xsi:type="MessageComposeCommandSurface">',
      '  <OfficeTab id="TabDefault">',
      `    <Group id="${esc(group.id)}">`,
      '      <Label resid="Group.Label"/>',
      `      <Control xsi:type="Button" id="${esc(control.id)}">`,
      '        <Label resid="Button.Label"/>',
      '        <Supertip>',
      '          <Title resid="Button.Title"/>',
      '          <Description resid="Button.Tooltip"/>',
      '        </Supertip>',
      '        <Icon>',
      '          <bt:Image size="16" resid="Icon.16x16"/>',
      '          <bt:Image size="32" resid="Icon.32x32"/>',
      '          <bt:Image size="80" resid="Icon.80x80"/>',
      '        </Icon>',
      '        <Action xsi:type="ShowTaskpane">',
      '          <SourceLocation resid="Taskpane.Url"/>',
      '        </Action>',
      '      </Control>',
      '    </Group>',
      '  </OfficeTab>',
      '</ExtensionPoint>',
    ]
      .map((l) => `${indent}${l}`)
      .join('\n');
  const launchEvents = sendEvents.map((e) => {
    const type = EVENT_NAMES[e.type];
    if (!type) throw new Error(`manifest.json: autoRunEvents: "${e.type}" has no add-in-only manifest name`);
    const mode = e.options?.sendMode ? ` SendMode="${SEND_MODES[e.options.sendMode]}"` : '';
    return `<LaunchEvent Type="${type}" FunctionName="${esc(e.actionId)}"${mode}/>`;
  });
  const host = new URL(base).origin;

  return `<?xml version="1.0" encoding="UTF-8"?>
<!-- Generated from manifest.json by scripts/xml-manifest.ts: edit that, not this. -->
<OfficeApp xmlns="http://schemas.microsoft.com/office/appforoffice/1.1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:bt="http://schemas.microsoft.com/office/officeappbasictypes/1.0" xmlns:mailappor="http://schemas.microsoft.com/office/mailappversionoverrides/1.0" xsi:type="MailApp">
  <Id>${esc(xmlAddinId(manifest))}</Id>
  <Version>${esc(xmlVersion(m.version))}</Version>
  <ProviderName>${esc(m.developer.name)}</ProviderName>
  <DefaultLocale>en-GB</DefaultLocale>
  <DisplayName DefaultValue="${esc(m.name.short)}"/>
  <Description DefaultValue="${esc(m.description.short)}"/>
  <IconUrl DefaultValue="${esc(icons.icon.url)}"/>
  <HighResolutionIconUrl DefaultValue="${esc(icons.highResolutionIcon.url)}"/>
  <SupportUrl DefaultValue="${esc(m.developer.websiteUrl)}"/>
  <AppDomains>
    <AppDomain>${esc(host)}</AppDomain>
  </AppDomains>
  <Hosts>
    <Host Name="Mailbox"/>
  </Hosts>
  <Requirements>
    <Sets>
      <Set Name="Mailbox" MinVersion="1.3"/>
    </Sets>
  </Requirements>
  <FormSettings>
    <Form xsi:type="ItemEdit">
      <DesktopSettings>
        <SourceLocation DefaultValue="${esc(taskpane.code.page)}"/>
      </DesktopSettings>
    </Form>
  </FormSettings>
  <Permissions>ReadWriteMailbox</Permissions>
  <Rule xsi:type="RuleCollection" Mode="Or">
    <Rule xsi:type="ItemIs" ItemType="Message" FormType="Edit"/>
  </Rule>
  <DisableEntityHighlighting>false</DisableEntityHighlighting>
  <VersionOverrides xmlns="http://schemas.microsoft.com/office/mailappversionoverrides" xsi:type="VersionOverridesV1_0">
    <Requirements>
      <bt:Sets DefaultMinVersion="1.3">
        <bt:Set Name="Mailbox"/>
      </bt:Sets>
    </Requirements>
    <Hosts>
      <Host xsi:type="MailHost">
        <DesktopFormFactor>
${composeButton('          ')}
        </DesktopFormFactor>
      </Host>
    </Hosts>
${resources('    ')}
    <VersionOverrides xmlns="http://schemas.microsoft.com/office/mailappversionoverrides/1.1" xsi:type="VersionOverridesV1_1">
      <Requirements>
        <bt:Sets DefaultMinVersion="${XML_OVERRIDES_MIN_MAILBOX}">
          <bt:Set Name="Mailbox"/>
        </bt:Sets>
      </Requirements>
      <Hosts>
        <Host xsi:type="MailHost">
          <Runtimes>
            <Runtime resid="Events.Page">
              <Override type="javascript" resid="Events.Script"/>
            </Runtime>
          </Runtimes>
          <DesktopFormFactor>
${composeButton('            ')}
            <ExtensionPoint xsi:type="LaunchEvent">
              <LaunchEvents>
${launchEvents.map((l) => `                ${l}`).join('\n')}
              </LaunchEvents>
              <SourceLocation resid="Events.Page"/>
            </ExtensionPoint>
          </DesktopFormFactor>
          <MobileFormFactor>
            <ExtensionPoint xsi:type="LaunchEvent">
              <LaunchEvents>
${MOBILE_EVENTS.map((e) => `                <LaunchEvent Type="${e.type}" FunctionName="${e.handler}"/>`).join('\n')}
              </LaunchEvents>
              <SourceLocation resid="Events.Page"/>
            </ExtensionPoint>
          </MobileFormFactor>
        </Host>
      </Hosts>
${resources('      ')}
    </VersionOverrides>
  </VersionOverrides>
</OfficeApp>
`;
}
