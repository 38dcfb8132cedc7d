/** Speech to text for the owner's WhatsApp voice notes (OpenAI in the cloud, a fake in tests). */
export interface Transcriber {
  /** The text of the audio behind a WhatsApp media id; throws `TranscriptionFailedError` when it cannot. */
  transcribe(input: { mediaId: string; mimeType?: string }): Promise<string>;
}

export class TranscriptionFailedError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TranscriptionFailedError';
  }
}
