import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const STEPS = ['requirements', 'framing', 'data', 'model', 'evaluation', 'serving', 'monitoring'] as const;
const MINUTES = [5, 4, 8, 9, 7, 7, 5];

/** A distinctive word per step, so a scripted answer covers exactly the points it means to. */
export const STEP_WORD: Record<(typeof STEPS)[number], string> = {
  requirements: 'zebra',
  framing: 'yak',
  data: 'walrus',
  model: 'vulture',
  evaluation: 'urchin',
  serving: 'toucan',
  monitoring: 'salamander',
};

const point = (id: string, word: string, n: number, weight: number) => ({
  id,
  title: `Point ${word} ${n}`,
  weight,
  signals: [`${word} facet${n}`, `${word} aspect${n}`],
  probe: `Tell me more about item number ${n} of this part, please.`,
  strong: `A strong answer explains ${word} facet${n} in detail, with a reason, a trade-off and an example.`,
});

export const FIXTURE_CASE_ID = 'fixture-feed';

/** Writes a small, valid rubric set (framework + one case) under `dir` and returns `dir`. */
export function writeFixtureRubrics(dir: string): string {
  mkdirSync(join(dir, 'cases'), { recursive: true });
  const framework = {
    steps: STEPS.map((id, index) => ({
      id,
      title: `Step ${id}`,
      purpose: `The purpose of the ${id} step, in one sentence.`,
      minutes: MINUTES[index],
      opening: `Generic opening question for ${id}?`,
      points: [1, 2, 3].map((n) => point(`generic-${id}-${n}`, `generic${id}`, n, 1)),
    })),
  };
  const study = {
    id: FIXTURE_CASE_ID,
    title: 'Fixture feed ranking',
    summary: 'A fixture case used by the server tests.',
    levels: ['senior'],
    tags: ['ranking', 'fixture'],
    prompt: 'Design the ranking system for a fixture feed used by millions of people every day.',
    facts: [
      {
        id: 'daily-users',
        cues: ['how many users', 'daily active users', 'scale'],
        answer: 'There are 10 million daily active users.',
      },
      {
        id: 'latency',
        cues: ['latency budget', 'how fast', 'response time'],
        answer: 'The feed must render within 200 milliseconds.',
      },
      {
        id: 'labels',
        cues: ['labels', 'clicks', 'feedback'],
        answer: 'We log clicks and hides as feedback labels.',
      },
      {
        id: 'regions',
        cues: ['regions', 'countries', 'markets'],
        answer: 'The product runs in 12 countries across 3 regions.',
      },
      {
        id: 'items',
        cues: ['how many items', 'catalog size', 'posts'],
        answer: 'About 50 million new posts arrive every day.',
      },
      {
        id: 'existing',
        cues: ['existing system', 'current ranking', 'baseline'],
        answer: 'Today the feed is sorted by recency only.',
      },
      {
        id: 'privacy',
        cues: ['privacy', 'personal data', 'consent'],
        answer: 'Personal data may only be used with consent under GDPR.',
      },
      {
        id: 'budget',
        cues: ['hardware budget', 'gpus', 'cost'],
        answer: 'The serving budget is 40 CPU machines and no GPUs.',
      },
    ],
    steps: Object.fromEntries(
      STEPS.map((id) => [
        id,
        {
          opening: `Case opening question for the ${id} step?`,
          points: [1, 2, 3, 4, 5, 6].map((n) =>
            point(`${id}-p${n}`, STEP_WORD[id], n, n <= 2 ? 3 : n <= 4 ? 2 : 1),
          ),
          redFlags: [],
        },
      ]),
    ),
    curveballs: [
      {
        id: 'fixture-ball-1',
        step: 'model',
        text: 'Now assume the model must run on a phone.',
        expects: 'A smaller model and on-device features.',
      },
      {
        id: 'fixture-ball-2',
        step: 'serving',
        text: 'Traffic just tripled overnight for this feed.',
        expects: 'Caching and horizontal scaling.',
      },
    ],
  };
  // JSON is valid YAML, and keeps the fixture free of a YAML dependency.
  writeFileSync(join(dir, 'framework.yaml'), JSON.stringify(framework, null, 2));
  writeFileSync(join(dir, 'cases', `${FIXTURE_CASE_ID}.yaml`), JSON.stringify(study, null, 2));
  return dir;
}
