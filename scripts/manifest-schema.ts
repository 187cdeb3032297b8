/**
 * Validates a unified manifest offline against Microsoft's published JSON schema, as shipped
 * in @microsoft/app-manifest (draft-04, hence ajv-draft-04), plus what the schema cannot say:
 * event names Outlook knows and actionIds that name a runtime action.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';

const require = createRequire(import.meta.url);
const schemasRoot = join(dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build/json-schemas/teams');

// Outlook's event-based activation events (unified manifest names), from Microsoft's docs.
const KNOWN_EVENTS = new Set([
  'newMessageComposeCreated', 'newAppointmentOrganizerCreated', 'messageAttachmentsChanged', 'appointmentAttachmentsChanged',
  'messageRecipientsChanged', 'appointmentAttendeesChanged', 'appointmentTimeChanged', 'appointmentRecurrenceChanged',
  'infoBarDismissClicked', 'messageSending', 'appointmentSending', 'messageComposeOpened', 'appointmentOrganizerOpened',
  'sensitivityLabelChanged', 'messageFromChanged', 'appointmentFromChanged', 'spamReporting', 'messageReadWithCustomHeader',
]);

export function validateManifest(manifest: Record<string, unknown>): string[] {
  const version = String(manifest.manifestVersion);
  const schema = JSON.parse(readFileSync(join(schemasRoot, `v${version}`, 'MicrosoftTeams.schema.json'), 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  const problems = validate(manifest) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message}`);
  const actions = new Set<string>();
  const extensions = (manifest.extensions ?? []) as { runtimes?: { actions?: { id: string }[] }[]; ribbons?: unknown[]; autoRunEvents?: { events: { type: string; actionId: string }[] }[] }[];
  for (const ext of extensions) for (const r of ext.runtimes ?? []) for (const a of r.actions ?? []) actions.add(a.id);
  for (const ext of extensions) {
    for (const group of ext.autoRunEvents ?? []) {
      for (const ev of group.events) {
        if (!KNOWN_EVENTS.has(ev.type)) problems.push(`autoRunEvents: "${ev.type}" is not an Outlook event`);
        if (!actions.has(ev.actionId)) problems.push(`autoRunEvents: actionId "${ev.actionId}" names no runtime action`);
      }
    }
    const controls = JSON.stringify(ext.ribbons ?? []).matchAll(/"actionId":"([^"]+)"/g);
    for (const m of controls) if (!actions.has(m[1]!)) problems.push(`ribbons: actionId "${m[1]}" names no runtime action`);
  }
  return problems;
}
