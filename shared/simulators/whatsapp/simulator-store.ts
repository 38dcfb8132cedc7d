import { randomBytes } from 'node:crypto';
import { recipientKey } from './recipient-key';

/** What the simulator remembers: both directions of every conversation, the 24-hour windows and media. */

export const CUSTOMER_SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;

export interface OutboundRecord {
  direction: 'outbound';
  messageId?: string;
  /** `to` exactly as the request carried it. */
  to: string;
  type: string;
  /** The Cloud API request body as received. */
  request: Record<string, unknown>;
  receivedAtMs: number;
  accepted: boolean;
  error?: { code: number; message: string };
}

export interface InboundRecord {
  direction: 'inbound';
  messageId: string;
  /** The sender as given to the control route (E.164). */
  from: string;
  waId: string;
  /** The sender's business-scoped user id, when the webhook carried one: the window opens for it too. */
  userId?: string;
  type: string;
  /** The Cloud API message object put in the webhook. */
  message: Record<string, unknown>;
  sentAtMs: number;
  /** HTTP status the webhook answered, or null when it was not delivered. */
  webhookStatus: number | null;
}

export interface StoredMedia {
  id: string;
  bytes: Buffer;
  mimeType: string;
}

export type ConversationRecord = OutboundRecord | InboundRecord;

export class SimulatorStore {
  private readonly conversations = new Map<string, ConversationRecord[]>();
  private readonly lastInboundAtMs = new Map<string, number>();
  private readonly sentById = new Map<string, OutboundRecord>();
  private readonly media = new Map<string, StoredMedia>();
  private sequence = 0;

  recordOutbound(record: OutboundRecord): void {
    this.append(record.to, record);
    if (record.messageId) this.sentById.set(record.messageId, record);
  }

  recordInbound(record: InboundRecord): void {
    this.append(record.from, record);
    this.lastInboundAtMs.set(recipientKey(record.from), record.sentAtMs);
    if (record.userId) this.lastInboundAtMs.set(recipientKey(record.userId), record.sentAtMs);
  }

  isWindowOpen(phone: string, nowMs: number): boolean {
    const last = this.lastInboundAtMs.get(recipientKey(phone));
    return last !== undefined && nowMs - last < CUSTOMER_SERVICE_WINDOW_MS;
  }

  outboundTo(phone: string): OutboundRecord[] {
    return this.conversation(phone).filter(
      (record): record is OutboundRecord => record.direction === 'outbound',
    );
  }

  conversation(phone: string): ConversationRecord[] {
    return [...(this.conversations.get(recipientKey(phone)) ?? [])];
  }

  sentMessage(messageId: string): OutboundRecord | undefined {
    return this.sentById.get(messageId);
  }

  /** The last accepted interactive message to this number: what a button reply refers to. */
  lastInteractiveTo(phone: string): OutboundRecord | undefined {
    return this.outboundTo(phone)
      .filter((record) => record.accepted && (record.type === 'interactive' || record.type === 'template'))
      .at(-1);
  }

  putMedia(bytes: Buffer, mimeType: string): StoredMedia {
    const id = String(1_000_000_000_000_000 + randomBytes(6).readUIntBE(0, 6));
    const stored = { id, bytes, mimeType };
    this.media.set(id, stored);
    return stored;
  }

  getMedia(id: string): StoredMedia | undefined {
    return this.media.get(id);
  }

  /** A wamid-like id: `wamid.` + base64 of a protobuf-ish blob, unique per message. */
  newMessageId(phone: string): string {
    this.sequence += 1;
    const blob = Buffer.concat([
      Buffer.from([0x1c, 0x18, 0x0c]),
      Buffer.from(recipientKey(phone)),
      Buffer.from([0x15, 0x02, 0x00, 0x12, 0x18, 0x14]),
      Buffer.from(
        `${this.sequence.toString(16).padStart(4, '0')}${randomBytes(8).toString('hex').toUpperCase()}`,
      ),
    ]);
    return `wamid.${blob.toString('base64')}`;
  }

  reset(): void {
    this.conversations.clear();
    this.lastInboundAtMs.clear();
    this.sentById.clear();
    this.media.clear();
  }

  private append(phone: string, record: ConversationRecord): void {
    const key = recipientKey(phone);
    const list = this.conversations.get(key) ?? [];
    list.push(record);
    this.conversations.set(key, list);
  }
}
