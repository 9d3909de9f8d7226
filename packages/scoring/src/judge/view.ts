import { AnalysisCache } from '../analyse.ts';
import type { QuoteSource } from './quotes.ts';
import type { JudgeTurn } from './types.ts';

/** Stands where the judge would have read text addressed to the grader (prompts/judge.md names it). */
export const REMOVED_FOR_GRADER = '[removed: text addressed to the grader]';

/** The transcript as the judge reads it. */
export interface JudgeView {
  /** Every turn's text: interviewer turns as said, candidate turns without grader-directed text. */
  texts: string[];
  notes: string;
  /** The candidate text that is left, in pieces: the only places a quote may come from. */
  sources: QuoteSource[];
}

/**
 * Removes what the offline scorer drops as grader-directed (`graderDirected`, by sentence or whole
 * line) before the model sees the transcript, so an instruction to the grader cannot sway any
 * verdict, not only the quote it would back. What is left is cut at each removal: a quote must lie
 * within one piece, so it is verbatim in the original text and cannot straddle a removed passage.
 */
export function judgeView(
  turns: readonly JudgeTurn[],
  notes: string,
  cache: AnalysisCache = new AnalysisCache(),
): JudgeView {
  const sources: QuoteSource[] = [];
  const texts = turns.map((turn, index) => {
    if (turn.role !== 'candidate') return turn.text;
    const kept = keptPieces(turn.text, cache);
    for (const piece of kept) if (piece.trim() !== '') sources.push({ turnIndex: index, text: piece });
    return shown(kept);
  });
  let shownNotes = '';
  if (notes.trim() !== '') {
    const kept = keptPieces(notes, cache);
    for (const piece of kept) if (piece.trim() !== '') sources.push({ turnIndex: null, text: piece });
    shownNotes = shown(kept);
  }
  return { texts, notes: shownNotes, sources };
}

/** The kept pieces with the marker where each removal was. */
function shown(pieces: readonly string[]): string {
  return pieces
    .map((piece) => piece.trim())
    .join(` ${REMOVED_FOR_GRADER} `)
    .trim();
}

/** The text between grader-directed segments; an empty piece marks a removal at either end. */
function keptPieces(text: string, cache: AnalysisCache): string[] {
  const removed = cache
    .analysis(text)
    .segments.filter((segment) => segment.graderDirected !== null)
    .map((segment) => [segment.start, segment.end] as const);
  if (removed.length === 0) return [text];
  const pieces: string[] = [];
  let from = 0;
  for (const [start, end] of removed) {
    const gap = text.slice(from, start);
    // Removals with only spaces between them (the sentences of one dropped line) make one.
    if (from === 0 || gap.trim() !== '') pieces.push(gap);
    from = Math.max(from, end);
  }
  pieces.push(text.slice(from));
  return pieces;
}
