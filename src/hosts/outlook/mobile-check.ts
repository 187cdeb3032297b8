/**
 * The phone script: one classic script (no import/export once built) that Outlook on iOS and
 * Android loads for the events the XML manifest's MobileFormFactor names. All start-up work
 * happens inside the handlers, and Office.actions.associate runs at the top level, as in the
 * send-time script, so the same pattern works wherever Outlook loads it.
 */
// First: the sealing library needs a TextEncoder as it loads (text-encoder-shim.ts).
import './text-encoder-shim.ts';
import { loadRuntimePolicy } from '../policy-runtime.ts';
import { handleMobileEvent } from './mobile-notify.ts';

/** The site's absolute base URL, fixed at build time. */
declare const __ADDIN_BASE_URL__: string;

/** The handler names the XML manifest's LaunchEvent elements use (scripts/xml-manifest.ts). */
export const MOBILE_HANDLERS = ['onNewMessageComposeHandler', 'onMessageRecipientsChangedHandler', 'onMessageFromChangedHandler'] as const;

/** Check the draft and show what was found; the same work for every phone event. */
function onMobileComposeEvent(event: { completed: (options?: unknown) => void }): void {
  let item: Office.MessageCompose;
  try {
    item = Office.context.mailbox.item as Office.MessageCompose;
    if (!item) throw new Error('no item');
  } catch {
    event.completed();
    return;
  }
  void handleMobileEvent(event, {
    item,
    loadPolicy: () => loadRuntimePolicy(__ADDIN_BASE_URL__),
    log: (message) => console.warn(`[Protocol Checker] ${message}`),
  });
}

for (const name of MOBILE_HANDLERS) Office.actions.associate(name, onMobileComposeEvent);
