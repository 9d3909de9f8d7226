import { extractTerms } from '../facts/terms.ts';
import type { TranscriptLine } from '../interviewer.ts';
import { normalize, splitSentences, stripFiller, wordCount } from './sentences.ts';

/**
 * "The second time? Nothing much, the scores are the same, so same order.", "Which parts can be
 * done ahead of time? The repo index can be precomputed; generation can't.": the interviewer's
 * question said back, then answered. People think aloud this way; read as a question of their own,
 * the message got a fact of the case, or "that isn't something I can give you", and the answer
 * after it went unheard.
 */

/** Most words of a question said back (a restatement is short). */
const RESTATEMENT_WORDS = 12;
/** Fewest words of the answer after it. */
const ANSWER_WORDS = 6;
/** Least share of the question's words of weight that the interviewer's question holds. */
const ECHO_SHARE = 0.5;

/** Whether the message opens by saying back the interviewer's last question and then answers it. */
export function restatesQuestion(text: string, transcript: readonly TranscriptLine[]): boolean {
  // The question asked is the last interviewer line but a time warning.
  const asked = transcript.findLast((line) => line.role !== 'interviewer' || line.kind !== 'warning');
  if (asked?.role !== 'interviewer') return false;
  const askedSentence = splitSentences(normalize(asked.text)).findLast((sentence) =>
    sentence.trim().endsWith('?'),
  );
  if (askedSentence === undefined) return false;
  const [first = '', ...rest] = splitSentences(normalize(text));
  const answer = rest.join(' ');
  if (!first.trim().endsWith('?') || answer.includes('?')) return false;
  if (wordCount(first) > RESTATEMENT_WORDS || wordCount(answer) < ANSWER_WORDS) return false;
  return echoes(stripFiller(first), stripFiller(askedSentence));
}

/**
 * The candidate's question says the interviewer's back: most of its words of weight (two at least)
 * are the question's, or it opens with the question's first two words ("Which parts ..." to "Which parts
 * of the work could be done before the user shows up?").
 */
function echoes(question: string, asked: string): boolean {
  const opening = (sentence: string) =>
    sentence
      .toLowerCase()
      .match(/[a-z']+/g)
      ?.slice(0, 2)
      .join(' ') ?? '';
  if (opening(question).includes(' ') && opening(question) === opening(asked)) return true;
  const terms = extractTerms(question);
  const askedTerms = new Set(extractTerms(asked));
  const shared = terms.filter((term) => askedTerms.has(term)).length;
  // One word in common is chance ("How many users?" after a question about the user).
  return shared >= 2 && shared / terms.length >= ECHO_SHARE;
}
