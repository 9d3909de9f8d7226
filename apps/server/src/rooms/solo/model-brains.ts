import { createModelVoice, createOfflineInterviewer, type VoiceOutcome } from '@mlsd/interviewer';
import type { Report, ReportFlag } from '@mlsd/protocol';
import { judgeSession } from '@mlsd/scoring';
import type { FastifyBaseLogger } from 'fastify';
import type { ModelParts } from '../../plugins/llm.ts';
import type { SessionBrains, SessionVoice, Voiced } from './brains.ts';

const MODEL_DEGRADED: ReportFlag = {
  kind: 'degraded',
  message:
    'The language model failed during this session; the offline interviewer voiced the turns it could not.',
};

/**
 * `base` (the offline interviewer and scorer) with the model on top: `llm` sessions get a model
 * voice that falls back to the offline interviewer, and their report is graded by the model judge,
 * next to the offline scorer (or by the offline scorer alone, flagged, when the judge fails).
 */
export function withModel(base: SessionBrains, model: ModelParts, log: FastifyBaseLogger): SessionBrains {
  return {
    modelAvailable: true,
    read: (request) => base.read(request),
    uncovered: (request) => base.uncovered(request),
    voice: (request) => base.voice(request),
    openVoice(kind) {
      if (kind !== 'llm') return null;
      return sessionVoice(model, log);
    },
    async report(request) {
      if (request.interviewer !== 'llm') return base.report(request);
      const offline = await base.report({ ...request, degraded: false });
      const outcome = await judgeSession({
        client: model.judge,
        prompts: model.prompts.judge,
        study: request.caseStudy,
        framework: request.framework,
        turns: request.transcript,
        notes: request.notes,
        offline,
        now: request.now,
        ...(request.signal ? { signal: request.signal } : {}),
      });
      // A shutdown is not a judge failure: build nothing, the restarted server finishes the session.
      request.signal?.throwIfAborted();
      const { stats } = outcome;
      let report: Report;
      if (outcome.ok) {
        log.info({ sessionId: request.sessionId, stats }, 'the model judge graded the session');
        report = { ...outcome.report, comparison: outcome.comparison };
      } else {
        log.warn(
          { sessionId: request.sessionId, stats, error: outcome.error },
          'the model judge failed; the report is the offline scorer’s',
        );
        report = outcome.report;
      }
      return request.degraded ? { ...report, flags: [...report.flags, MODEL_DEGRADED] } : report;
    },
  };
}

/** One session's model voice: its own failure counter, so one session's dead model is not another's. */
function sessionVoice(model: ModelParts, log: FastifyBaseLogger): SessionVoice {
  const voice = createModelVoice(model.interviewer, createOfflineInterviewer());
  return {
    async speak(request, options) {
      return toVoiced(await voice.speak(request, options));
    },
    async choose(request, options) {
      const outcome = await voice.choose(request, options);
      return {
        ...toVoiced(outcome),
        chosen: outcome.chosen,
        seen: outcome.seen.map((point) => point.id),
        rejected: outcome.rejected,
        dropped: outcome.dropped,
      };
    },
    async plan(request, signal) {
      // A model that keeps failing is not asked to read either: the offline reading stands.
      if (voice.disabled) return request.offline;
      try {
        const outcome = await model.plan({ ...request, signal });
        if (!outcome.ok)
          log.warn({ error: outcome.error }, "the model's plan was invalid twice; using the offline reading");
        else if (outcome.dropped.length > 0)
          log.info({ dropped: outcome.dropped }, "parts of the model's plan failed checks");
        return outcome.reading;
      } catch (error) {
        signal.throwIfAborted();
        log.warn({ err: error }, 'the model could not read the message; using the offline reading');
        return request.offline;
      }
    },
  };
}

function toVoiced(outcome: VoiceOutcome): Voiced {
  const { utterance } = outcome;
  const voiced: Voiced = {
    text: utterance.text,
    kind: utterance.kind,
    source: outcome.source,
    fallback: outcome.fallback?.reason ?? null,
    discardDraft: outcome.discardDraft,
  };
  const { probedPointIds, hintLevel, hintPointIds, challengedFlagIds, curveballId } = utterance;
  Object.assign(
    voiced,
    Object.fromEntries(
      Object.entries({ probedPointIds, hintLevel, hintPointIds, challengedFlagIds, curveballId }).filter(
        ([, value]) => value !== undefined,
      ),
    ),
  );
  if (outcome.fallback?.reason === 'failed') voiced.error = outcome.fallback.error;
  return voiced;
}
