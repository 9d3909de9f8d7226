import type { Report, TranscriptFile } from '@mlsd/protocol';
import type { CaseStudy, Framework } from '@mlsd/rubric';
import type { AnalysisCache } from './analyse.ts';
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
  return {
    ok: true,
    value: scoreSession({
      study,
      framework: rubrics.framework,
      turns: file.turns.map((turn) => ({
        role: turn.role,
        text: turn.text,
        step: turn.step ?? null,
        atMs: turn.t === undefined ? null : Math.round(turn.t * 1000),
        ...turnMeta(turn),
      })),
      notes: file.notes ?? '',
      durationMinutes: file.durationMinutes ?? 45,
      startMs: timed ? 0 : null,
      endMs: null,
      ...(options.now === undefined ? {} : { now: options.now }),
      ...(options.cache ? { cache: options.cache } : {}),
    }),
  };
}
