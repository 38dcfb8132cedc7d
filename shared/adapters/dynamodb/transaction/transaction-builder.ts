import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { PrimaryKey } from '#adapters/dynamodb/keys/entity-keys';
import type { TransactionContext } from '#application/ports/unit-of-work';
import { InvalidInputError } from '#domain/domain-error';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** A condition (or update) expression with its own placeholders. */
export interface Expression {
  expression: string;
  names?: Record<string, string>;
  values?: Record<string, unknown>;
}

/** Which domain error a failed item turns into; anything not given falls back to a generic error. */
export interface FailureMapping {
  /** Its ConditionExpression was false. */
  onConditionFailed?: () => Error;
  /** Another write touched the same item at the same moment (DynamoDB's TransactionConflict). */
  onConflict?: () => Error;
}

export interface StagedWrite extends FailureMapping {
  item: TransactItem;
  /** For messages: `Put pk / sk`. */
  description: string;
}

/** DynamoDB's limit on one TransactWriteItems. */
export const MAX_TRANSACTION_ITEMS = 100;

export class TransactionTooLargeError extends InvalidInputError {
  constructor(count: number) {
    super(`a transaction holds at most ${MAX_TRANSACTION_ITEMS} items; tried to stage ${count}`);
    this.name = 'TransactionTooLargeError';
  }
}

/**
 * Collects the writes of one `TransactWriteItems` (≤ 100 items, each item at most once) together with the
 * domain error each one raises when its condition fails. Repositories stage into it; anyone (the outbox, the
 * audit trail) can add items to the same transaction; `commitTransaction` writes it.
 */
export class TransactionBuilder implements TransactionContext {
  readonly transactionContext = true as const;
  private readonly writes: StagedWrite[] = [];
  private readonly touched = new Set<string>();
  private token: string | undefined;

  constructor(readonly tableName: string) {}

  get size(): number {
    return this.writes.length;
  }

  get staged(): readonly StagedWrite[] {
    return this.writes;
  }

  /** DynamoDB's ClientRequestToken: retrying the same transaction within 10 minutes is then harmless. */
  get idempotencyToken(): string | undefined {
    return this.token;
  }

  withIdempotencyToken(token: string): this {
    if (token.length < 1 || token.length > 36) {
      throw new InvalidInputError('a transaction idempotency token has 1 to 36 characters');
    }
    this.token = token;
    return this;
  }

  put(
    item: Record<string, unknown> & PrimaryKey,
    options: { condition?: Expression } & FailureMapping = {},
  ): this {
    const { condition, ...mapping } = options;
    return this.stage(item, `Put ${describe(item)}`, mapping, {
      Put: { TableName: this.tableName, Item: item, ...conditionParts(condition) },
    });
  }

  update(key: PrimaryKey, options: { update: Expression; condition?: Expression } & FailureMapping): this {
    const { update, condition, ...mapping } = options;
    const merged = mergeExpressions(update, condition);
    return this.stage(key, `Update ${describe(key)}`, mapping, {
      Update: {
        TableName: this.tableName,
        Key: { pk: key.pk, sk: key.sk },
        UpdateExpression: update.expression,
        ...(condition ? { ConditionExpression: condition.expression } : {}),
        ...merged,
      },
    });
  }

  delete(key: PrimaryKey, options: { condition?: Expression } & FailureMapping = {}): this {
    const { condition, ...mapping } = options;
    return this.stage(key, `Delete ${describe(key)}`, mapping, {
      Delete: { TableName: this.tableName, Key: { pk: key.pk, sk: key.sk }, ...conditionParts(condition) },
    });
  }

  /** Makes the transaction depend on an item it does not write (e.g. "the tenant exists"). */
  conditionCheck(key: PrimaryKey, options: { condition: Expression } & FailureMapping): this {
    const { condition, ...mapping } = options;
    return this.stage(key, `ConditionCheck ${describe(key)}`, mapping, {
      ConditionCheck: {
        TableName: this.tableName,
        Key: { pk: key.pk, sk: key.sk },
        ...(conditionParts(condition) as { ConditionExpression: string }),
      },
    });
  }

  toInput(): TransactWriteCommandInput {
    return {
      TransactItems: this.writes.map((write) => write.item),
      ...(this.token ? { ClientRequestToken: this.token } : {}),
    };
  }

  private stage(key: PrimaryKey, description: string, mapping: FailureMapping, item: TransactItem): this {
    const identity = `${key.pk}\u0000${key.sk}`;
    if (this.touched.has(identity)) {
      throw new InvalidInputError(`a transaction may touch an item only once: ${describe(key)}`);
    }
    if (this.writes.length >= MAX_TRANSACTION_ITEMS)
      throw new TransactionTooLargeError(this.writes.length + 1);
    this.touched.add(identity);
    this.writes.push({ item, description, ...mapping });
    return this;
  }
}

function describe(key: PrimaryKey): string {
  return `${key.pk} / ${key.sk}`;
}

function conditionParts(condition: Expression | undefined): Record<string, unknown> {
  if (!condition) return {};
  return { ConditionExpression: condition.expression, ...mergeExpressions(condition) };
}

/** Update and condition expressions of one item share its placeholder maps; a clash is a programming error. */
function mergeExpressions(...expressions: (Expression | undefined)[]): {
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Record<string, unknown>;
} {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  for (const expression of expressions) {
    for (const [placeholder, name] of Object.entries(expression?.names ?? {})) {
      if (placeholder in names && names[placeholder] !== name) {
        throw new InvalidInputError(`expression name placeholder ${placeholder} used for two attributes`);
      }
      names[placeholder] = name;
    }
    for (const [placeholder, value] of Object.entries(expression?.values ?? {})) {
      if (placeholder in values && values[placeholder] !== value) {
        throw new InvalidInputError(`expression value placeholder ${placeholder} used for two values`);
      }
      values[placeholder] = value;
    }
  }
  return {
    ...(Object.keys(names).length > 0 ? { ExpressionAttributeNames: names } : {}),
    ...(Object.keys(values).length > 0 ? { ExpressionAttributeValues: values } : {}),
  };
}

/** The builder behind an opaque `TransactionContext` (only contexts made by this adapter are accepted). */
export function asTransactionBuilder(tx: TransactionContext): TransactionBuilder {
  if (!(tx instanceof TransactionBuilder)) {
    throw new InvalidInputError('this transaction context was not created by the DynamoDB unit of work');
  }
  return tx;
}
