/** `--explain <rule-id>`: print the rule's user page from docs/rules/, as plain text for a terminal. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RULE_IDS } from '../engine/types.ts';
import { closestMatch } from './closest.ts';

export type ExplainOutcome = { ok: true; text: string } | { ok: false; message: string };

const WIDTH = 78;

/** Inline Markdown to words: code spans, emphasis and links lose their marks (a web link keeps its address). */
function inline(text: string): string {
  return text
    .replace(/\[([^[\]]+)\]\(([^()\s]+)\)/g, (_, words: string, href: string) => (/^https?:/.test(href) ? `${words} (${href})` : words))
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/(^|[\s(])[*_]([^*_\s][^*_]*)[*_](?=[\s.,;:)!?]|$)/g, '$1$2');
}

/** Wrap words to the width, each line starting with `first` (then `rest`). */
function wrap(text: string, first: string, rest: string): string[] {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (!empty && line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = rest + word;
    } else {
      line += (empty ? '' : ' ') + word;
    }
    empty = false;
  }
  if (!empty) lines.push(line);
  return lines;
}

/**
 * The rule pages' Markdown as plain text: the title and headings as lines of their own, paragraphs
 * wrapped, bullets as "•", table rows as "cell: cell", code blocks indented. Enough for the pages
 * in docs/rules, which are written for people, not for a Markdown viewer.
 */
export function markdownToText(markdown: string): string {
  const out: string[] = [];
  const blank = () => {
    if (out.length && out[out.length - 1] !== '') out.push('');
  };
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length) out.push(...wrap(inline(paragraph.join(' ')), '', ''));
    paragraph = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fence = /^```/.test(line);
    if (fence) {
      flush();
      blank();
      for (i += 1; i < lines.length && !/^```/.test(lines[i]!); i++) out.push(`    ${lines[i]}`);
      blank();
      continue;
    }
    const heading = /^(#{1,6})\s(.*)$/.exec(line);
    if (heading) {
      flush();
      blank();
      const words = inline(heading[2]!.trim());
      out.push(words);
      if (heading[1] === '#') out.push('');
      continue;
    }
    const bullet = /^([ \t]*)[-*]\s(.*)$/.exec(line);
    if (bullet) {
      flush();
      let words = bullet[2]!.trim();
      while (i + 1 < lines.length && /^\s{2,}\S/.test(lines[i + 1]!) && !/^\s*[-*]\s/.test(lines[i + 1]!)) words += ` ${lines[++i]!.trim()}`;
      const indent = bullet[1]!.length ? '    ' : '  ';
      out.push(...wrap(inline(words), `${indent}• `, `${indent}  `));
      continue;
    }
    if (/^\|/.test(line)) {
      flush();
      if (/^\|[\s|:-]+\|?$/.test(line)) continue;
      const cells = line.replace(/^\||\|$/g, '').split('|').map((c) => inline(c.trim()));
      out.push(...wrap(cells.join(': '), '  ', '    '));
      continue;
    }
    if (!line.trim()) {
      flush();
      blank();
      continue;
    }
    paragraph.push(line.trim());
  }
  flush();
  while (out.length && out[out.length - 1] === '') out.pop();
  return `${out.join('\n')}\n`;
}

export async function explainRule(id: string, docsDir: string): Promise<ExplainOutcome> {
  if (!(RULE_IDS as readonly string[]).includes(id)) {
    const suggestion = closestMatch(id, RULE_IDS);
    return {
      ok: false,
      message: `there is no rule called "${id}".${suggestion ? ` Did you mean ${suggestion}?` : ''} The rules are: ${RULE_IDS.join(', ')}.`,
    };
  }
  let markdown: string;
  try {
    markdown = await readFile(join(docsDir, `${id}.md`), 'utf8');
  } catch {
    return { ok: false, message: `the rule ${id} has no documentation yet: docs/rules/${id}.md is missing` };
  }
  return { ok: true, text: markdownToText(markdown) };
}

/** Every rule page that exists, for SARIF's rule help. */
export async function readRuleDocs(docsDir: string): Promise<Map<string, string>> {
  const docs = new Map<string, string>();
  await Promise.all(
    RULE_IDS.map(async (id) => {
      try {
        docs.set(id, await readFile(join(docsDir, `${id}.md`), 'utf8'));
      } catch {
        // No page yet: SARIF falls back on the rule's one-line description.
      }
    }),
  );
  return docs;
}
