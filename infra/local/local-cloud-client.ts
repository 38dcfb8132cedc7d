import type { ChatBubble } from './chat-transcript';
import type { AgingAccountView } from './collections-state';
import type { BoletoView, EmailView, OutboxView } from './console-state';

/**
 * A client of the local cloud's documented interface (README, "Local interface"): what the demo script and
 * the tests use to drive a running local cloud from outside, over HTTP only.
 */

export interface OutboundRecordView {
  messageId?: string;
  to: string;
  type: string;
  accepted: boolean;
  request: Record<string, unknown>;
  receivedAtMs: number;
}

export interface PaytimeBilletView {
  _id: string;
  status: string;
  original_amount: number;
  paid_amount?: number | null;
  digitable_line?: string | null;
}

export class LocalCloudRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'LocalCloudRequestError';
  }
}

export class LocalCloudClient {
  constructor(readonly baseUrl: string) {}

  async isUp(): Promise<boolean> {
    try {
      const response = await fetch(`${this.baseUrl}/health`, { signal: AbortSignal.timeout(1_500) });
      return response.ok;
    } catch {
      return false;
    }
  }

  ready(): Promise<{ ready: boolean; missingFunctions: string[] }> {
    return this.json('GET', '/ready', undefined, [200, 503]);
  }

  clock(): Promise<{ now: string; saoPaulo: string }> {
    return this.json('GET', '/_local/clock');
  }

  advance(by: {
    days?: number;
    hours?: number;
    minutes?: number;
  }): Promise<{ now: string; settled: boolean }> {
    return this.json('POST', '/_local/clock/advance', by);
  }

  sendText(from: string, text: string): Promise<{ messageId: string; status: number | null }> {
    return this.json('POST', '/_sim/whatsapp/inbound', { from, text });
  }

  /** A voice note whose speech the local OpenAI simulator transcribes to `transcript`. */
  sendVoiceNote(from: string, transcript: string): Promise<{ messageId: string; status: number | null }> {
    return this.json('POST', '/_sim/whatsapp/inbound', { from, audio: { transcript } });
  }

  /** Every transcription the OpenAI simulator was asked for, with what it answered. */
  transcriptions(): Promise<Array<{ model: string; language?: string; status: number; text?: string }>> {
    return this.json('GET', '/_sim/openai/transcriptions');
  }

  /** A file the person sends as a WhatsApp document (stored as media; an owner's CSV goes to the aging import). */
  sendDocument(
    from: string,
    document: { filename: string; mimeType: string; bytes: Uint8Array },
  ): Promise<{ messageId: string; status: number | null }> {
    const { filename, mimeType, bytes } = document;
    const content_base64 = Buffer.from(bytes).toString('base64');
    return this.json('POST', '/_sim/whatsapp/inbound', {
      from,
      document: { filename, mime_type: mimeType, content_base64 },
    });
  }

  tapButton(from: string, button: { id: string; title: string }): Promise<{ messageId: string }> {
    return this.json('POST', '/_sim/whatsapp/inbound', { from, button });
  }

  async chat(withPhone?: string): Promise<ChatBubble[]> {
    const query = withPhone ? `?with=${encodeURIComponent(withPhone)}` : '';
    return (await this.json<{ messages: ChatBubble[] }>('GET', `/_local/chat${query}`)).messages;
  }

  async outboundTo(phone: string): Promise<OutboundRecordView[]> {
    const path = `/_sim/whatsapp/outbound?to=${encodeURIComponent(phone)}`;
    return (await this.json<{ messages: OutboundRecordView[] }>('GET', path)).messages;
  }

  async boletos(): Promise<BoletoView[]> {
    return (await this.json<{ boletos: BoletoView[] }>('GET', '/_local/boletos')).boletos;
  }

  async outbox(): Promise<OutboxView[]> {
    return (await this.json<{ outbox: OutboxView[] }>('GET', '/_local/outbox')).outbox;
  }

  /** The e-mails in the local SES store, newest first. */
  async emails(): Promise<EmailView[]> {
    return (await this.json<{ emails: EmailView[] }>('GET', '/_local/emails')).emails;
  }

  /** Per account: buckets, degree and the last collection e-mail (template id and version included). */
  async agingAccounts(): Promise<AgingAccountView[]> {
    return (await this.json<{ accounts: AgingAccountView[] }>('GET', '/_local/aging')).accounts;
  }

  async paytimeBoletos(): Promise<PaytimeBilletView[]> {
    return (await this.json<{ data: PaytimeBilletView[] }>('GET', '/_sim/paytime/boletos')).data;
  }

  payAtPaytime(billetId: string, amountCents: number): Promise<PaytimeBilletView> {
    return this.json('POST', `/_sim/paytime/boletos/${encodeURIComponent(billetId)}/pay`, {
      amount_cents: amountCents,
    });
  }

  async json<T>(method: string, path: string, body?: unknown, accepted: number[] = [200]): Promise<T> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      ...(body !== undefined && {
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
      signal: AbortSignal.timeout(60_000),
    });
    const text = await response.text();
    if (!accepted.includes(response.status)) {
      throw new LocalCloudRequestError(
        response.status,
        `${method} ${path} answered ${response.status}: ${text}`,
      );
    }
    return JSON.parse(text) as T;
  }
}
