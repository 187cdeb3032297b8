/**
 * What a JSON file is, told from its top-level fields: a council policy, a draft (PRODUCT.md
 * contract 3), a corpus's labels file, or something else. Used so that a policy given as a
 * draft, or a draft given as the policy, is said in one line instead of a list of unknown
 * fields, and so that a folder of drafts with its policy.json and labels.json beside them is
 * checked without complaint.
 *
 * No Node, DOM or Office APIs: the pages and the send-time script load policies too.
 */

export type JsonKind = 'policy' | 'draft' | 'labels' | 'unknown';

const DRAFT_FIELDS = ['from', 'to', 'cc', 'bcc', 'subject', 'body', 'bodyHtml', 'date', 'composeType', 'attachments'];
const POLICY_FIELDS = ['council', 'councillors', 'officers', 'elections', 'parties', 'communications', 'workingHours', 'rules', 'vocabulary', 'sendTime'];

/** The kind of a parsed JSON value, by the fields it has. */
export function jsonKindOf(json: unknown): JsonKind {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return 'unknown';
  const keys = Object.keys(json);
  if (keys.length === 0) return 'unknown';
  const policyFields = keys.filter((k) => POLICY_FIELDS.includes(k)).length;
  const draftFields = keys.filter((k) => DRAFT_FIELDS.includes(k)).length;
  if ('council' in json || policyFields > draftFields) return 'policy';
  if (draftFields > 0 && draftFields >= keys.length / 2) return 'draft';
  // A corpus's labels: file name → {"expect": [rule ids], …}.
  const values = Object.values(json as Record<string, unknown>);
  if (values.every((v) => v !== null && typeof v === 'object' && !Array.isArray(v) && 'expect' in v)) return 'labels';
  return 'unknown';
}

/** The kind of a JSON file's text; 'unknown' when it is not JSON at all. */
export function jsonKindOfText(text: string): JsonKind {
  try {
    return jsonKindOf(JSON.parse(text.replace(/^\uFEFF/, '')));
  } catch {
    return 'unknown';
  }
}

/** One line saying what the file is and where it belongs, when it was given as `wanted`. */
export function describeJsonKind(kind: Exclude<JsonKind, 'unknown'>, wanted: 'policy' | 'draft'): string {
  if (kind === 'policy') return 'this is a council policy file, not a draft: give it with --policy to check drafts against it, or run protocol-check policy validate on it';
  if (kind === 'draft') return `this is a draft (it has ${wanted === 'policy' ? '"from", "to" or "body"' : 'draft fields'}), not a council policy: name it as a file to check, and give the council's policy.json after --policy`;
  return `this is a corpus's labels file, not a ${wanted === 'policy' ? 'council policy' : 'draft'}: it lists the findings each draft should give`;
}
