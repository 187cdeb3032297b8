/**
 * The send-time script: one classic script (no import/export once built) that Outlook loads
 * for the `messageSending` event. Classic Outlook on Windows runs it in a JavaScript-only
 * runtime where Office.onReady does not run for events, so all start-up work happens inside
 * the handler, and Office.actions.associate runs at the top level of the script.
 */
// First: the sealing library needs a TextEncoder as it loads (text-encoder-shim.ts).
import './text-encoder-shim.ts';
import { loadRuntimePolicy } from '../policy-runtime.ts';
import { handleMessageSend } from './send-handler.ts';

/** The site's absolute base URL, fixed at build time (relative fetches fail in this runtime). */
declare const __ADDIN_BASE_URL__: string;

/** Decides whether the message may be sent; always ends with event.completed. */
function onMessageSendHandler(event: Office.AddinCommands.Event): void {
  let item: Office.MessageCompose;
  try {
    item = Office.context.mailbox.item as Office.MessageCompose;
  } catch {
    event.completed({ allowEvent: true });
    return;
  }
  void handleMessageSend(event, {
    item,
    loadPolicy: () => loadRuntimePolicy(__ADDIN_BASE_URL__),
    log: (message) => console.warn(`[Protocol Checker] ${message}`),
  });
}

Office.actions.associate('onMessageSendHandler', onMessageSendHandler);
