import type { Turn } from '@mlsd/protocol';
import { useMemo } from 'react';
import { ComposeBox } from '../../components/compose-box.tsx';

const overLimit = (over: number) => `That is ${over} characters over the limit; split it into two messages.`;

/** What the Hint button says for the candidate: an ordinary message, read as a hint request. */
export const HINT_REQUEST = 'Could I have a hint?';

/**
 * Enter sends, Shift+Enter breaks the line; the draft survives reloads and disconnects. "Hint"
 * sends HINT_REQUEST as a message of its own, so the transcript shows the ask, and leaves the
 * draft alone.
 */
export function AnswerBox({
  sessionId,
  disabledReason,
  onSend,
  replace,
  transcript,
}: {
  sessionId: string;
  disabledReason: string | null;
  onSend: (text: string) => void;
  /** Text to put back in the box (editing a refused message); `n` makes each request distinct. */
  replace: { text: string; n: number } | null;
  /** The room's transcript: its interviewer turns can be read aloud (the speaker toggle). */
  transcript?: readonly Turn[];
}) {
  const interviewerTurns = useMemo(
    () => transcript?.filter((turn) => turn.role === 'interviewer'),
    [transcript],
  );
  return (
    <ComposeBox
      inputId="answer"
      draftKey={sessionId}
      label="Your answer or clarifying question"
      placeholder="Answer, or ask a clarifying question…"
      disabledReason={disabledReason}
      onSend={onSend}
      fill={replace}
      overLimit={overLimit}
      {...(interviewerTurns ? { interviewerTurns } : {})}
      actions={
        <button
          type="button"
          className="button button--quiet"
          onClick={() => onSend(HINT_REQUEST)}
          disabled={disabledReason !== null}
          title="Ask the interviewer for a hint. Each one gives away a little more, and the report counts them."
        >
          Hint
        </button>
      }
    />
  );
}
