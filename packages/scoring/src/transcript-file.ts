import type { Report, TranscriptFile } from '@mlsd/protocol';
import type { CaseStudy, Framework } from '@mlsd/rubric';
import type { AnalysisCache } from './analyse.ts';
import { checkTurns } from './input-checks.ts';
import { scoreSession } from './report.ts';
import { turnMeta } from './session.ts';

export type ScoreError = { code: 'CASE_NOT_FOUND'; message: string; knownCases: string[] };
export type ScoreResult = { ok: true; value: Report } | { ok: false; error: ScoreError };

/**
 * Scores a transcript file (`mlsd score`, calibration). Turn times `t` are seconds since the
 * start; turns without `step` inherit the step before them.
 */
export function scoreTranscript(
  file: TranscriptFile,
  rubrics: { framework: Framework; cases: ReadonlyMap<string, CaseStudy> },
  options: { now?: number; cache?: AnalysisCache } = {},
): ScoreResult {
  const study = rubrics.cases.get(file.caseId);
  if (!study) {
    const knownCases = [...rubrics.cases.keys()].sort();
    return {
      ok: false,
      error: {
        code: 'CASE_NOT_FOUND',
        message: `unknown case '${file.caseId}'; known cases: ${knownCases.join(', ') || '(none)'}`,
        knownCases,
      },
    };
  }
  const timed = file.turns.some((turn) => turn.t !== undefined);
  const checked = checkTurns(file.turns);
  const report = scoreSession({
    study,
    framework: rubrics.framework,
    turns: checked.turns.map(({ role, text, step, source }) => ({
      role,
      text,
      step,
      atMs: source.t === undefined ? null : Math.round(source.t * 1000),
      ...turnMeta(source),
    })),
    notes: file.notes ?? '',
    durationMinutes: file.durationMinutes ?? 45,
    startMs: timed ? 0 : null,
    endMs: null,
    ...(options.now === undefined ? {} : { now: options.now }),
    ...(options.cache ? { cache: options.cache } : {}),
  });
  if (checked.notes.length === 0) return { ok: true, value: report };
  const flag = { kind: 'ignored-input' as const, message: `Set aside: ${checked.notes.join('; ')}.` };
  return { ok: true, value: { ...report, flags: [...report.flags, flag] } };
}
