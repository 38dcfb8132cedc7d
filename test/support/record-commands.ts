import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { expect } from 'vitest';

/**
 * Records the name of every command `client` sends from now on (`'QueryCommand'`, `'ScanCommand'`...), including
 * those sent through a document client built on it. Returns the live list; empty it with `recorded.length = 0`.
 */
export function recordCommands(client: DynamoDBClient): string[] {
  const recorded: string[] = [];
  client.middlewareStack.add(
    (next, context) => async (args) => {
      recorded.push(String(context.commandName));
      return next(args);
    },
    { step: 'initialize', name: `recordCommands-${Math.random().toString(36).slice(2)}` },
  );
  return recorded;
}

/** Fails the test if any recorded command is a Scan (production code reads with GetItem and Query only). */
export function expectNoScan(recorded: readonly string[]): void {
  const scans = recorded.filter((name) => /^(Parallel)?Scan(Command)?$/.test(name));
  expect(scans, `a Scan was issued; commands seen: ${recorded.join(', ')}`).toEqual([]);
}
