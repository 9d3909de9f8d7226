import { type InterviewerMove, turnKindOf } from '@mlsd/engine';
import { STEP_IDS, type StepId } from '@mlsd/protocol';
import type { CaseStudy, Framework, TalkingPoint } from '@mlsd/rubric';
import type { Interviewer, SpeakOptions, SpeakRequest, TranscriptLine, Utterance } from './interviewer.ts';
import { fill } from './lines.ts';
import { type Lines, linesFor } from './persona-lines.ts';
import { questionAgain } from './question-again.ts';
import { asksReason } from './reading/why-asked.ts';
import {
  clockSentence,
  type ReplyVoice,
  remindersOf,
  voiceChallenge,
  voiceClarify,
  voiceDefine,
  voiceFacts,
  voiceFollowUp,
  voiceHint,
  voiceRedirect,
} from './replies.ts';
import { pick, turnRng } from './rng.ts';

/** How many of the interviewer's last lines a lead-in is not reused after. */
const RECENT_LEADS = 4;

/** Voices one move from the rubric alone: deterministic for a given seed and move index. */
export function voiceOffline(request: SpeakRequest): Utterance {
  const { move, caseStudy, framework, transcript } = request;
  // "I'd use a GBDT. Is this the last section?": the clock first, then a fact checked in passing,
  // then the reply to the answer. (A redirect says the clock itself.)
  const lead = moveLead(request);
  if (lead !== '') {
    const { clock: _clock, reminds: _reminds, ...bare } = move;
    const reply = voiceOffline({ ...request, move: bare as InterviewerMove });
    return { ...reply, text: `${lead} ${reply.text}` };
  }
  const rng = turnRng(request.seed, move.index);
  const lines = linesFor(request.persona);
  const previous = lastLine(transcript, 'interviewer');
  const spoken = new Set(transcript.filter((line) => line.role === 'interviewer').map((line) => line.text));
  // The last few lines' lead-ins: "Let me push on one thing." three probes running reads as a script.
  const recent = transcript
    .filter((line) => line.role === 'interviewer')
    .slice(-RECENT_LEADS)
    .map((line) => line.text);
  /**
   * Picks `lead` + `body`, never an earlier interviewer line word for word, nor a lead-in one of
   * the last few lines opened with (an empty lead is always allowed).
   */
  const choose = (leads: readonly string[], body = '', values: Record<string, string | number> = {}) => {
    const lead = pick(rng, leads, (option) => {
      const text = join(fill(option, values), body);
      const opened = (line: string) => line.startsWith(fill(option, values));
      return spoken.has(text) || (option !== '' && recent.some(opened));
    });
    return join(fill(lead, values), body);
  };
  const kind = turnKindOf(move);
  const title = (step: StepId) => lowerFirst(stepTitle(framework, step));
  const voice: ReplyVoice = {
    caseStudy,
    framework,
    said: lastLine(transcript, 'candidate') ?? '',
    saidLately: lately(transcript, move.step),
    choose,
    point: (step, pointId) => findPoint(caseStudy, framework, step, pointId),
    title,
    lines,
    hasSaid: (text) => [...spoken].some((line) => line.includes(text)),
    ...(previous === undefined ? {} : { lineBefore: previous }),
    ...questionAgain(lastAsked(transcript), {
      caseStudy,
      framework,
      step: move.step,
      stepQuestion: caseStudy.steps[move.step].opening || frameworkStep(framework, move.step)?.opening || '',
      lines,
      title: title(move.step),
      hasSaid: (text) => [...spoken].some((line) => line.includes(text)),
      unsaid: (options) =>
        options.find((option) => ![...spoken].some((line) => line.includes(option))) ?? options[0] ?? '',
    }),
  };

  switch (move.kind) {
    case 'opening': {
      const opening =
        caseStudy.steps[move.step].opening || frameworkStep(framework, move.step)?.opening || '';
      if (move.withPrompt) {
        return { kind, text: `${choose(lines.firstOpening)} ${caseStudy.prompt}\n\n${opening}` };
      }
      // After "All right, on to data and features." the opening does not name the step again.
      const named = previous?.includes(title(move.step)) ?? false;
      return { kind, text: named ? opening : choose(lines.opening, opening, { title: title(move.step) }) };
    }
    case 'answer-facts':
      return voiceFacts(voice, move);
    case 'clarify':
      return voiceClarify(voice, move);
    case 'define':
      return voiceDefine(voice, move);
    case 'hint':
      return voiceHint(voice, move);
    case 'follow-up':
      return voiceFollowUp(voice, move);
    case 'challenge':
      return voiceChallenge(voice, move);
    case 'redirect':
      return voiceRedirect(voice, move);
    case 'interrupt':
      return { kind, text: choose(lines.interrupt) };
    case 'probe': {
      const point = findPoint(caseStudy, framework, move.step, move.pointId);
      if (!point) return { kind, text: choose(lines.probeFallback) };
      // Answered with something else: the question as it was asked (the probe or a follow-up of
      // the point), said to be the same one.
      if (move.sidestepped) {
        const asked = questionAsked(transcript, [point.probe, ...point.followUps]) ?? point.probe;
        return { kind, text: choose(lines.probeSidestepped, asked), probedPointIds: [point.id] };
      }
      // Only the probe: never the point's strong answer or signals, which would give it away. When
      // the line before already asked it (a hint that pointed there), say that it is asked again.
      const again = previous?.includes(point.probe) === true;
      return {
        kind,
        text: choose(
          again ? lines.probeAgain : move.raised ? lines.probeRaised : lines.probeLead,
          point.probe,
        ),
        probedPointIds: [point.id],
      };
    }
    case 'acknowledge': {
      const values = { title: title(move.step) };
      if (move.late) return { kind, text: choose(lines.acknowledgeLate) };
      // "Why does a rolling split matter if the data is huge?": the reasoning is theirs to give.
      if (move.turnBack)
        return {
          kind,
          text: choose(asksReason(voice.said) ? lines.turnBackWhy : lines.turnBack),
        };
      // A push-back disputed: conceded, then the floor back; or said to stand, and the floor back.
      if (move.rebuttal === 'conceded')
        return {
          kind,
          text: chooseAck(choose, rng, spoken, lines.challengeConceded, lines.acknowledgeInvite, values),
        };
      if (move.rebuttal === 'stands') return { kind: 'follow-up', text: choose(lines.challengeStands) };
      // "I already said that": owned in a few words, then the floor back.
      if (move.neverSaid)
        return {
          kind,
          text: chooseAck(choose, rng, spoken, lines.neverSaid, lines.acknowledgeInvite, values),
        };
      if (move.answeredAlready === 'unseen') return { kind, text: choose(lines.answeredAlreadyUnseen) };
      if (move.answeredAlready)
        return {
          kind,
          text: chooseAck(choose, rng, spoken, lines.answeredAlready, lines.acknowledgeInvite, values),
        };
      // "Does that answer your question?": whether it did, then the floor, or the question again.
      const point = move.pointId ? findPoint(caseStudy, framework, move.step, move.pointId) : undefined;
      if (move.answered === 'partly' && point) {
        const partly = voice.hasSaid(point.probe)
          ? lines.answeredPartlyAgain
          : lines.answeredPartlyOtherWords;
        return { kind: 'follow-up', text: choose(partly, point.probe) };
      }
      // "Yes, that answers it." leads like any acknowledgement when the answer landed.
      const lead = move.answered === 'yes' ? lines.answeredYes : lines.acknowledge;
      // The last step offers to finish only once its ground is covered: "anything else before we
      // wrap up?" after the first monitoring answer sounds like a hint to stop.
      if (move.lastStep && move.allCovered)
        return { kind, text: choose(lead, pickLine(rng, lines.acknowledgeLastStep, values)) };
      const pool = move.allCovered && !move.lastStep ? lines.acknowledgeCovered : lines.acknowledgeInvite;
      // Lead and invitation are picked together so the pair, not only the lead, is new.
      return { kind, text: chooseAck(choose, rng, spoken, lead, pool, values) };
    }
    case 'curveball': {
      const ball = caseStudy.curveballs.find((candidate) => candidate.id === move.curveballId);
      if (!ball) return { kind, text: choose(lines.probeFallback) };
      // Put again (`again`): the scenario once more with its own lead, never "let me change one thing".
      const leads = move.waved
        ? lines.curveballWaved
        : move.again
          ? lines.curveballAgain
          : lines.curveballLead;
      return {
        kind,
        // A curveball that already ends on its question ("What changes?") is not asked twice.
        text: /\?\s*$/.test(ball.text)
          ? choose(leads, ball.text)
          : join(choose(leads, ball.text), pick(rng, lines.curveballAsk)),
        curveballId: ball.id,
      };
    }
    case 'time-warning': {
      const seconds = Math.round(move.remainingMs / 10_000) * 10;
      const values = { title: title(move.step), n: Math.max(seconds, 10) };
      if (move.remainingMs >= 50_000) return { kind, text: choose(lines.warningMinute, '', values) };
      return { kind, text: choose(lines.warningSeconds, '', values) };
    }
    case 'move-on': {
      const pool =
        move.reason === 'time-up'
          ? lines.moveOnTime
          : move.asked
            ? lines.moveOnInOrder
            : lines.moveOnCandidate;
      const values = {
        title: title(move.step),
        next: title(move.nextStep),
        asked: title(move.asked ?? move.nextStep),
      };
      return { kind, text: choose(pool, '', values) };
    }
    case 'wrap-up': {
      const pool =
        move.reason === 'completed'
          ? lines.wrapUpCompleted
          : move.reason === 'time-up'
            ? lines.wrapUpTimeUp
            : move.step === STEP_IDS.at(-1)
              ? lines.wrapUpLastPart
              : lines.wrapUpEarly;
      return { kind, text: choose(pool) };
    }
  }
}

/**
 * What is said ahead of a reply: the clock (MoveBase.clock, said by a redirect itself) and facts
 * checked in passing (MoveBase.reminds). Empty when the move carries neither.
 */
export function moveLead(request: SpeakRequest): string {
  const { move } = request;
  const clock = move.kind === 'redirect' ? undefined : move.clock;
  if (clock === undefined && !move.reminds?.length) return '';
  const rng = turnRng(request.seed, move.index);
  const choose = (leads: readonly string[], _body = '', values: Record<string, string | number> = {}) =>
    fill(pick(rng, leads), values);
  const title = (step: StepId) => lowerFirst(stepTitle(request.framework, step));
  const lines = linesFor(request.persona);
  const said = lastLine(request.transcript, 'candidate') ?? '';
  return [
    clock === undefined ? '' : clockSentence({ choose, title, lines }, clock, move.step),
    move.reminds?.length
      ? remindersOf({ caseStudy: request.caseStudy, said, choose, lines }, move.reminds)
      : '',
  ]
    .filter((part) => part !== '')
    .join(' ');
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

/** An acknowledgement lead and invitation that, together, were not said before in the session. */
function chooseAck(
  choose: (leads: readonly string[], body?: string) => string,
  rng: () => number,
  spoken: Set<string>,
  leads: Lines['acknowledge'],
  invitations: readonly string[],
  values: Record<string, string | number>,
): string {
  let text = '';
  for (let attempt = 0; attempt < 8; attempt++) {
    text = choose(leads, pickLine(rng, invitations, values));
    if (!spoken.has(text)) return text;
  }
  return text;
}

function pickLine(
  rng: () => number,
  pool: readonly string[],
  values: Record<string, string | number>,
): string {
  return fill(pick(rng, pool), values);
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

/** The latest of `questions` an interviewer line of the transcript asked. */
function questionAsked(
  transcript: readonly TranscriptLine[],
  questions: readonly string[],
): string | undefined {
  for (let i = transcript.length - 1; i >= 0; i--) {
    const line = transcript[i];
    if (line?.role !== 'interviewer') continue;
    const asked = questions.find((question) => question !== '' && line.text.includes(question));
    if (asked !== undefined) return asked;
  }
  return undefined;
}

/** The interviewer's last line before the candidate's message, a time warning aside (it asks nothing). */
function lastAsked(transcript: readonly TranscriptLine[]): string | undefined {
  for (let i = transcript.length - 1; i >= 0; i--) {
    const line = transcript[i];
    if (line?.role === 'interviewer' && line.kind !== 'warning') return line.text;
  }
  return undefined;
}

function lastLine(transcript: readonly TranscriptLine[], role: TranscriptLine['role']): string | undefined {
  for (let i = transcript.length - 1; i >= 0; i--) {
    const line = transcript[i];
    if (line?.role === role) return line.text;
  }
  return undefined;
}

/** How many of the step's latest candidate messages a follow-up must not ask back. */
const LATELY = 3;

/** The candidate's last messages in `step` (a line without a step counts as in it), latest last. */
function lately(transcript: readonly TranscriptLine[], step: StepId): string[] {
  return transcript
    .filter((line) => line.role === 'candidate' && (line.step === undefined || line.step === step))
    .slice(-LATELY)
    .map((line) => line.text);
}

function join(lead: string, body: string): string {
  return [lead, body].filter((part) => part.length > 0).join(' ');
}

/** "Requirements and scope" -> "requirements and scope", but "ML task" keeps its capitals. */
function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}
