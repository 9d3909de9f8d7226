import { MAX_NOTES_CHARS } from '@mlsd/protocol';
import { useEffect, useId, useRef, useState } from 'react';
import { MarkdownView } from './markdown-view.tsx';
import '../styles/peer.css';

type SaveState = 'saved' | 'saving' | 'offline';

const LABEL: Record<SaveState, string> = {
  saved: 'Saved',
  saving: 'Saving…',
  offline: 'Not saved yet (offline)',
};

const PLACEHOLDER = `Markdown and diagrams. For example:

## Numbers
- 300M daily users, 100 ms budget

\`\`\`mermaid
graph LR
  user --> candidates --> ranker --> feed
\`\`\``;

/**
 * The notes and diagram pad: markdown on the left, drawn live on the right (mermaid blocks as
 * diagrams). It is sent a moment after typing stops (last write wins) and counts as the
 * candidate's own words. `readOnly` (an observer) shows the server's text as it arrives, drawn.
 */
export function DiagramPad({
  serverText,
  connected,
  onSave,
  saveDelayMs = 800,
  hint = 'Your notes count as your own words in the report.',
  readOnly = false,
}: {
  serverText: string;
  connected: boolean;
  onSave: (text: string) => boolean;
  saveDelayMs?: number;
  hint?: string;
  readOnly?: boolean;
}) {
  const [text, setText] = useState(serverText);
  const [saveState, setSaveState] = useState<SaveState>('saved');
  const [view, setView] = useState<'write' | 'preview'>(readOnly ? 'preview' : 'write');
  const dirty = useRef(false);
  const id = useId();

  useEffect(() => {
    if (!dirty.current) setText(serverText);
  }, [serverText]);

  useEffect(() => {
    if (!dirty.current) return;
    if (!connected) {
      setSaveState('offline');
      return;
    }
    setSaveState('saving');
    const timer = window.setTimeout(() => {
      if (onSave(text)) {
        dirty.current = false;
        setSaveState('saved');
      }
    }, saveDelayMs);
    return () => window.clearTimeout(timer);
  }, [text, connected, onSave, saveDelayMs]);

  return (
    <div className={`diagram-pad diagram-pad--${view}`}>
      <div className="diagram-pad__head">
        <label htmlFor={id}>Notes &amp; diagrams</label>
        {readOnly ? (
          <span className="diagram-pad__state">Read only</span>
        ) : (
          <span className="diagram-pad__state" aria-live="polite">
            {LABEL[saveState]}
          </span>
        )}
      </div>
      <fieldset className="diagram-pad__tabs bare-fieldset">
        <legend className="visually-hidden">Pad view</legend>
        <button
          type="button"
          className="diagram-pad__tab"
          aria-pressed={view === 'write'}
          onClick={() => setView('write')}
        >
          {readOnly ? 'Source' : 'Write'}
        </button>
        <button
          type="button"
          className="diagram-pad__tab"
          aria-pressed={view === 'preview'}
          onClick={() => setView('preview')}
        >
          Preview
        </button>
      </fieldset>
      <textarea
        id={id}
        className="diagram-pad__source"
        value={text}
        readOnly={readOnly}
        maxLength={MAX_NOTES_CHARS}
        spellCheck={false}
        placeholder={readOnly ? 'Nothing written yet.' : PLACEHOLDER}
        onChange={(e) => {
          dirty.current = true;
          setText(e.target.value);
        }}
      />
      <section className="diagram-pad__preview" aria-label="Pad preview">
        <MarkdownView
          source={text}
          empty={
            <p className="muted">
              {readOnly
                ? 'The candidate has not written notes yet.'
                : 'The preview of your notes shows here.'}
            </p>
          }
        />
      </section>
      <p className="diagram-pad__hint">{hint}</p>
    </div>
  );
}
