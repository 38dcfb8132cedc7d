import { DuplicateBoletoCommandError } from '#application/ports/boleto-repository';
import type { Contact } from '#application/ports/contact-repository';
import { type Boleto, requestBoleto } from '#domain/boleto';
import { saoPauloDateOf } from '#domain/calendar-date';
import { DomainError } from '#domain/domain-error';
import { commandKeyOf, type OwnerRequest } from '#domain/owner-request';
import type { ConversationDependencies } from './conversation-dependencies';
import { recordConfirmation } from './creation-audit';
import { deterministicId } from './deterministic-id';
import { loadRequest, requireTenant } from './request-loading';

/** The owner confirmed, but the request has no resolved payer (should not happen: validation ran first). */
export class RequestIncompleteError extends DomainError {
  constructor(requestId: string, missing: string) {
    super('request_incomplete', `request ${requestId} cannot be issued: ${missing}`);
    this.name = 'RequestIncompleteError';
  }
}

/** The id a contact created for this request gets (the same on every attempt, so a retry finds it). */
export function newContactIdOf(request: OwnerRequest): string {
  return deterministicId('contact', request.tenantId, request.requestId);
}

function boletoIdOf(request: OwnerRequest): string {
  const attempt = request.creationAttempt ?? 0;
  return attempt === 0
    ? deterministicId('boleto', request.tenantId, request.requestId)
    : deterministicId('boleto', request.tenantId, request.requestId, String(attempt));
}

type ContactWrite = { contact: Contact; write: 'none' | 'create' | 'update' };

/** The payer: the resolved contact (with the e-mail the provider required, if given), or the new one. */
async function plannedContact(deps: ConversationDependencies, request: OwnerRequest): Promise<ContactWrite> {
  const now = deps.clock.now().toISOString();
  if (request.contactId) {
    const contact = await deps.contacts.get(request.tenantId, request.contactId);
    if (contact) {
      if (!request.payerEmail || contact.email === request.payerEmail) return { contact, write: 'none' };
      return { contact: { ...contact, email: request.payerEmail, updatedAt: now }, write: 'update' };
    }
  }
  const details = request.newContact;
  if (!details?.phone || !details.taxId) throw new RequestIncompleteError(request.requestId, 'payer');
  // The phone may already be a contact's (the owner typed a new name for someone known): bill that contact.
  // An archived one (deleted while it had boletos) is charged again by its phone, so it is active again.
  const found = await deps.contacts.findByPhone(request.tenantId, details.phone);
  if (found) {
    const { archivedAt, ...existing } = found;
    const email = details.email ?? existing.email;
    if (!archivedAt && existing.email === email) return { contact: found, write: 'none' };
    return { contact: { ...existing, ...(email ? { email } : {}), updatedAt: now }, write: 'update' };
  }
  const contact: Contact = {
    tenantId: request.tenantId,
    contactId: newContactIdOf(request),
    name: details.name,
    phone: details.phone,
    taxId: details.taxId,
    ...(details.email ? { email: details.email } : {}),
    optedOut: false,
    createdAt: now,
  };
  return { contact, write: 'create' };
}

/**
 * The payer and the local boleto in `requested` with this attempt's command key, stored before the provider is
 * ever called, in one transaction with the request and the confirmation's audit entries: a new payer exists only
 * together with the boleto it was created for (and is removed with it if the creation fails for good).
 */
export async function prepareLocalBoleto(
  deps: ConversationDependencies,
  request: OwnerRequest,
): Promise<{ boleto: Boleto; contact: Contact; request: OwnerRequest }> {
  if (request.boletoId) {
    const boleto = await deps.boletos.get(request.tenantId, request.boletoId);
    const contact = boleto ? await deps.contacts.get(request.tenantId, boleto.contactId) : undefined;
    if (boleto && contact) return { boleto, contact, request };
  }
  const { contact, write } = await plannedContact(deps, request);
  const tenant = await requireTenant(deps, request.tenantId);
  const now = deps.clock.now();
  const change = requestBoleto(
    {
      id: boletoIdOf(request),
      tenantId: request.tenantId,
      contactId: contact.contactId,
      amountCents: request.amountCents ?? 0,
      dueDate: request.dueDate ?? saoPauloDateOf(now),
      description: request.description ?? '',
      commandKey: commandKeyOf(request),
      today: saoPauloDateOf(now),
      maxAmountCents: tenant.limits.maxBoletoAmountCents,
      requestedByPhone: request.ownerPhone,
    },
    {
      actor: {
        kind: 'owner',
        id: request.ownerPhone,
        ...(request.memberId && { memberId: request.memberId }),
      },
      at: now.toISOString(),
    },
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
      if (write === 'create') await deps.contacts.create(contact, tx);
      if (write === 'update') await deps.contacts.update(contact, tx);
      await deps.boletos.create(change, tx);
      await deps.conversations.saveRequest(updated, request.version, tx);
      await recordConfirmation(deps.boletoActivity, change.boleto, request, tx);
    });
    return { boleto: change.boleto, contact, request: updated };
  } catch (error) {
    if (!(error instanceof DuplicateBoletoCommandError)) throw error;
    const existing = await deps.boletos.findByCommandKey(request.tenantId, commandKeyOf(request));
    if (!existing) throw error;
    const stored = await deps.contacts.get(request.tenantId, existing.contactId);
    if (!stored) throw error;
    return {
      boleto: existing,
      contact: stored,
      request: await loadRequest(deps, request.tenantId, request.requestId),
    };
  }
}
