import { candidateTexts, createOfflineInterviewer, readMessage } from '@mlsd/interviewer';
import { AnalysisCache, buildReport, stepCoverage } from '@mlsd/scoring';
import type { SessionBrains } from './brains.ts';

/** The offline interviewer and the offline scorer (rubric matcher), as one session needs them. */
export function createBrains(): SessionBrains {
  const interviewer = createOfflineInterviewer();
  // For callers that bring no session cache (tools, tests); a live session brings its own.
  const shared = new AnalysisCache();
  return {
    read: (request) => readMessage({ ...request, cache: request.analyses ?? shared }),
    uncovered({ caseStudy, framework, step, transcript, notes, analyses, level }) {
      const cache = analyses ?? shared;
      const texts = candidateTexts(transcript, notes);
      const coverage = stepCoverage(caseStudy, framework, step, texts, cache, level);
      const open = new Set(coverage.uncovered);
      return coverage.points
        .filter((point) => open.has(point.pointId))
        .map((point) => ({ id: point.pointId, weight: point.weight }));
    },
    async voice(request) {
      const utterance = await interviewer.speak(request);
      const { factIds: _facts, ...voiced } = utterance;
      return voiced;
    },
    async report(request) {
      const report = buildReport({
        study: request.caseStudy,
        framework: request.framework,
        turns: request.transcript,
        notes: request.notes,
        durationMinutes: request.durationMinutes,
        sessionId: request.sessionId,
        startedAt: request.startedAt,
        endedAt: request.now,
        now: request.now,
        cache: request.analyses ?? shared,
        ...(request.level ? { level: request.level } : {}),
        ...(request.persona ? { persona: request.persona } : {}),
      });
      if (!request.degraded) return report;
      const flag = {
        kind: 'degraded' as const,
        message: 'No language model was available; the offline interviewer ran this session.',
      };
      return { ...report, flags: [...report.flags, flag] };
    },
  };
}
