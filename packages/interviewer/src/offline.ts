import { turnKindOf } from '@mlsd/engine';
import type { StepId } from '@mlsd/protocol';
import type { CaseStudy, Framework, TalkingPoint } from '@mlsd/rubric';
import { factIndexFor } from './facts.ts';
import type { Interviewer, SpeakOptions, SpeakRequest, TranscriptLine, Utterance } from './interviewer.ts';
import { fill, LINES } from './lines.ts';
import { pick, turnRng } from './rng.ts';

/** Voices one move from the rubric alone: deterministic for a given seed and move index. */
export function voiceOffline(request: SpeakRequest): Utterance {
  const { move, caseStudy, framework, transcript } = request;
  const rng = turnRng(request.seed, move.index);
  const previous = lastLine(transcript, 'interviewer');
  /** Picks `lead` + `body`, never repeating the previous line or its lead-in. */
  const choose = (leads: readonly string[], body = '', values: Record<string, string | number> = {}) => {
    const lead = pick(rng, leads, (option) => {
      const text = join(fill(option, values), body);
      return text === previous || (option !== '' && previous?.startsWith(fill(option, values)) === true);
    });
    return join(fill(lead, values), body);
  };
  const kind = turnKindOf(move);
  const title = (step: StepId) => lowerFirst(stepTitle(framework, step));

  switch (move.kind) {
    case 'opening': {
      const opening =
        caseStudy.steps[move.step].opening || frameworkStep(framework, move.step)?.opening || '';
      if (move.withPrompt) {
        return { kind, text: `${choose(LINES.firstOpening)} ${caseStudy.prompt}\n\n${opening}` };
      }
      // After "All right, on to data and features." the opening does not name the step again.
      const named = previous?.includes(title(move.step)) ?? false;
      return { kind, text: named ? opening : choose(LINES.opening, opening, { title: title(move.step) }) };
    }
    case 'answer-question': {
      const question = lastLine(transcript, 'candidate') ?? '';
      const matches = factIndexFor(caseStudy).search(question);
      if (matches.length === 0) return { kind, text: choose(LINES.noFact), factIds: [] };
      const body = matches.map((match) => match.fact.answer).join(' ');
      return { kind, text: choose(LINES.factLead, body), factIds: matches.map((match) => match.fact.id) };
    }
    case 'probe': {
      const point = findPoint(caseStudy, framework, move.step, move.pointId);
      if (!point) return { kind, text: choose(LINES.probeFallback) };
      // Only the probe: never the point's strong answer or signals, which would give it away.
      return { kind, text: choose(LINES.probeLead, point.probe), probedPointIds: [point.id] };
    }
    case 'acknowledge': {
      const pool = move.late
        ? LINES.acknowledgeLate
        : move.allCovered
          ? LINES.acknowledgeCovered
          : LINES.acknowledge;
      return { kind, text: choose(pool) };
    }
    case 'curveball': {
      const ball = caseStudy.curveballs.find((candidate) => candidate.id === move.curveballId);
      if (!ball) return { kind, text: choose(LINES.probeFallback) };
      return { kind, text: join(choose(LINES.curveballLead, ball.text), pick(rng, LINES.curveballAsk)) };
    }
    case 'time-warning': {
      const seconds = Math.round(move.remainingMs / 10_000) * 10;
      if (move.remainingMs >= 50_000) return { kind, text: choose(LINES.warningMinute) };
      return { kind, text: choose(LINES.warningSeconds, '', { n: Math.max(seconds, 10) }) };
    }
    case 'move-on': {
      const pool = move.reason === 'time-up' ? LINES.moveOnTime : LINES.moveOnCandidate;
      return { kind, text: choose(pool, '', { title: title(move.step), next: title(move.nextStep) }) };
    }
    case 'wrap-up': {
      const pool =
        move.reason === 'completed'
          ? LINES.wrapUpCompleted
          : move.reason === 'time-up'
            ? LINES.wrapUpTimeUp
            : LINES.wrapUpEarly;
      return { kind, text: choose(pool) };
    }
  }
}

/** The offline interviewer behind the common interface; it "streams" its line in one piece. */
export function createOfflineInterviewer(): Interviewer {
  return {
    kind: 'offline',
    async speak(request: SpeakRequest, options?: SpeakOptions): Promise<Utterance> {
      options?.signal?.throwIfAborted();
      const utterance = voiceOffline(request);
      options?.onDelta?.(utterance.text);
      return utterance;
    },
  };
}

function frameworkStep(framework: Framework, step: StepId) {
  return framework.steps.find((candidate) => candidate.id === step);
}

function stepTitle(framework: Framework, step: StepId): string {
  return frameworkStep(framework, step)?.title ?? step;
}

/** A point of the step: the case's own first, then the framework's generic ones. */
export function findPoint(
  caseStudy: CaseStudy,
  framework: Framework,
  step: StepId,
  pointId: string,
): TalkingPoint | undefined {
  return (
    caseStudy.steps[step].points.find((point) => point.id === pointId) ??
    frameworkStep(framework, step)?.points.find((point) => point.id === pointId)
  );
}

function lastLine(transcript: readonly TranscriptLine[], role: TranscriptLine['role']): string | undefined {
  for (let i = transcript.length - 1; i >= 0; i--) {
    const line = transcript[i];
    if (line?.role === role) return line.text;
  }
  return undefined;
}

function join(lead: string, body: string): string {
  return [lead, body].filter((part) => part.length > 0).join(' ');
}

/** "Requirements and scope" -> "requirements and scope", but "ML task" keeps its capitals. */
function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}
