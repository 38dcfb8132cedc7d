import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDocumentClient } from '#adapters/dynamodb/document-client';
import { createTableRepositories } from '#adapters/dynamodb/table-repositories';
import type { BoletoView, OutboxView } from '#infra/local/console-state';
import { DEMO_TENANT } from '#infra/local/demo-tenant';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '#infra/local/local-cloud-names';
import type { LocalCloud } from '#infra/local/start-local-cloud';
import type { InboundRecord, OutboundRecord } from '#simulators/whatsapp/simulator-store';
import type { SeededRandom } from './random';

/**
 * The simulated small business around one local cloud: who the payers are (the demo tenant's contacts and
 * the new ones the owner registers along the way), and the documented HTTP interface the driver acts through
 * (`/_sim/...` answers once the cloud has settled). Reads go to the simulators' records, the console's views
 * and the table (through the repositories: GetItem and Query).
 */

export interface Payer {
  name: string;
  phone: string;
  /** Registered at start (the demo tenant's) or by a conversation during the run. */
  known: boolean;
}

export interface StepRecord {
  step: number;
  operation: string;
  detail: string;
  at: string;
}

export class SoakWorld {
  readonly owner = DEMO_TENANT.owner.phone;
  readonly payers: Payer[] = DEMO_TENANT.contacts.map((contact) => ({
    name: contact.name,
    phone: contact.phone,
    known: true,
  }));
  readonly steps: StepRecord[] = [];
  readonly repositories: ReturnType<typeof createTableRepositories>;
  readonly tenantId = DEMO_TENANT.tenantId;
  private nextPayerNumber = 0;

  constructor(
    readonly cloud: LocalCloud,
    readonly random: SeededRandom,
  ) {
    const dynamoDb = new DynamoDBClient({
      endpoint: cloud.urls.dynamoDb,
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
    });
    this.repositories = createTableRepositories(cloud.tableName, createDocumentClient(dynamoDb));
  }

  now(): Date {
    return this.cloud.clock.now();
  }

  async post(path: string, body: unknown): Promise<unknown> {
    const response = await fetch(`${this.cloud.apiUrl}${path}`, {
      method: path.endsWith('/faults') && body === null ? 'DELETE' : 'POST',
      headers: { 'content-type': 'application/json' },
      body: body === null ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status >= 400) throw new Error(`${path} answered ${response.status}: ${text.slice(0, 200)}`);
    return text ? JSON.parse(text) : undefined;
  }

  async get<T>(path: string): Promise<T> {
    const response = await fetch(`${this.cloud.apiUrl}${path}`);
    if (response.status >= 400) throw new Error(`${path} answered ${response.status}`);
    return (await response.json()) as T;
  }

  /** A person writes to IRIS (the simulator signs and posts the webhook; the call returns once settled). */
  async say(from: string, text: string): Promise<void> {
    await this.post('/_sim/whatsapp/inbound', { from, text });
    await this.cloud.settle();
  }

  async tap(from: string, button: { id: string; title: string }): Promise<void> {
    await this.post('/_sim/whatsapp/inbound', { from, button });
    await this.cloud.settle();
  }

  outbound(to: string): OutboundRecord[] {
    return this.cloud.simulators.whatsapp.controls.outboundTo(to) as OutboundRecord[];
  }

  conversation(phone: string): Array<OutboundRecord | InboundRecord> {
    return this.cloud.simulators.whatsapp.controls.conversation(phone) as Array<
      OutboundRecord | InboundRecord
    >;
  }

  async boletos(): Promise<BoletoView[]> {
    return (await this.get<{ boletos: BoletoView[] }>('/_local/boletos')).boletos;
  }

  async outbox(): Promise<OutboxView[]> {
    return (await this.get<{ outbox: OutboxView[] }>('/_local/outbox')).outbox;
  }

  async billets(): Promise<Array<{ _id: string; status: string; amount: number }>> {
    return (
      await this.get<{ data: Array<{ _id: string; status: string; amount: number }> }>(
        '/_sim/paytime/boletos',
      )
    ).data;
  }

  /** A new payer the owner has never charged: a unique name, phone and CPF. */
  newPayer(): Payer {
    const names = [
      'Kleiton',
      'Joselma',
      'Wanderley',
      'Rosimeire',
      'Gilvan',
      'Lucimara',
      'Edivaldo',
      'Ivonete',
    ];
    const index = this.nextPayerNumber++;
    const name = `${names[index % names.length]}${index >= names.length ? ` ${index}` : ''}`;
    const phone = `+55119777${String(10_000 + index).slice(-5)}`;
    return { name, phone, known: false };
  }

  record(operation: string, detail: string): void {
    this.steps.push({ step: this.steps.length + 1, operation, detail, at: this.now().toISOString() });
  }
}

/** Text of a Cloud API request body (text, interactive body, or template parameters joined). */
export function textOfRequest(request: Record<string, unknown>): string {
  const body = request as {
    text?: { body?: string };
    interactive?: { body?: { text?: string } };
    template?: { name?: string; components?: Array<{ parameters?: Array<{ text?: string }> }> };
  };
  if (body.text?.body) return body.text.body;
  if (body.interactive?.body?.text) return body.interactive.body.text;
  if (body.template) {
    const parameters = (body.template.components ?? []).flatMap((component) => component.parameters ?? []);
    return `${body.template.name ?? ''}: ${parameters.map((parameter) => parameter.text ?? '').join(' · ')}`;
  }
  return '';
}

export function buttonsOfRequest(request: Record<string, unknown>): Array<{ id: string; title: string }> {
  const body = request as {
    interactive?: { action?: { buttons?: Array<{ reply: { id: string; title: string } }> } };
  };
  return (body.interactive?.action?.buttons ?? []).map((button) => button.reply);
}
