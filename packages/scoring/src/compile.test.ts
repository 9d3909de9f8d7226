import { describe, expect, it } from 'vitest';
import { compileRubric } from './compile.ts';
import { findPoint, stepCoverage, stepPoints } from './coverage.ts';
import { fixtureRubric } from './fixture.ts';

/** The fixture with a case point that duplicates the framework's "business-goal" point. */
function withDuplicate() {
  const { study, framework } = fixtureRubric();
  study.steps.requirements.points.push({
    id: 'spam-revenue-goal',
    title: 'Business goal for the spam filter',
    weight: 2,
    signals: ['business goal', 'revenue', 'support tickets about spam'],
    plain: [],
    probe: 'Which company number should move when the filter improves?',
    followUps: [],
    strong: 'A strong candidate ties the filter to retention and support cost, with a number for each.',
  });
  return { study, framework };
}

describe('near-duplicate points', () => {
  it('fold the framework point into the case point: one point, scored once', () => {
    const { study, framework } = withDuplicate();
    const ids = stepPoints(study, framework, 'requirements').map((point) => point.id);
    expect(ids).toContain('spam-revenue-goal');
    expect(ids).not.toContain('business-goal');
    expect(findPoint(study, framework, 'business-goal')?.point.id).toBe('spam-revenue-goal');
    expect(compileRubric(study, framework).byId.get('spam-revenue-goal')?.folded).toEqual(['business-goal']);
  });

  it('credit one sentence once', () => {
    const { study, framework } = withDuplicate();
    const coverage = stepCoverage(study, framework, 'requirements', [
      'The business goal is revenue: spam complaints cost us 2 million dollars a month in churn.',
    ]);
    const credited = coverage.points
      .filter((point) => point.level !== 'missed')
      .map((point) => point.pointId);
    expect(credited).toEqual(['spam-revenue-goal']);
  });

  it('leave out a framework point the case marks not applicable: never scored, probed or missed', () => {
    const { study, framework } = fixtureRubric();
    study.steps.requirements.notApplicable = [{ id: 'business-goal', why: 'Nothing is sold here.' }];
    expect(stepPoints(study, framework, 'requirements').map((point) => point.id)).not.toContain(
      'business-goal',
    );
    expect(findPoint(study, framework, 'business-goal')).toBeUndefined();
  });

  it('leave a framework point alone when no case point shares its concept', () => {
    const { study, framework } = fixtureRubric();
    expect(stepPoints(study, framework, 'requirements').map((point) => point.id)).toContain('business-goal');
  });
});

describe('a case point that reuses a framework id', () => {
  it("takes the framework point's phrasings as well as its own", () => {
    const { study, framework } = fixtureRubric();
    const generic = framework.steps
      .find((step) => step.id === 'requirements')
      ?.points.find((point) => point.signals.length > 0);
    if (!generic) throw new Error('fixture: no framework point with signals');
    study.steps.requirements.points.push({
      id: generic.id,
      title: 'The case version of a framework point',
      weight: 2,
      signals: ['case own phrase'],
      plain: [],
      probe: 'A probe of its own?',
      followUps: [],
      strong: 'A strong candidate says it for this case.',
    });
    const compiled = compileRubric(study, framework).byId.get(generic.id);
    const texts = compiled?.signals.map((signal) => signal.text) ?? [];
    expect(compiled?.source).toBe('case');
    expect(texts).toContain('case own phrase');
    expect(texts).toEqual(expect.arrayContaining(generic.signals));
  });
});

describe('compiled red flags', () => {
  it('carry their severity and the points that counter them', () => {
    const { study, framework } = fixtureRubric();
    study.steps.evaluation.points[0]?.plain.push('accuracy misleads with rare spam');
    const flag = compileRubric(study, framework).steps.find((step) => step.id === 'evaluation')?.redFlags[0];
    expect(flag?.severity).toBe('major');
    const rubric = compileRubric(study, framework);
    expect(flag?.counters.map((index) => rubric.points[index]?.point.id)).toEqual(['precision-recall']);
  });
});
