import { type Boleto, requestBoleto } from '../../domain/boleto';
import { addDays, saoPauloDateOf } from '../../domain/calendar-date';
import { DomainError } from '../../domain/domain-error';
import type { OwnerRequest } from '../../domain/owner-request';
import { createBoletoLookingFirst } from '../ports/billing-provider';
import { DuplicateBoletoCommandError } from '../ports/boleto-repository';
import { type Contact, DuplicateContactPhoneError } from '../ports/contact-repository';
import type { ConversationDependencies } from './conversation-dependencies';
import { deterministicId } from './deterministic-id';
import { loadRequest, requireTenant } from './request-loading';
import type { StepResult } from './step-result';

export interface RequestStepInput {
  tenantId: string;
  requestId: string;
}

/** The owner confirmed, but the request has no resolved payer (should not happen: validation ran first). */
export class RequestIncompleteError extends DomainError {
  constructor(requestId: string, missing: string) {
    super('request_incomplete', `request ${requestId} cannot be issued: ${missing}`);
    this.name = 'RequestIncompleteError';
  }
}

/** The contact the boleto is for: the resolved one, or the new one the owner described (created once). */
async function ensureContact(deps: ConversationDependencies, request: OwnerRequest): Promise<Contact> {
  if (request.contactId) {
    const contact = await deps.contacts.get(request.tenantId, request.contactId);
    if (contact) return contact;
  }
  const details = request.newContact;
  if (!details?.phone || !details.taxId) throw new RequestIncompleteError(request.requestId, 'payer');
  const contact: Contact = {
    tenantId: request.tenantId,
    contactId: deterministicId('contact', request.tenantId, request.requestId),
    name: details.name,
    phone: details.phone,
    taxId: details.taxId,
    optedOut: false,
    createdAt: deps.clock.now().toISOString(),
  };
  try {
    await deps.contacts.create(contact);
    return contact;
  } catch (error) {
    if (!(error instanceof DuplicateContactPhoneError)) throw error;
    // Created by an earlier try of this step, or the phone already belongs to a contact: use that one.
    const existing = await deps.contacts.findByPhone(request.tenantId, details.phone);
    if (!existing) throw error;
    return existing;
  }
}

/** The local boleto in `requested`, stored with the command key before the provider is ever called. */
async function ensureLocalBoleto(
  deps: ConversationDependencies,
  request: OwnerRequest,
  contact: Contact,
): Promise<{ boleto: Boleto; request: OwnerRequest }> {
  if (request.boletoId) {
    const boleto = await deps.boletos.get(request.tenantId, request.boletoId);
    if (boleto) return { boleto, request };
  }
  const tenant = await requireTenant(deps, request.tenantId);
  const now = deps.clock.now();
  const change = requestBoleto(
    {
      id: deterministicId('boleto', request.tenantId, request.requestId),
      tenantId: request.tenantId,
      contactId: contact.contactId,
      amountCents: request.amountCents ?? 0,
      dueDate: request.dueDate ?? saoPauloDateOf(now),
      description: request.description ?? '',
      commandKey: request.requestId,
      today: saoPauloDateOf(now),
      maxAmountCents: tenant.limits.maxBoletoAmountCents,
    },
    { actor: { kind: 'owner', id: request.ownerPhone }, at: now.toISOString() },
  );
  const updated: OwnerRequest = {
    ...request,
    contactId: contact.contactId,
    contactDisplayName: contact.name,
    boletoId: change.boleto.id,
    version: request.version + 1,
    updatedAt: now.toISOString(),
  };
  try {
    await deps.unitOfWork.run(async (tx) => {
      await deps.boletos.create(change, tx);
      await deps.conversations.saveRequest(updated, request.version, tx);
    });
    return { boleto: change.boleto, request: updated };
  } catch (error) {
    if (!(error instanceof DuplicateBoletoCommandError)) throw error;
    const existing = await deps.boletos.findByCommandKey(request.tenantId, request.requestId);
    if (!existing) throw error;
    return { boleto: existing, request: await loadRequest(deps, request.tenantId, request.requestId) };
  }
}

/**
 * Creates the confirmed boleto at the provider exactly once. The command key (the request id) and the first
 * attempt's instant are stored before the call; after a lost response or a retry, the provider is searched
 * for the boleto that call may have created before anything is created again.
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

  const contact = await ensureContact(deps, request);
  const local = await ensureLocalBoleto(deps, request, contact);
  request = local.request;
  const tenant = await requireTenant(deps, input.tenantId);
  const now = deps.clock.now();
  const previousAttemptAt = request.providerAttemptAt ? new Date(request.providerAttemptAt) : undefined;
  if (!previousAttemptAt) {
    const marked = { ...request, providerAttemptAt: now.toISOString(), version: request.version + 1 };
    await deps.conversations.saveRequest(marked, request.version);
    request = marked;
  }
  const outcome = await createBoletoLookingFirst(
    deps.billing,
    {
      commandKey: request.requestId,
      amountCents: local.boleto.amountCents,
      dueDate: local.boleto.dueDate,
      paymentLimitDate: addDays(local.boleto.dueDate, deps.settings.paymentWindowDays),
      payer: { name: contact.name, taxId: contact.taxId, phone: contact.phone, email: contact.email },
      description: local.boleto.description || `Cobrança ${tenant.name}`,
      instructions: {
        fineBps: tenant.interestPolicy.fineBps,
        monthlyInterestBps: tenant.interestPolicy.monthlyInterestBps,
      },
    },
    { attemptAt: now, previousAttemptAt },
  );
  deps.logger.info('boleto at provider', {
    requestId: request.requestId,
    boletoId: local.boleto.id,
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
