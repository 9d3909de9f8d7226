/**
 * Splits a candidate's text into the units evidence is quoted from: lines first (notes and
 * bullet lists put one idea per line), then sentences, then clauses when a sentence runs on.
 * Offsets always point into the original text, so a quote is `text.slice(start, end)` and is a
 * substring by construction. Word-level work (lemmas, stop words) is left to the shared
 * normaliser; this only finds boundaries, so each character is tokenised exactly once.
 */
import { endsUnfinished } from '@mlsd/rubric/text';
import { diagramLines } from './diagram.ts';

export interface Span {
  start: number;
  end: number;
  /** Index of the line the span sits on. */
  line: number;
  /** The line starts with a bullet or a list number. */
  bullet: boolean;
  /**
   * The sentence the span belongs to asks something: it ends in "?" or opens like a question
   * ("what is the", "do we"). A question the candidate asks never backs a point.
   */
  question: boolean;
  /**
   * A design choice put up with a rising voice ("could we maybe rank by the chance of a comment?"):
   * not a question, so it backs what it says; a mistake in it is floated, not stated.
   */
  proposed: boolean;
  /** The line is a diagram line that only names boxes (`A[Feature store] --> B[Ranker]`). */
  diagram: boolean;
}

/** Longest unit before a sentence is cut at clause boundaries; keeps quotes readable. */
const MAX_UNIT_CHARS = 360;
/** Target size of the pieces a run-on sentence is cut into. */
const CLAUSE_CHARS = 240;

/** Words before a full stop that do not end a sentence. */
const ABBREVIATION =
  /(?:^|[\s(])(?:e\.g|i\.e|vs|etc|approx|cf|incl|esp|dr|mr|mrs|ms|st|no|fig|eq|al|ca|resp|min|max|avg|est)$/i;
/** A list item: a bullet, a number or letter, or a checkbox ("[x] calibration", "- [ ] drift"). */
const BULLET = /^(?:[-*•·▪‣>]\s+(?:\[[ x✓✔]\]\s+)?|\d{1,2}[.)]\s+|[a-z][.)]\s+|\[[ x✓✔]\]\s+)/i;

/** Splits `text` into trimmed, non-empty spans. */
export function splitSpans(text: string): Span[] {
  const spans: Span[] = [];
  let line = 0;
  const lineRe = /[^\n]+/g;
  const diagrams = diagramLines(text);
  for (let m = lineRe.exec(text); m !== null; m = lineRe.exec(text), line++) {
    const bullet = BULLET.test(m[0].trimStart());
    const diagram = diagrams.has(m.index);
    for (const [start, end] of sentencesOfLine(m[0], m.index)) {
      const sentence = text.slice(start, end).trim();
      const proposed = !diagram && proposesAsQuestion(sentence);
      const question = !diagram && !proposed && isQuestion(sentence);
      for (const piece of cutLong(text, start, end)) {
        const trimmed = trim(text, piece[0], piece[1]);
        if (trimmed)
          spans.push({ start: trimmed[0], end: trimmed[1], line, bullet, question, proposed, diagram });
      }
    }
  }
  return spans;
}

/** A lead-in that may come before a question ("So, what is ...", "And do we ..."). */
const LEAD_IN = String.raw`^(?:[-*•]\s+)?(?:(?:so|and|but|also|ok|okay|then|now|like|first|next|second|finally|one more thing|quick question)[,:]?\s+)*`;
const SUBJECT = String.raw`(?:we|you|i|there|it|they|the|this|that|these|those|our|your|users?|anyone)\b`;
const AUX = '(?:is|are|was|were|do|does|did|can|could|should|would|will|shall|may|might|have|has)';
/** "Do the join in Flink" and "have the ranker ..." are orders, not questions. */
const OPENING_AUX = String.raw`(?:(?:is|are|was|were|does|did|can|could|should|would|will|shall|may|might|has)\s+${SUBJECT}|(?:do|have)\s+(?:we|you|i|there|it|they|users?|anyone)\b)`;
/**
 * Questions without a question mark, as speech-to-text writes them: an auxiliary before its subject
 * ("do we have labels"), or a wh-word followed by that inversion ("how many requests do we get",
 * "what is the budget"). "What we need is calibration" and "when the rate drops we retrain" do not
 * invert, so they stay statements.
 */
const INTERROGATIVE = new RegExp(
  `${LEAD_IN}(?:${OPENING_AUX}|whats\\s+${SUBJECT}|(?:what|which|who|where|why|how|when)(?:'s\\s+${SUBJECT}|(?:\\s+[\\w'-]+){0,5}?\\s+${AUX}\\s+${SUBJECT})|(?:what|how) about\\b)`,
  'i',
);

/**
 * "I'm not sure what the business goal is", "I don't know how we'd calibrate this": the candidate
 * says what they do not know, which asks rather than states. Unless a guess follows in the same
 * sentence ("..., but I'd guess revenue"), it backs nothing.
 */
const IGNORANCE =
  /^(?:(?:hmm+|um+|uh+|so|well|honestly|ok|okay|to be honest)[,.]?\s+)*(?:i'?m|i am)\s+not\s+(?:really\s+|quite\s+|totally\s+|entirely\s+)?(?:sure|certain|clear)\s+(?:about\s+)?(?:what|how|which|where|who|why|when|whether|if)\b|^(?:(?:hmm+|um+|uh+|so|well|honestly|ok|okay)[,.]?\s+)*(?:i\s+(?:don'?t|do not)\s+(?:really\s+)?know|no idea)\s+(?:what|how|which|where|who|why|when|whether|if)\b/i;
/** A guess or decision after the admission: the sentence then says something after all. */
const GUESS_AFTER =
  /\b(?:but|though|so i'?d|i'?d (?:guess|say|assume|go)|i (?:would|will) (?:guess|say|assume|go)|my guess|probably|i think|i'?ll assume|let'?s assume|assuming)\b/i;

/**
 * A question posed as the candidate's own yardstick: "the real test is: does the new pricing get
 * more people a car?", "the key check is whether riders come back", "success means: do more
 * orders arrive on time?". It says what the design must show, and asks the interviewer nothing.
 */
const CRITERION_POSED =
  /^(?:(?:but|so|and|then)\s+)?(?:the|our)\s+(?:(?:real|key|main|true|actual|only|big|final|ultimate|right)\s+)?(?:test|check|criterion|yardstick|bar|success criterion|measure of success)\s+(?:is|would be|will be|here is|then is)\b\s*[:,–—-]?\s*(?:whether|if|does|do|did|is|are|can|will|would|how)\b|^(?:(?:but|so|and)\s+)?(?:the )?(?:real|key|true|big) question (?:is|would be|here is)\b\s*[:,–—-]?\s*(?:whether|does|do|did|is|are|can|will|would)\b|^success (?:means|is)\s*[:,–—-]\s*(?:does|do|did|is|are|can|will)\b/i;

/**
 * Whether a sentence poses the candidate's own yardstick (see CRITERION_POSED). The interviewer
 * reads it as an answer with the same definition.
 */
export const posesCriterion = (stripped: string) => CRITERION_POSED.test(stripped);

/** What opens a question: a wh-word, an auxiliary, "any". Lead-ins of speech come before it. */
const QUESTION_OPENING =
  /^(?:(?:so|and|but|also|ok|okay|then|now|like|um|uh|hmm|wait|sorry|btw|oh|right|hi|hey|quick question|one more thing)[,:]?\s+)*(?:what|whats|what's|which|who|whose|where|why|how|when|is|are|was|were|do|does|did|can|could|should|would|will|shall|may|might|must|has|have|any|isn't|aren't|don't|doesn't|won't|wouldn't|shouldn't)\b/i;
/** A marked question this short ("peak QPS?", "latency budget?") asks, whatever its opening. */
const SHORT_QUESTION_WORDS = 4;
/**
 * "maybe xgboost?", "like a ranking thing?", "gbdt perhaps?": a short idea with a hedge is put up,
 * not asked ("like how many?" still asks).
 */
const HEDGED_PROPOSAL =
  /^(?:[-*•]\s+)?(?:(?:so|and|then|or)\s+)?(?:maybe|perhaps|probably|i guess|i think|like)\b|\b(?:maybe|perhaps|probably|i guess)\W*$/i;

/** Longest terse ask for figures ("catalog size and daily churn, peak QPS?"). */
const FIGURE_ASK_WORDS = 10;
/** What a terse ask names: a size, a rate, a budget, a deadline. */
const FIGURE_NOUN =
  /\b(?:size|sizes|budget|budgets|peak|qps|latency|p9\d|p50|rate|rates|volume|volumes|count|counts|traffic|scale|churn|limit|limits|sla|slo|deadline|throughput)\b/i;
/** A subject, an auxiliary or a verb form: the sentence says something ("we'd keep a p99 budget?"). */
const SAYS_SOMETHING =
  /\b(?:i|we|you|they|it|he|she|that|this|there|i'?[dm]|we'?[dl]|it'?s|that'?s|is|are|was|were|be|been|do|does|did|would|could|should|will|can|may|might|must|has|have|had|\w+ing|\w+ed)\b/i;

/** A question mark on a few nouns that name figures: it asks for them, whatever its opening. */
function asksForFigures(sentence: string): boolean {
  const words = sentence.replace(/^[-*•]\s+/, '').split(/\s+/);
  // "Peak 300 QPS, budget 250 ms?" puts the candidate's own figures up for a check.
  return (
    words.length <= FIGURE_ASK_WORDS &&
    FIGURE_NOUN.test(sentence) &&
    !SAYS_SOMETHING.test(sentence) &&
    !/\b\d/.test(sentence)
  );
}

/**
 * A sentence that asks. Marked with "?", it asks when it or one of its clauses opens like a
 * question; "and predict the 90th percentile instead of one number?" or "so it's basically RAG,
 * right?" states the candidate's idea with a rising voice, and counts as what they said.
 */
function isQuestion(sentence: string): boolean {
  const trimmed = sentence.trim();
  if (INTERROGATIVE.test(trimmed)) return true;
  if (IGNORANCE.test(trimmed) && !GUESS_AFTER.test(trimmed)) return true;
  if (!/\?["')\]]*$/.test(trimmed)) return false;
  // "The real test is: does the new pricing get more people a car?": the candidate's yardstick.
  if (posesCriterion(trimmed.replace(/^[-*•]\s+/, ''))) return false;
  // "- latency budget for the carousel?": a bullet's mark is no word of it, and a terse list of
  // questions asks in a word more than a sentence does ("for evaluation I think NDCG?" puts an idea up).
  const bullet = /^[-*•]\s+/.exec(trimmed);
  const shortest = SHORT_QUESTION_WORDS + (bullet ? 1 : 0);
  // "QPS peak, p99 budget for the ML part?": a terse ask for the case's figures, no verb of its own.
  if (asksForFigures(trimmed)) return true;
  if (trimmed.slice(bullet?.[0].length ?? 0).split(/\s+/).length <= shortest) {
    const hedge = HEDGED_PROPOSAL.exec(trimmed);
    return !hedge || QUESTION_OPENING.test(trimmed.slice(hedge.index + hedge[0].length).trim());
  }
  return trimmed
    .replace(/^[-*•]\s+/, '')
    .split(/[,;:(—–]|\.{3}|\s-\s/)
    .some((clause, index) => opensQuestion(clause.trim(), index > 0));
}

/**
 * A design choice put up as a question, the way a tentative candidate proposes: "could we maybe
 * frame this as ranking, predicting the chance of a few actions?", "would it make sense to give
 * comments their own tower?", "should we also have guardrails like hides?", "what if we cached
 * the drive times?", "how often should we retrain, daily maybe?". The idea is theirs and counts
 * as said. Asking what the case allows or has ("would we get labels from reports?", "can we use
 * location?", "do we have labels?") still asks.
 */
const PROPOSED = new RegExp(
  String.raw`${LEAD_IN}(?:(?:hmm+|um+|uh+|so|well|ok|okay)[,\s]+)*(?:(?:for|in|at|on|during|after|before|with) [^,?]{1,40},\s*(?:(?:hmm+|um+|uh+|so|well|ok|okay)[,\s]+)*)?(?:` +
    String.raw`(?:could|should|would|shall) we (?:maybe |perhaps |also |just |then |instead |first |not )*(?!get\b|know\b|assume\b|expect\b|care\b|worry\b|talk\b|ask\b|go\b|move\b|discuss\b|cover\b|focus\b|be\b|need\b|receive\b|see\b)[a-z]+\b` +
    String.raw`|(?:would|does|doesn'?t) it (?:make sense|be (?:reasonable|sensible|better|worth it|a good idea|smart|ok|okay|fine)) to (?!(?:also |first )?(?:ask|check with|know|clarify|confirm)\b)` +
    String.raw`|is it (?:reasonable|sensible|better|worth it|ok|okay|fine) to\b` +
    String.raw`|what if we\b|how about\b` +
    String.raw`|would (?:a |an |the |some |features? |adding |using )[^?]{3,160}\b(?:make sense|work|help|be (?:enough|reasonable|sensible|a good (?:idea|start|baseline)))\b)`,
  'i',
);
/** "how often should we retrain, daily maybe?": a question about the design, then the candidate's answer. */
const DESIGN_ASKED =
  /^(?:(?:so|and|then|ok|okay|hmm+|um+)[,\s]+)*(?:how (?:often|long|many|much|big|far|frequently)|when|which|what)\b[^?,]*\bshould (?:we|it|the|this|that)\b[^?,]*,/i;
const GUESS_CLAUSE =
  /,\s*(?:like|maybe|perhaps|probably|say|i guess|i'?d guess|i think)\b[^,?]*\?["')\]]*$|,[^,?]*\b(?:maybe|perhaps|probably|i guess|i think)\W*$/i;
const MIN_PROPOSAL_WORDS = 6;

function proposesAsQuestion(sentence: string): boolean {
  if (!/\?["')\]]*$/.test(sentence)) return false;
  if (DESIGN_ASKED.test(sentence) && GUESS_CLAUSE.test(sentence)) return true;
  return PROPOSED.test(sentence) && sentence.split(/\s+/).length >= MIN_PROPOSAL_WORDS;
}

/** Auxiliaries that open a question only before their subject ("would we", "is the model"). */
const AUXILIARY =
  /^(?:is|are|was|were|do|does|did|can|could|should|would|will|shall|may|might|must|has|have|isn't|aren't|don't|doesn't|won't|wouldn't|shouldn't)$/i;
/**
 * Words after an auxiliary that show it goes on a statement: "..., um, would probably be adding
 * synonyms to the search box?", "..., is extreme here?". A subject comes there in a question.
 */
const NO_SUBJECT = new Set(
  (
    'be been being probably maybe perhaps likely also just really definitely certainly still already ' +
    'only mostly usually always never not too very enough better worse fine ok okay good bad important ' +
    'key critical needed required possible necessary worth'
  ).split(' '),
);

/**
 * Whether a clause of a marked sentence opens like a question. A later clause opened by "like" gives
 * an example of what came before ("recall at k, like is the right document in the top 10?").
 */
function opensQuestion(clause: string, later: boolean): boolean {
  const opening = QUESTION_OPENING.exec(clause);
  if (!opening) return false;
  if (later && /^like\b/i.test(clause)) return false;
  const word =
    opening[0]
      .trim()
      .split(/[\s,:]+/)
      .at(-1) ?? '';
  if (!AUXILIARY.test(word)) return true;
  const next = clause.slice(opening[0].length).trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  return !NO_SUBJECT.has(next.replace(/\W+$/, ''));
}

function sentencesOfLine(lineText: string, offset: number): [number, number][] {
  const out: [number, number][] = [];
  let from = 0;
  const endRe = /[.!?]+["')\]]*(?=\s)/g;
  for (let m = endRe.exec(lineText); m !== null; m = endRe.exec(lineText)) {
    const before = lineText.slice(from, m.index);
    if (
      m[0].startsWith('.') &&
      m[0].length === 1 &&
      (ABBREVIATION.test(before) || /(?:^|\s)[A-Za-z]$/.test(before))
    ) {
      continue;
    }
    // "the label would be... whether they pressed tab": a trailing-off inside an unfinished clause.
    if (/^\.{2,}$/.test(m[0]) && endsUnfinished(before)) continue;
    const end = m.index + m[0].length;
    out.push([offset + from, offset + end]);
    from = end;
  }
  if (from < lineText.length) out.push([offset + from, offset + lineText.length]);
  return out;
}

/** Cuts a run-on sentence at semicolons, dashes and colons, then commas, into pieces of a readable size. */
function cutLong(text: string, start: number, end: number): [number, number][] {
  if (end - start <= MAX_UNIT_CHARS) return [[start, end]];
  const cuts: number[] = [];
  const sentence = text.slice(start, end);
  const strong = /[;:]\s+|\s+[—–-]\s+/g;
  for (let m = strong.exec(sentence); m !== null; m = strong.exec(sentence))
    cuts.push(start + m.index + m[0].length);
  const pieces = pack(start, end, cuts);
  const out: [number, number][] = [];
  for (const [s, e] of pieces) {
    if (e - s <= MAX_UNIT_CHARS) {
      out.push([s, e]);
      continue;
    }
    const commas: number[] = [];
    const piece = text.slice(s, e);
    const commaRe = /,\s+/g;
    for (let m = commaRe.exec(piece); m !== null; m = commaRe.exec(piece))
      commas.push(s + m.index + m[0].length);
    out.push(...pack(s, e, commas));
  }
  return out;
}

/** Groups the cut points so pieces are about CLAUSE_CHARS long (never cut inside a word). */
function pack(start: number, end: number, cuts: number[]): [number, number][] {
  const out: [number, number][] = [];
  let from = start;
  for (const cut of cuts) {
    if (cut - from >= CLAUSE_CHARS && end - cut >= 40) {
      out.push([from, cut]);
      from = cut;
    }
  }
  out.push([from, end]);
  return out;
}

function trim(text: string, start: number, end: number): [number, number] | null {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] ?? '')) s++;
  while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
  return e > s ? [s, e] : null;
}
