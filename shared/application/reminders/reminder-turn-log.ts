import type { TransactionContext } from '#application/ports/unit-of-work';
import { DomainError } from '#domain/domain-error';
import type { ReminderLoopState } from './reminder-loop-state';

/**
 * Port (kept beside its use case; the DynamoDB adapter is `shared/adapters/dynamodb/reminders`): one record per
 * (boleto, turn) of the reminder loop, written in the same transaction as the reminder's outbox items. It is
 * the guard that makes a retried step enqueue nothing twice, the step's memo (a replay returns the same next
 * state), and the boleto's reminder history ("lembrete enviado em ...").
 */
export interface ReminderTurnRecord {
  tenantId: string;
  boletoId: string;
  turn: number;
  scheduledAt: string;
  recordedAt: string;
  outcome: 'sent' | 'failed';
  /** Outbox items the turn put in the outbox (WhatsApp, e-mail). */
  outboxIds: string[];
  /** What the payer was told they owe on that day (charges included). */
  amountDueCents?: number;
  /** For a failed turn: the error's name and message. */
  error?: string;
  /** The state the step returned. */
  result: ReminderLoopState;
}

/** A record for this (boleto, turn) exists already. Nothing was written. */
export class ReminderTurnAlreadyRecordedError extends DomainError {
  constructor(
    readonly boletoId: string,
    readonly turn: number,
    options?: { cause?: unknown },
  ) {
    super(
      'reminder_turn_recorded',
      `reminder turn ${turn} of boleto ${boletoId} was already recorded`,
      options,
    );
    this.name = 'ReminderTurnAlreadyRecordedError';
  }
}

export interface ReminderTurnLog {
  /** Strongly consistent. */
  get(tenantId: string, boletoId: string, turn: number): Promise<ReminderTurnRecord | undefined>;
  /** Conditional put: `ReminderTurnAlreadyRecordedError` when the turn is recorded already. */
  record(record: ReminderTurnRecord, tx?: TransactionContext): Promise<void>;
  /** The boleto's turns, in order. */
  listByBoleto(tenantId: string, boletoId: string): Promise<ReminderTurnRecord[]>;
}
