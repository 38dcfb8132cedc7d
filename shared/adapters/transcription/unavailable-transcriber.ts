import { type Transcriber, TranscriptionFailedError } from '#application/ports/transcriber';

/** Used when no OpenAI key is configured: voice notes are answered with "please write". */
export const unavailableTranscriber: Transcriber = {
  transcribe: async () => {
    throw new TranscriptionFailedError('no transcription service is configured');
  },
};
