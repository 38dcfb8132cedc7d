import type { TenantProfile } from '#application/ports/tenant-repository';
import { DomainError } from '#domain/domain-error';
import { isOpen, type OwnerRequest } from '#domain/owner-request';
import type { ConversationDependencies } from './conversation-dependencies';

export class RequestNotFoundError extends DomainError {
  constructor(requestId: string) {
    super('request_not_found', `owner request ${requestId} not found`);
    this.name = 'RequestNotFoundError';
  }
}

export class TenantNotConfiguredError extends DomainError {
  constructor(tenantId: string) {
    super('tenant_not_configured', `tenant ${tenantId} has no profile`);
    this.name = 'TenantNotConfiguredError';
  }
}

export async function loadRequest(
  deps: Pick<ConversationDependencies, 'conversations'>,
  tenantId: string,
  requestId: string,
): Promise<OwnerRequest> {
  const request = await deps.conversations.getRequest(tenantId, requestId);
  if (!request) throw new RequestNotFoundError(requestId);
  return request;
}

/** The request if it is still collecting or awaiting confirmation; undefined once decided. */
export async function loadOpenRequest(
  deps: Pick<ConversationDependencies, 'conversations'>,
  tenantId: string,
  requestId: string,
): Promise<OwnerRequest | undefined> {
  const request = await loadRequest(deps, tenantId, requestId);
  return isOpen(request) ? request : undefined;
}

export async function requireTenant(
  deps: Pick<ConversationDependencies, 'tenants'>,
  tenantId: string,
): Promise<TenantProfile> {
  const tenant = await deps.tenants.getProfile(tenantId);
  if (!tenant) throw new TenantNotConfiguredError(tenantId);
  return tenant;
}
