import { deterministicId } from '#application/conversation/deterministic-id';
import type { Clock } from '#application/ports/clock';
import type { ContactRepository } from '#application/ports/contact-repository';
import type { ConversationRepository } from '#application/ports/conversation-repository';
import type { TenantRepository } from '#application/ports/tenant-repository';
import type { UserRepository } from '#application/ports/user-repository';
import type { Workflows } from '#application/ports/workflows';
import { type CalendarDate, saoPauloDateOf } from '#domain/calendar-date';
import type { OwnerRequest } from '#domain/owner-request';

export interface ApiChargeDependencies {
  contacts: Pick<ContactRepository, 'get'>;
  users: Pick<UserRepository, 'list'>;
  tenants: Pick<TenantRepository, 'getProfile'>;
  conversations: Pick<ConversationRepository, 'getRequest' | 'saveRequest'>;
  workflows: Pick<Workflows, 'startConversation'>;
  clock: Clock;
}

export interface ApiChargeInput {
  tenantId: string;
  /** The client's Idempotency-Key, or a fresh id: the request id derives from it, so a replay issues nothing. */
  requestKey: string;
  contactId: string;
  amountCents: number;
  dueDate: CalendarDate;
  description?: string;
  /** The authenticated member (token `sub`): the audit entries the request leads to name them. */
  memberId: string;
}

export type ApiChargeOutcome =
  | { outcome: 'accepted'; requestId: string; boletoId: string }
  | { outcome: 'refused'; status: 404 | 422; detail: string };

/**
 * A member's `POST /v1/boletos`: an authenticated member's request is its own confirmation, so it is stored as
 * a request already confirmed (as a recurring plan's firing is) and handed to the conversation workflow at its
 * create step: the same create path as WhatsApp (command key, look at Paytime before re-creating, the outage
 * path, registration, delivery to the payer, reminders, the owner told). The request id derives from the
 * client's key, so a retried POST finds the request and starts nothing new (the execution name derives from
 * it too). Nothing is promised: the boleto exists once Paytime has issued it (poll `GET /v1/boletos/{id}`).
 */
export async function requestApiCharge(
  deps: ApiChargeDependencies,
  input: ApiChargeInput,
): Promise<ApiChargeOutcome> {
  const { tenantId } = input;
  const requestId = deterministicId('request', tenantId, 'api', input.requestKey);
  const boletoId = deterministicId('boleto', tenantId, requestId);
  const stored = await deps.conversations.getRequest(tenantId, requestId);
  if (stored) {
    // A retry: the request is stored; starting again is harmless (same execution name) and heals a lost start.
    await start(deps, stored);
    return { outcome: 'accepted', requestId, boletoId };
  }
  const contact = await deps.contacts.get(tenantId, input.contactId);
  if (!contact || contact.archivedAt)
    return { outcome: 'refused', status: 404, detail: 'No contact with this id.' };
  if (contact.optedOut)
    return {
      outcome: 'refused',
      status: 422,
      detail: 'This contact asked not to be messaged; no boleto was issued.',
    };
  const now = deps.clock.now();
  if (input.dueDate < saoPauloDateOf(now))
    return { outcome: 'refused', status: 422, detail: 'The due date is in the past.' };
  const profile = await deps.tenants.getProfile(tenantId);
  if (!profile) return { outcome: 'refused', status: 422, detail: 'The tenant is not configured.' };
  if (input.amountCents > profile.limits.maxBoletoAmountCents)
    return {
      outcome: 'refused',
      status: 422,
      detail: "The amount is above the tenant's limit for one boleto.",
    };
  const owner = (await deps.users.list(tenantId)).find((user) => user.role === 'owner');
  if (!owner) return { outcome: 'refused', status: 422, detail: 'The tenant has no owner to notify.' };
  const at = now.toISOString();
  const request: OwnerRequest = {
    tenantId,
    requestId,
    ownerPhone: owner.phone,
    memberId: input.memberId,
    status: 'confirmed',
    version: 1,
    amountCents: input.amountCents,
    contactId: contact.contactId,
    contactDisplayName: contact.name,
    contactName: contact.name,
    dueDate: input.dueDate,
    ...(input.description ? { description: input.description } : {}),
    confirmationAskedAt: at,
    confirmedAt: at,
    createdAt: at,
    updatedAt: at,
  };
  await deps.conversations.saveRequest(request, undefined);
  await start(deps, request);
  return { outcome: 'accepted', requestId, boletoId };
}

async function start(deps: ApiChargeDependencies, request: OwnerRequest): Promise<void> {
  await deps.workflows.startConversation({
    tenantId: request.tenantId,
    message: {
      messageId: `api-${request.requestId}`,
      from: request.ownerPhone,
      content: { type: 'api_charge', requestId: request.requestId },
      receivedAt: request.createdAt,
    },
  });
}
