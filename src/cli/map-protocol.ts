/**
 * `protocol-check policy map-protocol <protocol .docx|.pdf|.txt>`: find the council's own
 * paragraphs for each rule. The protocol's numbered paragraphs are read, and for each rule the
 * three that say most nearly the same thing are proposed with a score and their first words
 * (see import/propose.ts). The monitoring officer confirms them one rule at a time in a
 * terminal, or takes the first proposal for every rule with --yes; the result is the
 * `council.protocol` object, with every summary left empty for them to write in their own
 * words (the policy check names each one still empty). Proposals go to stderr; the object to
 * stdout, to --out <file>, or into a policy with --into <policy.json>.
 */
import { copyFile, readFile, rename, writeFile } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import type { Readable } from 'node:stream';
import { RULES } from '../engine/rules/index.ts';
import { parseJson } from '../policy/json-syntax.ts';
import { closestMatch } from './closest.ts';
import type { CliIO } from './main.ts';
import { firstWords, numberedParagraphs } from './import/paragraphs.ts';
import { proposeParagraphs, type Proposal } from './import/propose.ts';
import { readProtocolText } from './import/protocol-text.ts';
import { InputError } from './import/text-input.ts';

export const MAP_USAGE = `Usage: protocol-check policy map-protocol <protocol .docx, .pdf or .txt> [options]

Proposes, for each rule, the paragraphs of your protocol that say the same thing, and writes
the "protocol" object of the policy with the paragraphs you confirm. Every summary is left
empty for you to write in your own words.

Options:
  --yes                    take the first proposal for every rule without asking
  --out <file>             write the protocol object to this file (default: stdout)
  --into <policy.json>     set council.protocol in this policy (the previous file is kept as .bak)
  --id <id>                the protocol's short id (default: from the file name)
  --title <title>          the protocol's title (default: its first line)
  -h, --help               this help

In a terminal each rule is asked in turn: type the numbers of the proposals to cite
(1, or 1,3), or press Enter to cite none. Without a terminal, add --yes.
`;

const OPTIONS = {
  yes: { type: 'boolean', short: 'y' },
  out: { type: 'string' },
  into: { type: 'string' },
  id: { type: 'string' },
  title: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export interface MapProtocolDeps {
  /** Where answers are read from in the interactive mode (default: the process's stdin when it is a terminal). */
  input?: Readable;
}

type ProtocolObject = { id: string; title: string; paragraphs: Record<string, { paragraph: string; summary: string; section?: string }[]> };

const slug = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|(?<!-)-+$/g, '').slice(0, 40).replace(/(?<!-)-+$/, '') || 'own-protocol';

function describe(rule: string, proposals: readonly Proposal[]): string {
  const lines = [`${rule}:`];
  if (proposals.length === 0) lines.push('  (no paragraph found)');
  proposals.forEach((p, i) => lines.push(`  ${i + 1}. ${p.paragraph.number.padEnd(7)} ${p.score.toFixed(2)}  ${firstWords(p.paragraph.text)}`));
  return lines.join('\n');
}

export async function runMapProtocol(argv: readonly string[], io: CliIO, deps: MapProtocolDeps = {}): Promise<number> {
  const say = (message: string) => io.stderr.write(`protocol-check: ${message}\n`);
  let values: { yes?: boolean; out?: string; into?: string; id?: string; title?: string; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: true }));
  } catch (error) {
    const unknown = (error as Error).message.match(/Unknown option '(-{1,2}[^']+)'/)?.[1];
    const near = unknown ? closestMatch(unknown.replace(/^-+/, ''), Object.keys(OPTIONS)) : undefined;
    say(unknown ? `there is no option ${unknown}${near ? `; did you mean --${near}?` : ''}` : (error as Error).message);
    io.stderr.write(`\n${MAP_USAGE}`);
    return 2;
  }
  if (values.help) {
    io.stdout.write(MAP_USAGE);
    return 0;
  }
  if (positionals.length !== 1) {
    say(positionals.length ? `name one protocol file, got ${positionals.length}` : 'name the protocol file, for example: protocol-check policy map-protocol protocol.docx');
    return 2;
  }
  if (values.id !== undefined && !/^[a-z0-9][a-z0-9-]{0,39}$/.test(values.id)) {
    say(`--id: expected a short id in lower case letters, digits and hyphens, such as ashcombe, got "${values.id}"`);
    return 2;
  }
  const file = positionals[0]!;
  try {
    const text = await readProtocolText(file, io.cwd);
    const paragraphs = numberedParagraphs(text);
    if (paragraphs.filter((p) => p.number.includes('.')).length < 3) {
      throw new InputError(
        `${file}: no numbered paragraphs were found (such as 7.3 at the start of a line). If the numbers are Word's automatic numbering, they are not in the document's text: save it from Word as PDF or as plain text (.txt), which keep the numbers, and run again`,
      );
    }
    const proposals = proposeParagraphs(paragraphs);
    const interactive = !values.yes && (deps.input !== undefined || (process.stdin.isTTY === true && io.stderr.isTTY === true));
    io.stderr.write(`${file}: ${paragraphs.length} numbered paragraphs. For each rule, the paragraphs that say most nearly the same (number, score, first words):\n\n`);
    const chosen = new Map<string, Proposal[]>();
    const rl = interactive ? createInterface({ input: deps.input ?? process.stdin, terminal: false }) : undefined;
    const answers = rl?.[Symbol.asyncIterator]();
    // Lines typed (or piped) ahead of the question are kept; the end of the input answers "none".
    const ask = async (question: string) => {
      io.stderr.write(question);
      const next = await answers!.next();
      io.stderr.write('\n');
      return next.done ? '' : String(next.value);
    };
    try {
      for (const rule of RULES) {
        const list = proposals.get(rule.meta.id) ?? [];
        io.stderr.write(`${describe(rule.meta.id, list)}\n`);
        if (rl && list.length) {
          for (;;) {
            const answer = (await ask(`  cite which for ${rule.meta.id}? (numbers, Enter for none) `)).trim();
            if (!answer) break;
            const picks = answer.split(/[\s,]+/).map(Number);
            if (picks.every((n) => Number.isInteger(n) && n >= 1 && n <= list.length)) {
              chosen.set(rule.meta.id, [...new Set(picks)].map((n) => list[n - 1]!));
              break;
            }
            io.stderr.write(`  expected numbers from 1 to ${list.length}, such as 1 or 1,2; got "${answer}"\n`);
          }
        } else if (values.yes && list[0]) chosen.set(rule.meta.id, [list[0]]);
        io.stderr.write('\n');
      }
    } finally {
      rl?.close();
    }
    if (!interactive && !values.yes) {
      say('nothing was written: run this in a terminal to choose the paragraphs, or add --yes to take the first proposal for every rule');
      return 0;
    }

    let policy: Record<string, unknown> | undefined;
    if (values.into) {
      const parsed = parseJson(await readFile(resolve(io.cwd, values.into), 'utf8').catch(() => {
        throw new InputError(`${values.into}: no such file`);
      }));
      if (!parsed.ok) throw new InputError(`${values.into}:${parsed.error.line}:${parsed.error.column}: the file cannot be read as JSON: ${parsed.error.message}; it was not changed`);
      if (!parsed.value || typeof parsed.value !== 'object' || Array.isArray(parsed.value)) throw new InputError(`${values.into}: expected a policy (an object with "council"); it was not changed`);
      policy = parsed.value as Record<string, unknown>;
    }
    const council = (policy?.council ?? {}) as Record<string, unknown>;
    const previous = council.protocol && typeof council.protocol === 'object' ? (council.protocol as ProtocolObject) : undefined;
    const firstLine = text.split('\n').map((l) => l.replace(/[*#_]/g, '').trim()).find((l) => l.length > 3) ?? basename(file);
    const protocol: ProtocolObject = {
      id: values.id ?? previous?.id ?? slug(basename(file, extname(file))),
      title: (values.title ?? previous?.title ?? firstLine).slice(0, 200),
      paragraphs: {},
    };
    for (const [rule, picks] of chosen) {
      protocol.paragraphs[rule] = picks.map((p) => {
        // A summary already written for this paragraph is kept.
        const kept = previous?.paragraphs?.[rule]?.find((q) => q.paragraph === p.paragraph.number)?.summary ?? '';
        return { paragraph: p.paragraph.number, summary: kept, ...(p.paragraph.section ? { section: p.paragraph.section.slice(0, 120) } : {}) };
      });
    }
    const empty = Object.values(protocol.paragraphs).flat().filter((p) => !p.summary).length;
    const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;
    if (values.into && policy) {
      policy.council = { ...council, protocol };
      const path = resolve(io.cwd, values.into);
      await copyFile(path, `${path}.bak`);
      await writeFile(`${path}.tmp`, json(policy));
      await rename(`${path}.tmp`, path);
      say(`${values.into}: council.protocol written (the previous version is ${values.into}.bak)`);
    } else if (values.out) {
      await writeFile(resolve(io.cwd, values.out), json(protocol));
      say(`${values.out} written`);
    } else io.stdout.write(json(protocol));
    say(`${chosen.size} rules cite your protocol; the others will cite other councils' protocols as good practice`);
    if (empty) say(`write a summary in your own words for each of the ${empty} paragraphs ("summary": ""); protocol-check policy validate names any left empty`);
    return 0;
  } catch (error) {
    if (error instanceof InputError) {
      say(error.message);
      return 2;
    }
    throw error;
  }
}
