import { primaryKey } from '#adapters/dynamodb/keys/entity-keys';
import { attr, key } from '#adapters/dynamodb/keys/key-template';

/**
 * SES events (issue 13 item 7). One partition per SES message holds its events (a message's status is one
 * Query); one item per tenant and normalised address holds why IRIS no longer e-mails it (delivery reads it
 * with one GetItem before every send to a contact). Addresses are URI-encoded into keys.
 */
export const EmailEventEntity = {
  name: 'EmailEvent',
  primary: primaryKey(
    key('T', attr('tenantId'), 'SES_MSG', attr('sesMessageId')),
    key('EVENT', attr('type'), attr('occurredAt'), attr('recipientKey')),
  ),
} as const;

export const EmailAddressStatusEntity = {
  name: 'EmailAddressStatus',
  primary: primaryKey(key('T', attr('tenantId'), 'EMAIL_ADDRESS', attr('addressKey')), key('STATUS')),
} as const;

export function addressKey(address: string): string {
  return encodeURIComponent(address);
}
