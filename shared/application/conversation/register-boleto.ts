import { IRIS_METRICS } from '../../../infra/config/metric-names';
import { registerBoleto } from '../../domain/boleto';
import { formatDateBr } from '../../domain/calendar-date';
import { DomainError } from '../../domain/domain-error';
import { formatBrl } from '../../domain/money';
import { newOutboxMessage, ownerReply } from '../../domain/outbox-message';
import { close, payerName } from '../../domain/owner-request';
import { functionMetrics } from '../../logging/business-metrics';
import type { ProviderBoleto } from '../ports/billing-provider';
import type { ConversationDependencies } from './conversation-dependencies';
import type { RequestStepInput } from './create-boleto-at-provider';
import { deterministicId } from './deterministic-id';
import { replies } from './replies-pt-br';
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

/**
 * Once the provider has issued the boleto (pending, with its digitable line): store the reference with its
 * audit event, put the boleto for the contact and the answer for the owner in the outbox, and close the
 * request — one transaction. Then start the boleto's reminder loop (idempotent per boleto).
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
        const amount = formatBrl(boleto.amountCents);
        const due = formatDateBr(boleto.dueDate);
        const text = `Olá, ${contact.name}! ${tenant.name} enviou um boleto de ${amount}, vencimento ${due}.\nLinha digitável: ${reference.digitableLine}${reference.pdfUrl ? `\nPDF: ${reference.pdfUrl}` : ''}`;
        await deps.outbox.add(
          newOutboxMessage(
            {
              channel: 'whatsapp',
              kind: 'boleto_to_contact',
              recipient: contact.phone,
              audience: 'contact',
              contactId: contact.contactId,
              boletoId: boleto.id,
              content: { type: 'text', text },
              template: {
                name: deps.settings.boletoTemplateName,
                languageCode: 'pt_BR',
                parameters: [contact.name, tenant.name, amount, due, reference.digitableLine],
              },
              correlationId: request.requestId,
            },
            { id: id('boleto-to-contact'), tenantId: input.tenantId, now },
          ),
          tx,
        );
      }
      const created = replies.boletoCreated(formatBrl, summary, reference.digitableLine);
      await deps.outbox.add(
        newOutboxMessage(ownerReply(request.ownerPhone, created, request.requestId), {
          id: id('owner-boleto-created'),
          tenantId: input.tenantId,
          now,
        }),
        tx,
      );
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
