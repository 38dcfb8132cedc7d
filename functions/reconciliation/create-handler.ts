import * as z from 'zod/mini';
import {
  type ReconcileDependencies,
  reconcileOpenBoletos,
} from '#application/reconciliation/reconcile-open-boletos';
import type { ReconciliationRun } from '#application/reconciliation/reconciliation-run-store';
import { InvalidInputError } from '#domain/domain-error';
import { reconciliationEventSchema } from './reconciliation-event.schema';

export interface ReconciliationHandlerDependencies {
  reconcile: ReconcileDependencies;
  /** The stack's tenant: a schedule for any other tenant is refused. */
  tenantId: string;
  concurrency: number;
}

export type ReconciliationHandler = (event: unknown) => Promise<ReconciliationRun>;

/** The daily schedule's target: validate, run the reconciliation for the stack's tenant, return its summary. */
export function createReconciliationHandler(deps: ReconciliationHandlerDependencies): ReconciliationHandler {
  return async (event) => {
    const parsed = reconciliationEventSchema.safeParse(event);
    if (!parsed.success)
      throw new InvalidInputError(`reconciliation input: ${z.prettifyError(parsed.error)}`);
    if (parsed.data.tenantId !== deps.tenantId) {
      throw new InvalidInputError(
        `this function reconciles tenant ${deps.tenantId}, not ${parsed.data.tenantId}`,
      );
    }
    return reconcileOpenBoletos(deps.reconcile, { tenantId: deps.tenantId, concurrency: deps.concurrency });
  };
}
