import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  PutCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import {
  ConcurrentModificationError,
  PersistenceError,
  PreconditionFailedError,
} from '#application/ports/persistence-errors';
import type { StagedWrite, TransactionBuilder } from './transaction-builder';

interface CancellationReason {
  Code?: string;
  Message?: string;
}

/**
 * Writes everything staged in `builder`, all or nothing, and turns DynamoDB's failures into domain errors:
 * the first item whose condition failed throws its `onConditionFailed` error (else `PreconditionFailedError`);
 * a TransactionConflict throws its `onConflict` error (else `ConcurrentModificationError`). A transaction of
 * one Put/Update/Delete is sent as that single write (same atomicity, half the write cost).
 */
export async function commitTransaction(
  client: DynamoDBDocumentClient,
  builder: TransactionBuilder,
): Promise<void> {
  const writes = builder.staged;
  if (writes.length === 0) return;
  const only = writes.length === 1 ? writes[0] : undefined;
  if (only && !only.item.ConditionCheck && !builder.idempotencyToken) {
    await commitSingle(client, only);
    return;
  }
  try {
    await client.send(new TransactWriteCommand(builder.toInput()));
  } catch (error) {
    throw translateTransactionError(error, writes);
  }
}

async function commitSingle(client: DynamoDBDocumentClient, write: StagedWrite): Promise<void> {
  const { item } = write;
  try {
    if (item.Put) await client.send(new PutCommand(item.Put));
    else if (item.Update) await client.send(new UpdateCommand(item.Update));
    else if (item.Delete) await client.send(new DeleteCommand(item.Delete));
  } catch (error) {
    if (errorName(error) === 'ConditionalCheckFailedException') throw conditionFailed(write, error);
    throw new PersistenceError(`DynamoDB write failed: ${write.description}`, { cause: error });
  }
}

export function translateTransactionError(error: unknown, writes: readonly StagedWrite[]): Error {
  if (errorName(error) !== 'TransactionCanceledException') {
    return new PersistenceError('DynamoDB transaction failed', { cause: error });
  }
  const reasons = ((error as { CancellationReasons?: CancellationReason[] }).CancellationReasons ?? []).map(
    (reason) => reason.Code ?? 'None',
  );
  const failedAt = reasons.indexOf('ConditionalCheckFailed');
  const failed = failedAt >= 0 ? writes[failedAt] : undefined;
  if (failed) return conditionFailed(failed, error);
  const conflictAt = reasons.indexOf('TransactionConflict');
  const conflicted = conflictAt >= 0 ? writes[conflictAt] : undefined;
  if (conflicted) {
    return (
      conflicted.onConflict?.() ??
      new ConcurrentModificationError('item', conflicted.description, { cause: error })
    );
  }
  return new PersistenceError(`DynamoDB transaction cancelled (${reasons.join(', ')})`, { cause: error });
}

function conditionFailed(write: StagedWrite, cause: unknown): Error {
  const mapped = write.onConditionFailed?.();
  if (mapped) {
    if (mapped.cause === undefined)
      Object.defineProperty(mapped, 'cause', { value: cause, configurable: true });
    return mapped;
  }
  return new PreconditionFailedError(`condition failed: ${write.description}`, { cause });
}

function errorName(error: unknown): string | undefined {
  return error instanceof Error ? error.name : undefined;
}
