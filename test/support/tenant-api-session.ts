import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { expect } from 'vitest';
import { createDocumentClient } from '#adapters/dynamodb/document-client';
import type { LocalCloud } from '#infra/local/start-local-cloud';

/** The demo members of the local cloud and what a test needs to call the tenant API as each of them. */
export const DEMO_MEMBERS = { owner: 'ana', operator: 'bruno', viewer: 'carla' } as const;
export type DemoRole = keyof typeof DEMO_MEMBERS;

export async function signInAll(cloud: LocalCloud): Promise<Record<DemoRole, string>> {
  const tokens = {} as Record<DemoRole, string>;
  for (const [role, username] of Object.entries(DEMO_MEMBERS) as [DemoRole, string][]) {
    const response = await fetch(`${cloud.apiUrl}/_local/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username }),
    });
    expect(response.status).toBe(200);
    tokens[role] = ((await response.json()) as { access_token: string }).access_token;
  }
  return tokens;
}

export interface ApiCall {
  method?: string;
  body?: unknown;
  token: string;
  idempotencyKey?: string;
}

export function apiCaller(cloud: LocalCloud) {
  return async (path: string, call: ApiCall) => {
    const response = await fetch(`${cloud.apiUrl}${path}`, {
      method: call.method ?? 'GET',
      headers: {
        authorization: `Bearer ${call.token}`,
        ...(call.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(call.idempotencyKey ? { 'idempotency-key': call.idempotencyKey } : {}),
      },
      ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
    });
    const text = await response.text();
    const isJson = /json/.test(response.headers.get('content-type') ?? '');
    return {
      status: response.status,
      headers: response.headers,
      text,
      body: (text && isJson ? JSON.parse(text) : text || undefined) as Record<string, unknown> & {
        data?: unknown[];
      },
    };
  };
}

export function tableClient(cloud: LocalCloud): DynamoDBDocumentClient {
  return createDocumentClient(
    new DynamoDBClient({
      endpoint: cloud.urls.dynamoDb,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
  );
}

/** Every item of the given partitions (Query only), sorted: compared before and after a refused request. */
export async function partitionsSnapshot(
  client: DynamoDBDocumentClient,
  tableName: string,
  partitions: readonly string[],
): Promise<string> {
  const items: unknown[] = [];
  for (const partition of partitions) {
    const page = await client.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': partition },
      }),
    );
    items.push(...(page.Items ?? []));
  }
  return JSON.stringify(items);
}
