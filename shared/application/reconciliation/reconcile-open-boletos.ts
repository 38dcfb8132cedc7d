import type { PaymentDependencies } from '#application/payments/payment-dependencies';
import { type SettlementOutcome, settleWithProvider } from '#application/payments/settle-with-provider';
import type { BoletoActivityLog } from '#application/ports/boleto-activity-log';
import type { IdGenerator } from '#application/ports/id-generator';
import type { Boleto } from '#domain/boleto';
import type { ActivityDetail } from '#domain/boleto-activity';
import { mapWithConcurrency } from './map-with-concurrency';
import type { ReconciliationRun, ReconciliationRunStore } from './reconciliation-run-store';

/**
 * The daily safety net for webhooks that never arrived (Paytime tries 3 times within seconds, then gives up):
 * list the tenant's open boletos from the sparse `openByDueDate` index (one Query, no Scan), ask the provider
 * about each with bounded concurrency, and settle every difference through the same use case as the webhook.
 * A boleto still `requested` (the conversation never recorded its registration) is looked up by its command
 * key: if the provider has it paid or closed, it is registered and settled here. A failure on one boleto is
 * counted and the run goes on; the run's summary is stored.
 */

export interface ReconcileInput {
  tenantId: string;
  /** Provider calls in flight at once (default 5). */
  concurrency?: number;
  /** A `requested` boleto younger than this is left to the conversation still creating it (default 60). */
  requestedGraceMinutes?: number;
}

export type ReconcileDependencies = PaymentDependencies & {
  runs: ReconciliationRunStore;
  ids: IdGenerator;
  /** Each finding (a boleto healed, a conflict, a failure) is recorded in that boleto's audit trail. */
  boletoActivity: BoletoActivityLog;
};

/** Outcomes that say nothing new about the boleto: not findings. */
const NOT_FINDINGS: ReadonlySet<SettlementOutcome> = new Set(['unchanged', 'already_applied']);

const HEALING: ReadonlySet<SettlementOutcome> = new Set([
  'paid',
  'partially_paid',
  'cancelled',
  'payment_on_cancelled_boleto',
]);
const MAX_FAILURES_KEPT = 20;

type BoletoResult =
  | { kind: 'settled'; outcome: SettlementOutcome }
  | { kind: 'skipped' }
  | { kind: 'failed'; error: string };

export async function reconcileOpenBoletos(
  deps: ReconcileDependencies,
  input: ReconcileInput,
): Promise<ReconciliationRun> {
  const startedAt = deps.clock.now();
  const runId = deps.ids.newId();
  const open = await deps.boletos.listOpen(input.tenantId);
  const graceMs = (input.requestedGraceMinutes ?? 60) * 60_000;
  const results = await mapWithConcurrency(open, input.concurrency ?? 5, async (boleto) => {
    const result = await reconcileOne(deps, boleto, startedAt.getTime() - graceMs);
    await recordFinding(deps, runId, boleto, result);
    return result;
  });
  const run: ReconciliationRun = {
    tenantId: input.tenantId,
    runId,
    startedAt: startedAt.toISOString(),
    finishedAt: deps.clock.now().toISOString(),
    checked: open.length,
    healed: 0,
    failed: 0,
    skipped: 0,
    outcomes: {},
    failures: [],
  };
  results.forEach((result, index) => {
    if (result.kind === 'skipped') run.skipped++;
    if (result.kind === 'failed') {
      run.failed++;
      if (run.failures.length < MAX_FAILURES_KEPT)
        run.failures.push({ boletoId: open[index]?.id ?? '?', error: result.error });
    }
    if (result.kind === 'settled') {
      run.outcomes[result.outcome] = (run.outcomes[result.outcome] ?? 0) + 1;
      if (HEALING.has(result.outcome)) run.healed++;
    }
  });
  await deps.runs.record(run);
  const log = run.failed > 0 ? deps.logger.warn.bind(deps.logger) : deps.logger.info.bind(deps.logger);
  log('reconciliation finished', {
    tenantId: run.tenantId,
    checked: run.checked,
    healed: run.healed,
    failed: run.failed,
    skipped: run.skipped,
  });
  return run;
}

/**
 * A finding in the boleto's audit trail: what the run found (healed, conflict, payment on a cancelled boleto,
 * failure with the error's name). `boletoVersion` is the version the run read; the change itself is the
 * boleto's own event. A failure to record is logged and does not fail the run.
 */
async function recordFinding(
  deps: ReconcileDependencies,
  runId: string,
  boleto: Boleto,
  result: BoletoResult,
): Promise<void> {
  if (result.kind === 'skipped' || (result.kind === 'settled' && NOT_FINDINGS.has(result.outcome))) return;
  const detail: ActivityDetail =
    result.kind === 'settled'
      ? { runId, outcome: result.outcome }
      : { runId, outcome: 'failed', error: result.error.split(':')[0] ?? 'Error' };
  try {
    await deps.boletoActivity.record({
      tenantId: boleto.tenantId,
      boletoId: boleto.id,
      activityId: `reconciliation_finding:${runId}`,
      kind: 'reconciliation_finding',
      at: deps.clock.now().toISOString(),
      actor: { kind: 'system', id: 'reconciliation' },
      boletoVersion: boleto.version,
      detail,
    });
  } catch (error) {
    deps.logger.warn('reconciliation finding could not be recorded', {
      boletoId: boleto.id,
      error: error instanceof Error ? error.name : String(error),
    });
  }
}

async function reconcileOne(
  deps: ReconcileDependencies,
  boleto: Boleto,
  requestedBefore: number,
): Promise<BoletoResult> {
  try {
    if (boleto.provider) {
      const result = await settleWithProvider(deps, { tenantId: boleto.tenantId, boletoId: boleto.id });
      return { kind: 'settled', outcome: result.outcome };
    }
    if (boleto.status !== 'requested' || Date.parse(boleto.createdAt) > requestedBefore)
      return { kind: 'skipped' };
    const contact = await deps.contacts.get(boleto.tenantId, boleto.contactId);
    if (!contact) return { kind: 'skipped' };
    const remote = await deps.billing.findBoletoByCommandKey(boleto.commandKey, {
      amountCents: boleto.amountCents,
      dueDate: boleto.dueDate,
      payerTaxId: contact.taxId,
      createdAfter: new Date(boleto.createdAt),
    });
    if (!remote || remote.status === 'pending' || remote.status === 'processing') return { kind: 'skipped' };
    const result = await settleWithProvider(deps, {
      tenantId: boleto.tenantId,
      boletoId: boleto.id,
      providerBoleto: remote,
    });
    return { kind: 'settled', outcome: result.outcome };
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    deps.logger.warn('reconciliation could not settle a boleto', { boletoId: boleto.id, error: message });
    return { kind: 'failed', error: message.slice(0, 300) };
  }
}
