import type { AudioFormat } from '@mlsd/protocol';

/** The file extension and content type each container is forwarded with (servers guess the decoder from them). */
export const FORMAT_FILES: Record<AudioFormat, { extension: string; mime: string }> = {
  webm: { extension: 'webm', mime: 'audio/webm' },
  ogg: { extension: 'ogg', mime: 'audio/ogg' },
  wav: { extension: 'wav', mime: 'audio/wav' },
  mp4: { extension: 'm4a', mime: 'audio/mp4' },
  mp3: { extension: 'mp3', mime: 'audio/mpeg' },
  flac: { extension: 'flac', mime: 'audio/flac' },
};

const ascii = (bytes: Uint8Array, start: number, text: string) =>
  bytes.length >= start + text.length &&
  [...text].every((char, index) => bytes[start + index] === char.charCodeAt(0));

/**
 * The container a recording is in, read from its first bytes rather than trusted from the
 * Content-Type (a browser may label Opus-in-WebM as video/webm, a script may label anything audio).
 * Null: not audio this server forwards.
 */
export function sniffAudioFormat(bytes: Uint8Array): AudioFormat | null {
  if (bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3) return 'webm';
  if (ascii(bytes, 0, 'OggS')) return 'ogg';
  if (ascii(bytes, 0, 'RIFF') && ascii(bytes, 8, 'WAVE')) return 'wav';
  if (ascii(bytes, 4, 'ftyp')) return 'mp4';
  if (ascii(bytes, 0, 'fLaC')) return 'flac';
  if (ascii(bytes, 0, 'ID3')) return 'mp3';
  // An MPEG audio frame header without ID3 tags: eleven sync bits.
  if (bytes[0] === 0xff && bytes[1] !== undefined && (bytes[1] & 0xe0) === 0xe0) return 'mp3';
  return null;
}
