import { createOfflineInterviewer, looksLikeQuestion } from '@mlsd/interviewer';
import type { Turn } from '@mlsd/protocol';
import { AnalysisCache, buildReport, type CoverageText, stepCoverage } from '@mlsd/scoring';
import type { SessionBrains } from './brains.ts';

/**
 * Candidate-authored texts for the matcher: every answer (with the interviewer turn it replies
 * to, so an echo of the question earns nothing) and the notes pad. Never interviewer words.
 */
function candidateTexts(transcript: readonly Turn[], notes: string): CoverageText[] {
  const texts: CoverageText[] = [];
  let lastInterviewer: string | undefined;
  for (const turn of transcript) {
    if (turn.role === 'interviewer') {
      lastInterviewer = turn.text;
      continue;
    }
    texts.push(lastInterviewer === undefined ? turn.text : { text: turn.text, inReplyTo: lastInterviewer });
  }
  if (notes.trim() !== '') texts.push(notes);
  return texts;
}

/** The offline interviewer and the offline scorer (rubric matcher), as one session needs them. */
export function createBrains(): SessionBrains {
  const interviewer = createOfflineInterviewer();
  // Bounded by the scorer; shared by all sessions since entries are keyed by text.
  const cache = new AnalysisCache();
  return {
    looksLikeQuestion,
    uncovered({ caseStudy, framework, step, transcript, notes }) {
      const coverage = stepCoverage(caseStudy, framework, step, candidateTexts(transcript, notes), cache);
      return coverage.points
        .filter((point) => point.level === 'missed')
        .map((point) => ({ id: point.pointId, weight: point.weight }));
    },
    async voice(request) {
      const utterance = await interviewer.speak(request);
      return {
        text: utterance.text,
        kind: utterance.kind,
        ...(utterance.probedPointIds ? { probedPointIds: utterance.probedPointIds } : {}),
      };
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
        cache,
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
