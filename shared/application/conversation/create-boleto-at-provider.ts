import {
  BillingProviderRejectedError,
  BillingProviderUnavailableError,
  createBoletoLookingFirst,
  type RejectedField,
} from '#application/ports/billing-provider';
import { addDays } from '#domain/calendar-date';
import { DomainError } from '#domain/domain-error';
import { formatBrl } from '#domain/money';
import {
  canAskAgain,
  commandKeyOf,
  type OwnerRequest,
  payerName,
  type RejectedPayerField,
} from '#domain/owner-request';
import type { ConversationDependencies } from './conversation-dependencies';
import { type AttemptOutcome, recordCreationAttempt } from './creation-audit';
import { endCreationAttempt } from './fail-creation';
import { prepareLocalBoleto, RequestIncompleteError } from './prepare-local-boleto';
import { replies } from './replies-pt-br';
import { loadRequest, requireTenant } from './request-loading';
import type { StepResult } from './step-result';

export { RequestIncompleteError } from './prepare-local-boleto';

export interface RequestStepInput {
  tenantId: string;
  requestId: string;
}

/**
 * The provider refused a payer detail the owner can fix (e.g. 422 `client.email: is required`): the request was
 * reopened with the precise question. The workflow catches this error by name and asks the owner.
 */
export class PayerDetailsRefusedError extends DomainError {
  constructor(requestId: string, field: RejectedPayerField) {
    super('payer_details_refused', `request ${requestId}: the provider refused ${field}`);
    this.name = 'PayerDetailsRefusedError';
  }
}

/**
 * The provider refused the boleto for a reason the conversation cannot fix: the boleto ended `failed`, the
 * request closed and the owner was told why. The workflow catches it by name and ends.
 */
export class BoletoCreationRefusedError extends DomainError {
  constructor(requestId: string, reason: string) {
    super('boleto_creation_refused', `request ${requestId}: ${reason}`);
    this.name = 'BoletoCreationRefusedError';
  }
}

const ASKABLE: readonly RejectedPayerField[] = ['payer.email', 'payer.taxId', 'payer.phone'];

/** What the owner is told when the provider refuses a field the conversation cannot ask for again. */
const REFUSAL_TEXT: Record<RejectedField, string> = {
  'payer.email': 'o e-mail do contato não foi aceito',
  'payer.taxId': 'o CPF/CNPJ do contato não foi aceito; corrija o cadastro do contato',
  'payer.phone': 'o telefone do contato não foi aceito; corrija o cadastro do contato',
  'payer.name': 'o nome do contato não foi aceito; corrija o cadastro do contato',
  'payer.address': 'o endereço do contato é obrigatório para a Paytime',
  amount: 'o valor não é aceito pela Paytime',
  dueDate: 'a data de vencimento não é aceita pela Paytime',
  other: 'a Paytime não disse o motivo; a equipe da IRIS foi avisada',
};

/**
 * Creates the confirmed boleto at the provider exactly once. The command key (per attempt) and the first call's
 * instant are stored before the call; after a lost response or a retry, the provider is searched for the boleto
 * that call may have created before anything is created again. Each call is in the boleto's activity log.
 * A refused payer detail reopens the request (`PayerDetailsRefusedError`); any other refusal ends it
 * (`BoletoCreationRefusedError`); `BillingProviderUnavailableError` propagates to the workflow's outage path.
 */
export async function createBoletoAtProvider(
  deps: ConversationDependencies,
  input: RequestStepInput,
): Promise<StepResult> {
  let request = await loadRequest(deps, input.tenantId, input.requestId);
  if (request.providerId || request.status === 'completed')
    return { requestId: request.requestId, next: 'register' };
  if (request.status !== 'confirmed')
    throw new RequestIncompleteError(request.requestId, `status ${request.status}`);

  const local = await prepareLocalBoleto(deps, request);
  request = local.request;
  const tenant = await requireTenant(deps, input.tenantId);
  const now = deps.clock.now();
  const previousAttemptAt = request.providerAttemptAt ? new Date(request.providerAttemptAt) : undefined;
  if (!previousAttemptAt) {
    const marked = { ...request, providerAttemptAt: now.toISOString(), version: request.version + 1 };
    await deps.conversations.saveRequest(marked, request.version);
    request = marked;
  }
  const { boleto, contact } = local;
  const attempted = (outcome: AttemptOutcome, extra: { providerId?: string; reason?: string } = {}) =>
    recordCreationAttempt(deps.boletoActivity, boleto, {
      at: now,
      outcome,
      lookedFirst: previousAttemptAt !== undefined,
      ...extra,
    });
  let outcome: Awaited<ReturnType<typeof createBoletoLookingFirst>>;
  try {
    outcome = await createBoletoLookingFirst(
      deps.billing,
      {
        commandKey: commandKeyOf(request),
        amountCents: boleto.amountCents,
        dueDate: boleto.dueDate,
        paymentLimitDate: addDays(boleto.dueDate, deps.settings.paymentWindowDays),
        payer: { name: contact.name, taxId: contact.taxId, phone: contact.phone, email: contact.email },
        description: boleto.description || `Cobrança ${tenant.name}`,
        instructions: {
          fineBps: tenant.interestPolicy.fineBps,
          monthlyInterestBps: tenant.interestPolicy.monthlyInterestBps,
        },
      },
      { attemptAt: now, previousAttemptAt },
    );
  } catch (error) {
    if (error instanceof BillingProviderUnavailableError) await attempted('unavailable');
    if (!(error instanceof BillingProviderRejectedError)) throw error;
    await attempted('rejected', { reason: error.fields.join(',') || 'unknown' });
    return refused(deps, request, error);
  }
  await attempted(outcome.created ? 'created' : 'found', { providerId: outcome.boleto.providerId });
  deps.logger.info('boleto at provider', {
    requestId: request.requestId,
    boletoId: boleto.id,
    providerId: outcome.boleto.providerId,
    created: outcome.created,
  });
  const withProvider = {
    ...request,
    providerId: outcome.boleto.providerId,
    version: request.version + 1,
    updatedAt: deps.clock.now().toISOString(),
  };
  await deps.conversations.saveRequest(withProvider, request.version);
  return { requestId: request.requestId, next: 'register' };
}

/** A refusal: ask for the payer detail when the owner can fix it, else end the request and say why. */
async function refused(
  deps: ConversationDependencies,
  request: OwnerRequest,
  error: BillingProviderRejectedError,
): Promise<never> {
  const fields = error.fields.length > 0 ? error.fields : (['other'] as const);
  const reason = `provider_rejected:${fields.join(',')}`;
  deps.logger.warn('the provider refused the boleto', {
    requestId: request.requestId,
    fields,
    httpStatus: error.httpStatus,
  });
  const askable = ASKABLE.find((field) => fields.includes(field) && canAskAgain(request, field));
  if (askable && fields.every((field) => ASKABLE.includes(field as RejectedPayerField))) {
    await endCreationAttempt(deps, request, { reason, reopenFor: askable });
    throw new PayerDetailsRefusedError(request.requestId, askable);
  }
  const first = fields.find((field) => !(ASKABLE as readonly string[]).includes(field)) ?? fields[0];
  const summary = {
    amountCents: request.amountCents ?? 0,
    contactName: payerName(request),
    dueDate: request.dueDate ?? ('' as never),
  };
  const ownerText = replies.providerRefused(formatBrl, summary, REFUSAL_TEXT[first ?? 'other']);
  await endCreationAttempt(deps, request, { reason, ownerText });
  throw new BoletoCreationRefusedError(request.requestId, reason);
}
