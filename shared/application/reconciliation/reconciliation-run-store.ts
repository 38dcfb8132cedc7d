/**
 * Port (DynamoDB adapter in `shared/adapters/dynamodb/payments`): the summary of each reconciliation run, per
 * tenant, newest last. What an operator (or the owner's "status" question) reads to know the job ran.
 */
export interface ReconciliationRun {
  tenantId: string;
  runId: string;
  startedAt: string;
  finishedAt: string;
  /** Open boletos looked at. */
  checked: number;
  /** Boletos whose state changed because of what the provider said (a missed webhook, healed). */
  healed: number;
  /** Boletos the provider could not be asked about, or whose update failed. */
  failed: number;
  /** Boletos not asked about (not at the provider yet, or too recent to judge). */
  skipped: number;
  /** Count per settlement outcome (`paid`, `unchanged`, ...). */
  outcomes: Record<string, number>;
  /** The first failures, for a person to look at (bounded). */
  failures: Array<{ boletoId: string; error: string }>;
}

export interface ReconciliationRunStore {
  record(run: ReconciliationRun): Promise<void>;
  /** The tenant's most recent runs, newest first. */
  listRecent(tenantId: string, limit: number): Promise<ReconciliationRun[]>;
}
