/**
 * Follows a microphone stream's loudness (0 to 1, a few times a second) so the button can pulse
 * with the voice: the user sees that the microphone hears them before they stop. Returns a stop.
 */
export function followLevel(stream: MediaStream, onLevel: (level: number) => void): () => void {
  const AudioContextClass = globalThis.AudioContext;
  if (!AudioContextClass) return () => undefined;
  const context = new AudioContextClass();
  const source = context.createMediaStreamSource(stream);
  const analyser = context.createAnalyser();
  analyser.fftSize = 512;
  source.connect(analyser);
  const samples = new Uint8Array(analyser.fftSize);
  let frame = 0;
  const tick = () => {
    analyser.getByteTimeDomainData(samples);
    let sum = 0;
    for (const sample of samples) {
      const centred = (sample - 128) / 128;
      sum += centred * centred;
    }
    // Speech sits around 0.05-0.3 RMS; scaled so a normal voice fills most of the ring.
    onLevel(Math.min(1, Math.sqrt(sum / samples.length) * 4));
    frame = requestAnimationFrame(tick);
  };
  frame = requestAnimationFrame(tick);
  return () => {
    cancelAnimationFrame(frame);
    source.disconnect();
    void context.close();
  };
}
