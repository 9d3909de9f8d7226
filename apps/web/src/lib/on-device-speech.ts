/**
 * The Web Speech API's recognizer, used only where it runs on this device (`processLocally`), so
 * an answer never goes to a cloud service the user did not choose. Chrome's prefixed recognizer
 * without that option sends audio to Google; it is deliberately not used.
 */

interface RecognitionResultEvent {
  resultIndex: number;
  results: ArrayLike<{ isFinal: boolean; 0: { transcript: string } }>;
}

export interface LocalRecognizer {
  lang: string;
  continuous: boolean;
  interimResults: boolean;
  processLocally: boolean;
  onresult: ((event: RecognitionResultEvent) => void) | null;
  onerror: ((event: { error: string }) => void) | null;
  onend: (() => void) | null;
  start(): void;
  stop(): void;
}

interface RecognizerClass {
  new (): LocalRecognizer;
  available?: (options: { langs: string[]; processLocally: boolean }) => Promise<string>;
}

function recognizerClass(): RecognizerClass | null {
  const scope = globalThis as { SpeechRecognition?: RecognizerClass };
  return scope.SpeechRecognition ?? null;
}

/** Whether on-device recognition is ready for `lang` now (installed, not merely downloadable). */
export async function onDeviceRecognitionReady(lang: string): Promise<boolean> {
  const Recognizer = recognizerClass();
  if (!Recognizer?.available) return false;
  try {
    return (await Recognizer.available({ langs: [lang], processLocally: true })) === 'available';
  } catch {
    return false;
  }
}

/**
 * Starts recognizing; `onText` gets each final phrase, `onDone` an error message or null at the end.
 * Returns a stop function.
 */
export function recognizeOnDevice(
  lang: string,
  onText: (text: string) => void,
  onDone: (error: string | null) => void,
): () => void {
  const Recognizer = recognizerClass();
  if (!Recognizer) {
    onDone('This browser has no on-device speech recognition.');
    return () => undefined;
  }
  const recognizer = new Recognizer();
  recognizer.lang = lang;
  recognizer.continuous = true;
  recognizer.interimResults = false;
  recognizer.processLocally = true;
  let failure: string | null = null;
  recognizer.onresult = (event) => {
    for (let index = event.resultIndex; index < event.results.length; index++) {
      const result = event.results[index];
      if (result?.isFinal) onText(result[0].transcript);
    }
  };
  recognizer.onerror = (event) => {
    failure =
      event.error === 'no-speech'
        ? 'We heard nothing. Check your microphone and try again.'
        : `Speech recognition stopped (${event.error}).`;
  };
  recognizer.onend = () => onDone(failure);
  recognizer.start();
  return () => recognizer.stop();
}
