/**
 * The few header fields the audit report needs from a stored message, read without parsing the
 * rest: the override record (X-Protocol-Checker) from an .eml's header block, or from an
 * Outlook .msg's transport headers.
 */
import MsgReaderModule from '@kenjiuno/msgreader';
import { AUDIT_HEADER } from './seal.ts';

// CommonJS with `exports.default` (see src/mail/msg.ts).
const MsgReader: typeof MsgReaderModule = (MsgReaderModule as unknown as { default?: typeof MsgReaderModule }).default ?? MsgReaderModule;

/** The unfolded values of a header field in a block of RFC 5322 headers. */
export function headerValues(block: string, name: string): string[] {
  const out: string[] = [];
  const lines = block.split(/\r?\n/);
  const prefix = `${name.toLowerCase()}:`;
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.toLowerCase().startsWith(prefix)) continue;
    let value = lines[i]!.slice(prefix.length);
    while (i + 1 < lines.length && /^[ \t]/.test(lines[i + 1]!)) value += ` ${lines[++i]!.trim()}`;
    out.push(value.trim());
  }
  return out;
}

/** The header block of an RFC 5322 message (its bytes up to the first empty line). */
export function emlHeaderBlock(bytes: Uint8Array): string {
  const text = new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(bytes.length, 256 * 1024)));
  const end = /\r?\n\r?\n/.exec(text);
  return end ? text.slice(0, end.index) : text;
}

/** The override record's header value in a message, if it has one. */
export function stampOf(fileName: string, bytes: Uint8Array): string | undefined {
  if (fileName.toLowerCase().endsWith('.msg')) {
    try {
      const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
      const headers = new MsgReader(buffer).getFileData().headers;
      return headers ? headerValues(headers, AUDIT_HEADER)[0] : undefined;
    } catch {
      return undefined;
    }
  }
  return headerValues(emlHeaderBlock(bytes), AUDIT_HEADER)[0];
}
