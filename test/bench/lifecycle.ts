import { addDays, dateParts, saoPauloDateOf } from '#domain/calendar-date';
import { DEMO_TENANT } from '#infra/local/demo-tenant';
import { localInvocationCounts, localInvocationMs } from '#infra/local/emulators/lambda-context';
import { LocalCloudClient } from '#infra/local/local-cloud-client';
import { stateMachineArn } from '#infra/local/local-cloud-names';
import type { LocalCloud } from '#infra/local/start-local-cloud';
import {
  addCapacity,
  type CapacityTotals,
  emptyCapacity,
  installCapacityMeter,
  takeCapacity,
} from './consumed-capacity';

/**
 * One boleto's whole life on the local cloud (the production handlers, the state machines the stack deploys,
 * DynamoDB Local, the simulators), measured: the owner asks for it with a date, confirms, the boleto reaches the
 * contact, and either nobody pays (the cadence runs to its end) or the contact pays after the second reminder.
 * For each: state transitions per state machine (the engine's count), Lambda invocations per function, DynamoDB
 * capacity (ReturnConsumedCapacity), WhatsApp messages (billable templates apart) and e-mails. Also one inbound
 * owner question ("quem está devendo?") on its own: what one inbound message costs.
 * The console's own reads (finding the confirm button, the boleto's Paytime id) are metered apart and left out.
 */
export interface LifecycleFigures {
  transitions: { conversation: number; reminderLoop: number; total: number };
  reminders: number;
  /** Per function (local name without the stack prefix), this boleto's alone: no daily reconciliation. */
  invocations: Record<string, { count: number; ms: number }>;
  invocationsTotal: number;
  /** Everything metered during the lifecycle (`byFunction` splits it). */
  dynamodb: CapacityTotals;
  /** Read + write units of this boleto's own functions (not the daily reconciliation, not the console). */
  dynamodbUnitsPerBoleto: number;
  /** The daily reconciliation runs that fell in the lifecycle's days (per tenant, not per boleto). */
  reconciliation: { runs: number; units: number };
  whatsapp: { toContact: number; toOwner: number; billableTemplates: number };
  emails: number;
}

export interface LifecycleBench {
  neverPaid: LifecycleFigures;
  paidAfterSecondReminder: LifecycleFigures;
  inboundQuestion: { dynamodb: CapacityTotals; invocations: Record<string, number> };
  localCadence: string;
}

const OWNER = DEMO_TENANT.owner.phone;

/** On the local cloud `run.ts` starts (one per process; the webhook bench ran on it first). */
export async function benchLifecycles(cloud: LocalCloud): Promise<LifecycleBench> {
  installCapacityMeter();
  const client = new LocalCloudClient(cloud.apiUrl);
  const neverPaid = await lifecycle(cloud, client, DEMO_TENANT.contacts[0], false);
  const paidAfterSecondReminder = await lifecycle(cloud, client, DEMO_TENANT.contacts[1], true);
  const before = snapshot();
  takeCapacity();
  await client.sendText(OWNER, 'quem está devendo?');
  await cloud.settle();
  const inboundQuestion = { dynamodb: takeCapacity(), invocations: delta(before, snapshot()) };
  inboundQuestion.invocations = Object.fromEntries(
    Object.entries(inboundQuestion.invocations)
      .map(([name, count]) => [shortName(name), count] as const)
      .filter(([name]) => !name.startsWith('console-')),
  );
  return {
    neverPaid,
    paidAfterSecondReminder,
    inboundQuestion,
    localCadence: 'demo tenant: 3 days before, on the due date, 1, 3, 7, 15 days late (Mon-Sat 08-20)',
  };
}

type Contact = (typeof DEMO_TENANT.contacts)[number] | undefined;

async function lifecycle(
  cloud: LocalCloud,
  client: LocalCloudClient,
  contact: Contact,
  pay: boolean,
): Promise<LifecycleFigures> {
  if (!contact) throw new Error('the demo tenant has no such contact');
  const executionsBefore = new Set(cloud.sfn.listExecutions().map((execution) => execution.executionArn));
  const invocationsBefore = snapshot();
  const msBefore = new Map(localInvocationMs);
  const ownerBefore = (await client.outboundTo(OWNER)).length;
  const contactBefore = (await client.outboundTo(contact.phone)).length;
  const emailsBefore = await emailCount(client);
  let dynamodb = emptyCapacity();
  const metered = async (action: () => Promise<unknown>) => {
    takeCapacity();
    await action();
    await cloud.settle();
    dynamodb = addCapacity(dynamodb, takeCapacity());
  };
  const unmetered = async <T>(read: () => Promise<T>): Promise<T> => {
    takeCapacity();
    const value = await read();
    takeCapacity();
    return value;
  };

  const now = await unmetered(() => client.clock());
  const due = addDays(saoPauloDateOf(new Date(now.now)), 10);
  const firstName = contact.name.split(' ')[0] ?? contact.name;
  await metered(() => client.sendText(OWNER, `cobra 150 reais do ${contact.name} dia ${dateParts(due).day}`));
  const confirm = await unmetered(async () =>
    (await client.chat())
      .reverse()
      .find((bubble) => bubble.direction === 'outbound' && bubble.buttons?.length)
      ?.buttons?.find((button) => button.id.startsWith('confirm')),
  );
  if (!confirm) throw new Error(`IRIS did not ask to confirm the boleto for ${firstName}`);
  await metered(() => client.tapButton(OWNER, confirm));

  if (pay) {
    // Until the second reminder has gone out, then the contact pays what is due that day.
    for (let day = 0; day < 20; day += 1) {
      const sent = (await unmetered(() => client.outboundTo(contact.phone))).length - contactBefore;
      if (sent >= 3) break; // the boleto + 2 reminders
      await metered(() => client.advance({ days: 1 }));
    }
    const boleto = await unmetered(async () =>
      (await client.boletos()).find((item) => item.contactName === contact.name && item.status !== 'paid'),
    );
    if (!boleto?.providerId) throw new Error('the boleto did not reach Paytime');
    await metered(() =>
      client.payAtPaytime(boleto.providerId as string, boleto.amountDueTodayCents ?? boleto.amountCents),
    );
  }
  await metered(() => client.advance({ days: 60 }));

  const executions = cloud.sfn
    .listExecutions()
    .filter((execution) => !executionsBefore.has(execution.executionArn));
  const transitionsOf = (kind: 'conversation' | 'reminder-loop') =>
    executions
      .filter((execution) => execution.stateMachineArn === stateMachineArn(kind))
      .reduce((sum, execution) => sum + execution.stateTransitions, 0);
  const conversation = transitionsOf('conversation');
  const reminderLoop = transitionsOf('reminder-loop');
  const toContact = (await unmetered(() => client.outboundTo(contact.phone))).slice(contactBefore);
  const toOwner = (await unmetered(() => client.outboundTo(OWNER))).slice(ownerBefore);
  const all = delta(invocationsBefore, snapshot());
  const msAll = deltaMs(msBefore, new Map(localInvocationMs));
  const invocations: Record<string, { count: number; ms: number }> = {};
  let reconciliationRuns = 0;
  for (const [name, count] of Object.entries(all)) {
    const fn = shortName(name);
    if (fn === 'reconciliation') reconciliationRuns += count;
    else if (!fn.startsWith('console-')) invocations[fn] = { count, ms: Math.round(msAll[name] ?? 0) };
  }
  const ownUnits = Object.entries(dynamodb.byFunction)
    .filter(([name]) => !/reconciliation|console-|^local$/.test(name))
    .reduce((sum, [, units]) => sum + units, 0);
  const reconciliationUnits = Object.entries(dynamodb.byFunction)
    .filter(([name]) => name.includes('reconciliation'))
    .reduce((sum, [, units]) => sum + units, 0);
  return {
    transitions: { conversation, reminderLoop, total: conversation + reminderLoop },
    reminders: Math.max(0, toContact.filter((record) => record.accepted).length - 1),
    invocations,
    invocationsTotal: Object.values(invocations).reduce((sum, { count }) => sum + count, 0),
    dynamodb,
    dynamodbUnitsPerBoleto: ownUnits,
    reconciliation: { runs: reconciliationRuns, units: reconciliationUnits },
    whatsapp: {
      toContact: toContact.length,
      toOwner: toOwner.length,
      billableTemplates: [...toContact, ...toOwner].filter((record) => record.type === 'template').length,
    },
    emails: (await emailCount(client)) - emailsBefore,
  };
}

async function emailCount(client: LocalCloudClient): Promise<number> {
  const response = await fetch(`${client.baseUrl}/_local/emails`);
  const body = (await response.json()) as { emails?: unknown[] } | unknown[];
  return Array.isArray(body) ? body.length : (body.emails?.length ?? 0);
}

function snapshot(): Map<string, number> {
  return new Map(localInvocationCounts);
}

function delta(before: Map<string, number>, after: Map<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, count] of after) {
    const added = count - (before.get(name) ?? 0);
    if (added > 0) out[name] = added;
  }
  return out;
}

function deltaMs(before: Map<string, number>, after: Map<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, ms] of after) out[name] = ms - (before.get(name) ?? 0);
  return out;
}

/** `iris-demo-local-whatsapp-webhook` → `whatsapp-webhook` (the local cloud's function names carry a prefix). */
function shortName(name: string): string {
  return name.replace(/^iris-[a-z0-9]+-local-/, '');
}
