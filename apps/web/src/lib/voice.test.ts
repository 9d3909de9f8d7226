import { describe, expect, it } from 'vitest';
import { memoryStore } from './storage.ts';
import { formatElapsed, loadSpeakAloud, recordingType, saveSpeakAloud, speakableText } from './voice.ts';

describe('voice helpers', () => {
  it('shows the recording clock as m:ss', () => {
    expect(formatElapsed(0)).toBe('0:00');
    expect(formatElapsed(7.9)).toBe('0:07');
    expect(formatElapsed(120)).toBe('2:00');
  });

  it('records in the first container the browser supports, WebM before MP4', () => {
    expect(recordingType(() => true)).toBe('audio/webm;codecs=opus');
    expect(recordingType((type) => type === 'audio/mp4')).toBe('audio/mp4');
    expect(recordingType(() => false)).toBe('');
  });

  it('remembers the speaker choice, off by default', () => {
    const store = memoryStore();
    expect(loadSpeakAloud(store)).toBe(false);
    saveSpeakAloud(store, true);
    expect(loadSpeakAloud(store)).toBe(true);
    saveSpeakAloud(store, false);
    expect(loadSpeakAloud(store)).toBe(false);
  });

  it('reads text without markdown marks and within the speech limit', () => {
    expect(speakableText('**Good.** What is the `p99`\n\nlatency?')).toBe('Good. What is the p99 latency?');
    expect(speakableText('a'.repeat(5000))).toHaveLength(4000);
  });
});
