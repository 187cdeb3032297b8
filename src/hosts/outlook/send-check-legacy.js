/*
 * The send event for classic Outlook on Windows when it reads the add-in-only XML manifest
 * (builds before Version 2304, and volume-licensed Outlook). Builds before Version 2403 run
 * event handlers on an engine that understands ECMAScript 2016 at most (Microsoft's
 * troubleshooting guide for event-based add-ins: no async/await, not even the conditional
 * operator), and the checker needs a newer one. So this script only lets the mail go: on
 * those Outlooks the taskpane is the check. Kept to ECMAScript 5 by hand;
 * tests/send-script-syntax.test.ts parses it as ES2016 and rejects conditional operators.
 */
function onMessageSendHandler(event) {
  event.completed({ allowEvent: true });
}

Office.actions.associate('onMessageSendHandler', onMessageSendHandler);
