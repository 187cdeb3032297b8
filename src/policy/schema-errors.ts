/**
 * The schema's errors for a parsed policy.json, each with the value it is about and the schema
 * node that holds the failed keyword, as ajv's `verbose` option would add them. The validator
 * is generated without that option (scripts/gen-policy-validator.ts), which keeps it, and the
 * send-time script that carries it, smaller; the two are read from the error's paths instead.
 */
import type { ErrorObject } from 'ajv/dist/2020.js';
import { policySchema, validate } from './policy-validator.generated.ts';

export interface SchemaError extends ErrorObject {
  /** The value at `instancePath`, as it was when validated. */
  data: unknown;
  /** The schema object whose keyword failed (annotations stripped). */
  parentSchema: Record<string, unknown> | undefined;
}

type Validator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

/** The root of the schema the validator was generated from, annotations stripped. */
export const POLICY_SCHEMA = policySchema as Record<string, unknown>;

/** A JSON Pointer's reference tokens: `/a~1b/0` → `['a/b', '0']`. */
function tokens(pointer: string): string[] {
  return pointer ? pointer.slice(1).split('/').map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~')) : [];
}

function at(node: unknown, path: readonly string[]): unknown {
  let here = node;
  for (const key of path) {
    if (here === null || typeof here !== 'object') return undefined;
    here = (here as Record<string, unknown>)[key];
  }
  return here;
}

/** Every schema error of `data` (none when it is valid). */
export function schemaErrors(data: unknown): SchemaError[] {
  const validator = validate as Validator;
  if (validator(data)) return [];
  return (validator.errors ?? []).map((e) => {
    // schemaPath is a URI fragment: "#" then a JSON Pointer with URI escapes (`%24schema`).
    const keywordPath = tokens(decodeURIComponent(e.schemaPath.slice(1)));
    const parent = at(POLICY_SCHEMA, keywordPath.slice(0, -1));
    return { ...e, data: at(data, tokens(e.instancePath)), parentSchema: parent && typeof parent === 'object' ? (parent as Record<string, unknown>) : undefined };
  });
}
