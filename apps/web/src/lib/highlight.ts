/** A run of text, marked when it lies inside one or more evidence quotes. */
export interface Segment {
  text: string;
  marks: string[];
}

export interface Quote {
  id: string;
  quote: string;
}

/** Splits `text` around the quotes it contains (exact match first, then ignoring case); overlaps merge. */
export function highlightSegments(text: string, quotes: Quote[]): Segment[] {
  const ranges: { start: number; end: number; id: string }[] = [];
  const lower = text.toLowerCase();
  for (const { id, quote } of quotes) {
    const q = quote.trim();
    if (!q) continue;
    let start = text.indexOf(q);
    if (start < 0) start = lower.indexOf(q.toLowerCase());
    if (start >= 0) ranges.push({ start, end: start + q.length, id });
  }
  if (ranges.length === 0) return text ? [{ text, marks: [] }] : [];

  const cuts = new Set([0, text.length]);
  for (const r of ranges) {
    cuts.add(r.start);
    cuts.add(r.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    if (end <= start) continue;
    const marks = ranges.filter((r) => r.start <= start && r.end >= end).map((r) => r.id);
    const last = segments.at(-1);
    if (last && sameMarks(last.marks, marks)) last.text += text.slice(start, end);
    else segments.push({ text: text.slice(start, end), marks });
  }
  return segments;
}

function sameMarks(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
