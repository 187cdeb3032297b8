/**
 * Line and column of evidence in the text the engine saw. Lines and columns count from 1,
 * columns in UTF-16 code units (SARIF's default `columnKind`), and "\r\n" is one line break.
 */
import type { Evidence } from '../engine/types.ts';

export interface TextPosition {
  line: number;
  column: number;
}

export interface TextRange {
  start: TextPosition;
  end: TextPosition;
}

export function positionAt(text: string, offset: number): TextPosition {
  const at = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < at; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 /* \n */) {
      line++;
      lineStart = i + 1;
    } else if (ch === 13 /* \r */ && text.charCodeAt(i + 1) !== 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: at - lineStart + 1 };
}

/** The range of body or subject evidence, or undefined for recipients, sender and date. */
export function evidenceRange(evidence: Evidence, texts: { body: string; subject: string }): TextRange | undefined {
  if ((evidence.field !== 'body' && evidence.field !== 'subject') || evidence.start === undefined) return undefined;
  const text = evidence.field === 'body' ? texts.body : texts.subject;
  const end = evidence.end ?? evidence.start;
  return { start: positionAt(text, evidence.start), end: positionAt(text, Math.max(end, evidence.start)) };
}
