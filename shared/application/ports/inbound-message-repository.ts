import type { E164 } from '../../domain/phone-number';

export type InboundContent =
  | { type: 'text'; text: string }
  | { type: 'audio'; mediaId: string; mimeType?: string }
  | { type: 'button'; payload: string; title: string }
  | { type: 'unsupported'; originalType: string };

export type SenderRole = 'owner' | 'contact' | 'unknown';

/** An inbound WhatsApp message, stored once per WhatsApp message id. */
export interface InboundMessage {
  tenantId: string;
  messageId: string;
  from: E164;
  senderRole: SenderRole;
  content: InboundContent;
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
}
