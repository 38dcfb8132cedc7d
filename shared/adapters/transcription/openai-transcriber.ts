import OpenAI, { toFile } from 'openai';
import type { MediaDownloader } from '#application/ports/media-downloader';
import { type Transcriber, TranscriptionFailedError } from '#application/ports/transcriber';

export interface OpenAiTranscriberOptions {
  apiKey: string;
  baseURL?: string;
  model?: string;
  timeoutMs?: number;
  media: MediaDownloader;
  client?: OpenAI;
}

/** Downloads the voice note from WhatsApp and transcribes it in Portuguese with OpenAI's audio API. */
export class OpenAiTranscriber implements Transcriber {
  private readonly client: OpenAI;
  private readonly model: string;

  constructor(private readonly options: OpenAiTranscriberOptions) {
    this.client =
      options.client ??
      new OpenAI({
        apiKey: options.apiKey,
        baseURL: options.baseURL,
        timeout: options.timeoutMs ?? 20_000,
        maxRetries: 1,
      });
    this.model = options.model ?? 'gpt-4o-mini-transcribe';
  }

  async transcribe(input: { mediaId: string; mimeType?: string }): Promise<string> {
    try {
      const media = await this.options.media.downloadMedia(input.mediaId);
      const extension = (input.mimeType ?? media.mimeType).includes('mpeg') ? 'mp3' : 'ogg';
      const file = await toFile(media.bytes, `voice.${extension}`, { type: media.mimeType });
      const result = await this.client.audio.transcriptions.create({
        file,
        model: this.model,
        language: 'pt',
      });
      const text = result.text.trim();
      if (!text) throw new TranscriptionFailedError('empty transcription');
      return text;
    } catch (error) {
      if (error instanceof TranscriptionFailedError) throw error;
      throw new TranscriptionFailedError('voice note transcription failed', { cause: error });
    }
  }
}
