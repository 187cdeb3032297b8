/**
 * A council's controversial topics (policy `controversialTopics`, written by the monitoring
 * officer as short noun phrases: "Kettlebridge leisure centre closure") found in the draft when
 * the words come in another order or form: "the proposal to close Kettlebridge leisure centre".
 *
 * A topic is found in one sentence of the writer's own text when every content word of the topic
 * (four letters or more) stands in that sentence in some form: a crude stem (the word less a
 * common ending) that equals, or begins, the draft's stem. Nothing is built from policy text but
 * sets of short strings; the draft's tokens are read once per topic set.
 */
import type { Span } from '../text.ts';
import type { TextModel } from '../text-model/model.ts';

// structural: word endings, not vocabulary. "closure", "closing", "closed" → "clos".
const ENDING = /(?:ures?|ings?|ions?|ed|es|s|e)$/;

function stem(word: string): string {
  const w = word.toLowerCase().replace(/ies$/, 'y');
  const s = w.replace(ENDING, '');
  return s.length >= 3 ? s : w;
}

function sameStem(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 4 && long.startsWith(short);
}

/** The content words of a topic, stemmed; empty when it has none (then only exact matching applies). */
export function topicStems(topic: string): string[] {
  return topic
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 4)
    .map(stem);
}

/** The first sentence of the writer's own text holding every content word of a topic, as the span from its first to its last such word. */
export function findTopicInSentences(model: TextModel, topics: readonly string[]): (Span & { topic: string }) | undefined {
  const wanted = topics.map((t) => ({ topic: t, stems: topicStems(t) })).filter((t) => t.stems.length >= 2);
  if (!wanted.length) return undefined;
  for (const s of model.sentences) {
    if (s.region === 'quoted') continue;
    const words: { stem: string; start: number; end: number }[] = [];
    for (let k = s.first; k < s.last; k++) {
      const t = model.tokens[k]!;
      if (t.kind === 'word' && t.norm.length >= 3) words.push({ stem: stem(t.norm), start: t.start, end: t.end });
    }
    for (const { topic, stems } of wanted) {
      let start = Infinity;
      let end = -1;
      const all = stems.every((st) => {
        const w = words.find((x) => sameStem(x.stem, st));
        if (!w) return false;
        start = Math.min(start, w.start);
        end = Math.max(end, w.end);
        return true;
      });
      if (all && end - start <= 200) return { start, end, topic };
    }
  }
  return undefined;
}
