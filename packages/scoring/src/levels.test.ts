import type { Turn } from '@mlsd/protocol';
import { describe, expect, it } from 'vitest';
import { fixtureRubric } from './fixture.ts';
import { expectedAt } from './levels.ts';
import { buildReport } from './report.ts';

const { study, framework } = fixtureRubric();
const START = 1_700_000_000_000;

/** The fixture case with its first requirements point expected only from staff level. */
function withStaffPoint() {
  const copy = structuredClone(study);
  const point = copy.steps.requirements.points[0]!;
  point.level = 'staff';
  point.staff = 'A staff answer also prices the decision per month and names who owns it over a year.';
  return { copy, point };
}

const turns: Turn[] = [
  {
    id: 'a',
    role: 'interviewer',
    step: 'requirements',
    kind: 'opening',
    text: 'Tell me the requirements.',
    at: START,
  },
  {
    id: 'b',
    role: 'candidate',
    step: 'requirements',
    kind: 'answer',
    text: 'I would first ask who uses the result and what happens downstream.',
    at: START + 60_000,
  },
];

describe('levels', () => {
  it('expects a point from its level upwards, and every unmarked point everywhere', () => {
    expect(expectedAt({ level: 'staff' }, 'senior')).toBe(false);
    expect(expectedAt({ level: 'staff' }, 'staff')).toBe(true);
    expect(expectedAt({ level: 'senior' }, 'mid')).toBe(false);
    expect(expectedAt({}, 'mid')).toBe(true);
  });

  it('does not hold a staff point against a senior candidate, but does at staff with its staff answer', () => {
    const { copy, point } = withStaffPoint();
    const senior = buildReport({ study: copy, framework, turns, level: 'senior', now: START });
    const staff = buildReport({ study: copy, framework, turns, level: 'staff', now: START });
    const missedAt = (report: typeof senior) =>
      report.steps
        .find((step) => step.id === 'requirements')!
        .missed.find((miss) => miss.pointId === point.id);
    expect(missedAt(senior)).toBeUndefined();
    expect(missedAt(staff)).toMatchObject({ staff: point.staff });
    expect(senior.level).toBe('senior');
    expect(staff.level).toBe('staff');
    const contentAt = (report: typeof senior) =>
      report.steps.find((step) => step.id === 'requirements')!.contentScore ?? 0;
    // The same words score at least as well when less is expected.
    expect(contentAt(senior)).toBeGreaterThanOrEqual(contentAt(staff));
  });

  it('names the persona in the report when one is given', () => {
    const report = buildReport({ study, framework, turns, persona: 'tough', now: START });
    expect(report.persona).toBe('tough');
    expect(buildReport({ study, framework, turns, now: START }).persona).toBeUndefined();
  });
});
