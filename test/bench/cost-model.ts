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
