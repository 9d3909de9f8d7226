import { ComposeBox } from '../../components/compose-box.tsx';

const overLimit = (over: number) => `That is ${over} characters over the limit; split it into two messages.`;

/** Enter sends, Shift+Enter breaks the line; the draft survives reloads and disconnects. */
export function AnswerBox({
  sessionId,
  disabledReason,
  onSend,
  replace,
}: {
  sessionId: string;
  disabledReason: string | null;
  onSend: (text: string) => void;
  /** Text to put back in the box (editing a refused message); `n` makes each request distinct. */
  replace: { text: string; n: number } | null;
}) {
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
    />
  );
}
