import type { EmailEventRepository } from '#application/ports/email-event-repository';
import { normaliseEmailAddress } from '#domain/email-events';
import type { OutboxMessage } from '#domain/outbox-message';
import { isSubjectToOptOut } from './delivery-policy';

/**
 * Why an e-mail to a contact must not be sent: its address hard-bounced (`email_invalid`) or its owner
 * complained (`email_suppressed`) — one GetItem on the tenant's address item, written by the SES events.
 * `undefined`: send. WhatsApp messages and messages to owners are never blocked here.
 */
export async function blockedEmailAddress(
  addresses: Pick<EmailEventRepository, 'addressState'> | undefined,
  message: OutboxMessage,
): Promise<'email_invalid' | 'email_suppressed' | undefined> {
  if (!addresses || message.channel !== 'email' || !isSubjectToOptOut(message)) return undefined;
  const state = await addresses.addressState(message.tenantId, normaliseEmailAddress(message.recipient));
  return state ? `email_${state.status}` : undefined;
}
