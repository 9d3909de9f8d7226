import type { TranscriptLine } from '../interviewer.ts';

/**
 * Where older turns are folded into a summary when the conversation outgrows its token budget.
 * Folding happens in large chunks, not every turn: once the turns after the last fold exceed
 * `budget`, the fold moves forward until they take at most `budget * keepShare`, and then stays
 * put for many turns, so the prompt's bytes (and the provider's cache) stay the same between folds.
 *
 * The answer depends only on the transcript (turns are append-only), so it is recomputed from
 * scratch on every request and always lands on the same boundaries: no per-session state.
 * Returns every boundary in order (each is the number of leading lines folded); [] when none.
 */
export function foldBoundaries(lineTokens: readonly number[], budget: number, keepShare = 0.5): number[] {
  const boundaries: number[] = [];
  let from = 0;
  let window = 0;
  for (let end = 0; end < lineTokens.length; end++) {
    window += lineTokens[end] ?? 0;
    if (window <= budget) continue;
    const target = budget * keepShare;
    // Always keep the newest two lines (the question and what it answers) in full.
    while (from < end - 1 && window > target) {
      window -= lineTokens[from] ?? 0;
      from++;
    }
    if (boundaries[boundaries.length - 1] !== from) boundaries.push(from);
  }
  return boundaries;
}

/** A summary made without the model, used when the summary request fails: first words of each turn. */
export function extractiveSummary(
  previous: string | null,
  lines: readonly TranscriptLine[],
  maxWords: number,
): string {
  const perLine = Math.max(8, Math.floor(maxWords / Math.max(1, lines.length)));
  const parts = lines.map((line) => {
    const words = line.text.split(/\s+/).filter(Boolean);
    const head = words.slice(0, perLine).join(' ');
    return `${line.role === 'interviewer' ? 'Interviewer' : 'Candidate'}: ${head}${words.length > perLine ? ' ...' : ''}`;
  });
  const text = [previous, ...parts].filter((part) => part !== null && part !== '').join('\n');
  const words = text.split(/\s+/);
  return words.length > maxWords * 2 ? `... ${words.slice(-maxWords * 2).join(' ')}` : text;
}
