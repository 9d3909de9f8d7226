import { MAX_NOTES_CHARS } from '@mlsd/protocol';
import { useEffect, useRef, useState } from 'react';

/** The interviewer's own notes: stored with the room, never sent to the candidate. */
export function PrivateNotes({
  serverText,
  connected,
  onSave,
}: {
  serverText: string;
  connected: boolean;
  onSave: (text: string) => boolean;
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
        Private notes <span className="muted small">(only you see these)</span>
      </label>
      <textarea
        id="private-notes"
        value={text}
        maxLength={MAX_NOTES_CHARS}
        placeholder="Impressions, follow-ups, timestamps…"
        onChange={(e) => {
          dirty.current = true;
          setSaved(false);
          setText(e.target.value);
        }}
      />
      <span className="muted small" aria-live="polite">
        {saved ? 'Saved' : connected ? 'Saving…' : 'Not saved yet (offline)'}
      </span>
    </div>
  );
}
