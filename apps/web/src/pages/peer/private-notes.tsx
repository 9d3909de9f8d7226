import { MAX_NOTES_CHARS } from '@mlsd/protocol';
import { useEffect, useRef, useState } from 'react';

/**
 * The interviewer's own notes: stored with the room, never sent to the candidate. `readOnly`
 * shows them to an observer the interviewer shared the console with.
 */
export function PrivateNotes({
  serverText,
  connected,
  onSave,
  readOnly = false,
}: {
  serverText: string;
  connected: boolean;
  onSave: (text: string) => boolean;
  readOnly?: boolean;
}) {
  const [text, setText] = useState(serverText);
  const [saved, setSaved] = useState(true);
  const dirty = useRef(false);

  useEffect(() => {
    if (!dirty.current) setText(serverText);
  }, [serverText]);

  useEffect(() => {
    if (!dirty.current || !connected) return;
    const timer = window.setTimeout(() => {
      if (onSave(text)) {
        dirty.current = false;
        setSaved(true);
      }
    }, 700);
    return () => window.clearTimeout(timer);
  }, [text, connected, onSave]);

  return (
    <div className="private-notes">
      <label htmlFor="private-notes">
        {readOnly ? "Interviewer's notes" : 'Private notes'}{' '}
        <span className="muted small">(never shown to the candidate)</span>
      </label>
      <textarea
        id="private-notes"
        value={text}
        readOnly={readOnly}
        maxLength={MAX_NOTES_CHARS}
        placeholder={readOnly ? 'No notes yet.' : 'Impressions, follow-ups, timestamps…'}
        onChange={(e) => {
          dirty.current = true;
          setSaved(false);
          setText(e.target.value);
        }}
      />
      {!readOnly && (
        <span className="muted small" aria-live="polite">
          {saved ? 'Saved' : connected ? 'Saving…' : 'Not saved yet (offline)'}
        </span>
      )}
    </div>
  );
}
