/** The bytes of a media item a person sent on WhatsApp, as the provider stores them. */
export interface DownloadedMedia {
  bytes: Uint8Array;
  mimeType: string;
}

/**
 * Fetches inbound media (voice notes for transcription, receipt photos and PDFs, spreadsheets) by the media
 * id found in the webhook. The WhatsApp Cloud API adapter implements it (`WhatsAppCloudApiSender`); its errors
 * are the message sender's (`WhatsAppRetryableError`, `WhatsAppPermanentError`).
 */
export interface MediaDownloader {
  downloadMedia(mediaId: string): Promise<DownloadedMedia>;
}
