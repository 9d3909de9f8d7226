import { type InterviewerMove, turnKindOf } from '@mlsd/engine';
import type { Turn } from '@mlsd/protocol';
import type { Voiced } from './brains.ts';
import type { VoiceBatchInput } from './voice.ts';

const FALLBACK: Partial<Record<InterviewerMove['kind'], string>> = {
  'move-on': "Let's move on to the next part.",
  'wrap-up': "That's the end of our time. Thank you.",
  'time-warning': 'About a minute left on this part.',
};

/** Asks the interviewer for the words; a failing interviewer never stalls the interview. */
export async function speak(
  input: VoiceBatchInput,
  move: InterviewerMove,
  transcript: readonly Turn[],
): Promise<Voiced> {
  try {
    return await input.brains.voice({ ...input.ctx, move, transcript, seed: input.seed });
  } catch (error) {
    input.log.error({ err: error, move }, 'the interviewer failed to voice a move; using a neutral line');
    const probed = move.kind === 'probe' ? { probedPointIds: [move.pointId] } : {};
    return { text: fallbackLine(input, move), kind: turnKindOf(move), ...probed };
  }
}

/** A plain line for a move: openings come straight from the rubric so the step still makes sense. */
function fallbackLine(input: VoiceBatchInput, move: InterviewerMove): string {
  if (move.kind !== 'opening') return FALLBACK[move.kind] ?? 'Go on.';
  const opening = input.ctx.caseStudy.steps[move.step].opening;
  return move.withPrompt ? `${input.ctx.caseStudy.prompt}\n\n${opening}` : opening;
}
