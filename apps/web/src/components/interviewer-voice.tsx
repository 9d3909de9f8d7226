import { useEffect, useRef, useState } from 'react';
import { browserStore } from '../lib/storage.ts';
import {
  fetchSpeech,
  loadSpeakAloud,
  saveSpeakAloud,
  speakableText,
  voiceCapabilities,
} from '../lib/voice.ts';
import '../styles/voice.css';

/** A turn that may be read aloud. */
export interface SpokenTurn {
  id: string;
  text: string;
}

/** Plays audio from the server's speech endpoint through Web Audio (a blob: URL would need a CSP change). */
async function playServerSpeech(context: AudioContext, text: string): Promise<void> {
  const audio = await context.decodeAudioData(await fetchSpeech(text));
  await new Promise<void>((resolve) => {
    const source = context.createBufferSource();
    source.buffer = audio;
    source.connect(context.destination);
    source.onended = () => resolve();
    source.start();
  });
}

/** The browser's own voice: offline on most systems. */
function speakInBrowser(text: string): Promise<void> {
  return new Promise((resolve) => {
    if (typeof speechSynthesis === 'undefined') return resolve();
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.onend = () => resolve();
    utterance.onerror = () => resolve();
    speechSynthesis.speak(utterance);
  });
}

/**
 * A speaker toggle that reads each new interviewer turn aloud: through the server's speech
 * endpoint when one is configured, else the browser's speech synthesis. Muted by default; the
 * choice is remembered. Turns already on screen when it is turned on are not read.
 */
export function InterviewerVoice({ turns }: { turns: readonly SpokenTurn[] }) {
  const store = useRef(browserStore()).current;
  const [on, setOn] = useState(() => loadSpeakAloud(store));
  const [serverSpeech, setServerSpeech] = useState(false);
  const heard = useRef<Set<string> | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const context = useRef<AudioContext | null>(null);
  const generation = useRef(0);

  useEffect(() => {
    let live = true;
    voiceCapabilities()
      .then((capabilities) => live && setServerSpeech(capabilities.speech.available))
      .catch(() => undefined);
    return () => {
      live = false;
      generation.current += 1;
      if (typeof speechSynthesis !== 'undefined') speechSynthesis.cancel();
      void context.current?.close();
    };
  }, []);

  useEffect(() => {
    // The first look (and each time it is turned on) marks what is on screen as already heard.
    if (heard.current === null || !on) {
      heard.current = new Set(turns.map((turn) => turn.id));
      return;
    }
    const fresh = turns.filter((turn) => !heard.current?.has(turn.id));
    for (const turn of fresh) {
      heard.current.add(turn.id);
      const text = speakableText(turn.text);
      if (text === '') continue;
      const mine = generation.current;
      queue.current = queue.current.then(async () => {
        if (mine !== generation.current) return;
        if (serverSpeech) {
          try {
            context.current ??= new AudioContext();
            await playServerSpeech(context.current, text);
            return;
          } catch {
            // The endpoint failed for this turn: the browser's voice reads it instead.
          }
        }
        if (mine === generation.current) await speakInBrowser(text);
      });
    }
  }, [turns, on, serverSpeech]);

  function toggle(): void {
    const next = !on;
    setOn(next);
    saveSpeakAloud(store, next);
    if (!next) {
      // Muting stops what is being read and drops what was waiting.
      generation.current += 1;
      if (typeof speechSynthesis !== 'undefined') speechSynthesis.cancel();
      void context.current?.suspend().then(() => {
        void context.current?.close();
        context.current = null;
      });
    }
  }

  return (
    <button
      type="button"
      className={`voice-speaker${on ? ' voice-speaker--on' : ''}`}
      aria-pressed={on}
      aria-label="Read the interviewer aloud"
      title={
        on
          ? 'Reading the interviewer’s new turns aloud. Click to mute.'
          : `Muted. Click to hear the interviewer’s new turns${serverSpeech ? '' : ' in your browser’s voice'}.`
      }
      onClick={toggle}
    >
      <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
        <path d="M4 9h4l5-4v14l-5-4H4z" fill="currentColor" />
        {on ? (
          <path
            d="M16 8.5a5 5 0 0 1 0 7M18.5 6a8.5 8.5 0 0 1 0 12"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.8"
            strokeLinecap="round"
          />
        ) : (
          <path
            d="M16 9l5 6M21 9l-5 6"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.8"
            strokeLinecap="round"
          />
        )}
      </svg>
    </button>
  );
}
