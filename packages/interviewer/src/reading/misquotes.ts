import type { CaseStudy } from '@mlsd/rubric';
import { extractTerms } from '../facts/terms.ts';
import { factIndexFor } from '../facts.ts';
import { clauses, type Figure, figuresIn, LATENCY_WORDS } from './figures.ts';
import { spellOut } from './vocabulary.ts';

/**
 * "Since fraud is about 5% of transactions, ...", when the case says 0.08%: a figure of the case
 * stated wrongly, as a given the candidate builds on. A human interviewer corrects it at once; left
 * alone, the rest of the design is sized on it. Only figures stated as how things are count: a
 * design choice ("hold out 10% of users", "retrieve the top 1,000 videos", "give the model 30 ms")
 * names a number of the candidate's own, and a figure the case has anywhere near what was said is
 * never corrected.
 */
export interface Misquote {
  factId: string;
  /** The candidate's figure as written ("5%", "10M users"). */
  said: string;
  /** The fact's sentence that holds the case's figure. */
  sentence: string;
}

/**
 * The case's sentences are written out in full, one figure's subject to a clause ("About 0.08% of
 * transactions by count are fraud attempts"): the whole clause says what its figures are about.
 */
const CASE_NEAR_WORDS = Number.POSITIVE_INFINITY;

/** How far apart the two figures must be before a correction is worth an interruption. */
const WRONG_RATIO = 3;
/** A share this many points off, and this many times, is wrong too. */
const SHARE_POINTS = 15;
const SHARE_RATIO = 1.8;
/** A latency said this much above the case's largest is a budget the design does not have. */
const LATENCY_RATIO = 1.5;
/** A figure of the case this close to what was said means the candidate quoted that one. */
const CLOSE_RATIO = 1.6;

/**
 * A clause that plans rather than states: "we'd hold out 10%", "let's retrieve the top 1,000",
 * "reduce latency by 20%", "at most 50 ms". Its figures are the candidate's choices.
 */
const PLANS =
  /\b(?:i|we|you)(?:'d|'ll| would| will| could| can| should| might| may| want| need| plan| propose| aim| target| pick| choose| keep| use| send| route| sample| retrieve| return| show| take| give| allocate| reserve| leave| spend| budget| cap| limit| hold| split| train| serve| score| rank)\b|\blet'?s\b|\b(?:hold(?:ing)? out|holdout|sampl(?:e|ing)|downsampl|upsampl|treatment|control group|a\/b|ab test|experiment|rollout|roll out|ramp|canary|top|bottom|first|last|best|lift|improv|increas|reduc|decreas|cut|drop|boost|rais|lower|threshold|target|goal|at least|at most|up to|no more than|fewer than|less than|more than|under|below|above|within|leav|left|remaining|split|each|per (?:request|user|query|item|stage|call)|candidates?|shortlist|batch|window|sla of|budget for|for the model|for ranking|for retrieval|for scoring|of (?:that|the|those|them|it)|would|could|should|might|if|maybe|perhaps|probably|say|e\.g|like|example|for instance)/i;

/** "Assume 10M users", "assuming about 5% fraud": an assumption of a figure the case has. */
const ASSUMES =
  /\b(?:assum(?:e|ing|ption)|given (?:that )?|since|because|with (?:about |around |roughly |only |~)?\s*(?:\d|(?:a full|a whole|half a|one|two|a) seconds?\b))/i;

/** A clause that states the figure as a given: "we have", "there are", "X is N%". */
const STATES =
  /\b(?:we have|we've got|we get|we see|we process|we handle|we serve|there (?:are|is|'s|were)|there're|(?:is|are|was|were|'s|'re) (?:about|around|roughly|approximately|only|just|like|nearly|almost|~)?\s*(?=[\d~])|(?:has|have|had) (?:about|around|roughly|approximately|~)?\s*(?=\d)|(?:about|around|roughly|approximately|~)\s*\d[^.]{0,40}\b(?:are|is|of)\b|\d+(?:\.\d+)?\s*%\s*of\b|\brate of\b|\d+(?:\.\d+)?\s*%\s*(?:[\w-]+\s+)?(?:rate|base rate|positive rate|of (?:all|our|the))\b)/i;

/** "ok so to recap: roughly 250 million auths a day, 100ms to score": what was given, said back. */
const RECAP =
  /\b(?:to recap|recap(?:ping)?|to sum (?:it )?up|summing up|in summary|to summari[sz]e|so far we have|so what we know)\b/i;

/** Whether a clause states its figures as how the case is (`recap`: its sentence says the givens back). */
function statesAsGiven(clause: string, recap = false): boolean {
  if (!recap && !ASSUMES.test(clause) && !STATES.test(clause)) return false;
  return !PLANS.test(clause.replace(ASSUMING, ' '));
}

const ASKED =
  /^\W*(?:(?:so|ok|okay|and|but|hmm+|um+)[,\s]+)*(?:can|could|may|should|shall|do|does|did|is|are|was|were|would|will|am|have|has)\s+(?:i|we|you|it|there|that|this|they)\b/i;

/** "I'll assume", "let's say": how an assumption is put, which plans nothing. */
const ASSUMING =
  /\b(?:(?:i|we)(?:'d|'ll| would| will| can)? (?:assume|say|guess)|let'?s (?:assume|say)|assuming|(?:i'?m|we'?re) (?:going with|assuming))\b/gi;

/** Terms too common to tie two figures to one subject. */
const GENERIC = new Set([
  '~amount',
  '~scale',
  '~rate',
  '~time',
  '~existing',
  '~day',
  '~month',
  '~week',
  '~year',
  'averag',
  'million',
  'billion',
  'thousand',
  'about',
  'around',
  'roughly',
  // The verbs that state a figure as given ("we process 25M a day") say nothing of its subject.
  'process',
  'handl',
  'serv',
  'see',
]);

const shared = (a: ReadonlySet<string>, b: ReadonlySet<string>) =>
  [...a].filter((term) => b.has(term) && !GENERIC.has(term)).length;

interface CaseFigure extends Figure {
  factId: string;
  sentence: string;
  /** Terms of the whole sentence. */
  terms: Set<string>;
}

const caseFigures = new WeakMap<CaseStudy, CaseFigure[]>();

function figuresOfCase(caseStudy: CaseStudy): CaseFigure[] {
  const cached = caseFigures.get(caseStudy);
  if (cached) return cached;
  const figures = caseStudy.facts.flatMap((fact) =>
    fact.answer.split(/(?<=[.!?])\s+(?=[A-Z"])/).flatMap((sentence) => {
      // The fact's cues name its subject in the words candidates use ("corpus" for "documents").
      const terms = new Set([...extractTerms(sentence), ...fact.cues.flatMap(extractTerms)]);
      return figuresIn(sentence, CASE_NEAR_WORDS).map((figure) => ({
        ...figure,
        factId: fact.id,
        sentence,
        terms,
      }));
    }),
  );
  caseFigures.set(caseStudy, figures);
  return figures;
}

/**
 * Whether a figure of the case may be about what the candidate's figure is about: its sentence holds
 * a word of those around the candidate's. A figure of the case this loosely related and close to the
 * one said means the candidate may have quoted it in other words ("99% of clicks land by then" for
 * "99% within 30 minutes"); a correction then would be wrong, and silence costs little.
 */
function mayShareSubject(said: Figure, known: CaseFigure): boolean {
  if (said.kind !== known.kind) return false;
  return shared(new Set([...said.noun, ...said.near]), known.terms) > 0;
}

/** Every word around the candidate's figure is in the case's sentence. */
function withinSentence(said: Figure, known: CaseFigure): boolean {
  return [...said.near].every((term) => GENERIC.has(term) || known.terms.has(term));
}

/**
 * Whether a figure of the case is about what the candidate's figure is about: the same kind, and
 * every word around the candidate's figure is in the case's sentence ("only 5% of searches end in a
 * purchase" is not about "35% of searches end without a click"). A count also counts the same
 * thing over the same period.
 */
function sameSubject(said: Figure, known: CaseFigure): boolean {
  if (said.kind !== known.kind || !withinSentence(said, known)) return false;
  if (said.kind === 'count') return said.per === known.per && shared(said.noun, known.noun) > 0;
  // A share names its subject near the figure on both sides, or twice over in the case's words.
  return shared(said.near, known.near) > 0 || shared(said.near, known.terms) > 1;
}

/** A clause that works a figure out: "that's", "which is", "so about", "=", "x". */
const DERIVED =
  /\b(?:that'?s|that is|which is|which means|this is|so (?:about|around|roughly|~)|i\.e|works out|comes to|means|gives|total(?:s|ling)?)\b|[=×*]|\d\s*x\s*\d/i;

/**
 * How much a case figure shares with the candidate's: the thing counted first, then how much their
 * clauses have in common ("the business allows us to decline about 5%" is about "the business wants
 * fraud declines at or below 0.5%", not "together they decline 0.6%").
 */
const closeness = (said: Figure, known: Figure) => {
  const common = shared(said.clause, known.clause);
  const all = new Set([...said.clause, ...known.clause]).size;
  return 10 * shared(said.noun, known.noun) + (all === 0 ? 0 : common / all);
};

const ratio = (a: number, b: number) => (a > b ? a / b : b / a);

/**
 * Far enough from the case's figure to be worth correcting: three times off, or for a share 15
 * points and nearly twice off ("20% of invitations are accepted" against 45%); a latency half as
 * much again as the case's.
 */
function farOff(said: Figure, known: Figure): boolean {
  if (known.kind === 'latency') return said.value >= known.value * LATENCY_RATIO;
  const times = ratio(known.value, said.value);
  if (times >= WRONG_RATIO) return true;
  return (
    known.kind === 'percent' && Math.abs(known.value - said.value) >= SHARE_POINTS && times >= SHARE_RATIO
  );
}

/**
 * The case's figures the message states wrongly, one per fact: a figure stated as a given whose
 * subject a fact's figure shares, far from it, with no figure of the case on that subject near it.
 */
export function misquotedFigures(caseStudy: CaseStudy, text: string): Misquote[] {
  const known = figuresOfCase(caseStudy);
  if (known.length === 0 || !/\d|second/i.test(text)) return [];
  const found = new Map<string, Misquote>();
  for (const sentence of spellOut(text).split(/(?<=[.!?])\s+/)) {
    // "can I assume we have 50 million users": asked, however it ends.
    if (/\?\s*$/.test(sentence) || ASKED.test(sentence)) continue;
    const recap = RECAP.test(sentence);
    for (const clause of clauses(sentence)) {
      // "1% of traffic is 4M searches a day", "that's 5B requests": a figure worked out from
      // another is the candidate's arithmetic, right or wrong, not a fact misremembered.
      if (!statesAsGiven(clause, recap) || DERIVED.test(clause)) continue;
      const figures = figuresIn(clause);
      if (figures.length !== 1) continue;
      for (const said of figures) {
        if (said.value === 0) continue;
        if (
          known.some(
            (figure) => mayShareSubject(said, figure) && ratio(figure.value, said.value) < CLOSE_RATIO,
          )
        )
          continue;
        // A latency budget is corrected only above every latency the case gives: a smaller figure
        // is a share of the budget the candidate chose ("give the model 30 ms").
        const about =
          said.kind === 'latency'
            ? known.filter((figure) => figure.kind === 'latency')
            : known.filter((figure) => sameSubject(said, figure));
        if (about.length === 0) continue;
        if (
          said.kind === 'latency' &&
          !about.some((figure) => sameSubject(said, figure)) &&
          !LATENCY_WORDS.test(clause)
        )
          continue;
        const wrong = about.every((figure) => farOff(said, figure));
        // Every figure of the case on that subject is far off. The one to say is the closest in
        // subject (for a latency, the largest budget).
        const asked = factIndexFor(caseStudy).search(clause)[0]?.fact.id;
        const fit = (figure: CaseFigure) => closeness(said, figure) + (figure.factId === asked ? 0.05 : 0);
        const stated =
          said.kind === 'latency'
            ? about.reduce((a, b) => (b.value > a.value ? b : a))
            : about.reduce((a, b) => (fit(b) > fit(a) ? b : a));
        if (!wrong || found.has(stated.factId)) continue;
        found.set(stated.factId, { factId: stated.factId, said: said.said, sentence: stated.sentence });
      }
    }
  }
  return [...found.values()];
}
