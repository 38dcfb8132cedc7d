import { contactsFor } from '#application/owner-queries/find-contact';
import type { Interpretation } from '#application/ports/language-model';
import { saoPauloDateOf } from '#domain/calendar-date';
import { matchContact } from '#domain/contact-matching';
import {
  advance,
  applyEntities,
  type DeferredMessage,
  type OwnerRequest,
  resolveContact,
} from '#domain/owner-request';
import type { E164 } from '#domain/phone-number';
import type { ConversationDependencies } from './conversation-dependencies';
import { deterministicId } from './deterministic-id';
import { requireTenant } from './request-loading';
import type { StepResult } from './step-result';

/** The rules a request is checked against (tenant limit, usual amount, São Paulo today). */
export async function requestRules(deps: ConversationDependencies, tenantId: string) {
  const tenant = await requireTenant(deps, tenantId);
  return {
    today: saoPauloDateOf(deps.clock.now()),
    usualMaxCents: Math.min(deps.settings.usualMaxAmountCents, tenant.limits.maxBoletoAmountCents),
    limitCents: tenant.limits.maxBoletoAmountCents,
  };
}

/** Resolves the written contact name against the tenant's contacts, when it is not resolved yet. */
export async function resolveRequestContact(
  deps: ConversationDependencies,
  request: OwnerRequest,
): Promise<OwnerRequest> {
  if (!request.contactName || request.contactId || request.newContact || request.candidates) return request;
  const contacts = contactsFor(await deps.contacts.list(request.tenantId), 'new_charge');
  const named = contacts.map((contact) => ({
    id: contact.contactId,
    name: contact.name,
    aliases: contact.aliases,
  }));
  return resolveContact(request, matchContact(request.contactName, named), deps.clock.now());
}

/** Checks what is still missing, saves the request and tells the workflow what to do next. */
export async function saveAndRoute(
  deps: ConversationDependencies,
  request: OwnerRequest,
  expectedVersion: number | undefined,
): Promise<StepResult> {
  const rules = await requestRules(deps, request.tenantId);
  const resolved = await resolveRequestContact(deps, request);
  const advanced = advance(resolved, rules, deps.clock.now());
  await deps.conversations.saveRequest(advanced, expectedVersion);
  return {
    requestId: advanced.requestId,
    next: advanced.status === 'awaiting_confirmation' ? 'confirm' : 'ask',
  };
}

/** A new boleto request from an owner's message; its id derives from the message id (replays find it). */
export async function startBoletoRequest(
  deps: ConversationDependencies,
  input: {
    tenantId: string;
    ownerPhone: E164;
    /** The member who asked: named by the audit entries of the boleto. */
    memberId?: string;
    messageId: string;
    interpretation: Interpretation;
    /** The next charge of the same message, proposed once this one is decided. */
    deferred?: DeferredMessage;
  },
): Promise<StepResult> {
  const requestId = deterministicId('request', input.tenantId, input.messageId);
  const existing = await deps.conversations.getRequest(input.tenantId, requestId);
  if (existing) {
    // A retried step: the request was saved by the earlier try; route from what is stored.
    const next =
      existing.status === 'awaiting_confirmation'
        ? 'confirm'
        : existing.status === 'collecting'
          ? 'ask'
          : 'done';
    return { requestId, next };
  }
  const now = deps.clock.now().toISOString();
  const draft: OwnerRequest = {
    tenantId: input.tenantId,
    requestId,
    ownerPhone: input.ownerPhone,
    ...(input.memberId && { memberId: input.memberId }),
    status: 'collecting',
    version: 0,
    ...(input.deferred ? { deferred: input.deferred } : {}),
    createdAt: now,
    updatedAt: now,
  };
  const { interpretation } = input;
  const filled = applyEntities(
    draft,
    {
      amountCents: interpretation.amountCents,
      contactName: interpretation.contact,
      dueDate: interpretation.date,
      description: interpretation.description ?? null,
    },
    deps.clock.now(),
  );
  return saveAndRoute(deps, filled, undefined);
}
