/**
 * The local cloud's "recorded speech": a few bytes of Ogg header followed by a marker and the words, UTF-8.
 * The WhatsApp simulator stores a voice note built from a transcript (`audio.transcript`); the OpenAI
 * simulator, given those bytes by the real transcription adapter, hears exactly those words. Any other bytes
 * are audio it cannot understand (as a real model would answer on noise: nothing usable).
 */

const HEADER = Buffer.from('OggS\u0000\u0002', 'latin1');
const MARKER = 'iris-simulated-speech:';

export function encodeSimulatedSpeech(transcript: string): Buffer {
  return Buffer.concat([HEADER, Buffer.from(MARKER + transcript, 'utf8')]);
}

/** The words carried by simulated speech, or undefined for any other audio. */
export function decodeSimulatedSpeech(bytes: Buffer): string | undefined {
  const text = bytes.subarray(HEADER.length).toString('utf8');
  if (!bytes.subarray(0, HEADER.length).equals(HEADER) || !text.startsWith(MARKER)) return undefined;
  return text.slice(MARKER.length);
}
