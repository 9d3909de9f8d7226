import { MAX_ANSWER_CHARS } from '@mlsd/protocol';
import {
  type FormEvent,
  type KeyboardEvent,
  type ReactNode,
  useEffect,
  useId,
  useRef,
  useState,
} from 'react';
import { answerCheck } from '../lib/answer-check.ts';
import { browserStore, loadDraft, saveDraft } from '../lib/storage.ts';
import { InterviewerVoice, type SpokenTurn } from './interviewer-voice.tsx';
import { VoiceInput } from './voice-input.tsx';

/** Text to put in the box; `n` makes each request distinct. */
export type Fill = { text: string; n: number; append?: boolean };

/** `added` after what is typed, on the same line unless the draft ends with a line break. */
export function appendText(current: string, added: string): string {
  if (current.trim() === '') return added;
  return /\s$/.test(current) ? `${current}${added}` : `${current} ${added}`;
}

/**
 * A message box: Enter sends, Shift+Enter breaks the line, and the draft (under `draftKey`)
 * survives reloads and disconnects. `fill` puts text in the box for editing, in place of what is
 * there or (`append`) after it; `n` makes each request distinct. The microphone adds what it hears
 * after the draft, never in its place; with `interviewerTurns`, a speaker toggle reads new ones aloud.
 */
export function ComposeBox({
  inputId,
  draftKey,
  label,
  placeholder,
  disabledReason,
  onSend,
  fill,
  overLimit,
  actions,
  interviewerTurns,
}: {
  inputId: string;
  draftKey: string;
  label: string;
  placeholder: string;
  disabledReason: string | null;
  onSend: (text: string) => void;
  fill?: Fill | null;
  /** The hint when the text is `over` characters too long. */
  overLimit: (over: number) => string;
  /** More buttons beside Send (the solo room's Hint). */
  actions?: ReactNode;
  /** The interviewer's turns so far: shows the speaker toggle that reads new ones aloud. */
  interviewerTurns?: readonly SpokenTurn[];
}) {
  const store = useRef(browserStore()).current;
  const [text, setText] = useState(() => loadDraft(store, draftKey));
  const input = useRef<HTMLTextAreaElement>(null);
  const hintId = useId();
  const check = answerCheck(text);
  const canSend = disabledReason === null && check.ok;

  useEffect(() => saveDraft(store, draftKey, text), [store, draftKey, text]);

  useEffect(() => {
    if (!fill) return;
    setText((current) => (fill.append ? appendText(current, fill.text) : fill.text));
    input.current?.focus();
  }, [fill]);

  function addHeard(heard: string) {
    setText((current) => appendText(current, heard.trim()));
    input.current?.focus();
  }

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
      <label htmlFor={inputId} className="visually-hidden">
        {label}
      </label>
      <textarea
        id={inputId}
        ref={input}
        value={text}
        rows={3}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        aria-describedby={hintId}
        aria-invalid={check.reason === 'too-long'}
        placeholder={placeholder}
      />
      <div className="answer-box__bar">
        <span id={hintId} className={`answer-box__hint${disabledReason ? ' answer-box__hint--blocked' : ''}`}>
          {disabledReason ??
            (check.reason === 'too-long'
              ? overLimit(check.over)
              : 'Enter to send · Shift+Enter for a new line')}
        </span>
        {check.showCount && (
          <span
            className={`answer-box__count answer-box__count--${check.reason === 'too-long' ? 'over' : 'near'}`}
          >
            {check.length.toLocaleString()} / {MAX_ANSWER_CHARS.toLocaleString()}
          </span>
        )}
        <VoiceInput onHeard={addHeard} />
        {interviewerTurns && <InterviewerVoice turns={interviewerTurns} />}
        {actions}
        <button type="submit" className="button button--primary" disabled={!canSend}>
          Send
        </button>
      </div>
    </form>
  );
}
