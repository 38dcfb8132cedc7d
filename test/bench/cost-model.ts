import type { LifecycleFigures } from './lifecycle';

/**
 * List prices (USD) the bench prices a boleto with, us-east-1 and sa-east-1 side by side. Public on-demand
 * prices as published by AWS and Meta (checked late 2026, rounded); update them here, in one place, when
 * they change. Free tiers are ignored (a tenant at scale is past them).
 */
export const PRICES = {
  'us-east-1': {
    lambdaPerMillionRequests: 0.2,
    /** arm64, per GB-second. */
    lambdaPerGbSecond: 0.0000133334,
    dynamoDbPerMillionWriteUnits: 0.625,
    dynamoDbPerMillionReadUnits: 0.125,
    stepFunctionsPerMillionTransitions: 25,
    sqsPerMillionRequests: 0.4,
    httpApiPerMillionRequests: 1.0,
    sesPerThousandEmails: 0.1,
  },
  'sa-east-1': {
    lambdaPerMillionRequests: 0.2,
    lambdaPerGbSecond: 0.0000213334,
    dynamoDbPerMillionWriteUnits: 0.9375,
    dynamoDbPerMillionReadUnits: 0.1875,
    stepFunctionsPerMillionTransitions: 37.5,
    sqsPerMillionRequests: 0.5,
    httpApiPerMillionRequests: 1.9,
    sesPerThousandEmails: 0.1,
  },
} as const;

export type Region = keyof typeof PRICES;

/** Meta's price of a utility template delivered in Brazil (≈ US$ 0.007 since October 2026, per DESIGN §8). */
export const USD_PER_WHATSAPP_UTILITY_TEMPLATE = 0.007;

/** SQS requests per delivered outbox item: the relay's SendMessage, the consumer's ReceiveMessage and DeleteMessage. */
const SQS_REQUESTS_PER_DELIVERY = 3;

/** Lambda bills at least 1 ms per invocation; local wall time (DynamoDB Local, simulators) is an upper bound. */
export interface CostLines {
  lambdaRequests: number;
  lambdaCompute: number;
  dynamoDb: number;
  stepFunctions: number;
  sqs: number;
  apiGateway: number;
  ses: number;
  total: number;
}

/**
 * The AWS cost of 1,000 boletos living the measured lifecycle: Lambda requests and GB-s at each function's
 * configured memory (the template's), DynamoDB on-demand from the consumed capacity, Step Functions transitions,
 * SQS (three requests per delivered message), API Gateway HTTP API (one request per webhook), SES.
 */
export function costPerThousandBoletos(
  lifecycle: LifecycleFigures,
  memoryMbByFunction: Record<string, number>,
  region: Region,
): CostLines {
  const price = PRICES[region];
  const perBoleto = {
    lambdaRequests: 0,
    lambdaCompute: 0,
    dynamoDb: 0,
    stepFunctions: (lifecycle.transitions.total * price.stepFunctionsPerMillionTransitions) / 1e6,
    sqs: 0,
    apiGateway: 0,
    ses: (lifecycle.emails * price.sesPerThousandEmails) / 1000,
  };
  let deliveries = 0;
  let webhookRequests = 0;
  for (const [name, { count, ms }] of Object.entries(lifecycle.invocations)) {
    const memoryGb = (memoryMbByFunction[name] ?? 512) / 1024;
    perBoleto.lambdaRequests += (count * price.lambdaPerMillionRequests) / 1e6;
    perBoleto.lambdaCompute += (Math.max(ms, count) / 1000) * memoryGb * price.lambdaPerGbSecond;
    if (name.endsWith('-delivery')) deliveries += count;
    if (name.endsWith('-webhook')) webhookRequests += count;
  }
  const reads = lifecycle.dynamodb.readUnits;
  const writes = lifecycle.dynamodb.writeUnits;
  const own = lifecycle.dynamodbUnitsPerBoleto / Math.max(reads + writes, 1);
  perBoleto.dynamoDb =
    own * ((reads * price.dynamoDbPerMillionReadUnits + writes * price.dynamoDbPerMillionWriteUnits) / 1e6);
  perBoleto.sqs = (deliveries * SQS_REQUESTS_PER_DELIVERY * price.sqsPerMillionRequests) / 1e6;
  perBoleto.apiGateway = (webhookRequests * price.httpApiPerMillionRequests) / 1e6;
  const lines = Object.fromEntries(
    Object.entries(perBoleto).map(([key, value]) => [key, round(value * 1000)]),
  ) as Omit<CostLines, 'total'>;
  const total = round(Object.values(lines).reduce((sum, value) => sum + value, 0));
  return { ...lines, total };
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

/** What the default cadence changes in a lifecycle measured at another cadence. */
export interface CadenceChange {
  /** Conversation (measured) + reminder loop at the default cadence (the deployed definition, measured). */
  transitions: number;
  /** Reminders sent in the measured lifecycle and at the default cadence. */
  measuredReminders: number;
  defaultReminders: number;
  /** E-mails the default cadence sends a never-paid boleto (reminders late enough for the escalation). */
  defaultEmails: number;
}

/** Functions whose work is one per message to the contact (the boleto, each reminder) and its callbacks. */
const PER_MESSAGE_FUNCTION = /reminder-step|outbox-relay|delivery|whatsapp-webhook|inbound-router/;

/**
 * The measured lifecycle carried to the default cadence: transitions and e-mails exact (from the deployed
 * definition and the cadence), the per-message functions' invocations, time and DynamoDB units scaled by the
 * messages to the contact (the boleto + its reminders). An estimate for those lines, stated as such.
 */
export function atDefaultCadence(lifecycle: LifecycleFigures, change: CadenceChange): LifecycleFigures {
  const factor = (1 + change.defaultReminders) / (1 + change.measuredReminders);
  const invocations = Object.fromEntries(
    Object.entries(lifecycle.invocations).map(([name, { count, ms }]) =>
      PER_MESSAGE_FUNCTION.test(name)
        ? [name, { count: Math.round(count * factor), ms: ms * factor }]
        : [name, { count, ms }],
    ),
  );
  let units = 0;
  for (const [name, value] of Object.entries(lifecycle.dynamodb.byFunction)) {
    if (/reconciliation|console-|^local$/.test(name)) continue;
    units += PER_MESSAGE_FUNCTION.test(name) ? value * factor : value;
  }
  const reminderLoop = change.transitions - lifecycle.transitions.conversation;
  return {
    ...lifecycle,
    transitions: {
      conversation: lifecycle.transitions.conversation,
      reminderLoop,
      total: change.transitions,
    },
    reminders: change.defaultReminders,
    invocations,
    invocationsTotal: Object.values(invocations).reduce((sum, { count }) => sum + count, 0),
    dynamodbUnitsPerBoleto: Math.round(units),
    emails: change.defaultEmails,
  };
}
