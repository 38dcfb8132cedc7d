import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpenAiTranscriber } from '#adapters/transcription/openai-transcriber';
import { TranscriptionFailedError } from '#application/ports/transcriber';
import { encodeSimulatedSpeech } from '#simulators/openai/simulated-speech';
import { type RunningOpenAiSimulator, startOpenAiSimulator } from '#simulators/openai/start-openai-simulator';

/** The production transcription adapter (the `openai` SDK, multipart upload) against the local OpenAI simulator. */
describe('OpenAI simulator: audio transcription', () => {
  let simulator: RunningOpenAiSimulator;
  const voiceNotes = new Map<string, Buffer>([
    ['spoken', encodeSimulatedSpeech('cobra cento e cinquenta do joão dia dez')],
    ['noise', Buffer.from('OggS\u0000\u0002just noise', 'latin1')],
  ]);
  const media = {
    downloadMedia: async (mediaId: string) => {
      const bytes = voiceNotes.get(mediaId);
      if (!bytes) throw new Error('unknown media');
      return { bytes, mimeType: 'audio/ogg; codecs=opus' };
    },
  };
  const transcriber = (apiKey = 'local-key') =>
    new OpenAiTranscriber({ apiKey, baseURL: `${simulator.url}/v1`, media, timeoutMs: 2_000 });

  beforeAll(async () => {
    simulator = await startOpenAiSimulator();
  });
  afterAll(async () => {
    await simulator.stop();
  });

  it('hears the words simulated speech carries, as the SDK uploads it', async () => {
    await expect(transcriber().transcribe({ mediaId: 'spoken' })).resolves.toBe(
      'cobra cento e cinquenta do joão dia dez',
    );
    expect(simulator.controls.transcriptions().at(-1)).toMatchObject({
      model: 'gpt-4o-mini-transcribe',
      language: 'pt',
      fileName: 'voice.ogg',
      status: 200,
      text: 'cobra cento e cinquenta do joão dia dez',
    });
  });

  it('cannot understand other audio, and fails on injected faults: the adapter reports a failed transcription', async () => {
    await expect(transcriber().transcribe({ mediaId: 'noise' })).rejects.toBeInstanceOf(
      TranscriptionFailedError,
    );
    expect(simulator.controls.transcriptions().at(-1)).toMatchObject({ status: 400 });
    simulator.controls.failNext(2, 503);
    await expect(transcriber().transcribe({ mediaId: 'spoken' })).rejects.toBeInstanceOf(
      TranscriptionFailedError,
    );
    simulator.controls.clearFaults();
    await expect(transcriber().transcribe({ mediaId: 'spoken' })).resolves.toMatch(/^cobra/);
  });

  it('answers 401 without an API key and 404 elsewhere', async () => {
    const unauthenticated = await fetch(`${simulator.url}/v1/audio/transcriptions`, { method: 'POST' });
    expect(unauthenticated.status).toBe(401);
    const elsewhere = await fetch(`${simulator.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: 'Bearer x' },
    });
    expect(elsewhere.status).toBe(404);
  });
});
