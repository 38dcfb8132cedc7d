import { describe, expect, it } from 'vitest';
import { translateTransactionError } from '#adapters/dynamodb/transaction/commit-transaction';
import { TransactionBuilder } from '#adapters/dynamodb/transaction/transaction-builder';
import {
  ConcurrentModificationError,
  PersistenceError,
  PreconditionFailedError,
} from '#application/ports/persistence-errors';

class FakeSdkError extends Error {
  constructor(
    name: string,
    readonly CancellationReasons?: { Code: string }[],
  ) {
    super(name);
    this.name = name;
  }
}

class GuardError extends Error {
  override name = 'GuardError';
}

function twoItems() {
  return new TransactionBuilder('table')
    .put({ pk: 'a', sk: 'a' })
    .put({ pk: 'b', sk: 'b' }, { onConditionFailed: () => new GuardError('b taken') }).staged;
}

const cancelled = (...codes: string[]) =>
  new FakeSdkError(
    'TransactionCanceledException',
    codes.map((Code) => ({ Code })),
  );

describe('translateTransactionError', () => {
  it("raises the failed item's own error, keeping the SDK error only as its cause", () => {
    const error = translateTransactionError(cancelled('None', 'ConditionalCheckFailed'), twoItems());
    expect(error).toBeInstanceOf(GuardError);
    expect((error.cause as Error).name).toBe('TransactionCanceledException');
  });

  it('falls back to PreconditionFailedError naming the item when no error was mapped', () => {
    const error = translateTransactionError(cancelled('ConditionalCheckFailed', 'None'), twoItems());
    expect(error).toBeInstanceOf(PreconditionFailedError);
    expect(error.message).toContain('Put a / a');
  });

  it('turns a TransactionConflict into ConcurrentModificationError', () => {
    expect(translateTransactionError(cancelled('TransactionConflict', 'None'), twoItems())).toBeInstanceOf(
      ConcurrentModificationError,
    );
  });

  it('prefers a failed condition over a conflict in the same transaction', () => {
    expect(
      translateTransactionError(cancelled('TransactionConflict', 'ConditionalCheckFailed'), twoItems()),
    ).toBeInstanceOf(GuardError);
  });

  it('wraps anything else in PersistenceError', () => {
    expect(translateTransactionError(new FakeSdkError('ThrottlingException'), twoItems())).toBeInstanceOf(
      PersistenceError,
    );
    expect(translateTransactionError(cancelled('ThrottlingError', 'None'), twoItems())).toBeInstanceOf(
      PersistenceError,
    );
  });
});

describe('TransactionBuilder', () => {
  it('keeps update and condition placeholders of one item together', () => {
    const input = new TransactionBuilder('table')
      .update(
        { pk: 'p', sk: 's' },
        {
          update: {
            expression: 'SET #status = :status',
            names: { '#status': 'status' },
            values: { ':status': 'x' },
          },
          condition: { expression: 'version = :v', values: { ':v': 3 } },
        },
      )
      .toInput();
    expect(input.TransactItems?.[0]?.Update).toEqual({
      TableName: 'table',
      Key: { pk: 'p', sk: 's' },
      UpdateExpression: 'SET #status = :status',
      ConditionExpression: 'version = :v',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':status': 'x', ':v': 3 },
    });
  });

  it('refuses one placeholder used for two different values', () => {
    expect(() =>
      new TransactionBuilder('table').update(
        { pk: 'p', sk: 's' },
        {
          update: { expression: 'SET a = :v', values: { ':v': 1 } },
          condition: { expression: 'b = :v', values: { ':v': 2 } },
        },
      ),
    ).toThrow(/placeholder :v/);
  });
});
