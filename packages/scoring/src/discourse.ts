import type { Polarity, Segment } from './analysis-types.ts';
import {
  ATTRIBUTION_HOLDERS,
  ATTRIBUTION_QUANTIFIERS,
  ATTRIBUTION_VERBS,
  CONCESSIVE_OPENERS,
  CRITICS,
  DISMISS,
  NEGATORS,
  OPENING_HOLDERS,
  PROPOSAL_HEADS,
  PROPOSAL_NOUNS,
  SUBJECT_PRONOUNS,
} from './polarity-words.ts';
import type { Token } from './words.ts';

/**
 * Stance read beyond the clause that names an idea: who holds it ("some people use X, but ..."),
 * a "but" that judges it ("X is easier, but aims at the wrong thing"), and a next sentence that
 * dismisses it by pronoun ("That's overkill here.").
 */

/**
 * A sentence that dismisses the one before it by pronoun: "We could add calibration. That's
 * overkill here." Its ideas are then rejected too. Only a verdict on the whole idea counts, not a
 * property of it ("It doesn't care about the base rate" says what AUC does).
 */
export function dismissesPrevious(segment: Segment): boolean {
  const { tokens } = segment;
  // "hmm, actually scrap that — ...": the sentence before is taken back.
  if (retractsAt(tokens, 0)) return true;
  let i = 0;
  if (CONCESSIVE_OPENERS.has(tokens[i]?.lemma ?? '')) i++;
  if (!['it', 'that', 'this', 'those', 'these', 'both'].includes(tokens[i]?.lemma ?? '')) return false;
  const clause = tokens[i]?.clause;
  for (let j = i + 1; j < Math.min(tokens.length, i + 6) && tokens[j]?.clause === clause; j++) {
    const lemma = tokens[j]?.lemma ?? '';
    if (DISMISS.has(lemma)) return true;
    if (NEGATORS.has(lemma) && [tokens[j + 1], tokens[j + 2]].some((t) => VERDICTS.has(t?.lemma ?? '')))
      return true;
  }
  return false;
}

/** Negated, these judge a whole idea: "that's not needed", "it isn't worth it", "that doesn't matter". */
const VERDICTS = new Set([
  'need',
  'needed',
  'necessary',
  'worth',
  'required',
  'matter',
  'useful',
  'helpful',
  'important',
]);

/** The next clause opens with "but" and criticises (a mistake) or dismisses (an idea). */
export function turnJudges(tokens: readonly Token[], to: number, lenient: boolean): boolean {
  const next = tokens[to + 1];
  if (!next || !(next.lemma === 'but' || next.lemma === 'however' || next.lemma === 'yet')) return false;
  for (let j = to + 2; j < tokens.length && tokens[j]?.clause === next.clause; j++) {
    const lemma = tokens[j]?.lemma ?? '';
    if (SUBJECT_PRONOUNS.has(lemma)) return false; // "..., but we use Y": a new subject, not a verdict
    if (DISMISS.has(lemma) || (!lenient && CRITICS.has(lemma))) return true;
  }
  return false;
}

/**
 * "Some people use SMOTE, but ..." puts the idea in other mouths and turns from it: rejected.
 * Without the turn it is still not the candidate's proposal: hedged. "The textbook answer is X"
 * is rejected only when a "but" follows; on its own it often endorses X.
 */
export function attribution(segment: Segment, clause: number): Polarity | null {
  const words = segment.tokens.filter((token) => token.clause === clause).map((token) => token.lemma);
  const turns = segment.tokens.some(
    (token, i) =>
      token.clause > clause &&
      segment.tokens[i - 1]?.clause !== token.clause &&
      CONCESSIVE_OPENERS.has(token.lemma),
  );
  // Someone else's choice: a holder ("some people", "others") and what they do with it ("use").
  const holder = words.findIndex(
    (lemma, i) =>
      (i === words.findIndex((word) => word !== 'the') && OPENING_HOLDERS.has(lemma)) ||
      (ATTRIBUTION_HOLDERS.has(lemma) &&
        words.slice(Math.max(0, i - 2), i).some((w) => ATTRIBUTION_QUANTIFIERS.has(w))),
  );
  // "I've seen teams just optimize CTR and end up with clickbait": what others were seen doing is
  // a story, not the plan; told with where it led, a warning against it.
  const seen = words.findIndex(
    (lemma, i) =>
      ATTRIBUTION_HOLDERS.has(lemma) && words.slice(Math.max(0, i - 2), i).some((w) => SEEN.has(w)),
  );
  if (seen !== -1)
    return words.slice(seen + 1).some((lemma, i, after) => BAD_ENDS.has(`${lemma} ${after[i + 1]}`))
      ? 'rejected'
      : 'hedged';
  // With a turn ("..., but we ...") any holder is enough; without one, only an opinion or a choice
  // is someone else's ("many people opt out of tracking" is a fact about users, not a proposal).
  if (holder !== -1 && turns) return 'rejected';
  if (holder !== -1 && words.slice(holder + 1, holder + 5).some((lemma) => ATTRIBUTION_VERBS.has(lemma)))
    return 'hedged';
  const proposal = words.some(
    (lemma, i) =>
      PROPOSAL_HEADS.has(lemma) && words.slice(i + 1, i + 3).some((next) => PROPOSAL_NOUNS.has(next)),
  );
  return proposal && turns ? 'rejected' : null;
}

/** "I've seen teams ...", "I watched companies ...", "I know teams that ...": others' practice, told. */
const SEEN = new Set(['see', 'watch', 'know']);
/** Where a practice told of led: "... and end up with clickbait", "... and get burned". */
const BAD_ENDS = new Set(['end up', 'get burn', 'regret it', 'pay for']);

/** Words that can lead into a retraction: "hmm, wait, actually scrap that", "but actually no". */
const RETRACTION_LEADS = new Set([
  'hmm',
  'um',
  'uh',
  'oh',
  'ok',
  'okay',
  'so',
  'well',
  'sorry',
  'wait',
  'but',
  'and',
  'hold',
  'on',
]);
/** What "scrap" and its kin take back when their object is a pronoun: "scrap that", "forget it". */
const RETRACTING_VERBS = new Set(['scrap', 'scratch', 'strike', 'forget']);
const RETRACTED = new Set(['that', 'this', 'it']);

/**
 * Whether a clause starting at `from` takes back what was just said: "actually no", "scrap that",
 * "scratch that", "forget it", "never mind", "I take that back", "on second thought", "no wait".
 */
export function retractsAt(tokens: readonly Token[], from: number): boolean {
  const clause = tokens[from]?.clause;
  let i = from;
  while (RETRACTION_LEADS.has(tokens[i]?.lemma ?? '') && tokens[i]?.clause === clause) i++;
  const word = (k: number) => tokens[i + k]?.lemma ?? '';
  if (word(0) === 'actually') {
    // "actually no" on its own, or "actually scrap that".
    if (word(1) === 'no' && tokens[i + 2]?.clause !== tokens[i + 1]?.clause) return true;
    i++;
  }
  if (word(0) === 'no' && word(1) === 'wait') return true;
  if (RETRACTING_VERBS.has(word(0)) && RETRACTED.has(word(1))) return true;
  if (word(0) === 'never' && word(1) === 'mind') return true;
  if (word(0) === 'i' && word(1) === 'take' && RETRACTED.has(word(2)) && word(3) === 'back') return true;
  return word(0) === 'second' && word(1) === 'thought' && tokens[i - 1]?.lemma === 'on';
}

/** "…matrix factorization — actually no, scrap that, …": an idea taken back in the same breath. */
export function retractedAfter(tokens: readonly Token[], to: number): boolean {
  for (let j = to + 1; j < tokens.length; j++)
    if (tokens[j]?.clause !== tokens[j - 1]?.clause && retractsAt(tokens, j)) return true;
  return false;
}

/**
 * "Actually, scrap that, new videos would wait up to a day": after a retraction in the same
 * sentence, words with no "we" or "I" doing anything give the reason the old plan goes. A mistake named
 * there is what the candidate is dropping; "scrap that, we'll just rebuild daily" still proposes.
 */
export function reasonAfterRetraction(tokens: readonly Token[], from: number, to: number): boolean {
  let at = -1;
  for (let j = 0; j < from && at === -1; j++)
    if ((j === 0 || tokens[j]?.clause !== tokens[j - 1]?.clause) && retractsAt(tokens, j)) at = j;
  if (at === -1) return false;
  for (let j = at + 1; j <= to; j++) if (PLANNERS.has(tokens[j]?.lemma ?? '')) return false;
  return true;
}
const PLANNERS = new Set(['we', 'i', "we'll", "i'll", "we'd", "i'd", 'let']);

/** In the clause naming an idea: it is raised as a possibility or a worry, not proposed. */
const RAISED = new Set(['could', 'might', 'may', 'concern', 'worry', 'risk', 'mind', 'tempting']);
/** Where the sentence turns: what follows judges what was raised. */
const TURNS = new Set(['but', 'though', 'however', 'although']);
/**
 * A wave of the hand, on lemmas: "that's not needed", "I wouldn't bother", "we can skip it", "it's
 * good enough", "it's simpler to ...", "I'd assume the contract covers it", "they aren't attackers".
 */
const WAVED_AWAY =
  /\b(?:not (?:really )?(?:need|needed|necessary|worth|required|matter|a (?:big |real |major |huge )?(?:issue|concern|problem|deal|risk|priority))|no (?:need|point)|(?:would|will|do) not (?:bother|worry|build much|do much|spend|invest)|skip|good enough|overkill|unnecessary|be (?:fine|ok|okay) (?:here|for now|for v1|at first)|be simple to|assume (?:\S+ ){0,6}(?:cover|handle|take care)|be not (?:a |an )?(?:attacker|threat|problem|issue|concern|risk))\b/;
/** Before the wave, the turn takes the worry up instead: "..., but we cache the embeddings, so it's fine". */
const TAKEN_UP =
  /\b(?:(?:we|i) (?:can |could |will |would |should |do |also |still |just )*(?!assume|think|say|guess|bother|skip|need|worry|be\b|not\b|know|expect|believe|feel|doubt|would|will|can|could|should|do\b)[a-z]+|with|thanks to|as long as)\b/;

/**
 * "Duplicates could confuse retrieval, but honestly the retriever will just pick the best one, so I
 * wouldn't bother deduplicating", "prompt injection is a concern, but our employees aren't
 * attackers": an idea or a worry raised as a possibility, then waved away after the turn. The
 * candidate does not take it up (an idea earns nothing; a mistake raised so is not made). A turn
 * that takes it up first ("..., but we cache the embeddings, so it's fine") keeps it.
 */
export function raisedThenDismissed(tokens: readonly Token[], from: number, first: number): boolean {
  // The turn comes after the idea's first word (its words may go on past it: "residency could be a
  // concern, but I'd assume the contract covers it" names residency on both sides).
  const turn = tokens.findIndex((token, i) => i > first && TURNS.has(token.lemma));
  if (turn === -1) return false;
  // Raised, from the idea's clause to the turn: "for permissions, we could filter inside retrieval".
  if (!tokens.slice(from, turn).some((token) => RAISED.has(token.lemma))) return false;
  const rest = tokens
    .slice(turn + 1)
    .map((token) => token.lemma)
    .join(' ');
  const waved = WAVED_AWAY.exec(rest);
  if (!waved) return false;
  return !TAKEN_UP.test(rest.slice(0, waved.index));
}
