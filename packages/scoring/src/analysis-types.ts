import type { GraderDirectedKind } from './grader-directed.ts';
import type { Token } from './words.ts';

/**
 * The shapes of analysed candidate text, apart from the code that builds and reads them. They sit
 * in this leaf file (importing nothing that imports them back) so that `analyse.ts`, `polarity.ts`,
 * `discourse.ts`, `signals.ts` and `flags.ts` can share them without import cycles.
 */

/** One sentence (or line, or clause) of candidate text with what the scorer needs to know about it. */
export interface Segment {
  start: number;
  end: number;
  line: number;
  bullet: boolean;
  /** The sentence asks something; it never backs a point or fires a red flag. */
  question: boolean;
  /** A design choice put up as a question: it backs points, and a mistake in it is only floated. */
  proposed?: boolean;
  /** A diagram line that only names boxes; it never backs a point or fires a red flag. */
  diagram: boolean;
  /** A counterfactual ("if we had labels we could..."): the candidate is not proposing it. */
  hypothetical: boolean;
  /** Every word, stop words included, in order. */
  tokens: Token[];
  /** For each entry of `content`, its index in `tokens`. */
  contentAt: number[];
  /** Content lemmas in order (stop words dropped). */
  content: string[];
  contentSet: Set<string>;
  /**
   * Where each lemma occurs among `content`, including the technical terms plain words stand for
   * ("chance" also sits at its position as "probability"). Used to find rubric signals.
   */
  positions: Map<string, number[]>;
  /** Bit set of `Cue` (`analyse.ts`). */
  cues: number;
  /** List separators (commas, semicolons, slashes) in the raw text. */
  separators: number;
  /**
   * Comma- or semicolon-separated items of the raw text, and how many of them carry a figure or a
   * relation ("~200 edges/viewer", "2 heads -> product", "deg > thresh"): a design note, not a list
   * of names.
   */
  items: number;
  specificItems: number;
  /** Set when the unit is written at the grader; it then earns nothing. */
  graderDirected: GraderDirectedKind | null;
}

export interface Analysis {
  text: string;
  segments: Segment[];
}

/** Whether the candidate asserts an idea they name, hedges it, or names it to reject it (`polarity.ts`). */
export type Polarity = 'asserted' | 'hedged' | 'rejected';
