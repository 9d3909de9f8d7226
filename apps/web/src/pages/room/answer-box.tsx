import { MAX_ANSWER_CHARS } from '@mlsd/protocol';
import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { answerCheck } from '../../lib/answer-check.ts';
import { browserStore, loadDraft, saveDraft } from '../../lib/storage.ts';

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
  const store = useRef(browserStore()).current;
  const [text, setText] = useState(() => loadDraft(store, sessionId));
  const input = useRef<HTMLTextAreaElement>(null);
  const hintId = useId();
  const check = answerCheck(text);
  const canSend = disabledReason === null && check.ok;

  useEffect(() => saveDraft(store, sessionId, text), [store, sessionId, text]);

  useEffect(() => {
    if (!replace) return;
    setText(replace.text);
    input.current?.focus();
  }, [replace]);

  function submit(event?: FormEvent) {
    event?.preventDefault();
    if (!canSend) return;
    onSend(text.trim());
    setText('');
    input.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  }

  return (
    <form className="answer-box" onSubmit={submit}>
      <label htmlFor="answer" className="visually-hidden">
        Your answer or clarifying question
      </label>
      <textarea
        id="answer"
        ref={input}
        value={text}
        rows={3}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        aria-describedby={hintId}
        aria-invalid={check.reason === 'too-long'}
        placeholder="Answer, or ask a clarifying question…"
      />
      <div className="answer-box__bar">
        <span id={hintId} className={`answer-box__hint${disabledReason ? ' answer-box__hint--blocked' : ''}`}>
          {disabledReason ??
            (check.reason === 'too-long'
              ? `That is ${check.over} characters over the limit; split it into two messages.`
              : 'Enter to send · Shift+Enter for a new line')}
        </span>
        {check.showCount && (
          <span
            className={`answer-box__count answer-box__count--${check.reason === 'too-long' ? 'over' : 'near'}`}
          >
            {check.length.toLocaleString()} / {MAX_ANSWER_CHARS.toLocaleString()}
          </span>
        )}
        <button type="submit" className="button button--primary" disabled={!canSend}>
          Send
        </button>
      </div>
    </form>
  );
}
