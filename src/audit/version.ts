/**
 * The add-in's version, for the override record. A literal rather than an import of
 * package.json, so that the send-time script carries the one string and not the whole file
 * (its dependency names included); tests/audit/version.test.ts keeps it equal to package.json.
 */
export const ADDIN_VERSION = '0.1.0';
