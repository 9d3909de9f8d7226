import { type CSSProperties, type PointerEvent, useEffect, useRef, useState } from 'react';
import { followLevel } from '../lib/level-meter.ts';
import { onDeviceRecognitionReady, recognizeOnDevice } from '../lib/on-device-speech.ts';
import {
  formatElapsed,
  recordingType,
  transcribeRecording,
  type VoiceInputMode,
  voiceCapabilities,
} from '../lib/voice.ts';
import '../styles/voice.css';

/** Held longer than this, the button is push-to-talk (release stops); shorter, a click toggles. */
const HOLD_MS = 400;

type Phase =
  | { kind: 'idle' }
  | { kind: 'starting' }
  | { kind: 'recording'; startedAt: number }
  | { kind: 'transcribing' };

const language = () => (typeof navigator !== 'undefined' && navigator.language) || 'en-US';
const canRecord = () => typeof MediaRecorder !== 'undefined' && Boolean(navigator.mediaDevices?.getUserMedia);
const sentence = (text: string) => {
  const trimmed = text.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
};

/** Which way this browser and server can turn speech into text, or what to configure. */
async function detectMode(): Promise<VoiceInputMode> {
  let setup = 'Voice answers are not available: the server did not say whether it can transcribe.';
  try {
    const capabilities = await voiceCapabilities();
    if (capabilities.transcription.available) {
      if (canRecord()) {
        return {
          kind: 'server',
          maxBytes: capabilities.transcription.maxBytes,
          maxSeconds: capabilities.transcription.maxSeconds,
        };
      }
      setup =
        'This page cannot use the microphone: open it over https or on localhost, in a browser that records audio.';
    } else if (capabilities.transcription.setup) {
      setup = capabilities.transcription.setup;
    }
    if (await onDeviceRecognitionReady(language()))
      return { kind: 'on-device', maxSeconds: capabilities.transcription.maxSeconds };
  } catch {
    // Keep the generic sentence: the button stays off and says so.
  }
  return { kind: 'none', setup };
}

/**
 * The microphone beside Send: click to start and again to stop, or hold to talk and release. The
 * recording goes to the server's transcription endpoint (or the browser's on-device recognizer)
 * and `onHeard` gets the words, which the box adds after the draft for editing.
 */
export function VoiceInput({ onHeard }: { onHeard: (text: string) => void }) {
  const [mode, setMode] = useState<VoiceInputMode | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [message, setMessage] = useState<string | null>(null);
  const [level, setLevel] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  const press = useRef<{ at: number; startedHere: boolean } | null>(null);
  const stopWhenReady = useRef(false);
  const stopCurrent = useRef<(() => void) | null>(null);
  const teardown = useRef<(() => void) | null>(null);
  const heard = useRef(onHeard);
  heard.current = onHeard;

  useEffect(() => {
    let live = true;
    void detectMode().then((detected) => live && setMode(detected));
    return () => {
      live = false;
      // Leaving the page mid-recording drops the recording and frees the microphone.
      teardown.current?.();
    };
  }, []);

  // The clock, and the automatic stop at the longest recording the server takes.
  useEffect(() => {
    if (phase.kind !== 'recording' || !mode || mode.kind === 'none') return;
    const timer = setInterval(() => {
      setNow(Date.now());
      if ((Date.now() - phase.startedAt) / 1000 >= mode.maxSeconds) {
        setMessage(
          `Stopped at ${formatElapsed(mode.maxSeconds)}, the longest one recording can be. Record the rest next.`,
        );
        stopCurrent.current?.();
      }
    }, 250);
    return () => clearInterval(timer);
  }, [phase, mode]);

  async function startServerRecording(maxBytes: number): Promise<void> {
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch {
      setPhase({ kind: 'idle' });
      setMessage(
        'The microphone is blocked or missing. Allow it in the browser’s site settings, then try again.',
      );
      return;
    }
    const type = recordingType((candidate) => MediaRecorder.isTypeSupported(candidate));
    const recorder = new MediaRecorder(stream, type ? { mimeType: type } : undefined);
    const chunks: Blob[] = [];
    const stopMeter = followLevel(stream, setLevel);
    let kept = true;
    const release = () => {
      stopMeter();
      for (const track of stream.getTracks()) track.stop();
      setLevel(0);
    };
    teardown.current = () => {
      kept = false;
      if (recorder.state !== 'inactive') recorder.stop();
      release();
    };
    recorder.ondataavailable = (event) => {
      if (event.data.size > 0) chunks.push(event.data);
    };
    recorder.onstop = () => {
      release();
      stopCurrent.current = null;
      teardown.current = null;
      if (!kept) return;
      setPhase({ kind: 'transcribing' });
      const recording = new Blob(chunks, { type: recorder.mimeType || type || 'audio/webm' });
      transcribeRecording(recording, maxBytes)
        .then((text) => {
          heard.current(text);
          setMessage('Added to your answer: edit it, then send.');
        })
        .catch((error: unknown) => {
          setMessage(
            error instanceof Error
              ? `${sentence(error.message)} Your typed draft is kept.`
              : 'Transcription failed. Your typed draft is kept.',
          );
        })
        .finally(() => setPhase({ kind: 'idle' }));
    };
    stopCurrent.current = () => {
      if (recorder.state !== 'inactive') recorder.stop();
    };
    recorder.start(250);
    setNow(Date.now());
    setPhase({ kind: 'recording', startedAt: Date.now() });
    if (stopWhenReady.current) stopCurrent.current();
  }

  function start(): void {
    if (!mode) return;
    if (mode.kind === 'none') {
      setMessage(mode.setup);
      return;
    }
    setMessage(null);
    stopWhenReady.current = false;
    if (mode.kind === 'on-device') {
      const stop = recognizeOnDevice(
        language(),
        (text) => heard.current(text),
        (error) => {
          stopCurrent.current = null;
          teardown.current = null;
          setPhase({ kind: 'idle' });
          setMessage(error ?? 'Added to your answer: edit it, then send.');
        },
      );
      stopCurrent.current = stop;
      teardown.current = stop;
      setPhase({ kind: 'recording', startedAt: Date.now() });
      return;
    }
    setPhase({ kind: 'starting' });
    void startServerRecording(mode.maxBytes);
  }

  function stop(): void {
    if (phase.kind === 'starting') stopWhenReady.current = true;
    stopCurrent.current?.();
  }

  function onPointerDown(event: PointerEvent<HTMLButtonElement>): void {
    if (event.button !== 0) return;
    const idle = phase.kind === 'idle';
    press.current = { at: Date.now(), startedHere: idle };
    if (idle) start();
    else stop();
  }

  function onPointerUp(): void {
    const held = press.current;
    press.current = null;
    if (held?.startedHere && Date.now() - held.at > HOLD_MS) stop();
  }

  const off = mode === null || mode.kind === 'none';
  const recording = phase.kind === 'recording' || phase.kind === 'starting';
  const status =
    phase.kind === 'recording'
      ? `Recording ${formatElapsed((now - phase.startedAt) / 1000)} · click to stop`
      : phase.kind === 'starting'
        ? 'Opening the microphone…'
        : phase.kind === 'transcribing'
          ? 'Transcribing…'
          : message;
  const title =
    mode?.kind === 'none'
      ? mode.setup
      : recording
        ? 'Stop and add to your answer'
        : 'Answer by voice: click to start and stop, or hold to talk';

  return (
    <span className="voice-input">
      {status && (
        <span
          className={`voice-input__status voice-input__status--${recording ? 'live' : phase.kind === 'idle' ? 'message' : 'working'}`}
          role="status"
        >
          {status}
        </span>
      )}
      <button
        type="button"
        className={`voice-mic${recording ? ' voice-mic--recording' : ''}${off ? ' voice-mic--off' : ''}`}
        style={{ '--level': level.toFixed(2) } as CSSProperties}
        aria-label={recording ? 'Stop recording' : 'Answer by voice'}
        aria-pressed={recording}
        aria-disabled={off || phase.kind === 'transcribing'}
        title={title}
        onPointerDown={onPointerDown}
        onPointerUp={onPointerUp}
        onClick={(event) => {
          // Keyboard presses (Enter, Space) arrive as clicks with no pointer: toggle.
          if (event.detail !== 0 || phase.kind === 'transcribing') return;
          if (phase.kind === 'idle') start();
          else stop();
        }}
      >
        <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
          <rect x="9" y="3" width="6" height="11" rx="3" fill="currentColor" />
          <path
            d="M6 11a6 6 0 0 0 12 0M12 17v4M9 21h6"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.8"
            strokeLinecap="round"
          />
        </svg>
      </button>
    </span>
  );
}
