/**
 * A council's protocol as plain text, from the file the monitoring officer has: `.txt`, `.docx`
 * (mammoth's raw text) or `.pdf` (pdf.js through unpdf, lines rebuilt from the text items).
 * Command line only: nothing here is ever bundled into the add-in's pages.
 */
import { extname } from 'node:path';
import { InputError, decodeText, readInput } from './text-input.ts';

export async function readProtocolText(file: string, cwd: string): Promise<string> {
  const ext = extname(file).toLowerCase();
  const bytes = await readInput(file, cwd);
  if (ext === '.txt' || ext === '.md' || ext === '.text') return decodeText(bytes);
  if (ext === '.docx') {
    const mammoth = await import('mammoth');
    try {
      const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
      return value;
    } catch (error) {
      throw new InputError(`${file}: cannot be read as a Word document (${(error as Error).message}); save it again from Word as .docx, or as plain text`);
    }
  }
  if (ext === '.pdf') {
    const { getDocumentProxy } = await import('unpdf');
    let pdf;
    try {
      pdf = await getDocumentProxy(new Uint8Array(bytes));
    } catch (error) {
      throw new InputError(`${file}: cannot be read as a PDF (${(error as Error).message})`);
    }
    const pages: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      let line = '';
      let lastY: number | undefined;
      const lines: string[] = [];
      for (const item of content.items as { str?: string; hasEOL?: boolean; transform?: number[] }[]) {
        if (typeof item.str !== 'string') continue;
        const y = item.transform?.[5];
        if (lastY !== undefined && y !== undefined && Math.abs(y - lastY) > 2 && line) {
          lines.push(line);
          line = '';
        }
        line += item.str;
        if (y !== undefined) lastY = y;
        if (item.hasEOL) {
          lines.push(line);
          line = '';
        }
      }
      if (line) lines.push(line);
      pages.push(lines.join('\n'));
    }
    return pages.join('\n');
  }
  if (ext === '.doc' || ext === '.odt' || ext === '.rtf') {
    throw new InputError(`${file}: a ${ext} file cannot be read; save it as .docx, .pdf or plain text (.txt) and run again`);
  }
  throw new InputError(`${file}: expected a protocol as .docx, .pdf or .txt, got a ${ext || 'file without an extension'}`);
}
