import type { E164 } from '#domain/phone-number';

/**
 * A photo or a file the person sent (WhatsApp `image` / `document`): the media id to download it with
 * (`MediaDownloader`), its MIME type as WhatsApp reported it, the document's file name and the caption typed
 * with it. Owners' images and PDFs are receipts; CSV / XLSX documents are aging imports.
 */
export interface InboundMedia {
  type: 'media';
  kind: 'image' | 'document';
  mediaId: string;
  mimeType: string;
  filename?: string;
  caption?: string;
}

export type InboundContent =
  | { type: 'text'; text: string }
  | { type: 'audio'; mediaId: string; mimeType?: string }
  | InboundMedia
  | { type: 'button'; payload: string; title: string }
  | { type: 'unsupported'; originalType: string }
  /** Not from WhatsApp: a recurring plan's monthly firing (its schedule starts the conversation with it). */
  | { type: 'recurring_issue'; planId: string; period: string }
  /** Not from WhatsApp: a weekly collections schedule's firing (queues the e-mails due, tells the owner). */
  | { type: 'collections_run'; runDate: string }
  /** Not from WhatsApp: a member's `POST /v1/boletos`, stored as a confirmed request (the API starts it). */
  | { type: 'api_charge'; requestId: string };

export type SenderRole = 'owner' | 'contact' | 'unknown';

/**
 * What IRIS does with a stored message: `route` it (the default, also for items stored before this field
 * existed), only `record` it (reactions, edits, deletions, system notices: never answered), or ask the
 * sender to `ask_to_resend` it as text (Meta could not deliver what they sent).
 */
export type InboundTreatment = 'route' | 'record' | 'ask_to_resend';

/** An inbound WhatsApp message, stored once per WhatsApp message id. */
export interface InboundMessage {
  tenantId: string;
  messageId: string;
  from: E164;
  /** The sender's WhatsApp business-scoped user id (BSUID), when Meta sent one. */
  fromUserId?: string;
  senderRole: SenderRole;
  content: InboundContent;
  /** Absent means `route`. */
  treatment?: InboundTreatment;
  /** What Meta reported about a message it could not deliver whole (code and title, never content). */
  errors?: Array<{ code: number; title: string }>;
  receivedAt: string;
  /** Set once the message was handed to a workflow (started or resumed) or answered. */
  handledAt?: string;
  handledBy?: string;
  /** The task token this message was taken to resume, recorded with the take so a retry resumes the same one. */
  resumeToken?: string;
}

export interface InboundMessageRepository {
  /**
   * Stores the message unless one with the same id exists (the guard outlives Meta's 7-day retries).
   * Returns 'stored' the first time; 'duplicate' with the stored copy otherwise.
   */
  storeIfNew(
    message: InboundMessage,
  ): Promise<{ outcome: 'stored' } | { outcome: 'duplicate'; existing: InboundMessage }>;
  markHandled(tenantId: string, messageId: string, handledBy: string, at: Date): Promise<void>;
  /**
   * The first tap of one button (by `payload`) by one sender that reached no waiting conversation claims it;
   * later taps with other message ids get false, so a burst of taps on a decided request gets one answer.
   * The same message id claims again (a retry after a crash). The claim lives as long as the message guard.
   */
  claimButtonTap(input: {
    tenantId: string;
    sender: E164;
    payload: string;
    messageId: string;
    now: Date;
  }): Promise<boolean>;
}
