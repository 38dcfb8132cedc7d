import { createHash } from 'node:crypto';
import * as z from 'zod/mini';
import type { DownloadedMedia, MediaDownloader } from '#application/ports/media-downloader';
import {
  type SendDocumentInput,
  type SendInteractiveButtonsInput,
  type SendTemplateInput,
  type SendTextInput,
  type SentWhatsAppMessage,
  WhatsAppPermanentError,
  WhatsAppRetryableError,
  type WhatsAppSender,
} from '#application/ports/message-sender';
import {
  documentMessage,
  interactiveButtonsMessage,
  templateMessage,
  textMessage,
} from './cloud-api-messages';
import { callGraph, type FetchFunction, jsonOf } from './graph-http';

export interface WhatsAppCloudApiConfig {
  /** Business phone number id that sends (from the WhatsApp Manager). */
  phoneNumberId: string;
  /** System-user access token. */
  accessToken: string;
  /** Default `https://graph.facebook.com`; the local cloud points it at the simulator. */
  baseUrl?: string;
  /** Graph API version, default `v23.0`. */
  apiVersion?: string;
  /** Per-call timeout, default 10 s (the whole exchange, body included). */
  timeoutMs?: number;
  /** Largest media download accepted, default 25 MB (OpenAI's transcription limit). */
  maxMediaBytes?: number;
  /** Injectable for tests; default the global `fetch`. */
  fetch?: FetchFunction;
}

const sendResponseSchema = z.object({
  contacts: z.optional(z.array(z.object({ input: z.optional(z.string()), wa_id: z.optional(z.string()) }))),
  messages: z.array(z.object({ id: z.string().check(z.minLength(1)) })).check(z.minLength(1)),
});

const mediaInfoSchema = z.object({
  url: z.string().check(z.minLength(1)),
  mime_type: z.string().check(z.minLength(1)),
  sha256: z.optional(z.string()),
  file_size: z.optional(z.union([z.number(), z.string()])),
});

/** WhatsApp Cloud API over HTTP (global fetch). One instance per business number, built at module scope. */
export class WhatsAppCloudApiSender implements WhatsAppSender, MediaDownloader {
  private readonly baseUrl: string;
  private readonly apiVersion: string;
  private readonly timeoutMs: number;
  private readonly maxMediaBytes: number;
  private readonly fetchFn: FetchFunction;

  constructor(private readonly config: WhatsAppCloudApiConfig) {
    this.baseUrl = (config.baseUrl ?? 'https://graph.facebook.com').replace(/\/+$/, '');
    this.apiVersion = config.apiVersion ?? 'v23.0';
    this.timeoutMs = config.timeoutMs ?? 10_000;
    this.maxMediaBytes = config.maxMediaBytes ?? 25 * 1024 * 1024;
    this.fetchFn = config.fetch ?? globalThis.fetch;
  }

  async sendText(input: SendTextInput): Promise<SentWhatsAppMessage> {
    return this.send(textMessage(input));
  }

  async sendTemplate(input: SendTemplateInput): Promise<SentWhatsAppMessage> {
    return this.send(templateMessage(input));
  }

  async sendDocument(input: SendDocumentInput): Promise<SentWhatsAppMessage> {
    return this.send(documentMessage(input));
  }

  async sendInteractiveButtons(input: SendInteractiveButtonsInput): Promise<SentWhatsAppMessage> {
    return this.send(interactiveButtonsMessage(input));
  }

  /** Two calls: the media's metadata (a short-lived URL), then the bytes from that URL, both with the token. */
  async downloadMedia(mediaId: string): Promise<DownloadedMedia> {
    if (!/^[A-Za-z0-9_.-]+$/.test(mediaId)) {
      throw new WhatsAppPermanentError('invalid_request', 'Media id has unexpected characters');
    }
    const info = await this.call('GET', `${this.versionUrl()}/${mediaId}`);
    const parsed = mediaInfoSchema.safeParse(jsonOf(info.bytes));
    if (!parsed.success)
      throw new WhatsAppRetryableError('WhatsApp media metadata response has an unexpected shape');
    const declaredSize = Number(parsed.data.file_size ?? 0);
    if (declaredSize > this.maxMediaBytes) {
      throw new WhatsAppPermanentError(
        'invalid_request',
        `Media is ${declaredSize} bytes, over ${this.maxMediaBytes}`,
      );
    }
    const media = await this.call('GET', parsed.data.url);
    if (media.bytes.byteLength > this.maxMediaBytes) {
      throw new WhatsAppPermanentError('invalid_request', `Media is over ${this.maxMediaBytes} bytes`);
    }
    if (!matchesSha256(media.bytes, parsed.data.sha256)) {
      throw new WhatsAppRetryableError('Downloaded media does not match its sha256');
    }
    return { bytes: media.bytes, mimeType: parsed.data.mime_type };
  }

  private async send(message: Record<string, unknown>): Promise<SentWhatsAppMessage> {
    const response = await this.call(
      'POST',
      `${this.versionUrl()}/${this.config.phoneNumberId}/messages`,
      message,
    );
    const parsed = sendResponseSchema.safeParse(jsonOf(response.bytes));
    if (!parsed.success) {
      throw new WhatsAppRetryableError('WhatsApp Cloud API accepted the request but returned no message id', {
        httpStatus: response.status,
        outcomeUnknown: true,
      });
    }
    const [first] = parsed.data.messages;
    const result: SentWhatsAppMessage = { providerMessageId: first?.id ?? '' };
    const waId = parsed.data.contacts?.[0]?.wa_id;
    if (waId) result.recipientWaId = waId;
    return result;
  }

  private call(method: 'GET' | 'POST', url: string, jsonBody?: unknown) {
    return callGraph({
      fetch: this.fetchFn,
      url,
      method,
      jsonBody,
      accessToken: this.config.accessToken,
      timeoutMs: this.timeoutMs,
    });
  }

  private versionUrl(): string {
    return `${this.baseUrl}/${this.apiVersion}`;
  }
}

/** Meta writes media hashes as hex in some places and base64 in others: accept either. */
function matchesSha256(bytes: Uint8Array, expected: string | undefined): boolean {
  if (!expected) return true;
  const digest = createHash('sha256').update(bytes).digest();
  return expected.toLowerCase() === digest.toString('hex') || expected === digest.toString('base64');
}
