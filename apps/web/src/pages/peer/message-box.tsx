import { MAX_ANSWER_CHARS } from '@mlsd/protocol';
import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { answerCheck } from '../../lib/answer-check.ts';
import { browserStore, loadDraft, saveDraft } from '../../lib/storage.ts';

/**
 * The line a seat sends to the shared transcript. Enter sends, Shift+Enter breaks the line, and
 * the draft survives a reload. `fill` puts text in the box for editing (a probe or a fact).
 */
export function MessageBox({
  draftKey,
  label,
  placeholder,
  disabledReason,
  onSend,
  fill,
}: {
  draftKey: string;
  label: string;
  placeholder: string;
  disabledReason: string | null;
  onSend: (text: string) => void;
  fill?: { text: string; n: number } | null;
}) {
  const store = useRef(browserStore()).current;
  const [text, setText] = useState(() => loadDraft(store, draftKey));
  const input = useRef<HTMLTextAreaElement>(null);
  const check = answerCheck(text);
  const canSend = disabledReason === null && check.ok;

  useEffect(() => saveDraft(store, draftKey, text), [store, draftKey, text]);

  useEffect(() => {
    if (!fill) return;
    setText(fill.text);
    input.current?.focus();
  }, [fill]);

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
      <label htmlFor={`box-${draftKey}`} className="visually-hidden">
        {label}
      </label>
      <textarea
        id={`box-${draftKey}`}
        ref={input}
        value={text}
        rows={3}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        placeholder={placeholder}
      />
      <div className="answer-box__bar">
        <span className={`answer-box__hint${disabledReason ? ' answer-box__hint--blocked' : ''}`}>
          {disabledReason ??
            (check.reason === 'too-long'
              ? `That is ${check.over} characters over the limit of ${MAX_ANSWER_CHARS}; split it.`
              : 'Enter to send · Shift+Enter for a new line')}
        </span>
        <button type="submit" className="button button--primary" disabled={!canSend}>
          Send
        </button>
      </div>
    </form>
  );
}
