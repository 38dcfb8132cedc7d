import { signMetaPayload } from '#webhooks/whatsapp/signature';
import { FaultQueue, type WebhookFault } from './fault-queue';

/** POSTs signed webhook bodies to the configured URL, as Meta does (`X-Hub-Signature-256` over the raw bytes). */

export interface WebhookDeliveryResult {
  /** HTTP status of the (last) delivery, or null when dropped or unreachable. */
  status: number | null;
  deliveries: number;
  error?: string;
}

export interface WebhookSent {
  body: string;
  signature: string;
  status: number | null;
}

export class WebhookDelivery {
  readonly faults = new FaultQueue<WebhookFault>();
  readonly sent: WebhookSent[] = [];

  constructor(
    private readonly appSecret: string,
    public webhookUrl: string | undefined,
    private readonly timeoutMs = 10_000,
  ) {}

  async deliver(body: string): Promise<WebhookDeliveryResult> {
    const fault = this.faults.next();
    if (fault?.kind === 'drop') return { status: null, deliveries: 0 };
    const first = await this.postOnce(body);
    if (fault?.kind !== 'duplicate' || first.status === null) return { ...first, deliveries: 1 };
    const second = await this.postOnce(body);
    return { ...second, deliveries: 2 };
  }

  private async postOnce(body: string): Promise<{ status: number | null; error?: string }> {
    const signature = signMetaPayload(body, this.appSecret);
    if (!this.webhookUrl) {
      this.sent.push({ body, signature, status: null });
      return { status: null, error: 'no webhook URL configured' };
    }
    try {
      const response = await fetch(this.webhookUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'facebookexternalua',
          'x-hub-signature-256': signature,
        },
        body,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      await response.arrayBuffer();
      this.sent.push({ body, signature, status: response.status });
      return { status: response.status };
    } catch (error) {
      this.sent.push({ body, signature, status: null });
      return { status: null, error: error instanceof Error ? error.message : String(error) };
    }
  }
}
