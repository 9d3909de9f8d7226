import { MAX_NOTES_CHARS } from '@mlsd/protocol';
import { useEffect, useRef, useState } from 'react';

type SaveState = 'saved' | 'saving' | 'offline';

const LABEL: Record<SaveState, string> = {
  saved: 'Saved',
  saving: 'Saving…',
  offline: 'Not saved yet (offline)',
};

/** A scratch pad sent to the server a moment after typing stops (last write wins). */
export function NotesPad({
  serverNotes,
  connected,
  onSave,
}: {
  serverNotes: string;
  connected: boolean;
  onSave: (text: string) => boolean;
}) {
  const [text, setText] = useState(serverNotes);
  const [saveState, setSaveState] = useState<SaveState>('saved');
  const dirty = useRef(false);

  useEffect(() => {
    if (!dirty.current) setText(serverNotes);
  }, [serverNotes]);

  useEffect(() => {
    if (!dirty.current) return;
    if (!connected) {
      setSaveState('offline');
      return;
    }
    setSaveState('saving');
    const id = window.setTimeout(() => {
      if (onSave(text)) {
        dirty.current = false;
        setSaveState('saved');
      }
    }, 800);
    return () => window.clearTimeout(id);
  }, [text, connected, onSave]);

  return (
    <div className="notes">
      <div className="notes__head">
        <label htmlFor="notes-pad">Notes</label>
        <span className="notes__state" aria-live="polite">
          {LABEL[saveState]}
        </span>
      </div>
      <textarea
        id="notes-pad"
        className="notes__pad"
        value={text}
        maxLength={MAX_NOTES_CHARS}
        spellCheck={false}
        placeholder={
          'Numbers, a sketch of the pipeline, open questions…\n\nuser → candidates (ANN, 1k) → ranker → top 20'
        }
        onChange={(e) => {
          dirty.current = true;
          setText(e.target.value);
        }}
      />
      <p className="notes__hint">Your notes count as your own words in the report.</p>
    </div>
  );
}
