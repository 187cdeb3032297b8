/**
 * The numbered paragraphs of a protocol: every line that starts with a paragraph number (7, 7.3,
 * 13.2.1, printed "7.3.", "- 7.3", "**7.3**" or alone on its line) opens a paragraph that runs to
 * the next one. A paragraph keeps the title of the section it sits in, so that "Correspondence"
 * counts for 13.2.1. A number seen again (a table of contents, then the text) is one paragraph.
 */

export interface Paragraph {
  /** The number as printed, without a trailing full stop: "7.3". */
  number: string;
  /** The paragraph's text, whitespace folded. */
  text: string;
  /** The title of its section ("Correspondence"), when the section has one. */
  section?: string;
}

const NUMBERED = /^\s*(?:[-*•]\s+)?(?:#+\s*)?(?:\*\*)?\(?(\d{1,3}(?:\.\d{1,3}){0,3})\.?\)?(?:\*\*)?(?=\s|$)(.*)$/;

export function numberedParagraphs(text: string): Paragraph[] {
  const byNumber = new Map<string, Paragraph>();
  const order: Paragraph[] = [];
  let current: Paragraph | undefined;
  const sections = new Map<string, string>();
  for (const raw of text.replace(/\r\n?/g, '\n').replace(/~~/g, '').split('\n')) {
    const m = raw.match(NUMBERED);
    const rest = m?.[2]?.replace(/\*\*/g, '').trim() ?? '';
    // A whole number opens a section only when a title or nothing follows ("7 Correspondence", "7"),
    // not a sentence that happens to start with a number ("10 working days…").
    const plausible = m && (m[1]!.includes('.') || rest === '' || /^[A-Z(]/.test(rest));
    if (m && plausible) {
      const number = m[1]!;
      let p = byNumber.get(number);
      if (!p) {
        p = { number, text: '' };
        byNumber.set(number, p);
        order.push(p);
      }
      current = p;
      if (!number.includes('.') && rest && rest.length < 90) sections.set(number, rest.replace(/[*#_]/g, '').trim());
      if (rest) p.text += ` ${rest}`;
      continue;
    }
    if (current && raw.trim()) current.text += ` ${raw.trim()}`;
  }
  for (const p of order) {
    p.text = p.text.replace(/[*_#]+/g, ' ').replace(/\s+/g, ' ').trim();
    const section = sections.get(p.number.split('.')[0]!);
    if (section && p.number.includes('.')) p.section = section;
  }
  return order.filter((p) => p.text.length > 0);
}

/** The first words of a paragraph, for the monitoring officer to recognise it. */
export function firstWords(text: string, count = 12): string {
  const words = text.split(/\s+/);
  return words.length > count ? `${words.slice(0, count).join(' ')} …` : text;
}
