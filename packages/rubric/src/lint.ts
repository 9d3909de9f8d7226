import { findDuplicates } from './duplicates.ts';
import { issueAt, locator, type RubricIssue } from './locate.ts';
import type { Rubrics } from './rubric-types.ts';
import type { CaseStudy, Curveball, TalkingPoint } from './schema.ts';
import { STEP_IDS } from './schema.ts';
import { contentStems } from './text.ts';

/** Minimums every case must meet (also enforced by the schema; here so tests can name them). */
export const MINIMUMS = { pointsPerStep: 6, facts: 8, curveballs: 2 } as const;

/**
 * A probe leaks its point when every content word of one of the point's signals appears in it:
 * then the interviewer would be handing over the answer while asking for it.
 */
export function probeLeaks(point: TalkingPoint): string | null {
  const probeWords = new Set(contentStems(point.probe));
  for (const signal of [...point.signals, ...point.plain]) {
    const words = contentStems(signal);
    if (words.length > 0 && words.every((word) => probeWords.has(word))) return signal;
  }
  return null;
}

/**
 * A follow-up leaks when it holds every content word of a signal of another point of its step:
 * asked after one idea, it would hand the candidate the next. Its own point's words are allowed,
 * since the candidate has just said them.
 */
export function followUpLeaks(
  followUp: string,
  point: TalkingPoint,
  stepPoints: readonly TalkingPoint[],
): { point: string; signal: string } | null {
  const words = new Set(contentStems(followUp));
  for (const other of stepPoints) {
    if (other === point) continue;
    for (const signal of [...other.signals, ...other.plain]) {
      const stems = contentStems(signal);
      if (stems.length > 0 && stems.every((stem) => words.has(stem))) return { point: other.id, signal };
    }
  }
  return null;
}

/** Reports a problem at a YAML path of the file being checked. */
export type ReportAt = (path: (string | number)[], message: string) => void;

/** Reports each follow-up of `point` that hands over another point of its step. */
function lintFollowUps(
  point: TalkingPoint,
  stepPoints: readonly TalkingPoint[],
  path: (string | number)[],
  at: ReportAt,
): void {
  point.followUps.forEach((followUp, index) => {
    const leak = followUpLeaks(followUp, point, stepPoints);
    if (leak)
      at(
        [...path, 'followUps', index],
        `the follow-up hands over point "${leak.point}": it contains its signal "${leak.signal}"; ask about this point only`,
      );
  });
}

/**
 * The phrasing checks every talking point gets, in a case or on a drill card: the probe does not
 * give the answer away, no signal is only stop words or a duplicate of another once word endings
 * are ignored, and no plain phrasing is only stop words.
 */
export function lintPointPhrasings(point: TalkingPoint, path: (string | number)[], at: ReportAt): void {
  const leaked = probeLeaks(point);
  if (leaked) {
    at(
      [...path, 'probe'],
      `the probe gives the answer away: it contains the signal "${leaked}"; ask about the need, not the solution`,
    );
  }
  const normalised = point.signals.map((signal) => contentStems(signal).join(' '));
  normalised.forEach((signal, signalIndex) => {
    if (signal === '')
      at([...path, 'signals', signalIndex], 'this signal is only stop words; it can never match');
    else if (normalised.indexOf(signal) !== signalIndex) {
      at(
        [...path, 'signals', signalIndex],
        `signal duplicates "${point.signals[normalised.indexOf(signal)]}" once word endings are ignored`,
      );
    }
  });
  point.plain.forEach((phrase, plainIndex) => {
    if (contentStems(phrase).length === 0)
      at([...path, 'plain', plainIndex], 'this plain phrasing is only stop words; it can never match');
  });
}

/** Checks what the schema cannot: unique ids, leaking probes, duplicate signals, framework overlap. */
export function lintCase(
  study: CaseStudy,
  file: string,
  displayName: string,
  genericTitles: Set<string>,
): RubricIssue[] {
  const issues: RubricIssue[] = [];
  const at = (path: (string | number)[], message: string) =>
    issues.push(issueAt(file, displayName, path, message));

  const pointIds = new Map<string, string>();
  for (const stepId of STEP_IDS) {
    const step = study.steps[stepId];
    step.points.forEach((point, index) => {
      const path = ['steps', stepId, 'points', index];
      const seen = pointIds.get(point.id);
      if (seen) at([...path, 'id'], `duplicate talking point id "${point.id}" (also in ${seen})`);
      pointIds.set(point.id, `steps.${stepId}`);

      lintPointPhrasings(point, path, at);
      lintFollowUps(point, step.points, path, at);
      if (genericTitles.has(point.title.toLowerCase())) {
        at([...path, 'title'], `"${point.title}" repeats a framework point; make it specific to this case`);
      }
    });
    step.redFlags.forEach((flag, index) => {
      if (pointIds.has(flag.id))
        at(['steps', stepId, 'redFlags', index, 'id'], `red flag id "${flag.id}" is also a talking point id`);
    });
  }
  checkUnique(
    study.facts.map((fact) => fact.id),
    'fact',
    (index, message) => at(['facts', index, 'id'], message),
  );
  // "What are we optimising for?" opens nearly every mock; without a goal fact it gets whichever
  // fact its words come nearest.
  if (!study.facts.some((fact) => fact.goal))
    issues.push({
      ...issueAt(
        file,
        displayName,
        ['facts'],
        'no fact is marked `goal: true`; mark the fact that says what the system is for (its goal, targets or what must not get worse), so a question about the goal is answered with it',
      ),
      severity: 'warning',
    });
  checkUnique(
    study.curveballs.map((ball) => ball.id),
    'curveball',
    (index, message) => at(['curveballs', index, 'id'], message),
  );
  return issues;
}

function checkUnique(ids: string[], what: string, report: (index: number, message: string) => void): void {
  ids.forEach((id, index) => {
    if (ids.indexOf(id) !== index) report(index, `duplicate ${what} id "${id}"`);
  });
}

/**
 * Warns about each case point that duplicates a framework point's concept (`findDuplicates`). Not an
 * error: the scorer folds the framework point into the case point, so the rubric still works; the
 * warning tells the author the generic point adds nothing to this case.
 */
export function lintConceptDuplicates(
  rubrics: Pick<Rubrics, 'framework'>,
  study: CaseStudy,
  file: string,
  displayName: string,
): RubricIssue[] {
  const duplicates = findDuplicates(study, rubrics.framework);
  if (duplicates.length === 0) return [];
  const where = locator(file);
  const titles = new Map(rubrics.framework.steps.flatMap((step) => step.points.map((p) => [p.id, p.title])));
  return duplicates.map((dup) => {
    const index = study.steps[dup.step].points.findIndex((point) => point.id === dup.casePointId);
    const path = ['steps', dup.step, 'points', index];
    return {
      file: displayName,
      ...where(path),
      field: path.join('.'),
      severity: 'warning' as const,
      message: `"${dup.casePointId}" covers the framework point "${titles.get(dup.frameworkPointId)}" (${dup.frameworkPointId}), sharing ${dup.sharedPhrases.map((phrase) => `"${phrase}"`).join(', ')}; the scorer folds that point into this one`,
    };
  });
}

/** A curveball's premise names points; an id that is no point would silently never hold. */
export function lintCurveballPremises(
  study: CaseStudy,
  genericIds: ReadonlySet<string>,
  file: string,
  displayName: string,
): RubricIssue[] {
  const known = new Set([
    ...genericIds,
    ...STEP_IDS.flatMap((step) => study.steps[step].points.map((p) => p.id)),
  ]);
  const unknown = (ball: Curveball, index: number, field: 'requires' | 'answeredBy', verb: string) =>
    ball[field]
      .map((id, at) => ({ id, at }))
      .filter(({ id }) => !known.has(id))
      .map(({ id, at }) =>
        issueAt(
          file,
          displayName,
          ['curveballs', index, field, at],
          `curveball "${ball.id}" ${verb} "${id}", which is no talking point of this case or the framework`,
        ),
      );
  return study.curveballs.flatMap((ball, index) => [
    ...unknown(ball, index, 'requires', 'requires'),
    ...unknown(ball, index, 'answeredBy', 'is answered by'),
  ]);
}

/**
 * A framework point marked not applicable must be a point of that step of the framework, and not one
 * the case redefines: an unknown id would silently leave the generic point in place.
 */
export function lintNotApplicable(
  study: CaseStudy,
  framework: Rubrics['framework'],
  file: string,
  displayName: string,
): RubricIssue[] {
  return STEP_IDS.flatMap((step) => {
    const generic = new Set(framework.steps.find((each) => each.id === step)?.points.map((p) => p.id));
    const own = new Set(study.steps[step].points.map((p) => p.id));
    return study.steps[step].notApplicable
      .map((entry, index) => ({ entry, index }))
      .filter(({ entry }) => !generic.has(entry.id) || own.has(entry.id))
      .map(({ entry, index }) =>
        issueAt(
          file,
          displayName,
          ['steps', step, 'notApplicable', index, 'id'],
          own.has(entry.id)
            ? `"${entry.id}" is a talking point of this case: remove it from notApplicable, or the point`
            : `"${entry.id}" is no framework point of the ${step} step; known: ${[...generic].join(', ')}`,
        ),
      );
  });
}

/** Lints every loaded case: errors, then concept-duplicate warnings (which do not stop loading). */
export function lintRubrics(rubrics: Omit<Rubrics, 'warnings'>): RubricIssue[] {
  const genericTitles = new Set(
    rubrics.framework.steps.flatMap((step) => step.points.map((p) => p.title.toLowerCase())),
  );
  const genericIds = new Set(rubrics.framework.steps.flatMap((step) => step.points.map((p) => p.id)));
  const issues: RubricIssue[] = [];
  const warnings: RubricIssue[] = [];
  // The framework's own follow-ups must not hand over another framework point of their step either.
  const atFramework: ReportAt = (path, message) =>
    issues.push(issueAt(rubrics.frameworkPath, rubrics.frameworkFile, path, message));
  rubrics.framework.steps.forEach((step, stepIndex) => {
    step.points.forEach((point, pointIndex) => {
      lintFollowUps(point, step.points, ['steps', stepIndex, 'points', pointIndex], atFramework);
    });
  });
  for (const [id, study] of rubrics.cases) {
    const path = rubrics.paths.get(id);
    if (!path) continue;
    const displayName = rubrics.files.get(id) ?? path;
    issues.push(...lintCase(study, path, displayName, genericTitles));
    issues.push(...lintCurveballPremises(study, genericIds, path, displayName));
    issues.push(...lintNotApplicable(study, rubrics.framework, path, displayName));
    warnings.push(...lintConceptDuplicates(rubrics, study, path, displayName));
  }
  return [...issues, ...warnings];
}
