import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CaseStudy, loadYamlFile } from '@mlsd/rubric';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type FactPart, factIndexFor } from './facts.ts';
import { answersFact, factsAsked } from './reading/facts-asked.ts';
import { readIntent } from './reading/intent.ts';

const Answerable = z.strictObject({
  caseId: z.string(),
  id: z.string(),
  plain: z.string(),
  filler: z.string(),
  combined: z.string(),
  factIds: z.array(z.string()).length(2),
  factId: z.string(),
});
const Unanswerable = z.strictObject({
  caseId: z.string(),
  id: z.string(),
  plain: z.string(),
  factId: z.null(),
});
const EvalFile = z.array(z.union([Answerable, Unanswerable]));
type Answerable = z.infer<typeof Answerable>;

const evalDir = join(import.meta.dirname, '../eval');
const casesDir = join(import.meta.dirname, '../../../rubrics/cases');
const cases = new Map<string, CaseStudy>();
for (const name of readdirSync(casesDir).filter((file) => file.endsWith('.yaml'))) {
  const loaded = loadYamlFile(join(casesDir, name), CaseStudy);
  if (loaded.ok) cases.set(loaded.value.id, loaded.value);
}

type Outcome = 'right' | 'ambiguous' | 'wrong' | 'none';
const PHRASINGS = ['plain', 'filler', 'combined'] as const;

/**
 * One outcome per expected fact. A message split into the wrong number of parts gets every expected
 * fact wrong, and counts one "none" for each part the lookup said the case does not cover. Parts
 * are matched to expected facts in any order: answering both questions of a two-part message is
 * what counts, not which one the set's writer listed first.
 */
function grade(parts: FactPart[], expected: readonly string[]): Outcome[] {
  if (parts.length !== expected.length) {
    let nones = parts.filter((part) => part.status === 'none').length;
    return expected.map(() => (nones-- > 0 ? 'none' : 'wrong'));
  }
  const left = [...parts];
  const rights = expected.map((factId) => {
    const at = left.findIndex((part) => part.status === 'found' && part.fact?.id === factId);
    if (at < 0) return false;
    left.splice(at, 1);
    return true;
  });
  // Expected facts no part found take the outcomes of the unmatched parts, in order.
  return rights.map((right) => {
    if (right) return 'right';
    const part = left.shift();
    if (!part || part.status === 'none') return 'none';
    return part.status === 'ambiguous' ? 'ambiguous' : 'wrong';
  });
}

function tally(outcomes: Outcome[]) {
  const count = (kind: Outcome) => outcomes.filter((outcome) => outcome === kind).length;
  return {
    parts: outcomes.length,
    right: count('right'),
    ambiguous: count('ambiguous'),
    wrong: count('wrong'),
    none: count('none'),
  };
}

function evaluate(file: string) {
  const entries = EvalFile.parse(
    JSON.parse(readFileSync(join(evalDir, `fact-questions.${file}.json`), 'utf8')),
  );
  const answerable = entries.filter((entry): entry is Answerable => entry.factId !== null);
  const outcomes = { plain: [] as Outcome[], filler: [] as Outcome[], combined: [] as Outcome[] };
  const misses: string[] = [];
  const unanswerable: ('none' | 'ambiguous' | 'wrong')[] = [];
  let answeredAsIf = 0;
  // The looser reading of the goal, "facts given": an expected fact counts when some part gives it,
  // whatever else the reply gives; `extra` counts facts given that were not asked for.
  const loose = { parts: 0, given: 0, extra: 0 };
  // What the interviewer gives, end to end: the intent reader first (a message it does not read as
  // a fact question gets no fact), then the lookup of the whole message, as readMessage does.
  const endToEnd = { parts: 0, given: 0, notAsked: 0 };
  for (const entry of entries) {
    const study = cases.get(entry.caseId);
    if (!study) throw new Error(`${entry.id}: unknown case '${entry.caseId}'`);
    const known = new Set(study.facts.map((fact) => fact.id));
    for (const factId of entry.factId === null ? [] : [entry.factId, ...entry.factIds]) {
      if (!known.has(factId)) throw new Error(`${entry.id}: case '${entry.caseId}' has no fact '${factId}'`);
    }
    const index = factIndexFor(study);
    if (entry.factId === null) {
      const [part] = index.lookup(entry.plain).parts;
      const status = part?.status ?? 'none';
      unanswerable.push(status === 'found' ? 'wrong' : status);
      // Given as if it answered, not framed as only the closest fact the case has.
      if (status === 'found' && !part?.nearby) answeredAsIf++;
      if (status !== 'none') misses.push(`${entry.id} unanswerable -> ${status} ${part?.fact?.id ?? ''}`);
      continue;
    }
    for (const phrasing of PHRASINGS) {
      const expected = phrasing === 'combined' ? entry.factIds : [entry.factId];
      const parts = index.lookup(entry[phrasing]).parts;
      const graded = grade(parts, expected);
      outcomes[phrasing].push(...graded);
      const given = new Set(
        parts.flatMap((part) => (part.status === 'found' && part.fact ? [part.fact.id] : [])),
      );
      const intent = readIntent(entry[phrasing], { answersFact: (asked) => answersFact(study, asked) });
      const read = factsAsked(study, entry[phrasing], intent);
      endToEnd.parts += expected.length;
      endToEnd.given += expected.filter((factId) => read.found.includes(factId)).length;
      if (intent.intent !== 'facts') endToEnd.notAsked += expected.length;
      loose.parts += expected.length;
      loose.given += expected.filter((factId) => given.has(factId)).length;
      loose.extra += [...given].filter((factId) => !expected.includes(factId)).length;
      if (graded.some((outcome) => outcome !== 'right')) {
        const got = parts.map(
          (part) => `${part.status}:${part.fact?.id ?? part.options?.map((f) => f.id).join('|') ?? ''}`,
        );
        misses.push(
          `${entry.id} ${phrasing} want [${expected.join(', ')}] got [${got.join(', ')}] "${entry[phrasing]}"`,
        );
      }
    }
  }
  const rows = PHRASINGS.map((phrasing) => ({ file, phrasing, ...tally(outcomes[phrasing]) }));
  const total = tally(PHRASINGS.flatMap((phrasing) => outcomes[phrasing]));
  const none = unanswerable.filter((outcome) => outcome === 'none').length;
  return {
    answerable: answerable.length,
    rows,
    total,
    unanswerable,
    none,
    misses,
    loose,
    endToEnd,
    answeredAsIf,
  };
}

const percent = (part: number, whole: number) => `${((100 * part) / Math.max(whole, 1)).toFixed(1)}%`;

/**
 * The goal is 95% of parts right, no answerable part called "not covered" and 90% of unanswerable
 * questions called "not covered", on questions nobody tuned on. `tune` and `holdout` have been
 * tuned on; `blind`, `blind2` and `blind3` were written by people who never saw the code and scored
 * once each on first sight (blind: 73.1%; blind2: 81.4% with 72 false "not covered"; blind3 below),
 * and all have been worked on since, so none of these sets is blind any more: only a new set measures.
 * The floors below are a little under what each set reaches today, so a change that reads worse
 * fails; they are not the goal, which is not met yet on unseen questions (see
 * packages/interviewer/README.md). Each set also prints the looser "asked facts given" share.
 */
const FLOORS: Record<string, { right: number; falseNone: number; none: number }> = {
  // Since the fourth session, facts carry example questions (`asks`, written by hands that never saw
  // any of these sets). They moved the vocabulary the rules were tuned against: the tuned sets lost
  // 1-3 points, the unseen sets (blind6 below) gained 3-4, and fewer answerable parts are "not covered".
  // A second batch in the fifth session (4-5 more per fact, up to 12) cut false "not covered" on the
  // two unseen sets from 72 to 54 and raised right a little (83.9% to 84.1%), at a cost: more words
  // are known to some fact, so more questions the case leaves open get a nearby fact instead (the
  // "none" floors of the tuned sets fell 5-15 points; on the unseen sets 34% to 32%).
  tune: { right: 0.945, falseNone: 6, none: 0.52 },
  holdout: { right: 0.935, falseNone: 1, none: 0.55 },
  blind: { right: 0.91, falseNone: 5, none: 0.25 },
  blind2: { right: 0.96, falseNone: 3, none: 0.4 },
  // Read once on first sight (2026-12-03), after the blind2 work: 60.1% right, 141 false "not
  // covered", 72.0% of unanswerable questions "none". Its questions avoid the facts' cue words on
  // purpose. It has been tuned on since (cues in everyday words, clauses of one sentence read as one
  // question), so like the others it no longer measures unseen paraphrases.
  blind3: { right: 0.91, falseNone: 8, none: 0.52 },
  // Written blind (half technical words, half plain paraphrases) while blind3 was being worked on,
  // and read once on first sight after that work: 83.1% right (plain 75.0%, filler 75.8%, combined
  // 90.8%), 35 false "not covered", 81.7% of unanswerable questions "none". Its misses were read in
  // the fourth session: a development set now.
  blind4: { right: 0.89, falseNone: 5, none: 0.63 },
  // Written blind and read on first sight: 81.5% right, 39 false "not covered", 55.0% of
  // unanswerable questions "none" (they sit close to real facts on purpose). Its misses were read
  // in the fourth session: a development set now.
  blind5: { right: 0.88, falseNone: 7, none: 0.28 },
  // Written blind in the fourth session (292 questions over all 18 cases, half of the plain ones in
  // everyday words that avoid the facts' own) and read on first sight before anything was changed
  // for it: 76.5% right, 67 false "not covered", 54.8% of unanswerable questions "none". With the
  // example questions: 80.1% right (83.7% of asked facts given), 53 false "not covered", 46.6% of
  // unanswerable questions "none"; after fixes found by playing whole sessions by hand (a "daily
  // active" count is a daily one, "videos to pick from" is the catalogue, one subject of three met
  // thinly is no answer): 80.8% (84.0% given), 50, 46.6-47.9%. Nobody has read its misses: this is the
  // honest unseen figure.
  //
  // Since the fifth session a fact classifier (facts/classifier.ts) picks between two facts the
  // ranker finds about equal, overrules its find when 90% sure, and answers a question the ranker
  // finds nothing for when 95% sure: 80.7% to 84.5% right here, false "not covered" 36 to 28,
  // unanswerable questions called "none" 46.6% to 43.8%. Then, where it is 50-95% sure and the
  // question names nothing the case leaves out and the ranker has that fact among its two best, it
  // asks which of its two best facts is meant (the line says what to do if neither): false "not
  // covered" 28 to 21, "none" 43.8% to 38.4%. (Without the ranker's agreement it asked about
  // unrelated facts in played sessions: "can we use LLMs to judge relevance?" got "gpu, or users?".)
  blind6: { right: 0.84, falseNone: 21, none: 0.38 },
  // Written blind in the fifth session (227 answerable and 119 unanswerable questions over all 18
  // cases) and read once, on first sight, after the second batch of example questions: 87.3% right
  // (92.1% of asked facts given), 18 false "not covered", 22.7% of unanswerable questions "none"
  // (they were written to sit next to real facts; most get that fact). Nobody has read its misses.
  // The fact classifier was then chosen on blind6 and the development sets, and its two thresholds
  // with blind7's aggregate in view: 90.6% right, 95.2% given, 11 false "not covered", 20.2% "none";
  // with "which do you mean" below 95%: 90.5%, 95.2%, 8 false "not covered", 16.8% "none".
  blind7: { right: 0.9, falseNone: 8, none: 0.16 },
  // Written blind in the sixth session (228 answerable questions in three phrasings and 108
  // unanswerable ones over all 18 cases) and read once, on first sight, with the fact classifier
  // and everything above in place: 85.0% right (plain 86.0%, filler 79.8%, combined 87.1%), 88.5% of
  // asked facts given, 23 false "not covered", 29.6% of unanswerable questions "none". Nobody has
  // read its misses: the honest unseen figure now (blind7's 90.5% was reached with its aggregate
  // in view).
  //
  // Since the ninth session the fact classifier also learns from every set above (tune to blind7,
  // facts/training.ts), with a "none" label from their unanswerable questions, and its thresholds were
  // chosen with it trained on tune to blind5 and read on blind6 and blind7. The floors above are now
  // training figures. blind8 read again (its misses had been read once, nothing tuned on it): 85.0%
  // to 89.7% right, 88.5% to 92.9% of asked facts given, false "not covered" 23 to 15, 32.4% "none".
  blind8: { right: 0.91, falseNone: 11, none: 0.32 },
  // Written blind in the ninth session (230 answerable questions in three phrasings, 110 unanswerable,
  // over all 18 cases) and split by case: `blind9a` (ad-click, eta, fraud, llm-moderation, news feed,
  // rag, search, street view, video search) was read after the classifier change; its misses led to
  // reading numbered asks typed on one line and the candidate's reasons beside a question ("I want to
  // size the upside first") as no question. `blind9b`, the other nine cases, nobody has read: it is
  // the honest unseen figure. On first sight, before this session's changes: blind9a 80.4% right
  // (90.9% given, 12 false "not covered"), blind9b 78.5% (89.8% given, 14); now blind9a 88.7% (95.2%),
  // blind9b 85.9% (93.3% given, 12 false "not covered", 37.0% of unanswerable questions "none").
  // Then "like ..." after a question joins it, and a guess at the answer after it ("i guess revenue?",
  // "could be a negative label") is no question: blind9a 90.2%, blind9b 86.5% (10 false "not covered").
  // Since the tenth session blind9a and blind11 (below) are training sets of the classifier too:
  // blind9b 87.4% to 88.5% right, 93.0% to 94.1% given, false "not covered" 7 to 5; blind8 90.0% to
  // 89.9%. Then a later clause of one sentence stopped counting as a follow-up on the fact before
  // when that fact only ties with its own (found on blind12): blind9b 90.0% (94.8% given), blind8
  // 91.1% (93.3% given).
  blind9a: { right: 0.93, falseNone: 2, none: 0.42 },
  blind9b: { right: 0.9, falseNone: 2, none: 0.37 },
  // Written blind in the tenth session (231 answerable questions in three phrasings, 110 unanswerable,
  // over all 18 cases; fillers where the candidate says part of their plan around the question).
  // First sight: 87.4% right (plain 93.9%, filler 73.2%, combined 91.3%), 94.3% given, 26 false
  // "not covered", 36.4% "none". Its misses were read: a remark typed after a question without
  // closing punctuation ("...? ballpark is fine", "...? might need rotated boxes") was a question
  // part of its own. Now 90.2% (blind9b, still unread, 86.5% to 87.4%, false "not covered" 10 to 7);
  // a training set of the classifier since (93.2%).
  blind11: { right: 0.93, falseNone: 7, none: 0.38 },
  // Written blind in the tenth session by another hand (230 answerable questions in three phrasings,
  // 110 unanswerable, all 18 cases; questions through the candidate's design, buried mid-message,
  // without a question mark, very short). Read on first sight with everything above in place: 86.7%
  // right (plain 95.7%, filler 84.8%, combined 83.3%), 92.9% of asked facts given, 17 false "not
  // covered", 28.2% of unanswerable questions "none". Its misses were read: most combined misses were
  // "X, and how many Y?" answered with X's fact alone, since X's fact mentioned Y's words as often as
  // Y's own fact. Now 88.0% (93.6% given).
  blind12: { right: 0.88, falseNone: 17, none: 0.28 },
  // Written blind in the twelfth session by a hand that never saw the code or the other sets (237
  // answerable questions in three phrasings, 110 unanswerable, all 18 cases; juniors who think aloud,
  // typos, a bare subject joined to a question, numbers asked by what they mean for the design), and
  // split by case like blind9. First sight, after this session's split and quote changes: blind14a
  // 89.1% right (95.4% given, 7 false "not covered", 33.3% "none"), blind14b 84.3% right (91.5%
  // given, 7 false "not covered", 42.9% "none"). blind14a's misses were read (terse bare subjects
  // before an "also", "- and how many", wishes to know after a question): 92.2% right, 96.8% given.
  // blind14b nobody has read: 85.6% right, 92.2% given, 7 false "not covered". End to end (the
  // intent reader first, as the interviewer does; printed below each set) blind14b gives 91.1%.
  blind14a: { right: 0.91, falseNone: 5, none: 0.33 },
  blind14b: { right: 0.87, falseNone: 9, none: 0.42 },
  // Written blind in the thirteenth session by a hand that never saw the code or the other sets (231
  // answerable questions in three phrasings, 110 unanswerable; fluent askers, ideas put first, numbers
  // asked by what they mean for the design, new joints, keyword traps), split by case the other way
  // round from blind14: blind15a has blind14b's cases and is read, blind15b has blind14a's and is not.
  // First sight: blind15a 80.3% right (plain 87.7%, filler 84.2%, combined 74.6%), 90.4% given, 7
  // false "not covered", 27.8% "none", 87.7% end to end; blind15b 83.8% right, 92.9% given, 6 false
  // "not covered", 28.6% "none", 90.4% end to end.
  blind15a: { right: 0.8, falseNone: 7, none: 0.27 },
  blind15b: { right: 0.87, falseNone: 5, none: 0.28 },
  // Written blind in the fourteenth session by two hands that never saw the code or the other sets
  // (234 answerable questions in three phrasings, 108 unanswerable; references back to the
  // conversation, half-remembered numbers to confirm, dictation, chat style, terse asks), split by
  // case the other way round from blind15: blind16a has blind15b's cases and is read, blind16b has
  // blind15a's and is not. First sight: blind16a 84.4% right (plain 88.0%, filler 69.2%, combined
  // 90.2%), 96.8% given, 9 false "not covered", 33.3% "none", 94.7% end to end; blind16b 84.8%
  // right (plain 93.2%, filler 70.9%, combined 87.6%), 94.9% given, 13 false "not covered", 18.5%
  // "none", 92.3% end to end. blind16a's misses were read (two asks typed "X? / Y", a question after
  // a comma, "hosted or self-host, what are the options", "so I need the scoring budget" after a
  // plan, "I need two things: ...", a question left open by a guess): 85.7% right, 97.4% given,
  // 95.5% end to end; blind16b, not read, 84.6% right, 95.1% given, 92.5% end to end. A question that
  // leans on the one after it ("Is that the case here? How many products lack a size?") is no
  // longer said to be open: false "not covered" blind16a 9 -> 4, blind16b 13 -> 12, blind8 15 -> 13,
  // blind9b 4 -> 2, blind15b 6 -> 5.
  blind16a: { right: 0.85, falseNone: 5, none: 0.33 },
  blind16b: { right: 0.85, falseNone: 11, none: 0.18 },
  // Written in the sixteenth session by two more hands that never saw the code or the other sets (252
  // answerable questions in three phrasings, 108 unanswerable; a product manager's, an analyst's and a
  // backend engineer's questions, yes/no and either/or forms, consequences, asks inside a plan, phone
  // typing, non-native English), one per half of the cases. First sight: dev26a 84.1% right (plain
  // 92.9%, filler 66.7%, combined 88.5%), 15 false "not covered", 93.8% end to end; dev26b 81.3%
  // (88.9, 64.3, 86.1%), 15, 92.3%. Both are learned from (facts/training.ts): 85.3% and 84.1%
  // right. On the sets nobody has read, right: blind8 91.7 -> 92.1%, blind9b 91.5 -> 92.4%, blind14b
  // 87.7 -> 88.1%, blind15b 87.2 -> 87.4%, blind16b 85.9 -> 86.8%; false "not covered" blind8 9 -> 10,
  // blind14b 8 -> 9, blind16b 11 -> 10 (and blind16a, read, 4 -> 5). The long "filler" messages
  // that ask three things about one fact are where these sets miss most.
  // Eighteenth session: eight cases had no fact for the goal ("what's the goal here?" got network
  // links in fraud, the latency budget in RAG); each got a goal fact (or goal cues on the fact that
  // says what leadership wants). Asked facts given, unseen sets: blind8 94.2 -> 94.0%, blind9b 96.3
  // -> 96.1%, blind14b 94.1 -> 94.3%, blind15b 94.9 -> 94.7%, blind16b 96.2 -> 96.4%; false "not
  // covered" blind8 10 -> 11, blind15b 4 -> 5; unanswerable called "none" blind14b 44.6 -> 42.9%,
  // dev26b 37.0 -> 33.3%. The floors moved by those single questions; the goal questions themselves
  // are measured in goal.eval.test.ts.
  dev26a: { right: 0.84, falseNone: 11, none: 0.31 },
  dev26b: { right: 0.83, falseNone: 10, none: 0.33 },
  // Written in the twentieth session by a hand that never saw the code or the other sets, from the
  // case facts alone (all 18 cases, split by case: dev28 nine, blind28 the other nine; 180
  // answerable questions in three phrasings, 72 unanswerable, half of those close to a real fact;
  // ordinary candidates, guesses put up for checking, consequences, asks inside a long thought,
  // phone typing, non-native English, everyday words). First sight: dev28 76.4% right, 13 false
  // "not covered", 93.1% given, 89.2% end to end; blind28 81.7%, 4, 95.0%, 92.2%. Unanswerable
  // questions given a fact as if it answered them: 18 and 9 of 36, 6 and 4 once a question like
  // those the case leaves open gets its fact as only the closest (facts/decide.ts). Unanswerable
  // questions said to be open: 33.3% and 63.9%, 38.9% and 66.7% once two facts that share a word of
  // such a question are no longer offered as a choice. dev28 is read and not learned from (yet);
  // blind28 is never read.
  dev28: { right: 0.75, falseNone: 14, none: 0.36 },
  blind28: { right: 0.8, falseNone: 5, none: 0.64 },
  // Since the fifteenth session the fact classifier also learns from the read halves and blind12
  // (blind12, blind14a, blind15a, blind16a; facts/training.ts). On the sets nobody has read, right /
  // false "not covered" / unanswerable called "none": blind8 91.2 -> 91.7% / 13 -> 9 / 36 -> 35 of
  // 108; blind9b 91.3 -> 91.5% / 2 -> 2; blind14b 86.4 -> 87.7% / 7 -> 8 / 24 -> 25 of 56; blind15b
  // 86.1 -> 87.2% / 5 -> 4; blind16b 84.6 -> 85.9% / 12 -> 11. End to end: blind8 92.7 -> 93.3%,
  // blind9b 94.8 -> 95.0%, blind14b 90.5 -> 91.5%, blind15b 92.1 -> 92.9%, blind16b 92.3 -> 92.9%.
  // blind8's "none" floor moved from 33% to 32% for the one unanswerable question it now answers
  // with a fact, and blind14b's false "not covered" from 7 to 8: the other unseen sets lost five.
};

describe.each(Object.keys(FLOORS))('fact questions (%s)', (file) => {
  const floor = FLOORS[file]!;
  const result = evaluate(file);
  const table = [
    ...result.rows.map((row) => ({ ...row, rightShare: percent(row.right, row.parts) })),
    { file, phrasing: 'all', ...result.total, rightShare: percent(result.total.right, result.total.parts) },
    {
      file,
      phrasing: 'unanswerable',
      parts: result.unanswerable.length,
      right: result.none,
      ambiguous: result.unanswerable.filter((outcome) => outcome === 'ambiguous').length,
      wrong: result.unanswerable.filter((outcome) => outcome === 'wrong').length,
      none: result.none,
      rightShare: percent(result.none, result.unanswerable.length),
    },
  ];
  console.table(table);
  const { loose, endToEnd } = result;
  console.log(
    `${file}: ${percent(loose.given, loose.parts)} of asked facts given (${loose.given}/${loose.parts}), ${loose.extra} facts given that were not asked; ${result.answeredAsIf} of ${result.unanswerable.length} unanswerable questions given a fact as if it answered them`,
  );
  console.log(
    `${file} end to end (intent reader, then lookup): ${percent(endToEnd.given, endToEnd.parts)} of asked facts given (${endToEnd.given}/${endToEnd.parts}); ${endToEnd.notAsked} in messages not read as fact questions`,
  );
  // Misses are printed only for the sets named in MLSD_EVAL_MISSES (comma-separated): a blind set's
  // misses, once read, make it a development set.
  if (result.misses.length > 0 && (process.env.MLSD_EVAL_MISSES ?? '').split(',').includes(file))
    console.log(`${file} misses:\n${result.misses.join('\n')}`);

  it('has enough questions, over every case', () => {
    expect(result.answerable).toBeGreaterThanOrEqual(80);
    expect(result.unanswerable.length).toBeGreaterThanOrEqual(25);
  });

  it(`gets the right fact for at least ${floor.right * 100}% of question parts`, () => {
    expect(result.total.right / result.total.parts).toBeGreaterThanOrEqual(floor.right);
  });

  it(`says an answerable part is not covered at most ${floor.falseNone} times`, () => {
    expect(result.total.none).toBeLessThanOrEqual(floor.falseNone);
  });

  it(`says "not covered" for at least ${floor.none * 100}% of unanswerable questions`, () => {
    expect(result.none / result.unanswerable.length).toBeGreaterThanOrEqual(floor.none);
  });

  // The rest get the closest fact, said to be only the closest; at most a quarter as if it answered
  // them (every set 0-24% since the twentieth session; before, up to 51%).
  it('gives at most a quarter of unanswerable questions a fact as if it answered them', () => {
    expect(result.answeredAsIf / result.unanswerable.length).toBeLessThanOrEqual(0.25);
  });
});
