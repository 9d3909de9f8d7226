import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURE_CASE_ID, STEP_WORD, writeFixtureRubrics } from './rubric-fixture.ts';

export { FIXTURE_CASE_ID, STEP_WORD };

type Json = Record<string, unknown>;
type Point = { id: string; title: string; probe: string; strong: string };

/** A second case, so a swapped room has another case to draw. */
export const SECOND_CASE_ID = 'fixture-second';

/**
 * The server tests' rubric set with `canary` written into every part of the answer key: talking
 * point ids, titles, probes and strong answers (case and framework), step openings and purposes,
 * facts, curveballs and red flags. The prompt, titles and summaries (which a candidate may see)
 * stay clean. Also writes a second case.
 */
export function writeCanaryRubrics(dir: string, canary: string): string {
  writeFixtureRubrics(dir);
  const casePath = join(dir, 'cases', `${FIXTURE_CASE_ID}.yaml`);
  const study = JSON.parse(readFileSync(casePath, 'utf8')) as Json & {
    facts: { cues: string[]; answer: string }[];
    steps: Record<string, { opening: string; points: Point[]; redFlags: Json[] }>;
    curveballs: { text: string; expects: string }[];
  };
  for (const fact of study.facts) {
    fact.cues = [...fact.cues, `${canary} cue`];
    fact.answer = `${fact.answer} Secret ${canary}.`;
  }
  for (const [stepId, step] of Object.entries(study.steps)) {
    step.opening = `${step.opening} (${canary})`;
    for (const point of step.points) mark(point, canary);
    step.redFlags = [
      {
        id: `flag-${stepId}-${canary}`,
        title: `Red flag ${canary}`,
        signals: [`quokka ${stepId} blunder`],
        why: `Because ${canary} says so, in one sentence.`,
      },
    ];
  }
  for (const ball of study.curveballs) {
    ball.text = `${ball.text} ${canary}`;
    ball.expects = `${ball.expects} ${canary}`;
  }
  writeFileSync(casePath, JSON.stringify(study, null, 2));
  const second = { ...study, id: SECOND_CASE_ID, title: 'Second fixture case' };
  writeFileSync(join(dir, 'cases', `${SECOND_CASE_ID}.yaml`), JSON.stringify(second, null, 2));

  const frameworkPath = join(dir, 'framework.yaml');
  const framework = JSON.parse(readFileSync(frameworkPath, 'utf8')) as {
    steps: { purpose: string; opening: string; points: Point[] }[];
  };
  for (const step of framework.steps) {
    step.purpose = `${step.purpose} ${canary}`;
    step.opening = `${step.opening} ${canary}`;
    for (const point of step.points) mark(point, canary);
  }
  writeFileSync(frameworkPath, JSON.stringify(framework, null, 2));
  return dir;
}

function mark(point: Point, canary: string): void {
  point.id = `${point.id}-${canary}`;
  point.title = `${point.title} ${canary}`;
  point.probe = `${point.probe} ${canary}`;
  point.strong = `${point.strong} ${canary}`;
}
