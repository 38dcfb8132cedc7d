import { retireReplacedBoleto } from '#application/amendments/retire-replaced-boleto';
import { boletoToContactMessage } from '#application/boletos/boleto-message-pt-br';
import type { ProviderBoleto } from '#application/ports/billing-provider';
import { registerBoleto } from '#domain/boleto';
import { formatDateBr } from '#domain/calendar-date';
import { DomainError } from '#domain/domain-error';
import { formatBrl } from '#domain/money';
import { newOutboxMessage, ownerReply } from '#domain/outbox-message';
import { close, payerName } from '#domain/owner-request';
import { functionMetrics } from '#logging/business-metrics';
import { IRIS_METRICS } from '#logging/metric-names';
import type { ConversationDependencies } from './conversation-dependencies';
import type { RequestStepInput } from './create-boleto-at-provider';
import { deterministicId } from './deterministic-id';
import { loadRequest, requireTenant } from './request-loading';
import { DONE, type StepResult } from './step-result';

/** The provider is still processing the boleto (no digitable line yet): the workflow retries with backoff. */
export class BoletoStillProcessingError extends DomainError {
  constructor(providerId: string) {
    super('boleto_still_processing', `provider boleto ${providerId} is still processing`);
    this.name = 'BoletoStillProcessingError';
  }
}

/** The provider refused or dropped the boleto (failed, cancelled, expired before it was ever sent). */
export class BoletoRejectedByProviderError extends DomainError {
  constructor(providerId: string, status: string) {
    super('boleto_rejected_by_provider', `provider boleto ${providerId} ended ${status}`);
    this.name = 'BoletoRejectedByProviderError';
  }
}

function readyReference(provider: ProviderBoleto) {
  if (provider.status === 'processing') throw new BoletoStillProcessingError(provider.providerId);
  if (!['pending', 'paid'].includes(provider.status) || !provider.digitableLine || !provider.barcode) {
    throw new BoletoRejectedByProviderError(provider.providerId, provider.status);
  }
  return {
    providerId: provider.providerId,
    digitableLine: provider.digitableLine,
    barcode: provider.barcode,
    ...(provider.pdfUrl ? { pdfUrl: provider.pdfUrl } : {}),
    ...(provider.pixEmv ? { pixEmv: provider.pixEmv } : {}),
  };
}

/** The contact is gone: the boleto exists but IRIS has no one to send it to; the owner forwards it. */
function noPayerToSendTo(
  summary: { amountCents: number; contactName: string; dueDate: Parameters<typeof formatDateBr>[0] },
  reference: ReturnType<typeof readyReference>,
): string {
  const lines = [
    `⚠️ Boleto de ${formatBrl(summary.amountCents)} para ${summary.contactName}, vencimento ${formatDateBr(summary.dueDate)}: emitido, mas não encontrei o contato para enviar. Encaminhe você mesmo:`,
    `Linha digitável: ${reference.digitableLine}`,
  ];
  if (reference.pdfUrl) lines.push(`PDF: ${reference.pdfUrl}`);
  if (reference.pixEmv) lines.push(`Pix copia e cola: ${reference.pixEmv}`);
  return lines.join('\n');
}

/**
 * Once the provider has issued the boleto (pending, with its digitable line): store the reference with its
 * audit event, put the boleto message for the contact in the outbox (delivery tells the owner what became of
 * it), and close the request — one transaction. Then start the boleto's reminder loop (idempotent per boleto).
 */
export async function registerIssuedBoleto(
  deps: ConversationDependencies,
  input: RequestStepInput,
): Promise<StepResult> {
  const request = await loadRequest(deps, input.tenantId, input.requestId);
  if (!request.boletoId || !request.providerId)
    throw new BoletoRejectedByProviderError('none', request.status);
  const boleto = await deps.boletos.get(input.tenantId, request.boletoId);
  if (!boleto) throw new BoletoRejectedByProviderError(request.providerId, 'missing locally');

  let registered = boleto;
  if (request.status !== 'completed') {
    const reference = readyReference(await deps.billing.getBoleto(request.providerId));
    // An amendment: the replaced boleto is cancelled now that its successor exists (or this one is dropped).
    if (!(await retireReplacedBoleto(deps, request, reference.providerId))) return DONE;
    const now = deps.clock.now();
    const change = registerBoleto(boleto, reference, {
      actor: { kind: 'provider', id: 'paytime' },
      at: now.toISOString(),
    });
    registered = change.boleto;
    const tenant = await requireTenant(deps, input.tenantId);
    const contact = await deps.contacts.get(input.tenantId, boleto.contactId);
    const summary = {
      amountCents: boleto.amountCents,
      contactName: payerName(request),
      dueDate: boleto.dueDate,
    };
    const id = (purpose: string) => deterministicId(input.tenantId, request.requestId, purpose);
    await deps.unitOfWork.run(async (tx) => {
      if (change.events.length > 0) await deps.boletos.update(change, boleto.version, tx);
      await deps.conversations.saveRequest(
        close(request, 'completed', now, { boletoId: boleto.id, providerId: reference.providerId }),
        request.version,
        tx,
      );
      if (contact) {
        // The owner hears what happened to this send once it happened (sent, deferred until when, or not
        // deliverable with the line and PDF to forward): delivery reports it, so nothing is claimed here.
        const message = boletoToContactMessage({
          boleto: registered,
          reference,
          contact,
          businessName: tenant.name,
          templateName: deps.settings.boletoTemplateName,
          correlationId: request.requestId,
        });
        await deps.outbox.add(
          newOutboxMessage(
            { ...message, reportOutcomeTo: request.ownerPhone },
            { id: id('boleto-to-contact'), tenantId: input.tenantId, now },
          ),
          tx,
        );
      } else {
        const text = noPayerToSendTo(summary, reference);
        await deps.outbox.add(
          newOutboxMessage(ownerReply(request.ownerPhone, text, request.requestId), {
            id: id('owner-boleto-created'),
            tenantId: input.tenantId,
            now,
          }),
          tx,
        );
      }
    });
    functionMetrics.count(IRIS_METRICS.boletoCreated);
  }

  const nextReminderAt = await deps.reminders.firstReminderAt({
    tenantId: input.tenantId,
    boleto: registered,
  });
  if (nextReminderAt) {
    await deps.workflows.startReminderLoop({
      tenantId: input.tenantId,
      boletoId: boleto.id,
      nextReminderAt,
      turn: 0,
    });
  }
  await deps.conversations.release(input.tenantId, request.ownerPhone, request.requestId);
  return DONE;
}
