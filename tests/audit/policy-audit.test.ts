/**
 * The policy's `audit` part (contract 4 and 8): read into the resolved policy, and every
 * mistake named by field in plain words, as for the rest of the policy.
 */
import { describe, expect, it } from 'vitest';
import { generateAuditKeyPair } from '../../src/audit/seal.ts';
import { formatProblem, loadPolicy } from '../../src/policy/load.ts';

const council = { name: 'Westmoor Borough Council', domains: ['westmoor.gov.uk'] };
const messages = (json: unknown) => loadPolicy(json, 'policy.json').problems.map(formatProblem);

describe('the audit part of the policy', () => {
  it('is read into the resolved policy', () => {
    const { publicKey } = generateAuditKeyPair();
    const loaded = loadPolicy({ council, audit: { publicKey, reasons: ['urgent', 'manager-approved'], includeReasonText: true, requireReasonFor: ['silent-copy', 'error'] } }, 'policy.json');
    expect(loaded.problems).toEqual([]);
    expect(loaded.policy?.audit).toEqual({ publicKey, reasons: ['urgent', 'manager-approved'], includeReasonText: true, requireReasonFor: ['silent-copy', 'error'] });
  });

  it('is absent when the policy has none, so no record is ever written', () => {
    expect(loadPolicy({ council }, 'policy.json').policy?.audit).toBeUndefined();
  });

  it('names a public key that is not one, and says what one looks like', () => {
    const found = messages({ council, audit: { publicKey: '-----BEGIN PUBLIC KEY-----' } });
    expect(found).toEqual([expect.stringMatching(/^policy\.json: audit\.publicKey: expected an X25519 public key as protocol-check audit keygen writes it \(44 characters of base64, ending in =\), got "-----BEGIN PUBLIC KEY-----"/)]);
    // The rest of the policy still loads; only the broken key is dropped, so nothing is stamped.
    expect(loadPolicy({ council, audit: { publicKey: 'x' } }, 'policy.json').policy?.audit?.publicKey).toBeUndefined();
  });

  it('names an unknown rule or severity in requireReasonFor and suggests the nearest', () => {
    expect(messages({ council, audit: { requireReasonFor: ['silent-copies', 'eror'] } })).toEqual([
      expect.stringMatching(/audit\.requireReasonFor\[0\]: there is no rule or severity called "silent-copies"; did you mean silent-copy\?/),
      expect.stringMatching(/audit\.requireReasonFor\[1\]: there is no rule or severity called "eror"; did you mean error\?/),
    ]);
  });

  it('names a misspelt field in audit', () => {
    expect(messages({ council, audit: { publickey: 'x' } })).toEqual([expect.stringMatching(/audit\.publickey: there is no field with this name; did you mean publicKey\?/)]);
  });
});
