import type { CaseStudy, Framework } from '@mlsd/rubric';
import type { HarnessTurn } from './run.ts';

export const CRITERIA = [
  'facts-given',
  'no-recent-probe',
  'no-repeat',
  'no-leak',
  'hints-graduated',
  'challenge-fires',
  'no-challenge-on-negated',
  'redirect',
  'hint',
  'rephrase',
  'carry-on',
  'no-curveball-when-stuck',
  'no-next-part-on-last-step',
  'ends',
] as const;
export type Criterion = (typeof CRITERIA)[number];

export interface Violation {
  criterion: Criterion;
  /** Index of the offending turn in the transcript. */
  turn: number;
  detail: string;
}

/** Candidate messages back that a probe must not ask about. */
const RECENT = 3;
/** A strong answer's sentence this long found in a line is a leak, not a coincidence. */
const LEAK_WORDS = 8;

/** Checks a harness transcript against every criterion; an empty list means a clean session. */
export function checkSession(
  turns: readonly HarnessTurn[],
  caseStudy: CaseStudy,
  framework: Framework,
  ended: boolean,
): Violation[] {
  const violations: Violation[] = [];
  const add = (criterion: Criterion, turn: number, detail: string) =>
    violations.push({ criterion, turn, detail });
  const secrets = secretsOf(caseStudy, framework);
  const spoken = new Map<string, number>();
  const hintLevels = new Map<string, number[]>();
  turns.forEach((turn, index) => {
    if (turn.role === 'candidate') {
      checkReply(turn, index, nextInterviewer(turns, index), add);
      return;
    }
    const earlier = spoken.get(turn.text);
    if (earlier !== undefined) add('no-repeat', index, `repeats turn ${earlier}: ${turn.text.slice(0, 80)}`);
    else spoken.set(turn.text, index);
    for (const leak of leaksIn(turn, secrets, candidateSaid(turns, index))) add('no-leak', index, leak);
    if (turn.kind === 'probe') {
      const recent = recentlyCovered(turns, index);
      for (const id of turn.probedPointIds ?? [])
        if (recent.has(id))
          add('no-recent-probe', index, `probes "${id}", covered in the last ${RECENT} messages`);
    }
    if (turn.kind === 'hint' && turn.hintLevel !== undefined) {
      const levels = hintLevels.get(turn.step) ?? [];
      const expected = Math.min(levels.length + 1, 3);
      if (turn.hintLevel !== expected)
        add('hints-graduated', index, `hint level ${turn.hintLevel}, expected ${expected}`);
      hintLevels.set(turn.step, [...levels, turn.hintLevel]);
    }
    if (turn.kind === 'curveball') {
      const asked = previousCandidate(turns, index);
      if (asked?.intent && ['stuck', 'hint', 'stop', 'unclear'].includes(asked.intent))
        add('no-curveball-when-stuck', index, `curveball after a "${asked.intent}" message`);
    }
    if (turn.step === 'monitoring' && /next part/i.test(turn.text))
      add('no-next-part-on-last-step', index, turn.text.slice(0, 80));
  });
  if (!ended) add('ends', turns.length - 1, 'the session did not end');
  return violations;
}

function checkReply(
  turn: HarnessTurn,
  index: number,
  reply: HarnessTurn | undefined,
  add: (criterion: Criterion, turn: number, detail: string) => void,
): void {
  const expect = turn.expect;
  if (!expect || !reply) return;
  const got = `${reply.kind}: ${reply.text.slice(0, 80)}`;
  if (expect.facts) {
    const given = new Set(reply.factIds ?? []);
    const missing = expect.facts.filter((id) => !given.has(id));
    if (missing.length > 0)
      add('facts-given', index, `"${turn.text}" did not get ${missing.join(', ')} (${got})`);
  }
  if (expect.challenge && reply.kind !== 'challenge')
    add('challenge-fires', index, `"${turn.text}" got ${got}`);
  if (expect.noChallenge && reply.kind === 'challenge')
    add('no-challenge-on-negated', index, `"${turn.text}"`);
  if (expect.redirect && reply.kind !== 'redirect') add('redirect', index, `"${turn.text}" got ${got}`);
  if (expect.hint && reply.kind !== 'hint') add('hint', index, `"${turn.text}" got ${got}`);
  if (
    expect.rephrase &&
    (reply.kind !== 'clarification' || !/english|rephrase|another way|again/i.test(reply.text))
  )
    add('rephrase', index, `"${turn.text.slice(0, 40)}" got ${got}`);
  // "ok" is not a failed attempt at English: the floor goes back without a rephrase asked.
  if (expect.carryOn && (reply.kind !== 'clarification' || /english|rephrase|another way/i.test(reply.text)))
    add('carry-on', index, `"${turn.text}" got ${got}`);
}

interface Secrets {
  titles: { pointId: string; title: string }[];
  sentences: string[];
}

/** Rubric text the candidate must never hear: point titles, strong answers, why a flag is wrong, what a curveball expects. */
function secretsOf(caseStudy: CaseStudy, framework: Framework): Secrets {
  const points = [
    ...Object.values(caseStudy.steps).flatMap((step) => step.points),
    ...framework.steps.flatMap((step) => step.points),
  ];
  const flags = Object.values(caseStudy.steps).flatMap((step) => step.redFlags);
  const long = [
    ...points.map((point) => point.strong),
    ...flags.map((flag) => flag.why),
    ...caseStudy.curveballs.map((ball) => ball.expects),
  ];
  // What the interviewer is meant to say (openings, probes, facts, curveballs) is never a leak.
  const spoken = normal(
    [
      caseStudy.prompt,
      ...caseStudy.facts.map((fact) => fact.answer),
      ...Object.values(caseStudy.steps).map((step) => step.opening),
      ...points.map((point) => point.probe),
      ...caseStudy.curveballs.map((ball) => ball.text),
      ...framework.steps.flatMap((step) => [step.opening, step.purpose]),
    ].join(' \n '),
  );
  return {
    titles: points
      .map((point) => ({ pointId: point.id, title: point.title.toLowerCase() }))
      .filter(({ title }) => !spoken.includes(normal(title))),
    sentences: long
      .flatMap((text) => text.split(/(?<=[.!?])\s+/))
      .map(normal)
      .filter((sentence) => sentence.split(' ').length >= LEAK_WORDS),
  };
}

/**
 * Rubric text in an interviewer line. A concept-naming hint names its own point on purpose, and
 * repeating a phrase the candidate already said gives nothing away; nothing else may name a point.
 */
function leaksIn(turn: HarnessTurn, secrets: Secrets, said: string): string[] {
  const text = normal(turn.text);
  const lower = turn.text.toLowerCase();
  const leaks: string[] = [];
  const named = turn.hintLevel === 3 ? new Set(turn.hintPointIds ?? []) : new Set<string>();
  for (const { pointId, title } of secrets.titles) {
    if (named.has(pointId) || said.includes(title) || title.split(' ').length < 2) continue;
    if (lower.includes(title)) leaks.push(`names "${title}"`);
  }
  for (const sentence of secrets.sentences)
    if (text.includes(sentence)) leaks.push(`says "${sentence.slice(0, 60)}"`);
  return leaks;
}

function candidateSaid(turns: readonly HarnessTurn[], before: number): string {
  return turns
    .slice(0, before)
    .filter((turn) => turn.role === 'candidate')
    .map((turn) => turn.text.toLowerCase())
    .join('\n');
}

function recentlyCovered(turns: readonly HarnessTurn[], before: number): Set<string> {
  const ids = new Set<string>();
  let seen = 0;
  for (let i = before - 1; i >= 0 && seen < RECENT; i--) {
    const turn = turns[i];
    if (turn?.role !== 'candidate') continue;
    seen++;
    for (const point of turn.reading?.coverage.covered ?? []) ids.add(point.pointId);
  }
  return ids;
}

function nextInterviewer(turns: readonly HarnessTurn[], index: number): HarnessTurn | undefined {
  for (let i = index + 1; i < turns.length; i++) {
    const turn = turns[i];
    if (turn?.role === 'candidate') return undefined;
    if (turn?.role === 'interviewer' && turn.kind !== 'warning') return turn;
  }
  return undefined;
}

function previousCandidate(turns: readonly HarnessTurn[], index: number): HarnessTurn | undefined {
  for (let i = index - 1; i >= 0; i--) if (turns[i]?.role === 'candidate') return turns[i];
  return undefined;
}

function normal(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
