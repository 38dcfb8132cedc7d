import type { SQSEvent } from 'aws-lambda';
import { addToOutbox } from '#application/outbox/add-to-outbox';
import type { Contact } from '#application/ports/contact-repository';
import type { NewOutboxMessage, OutboxMessage } from '#domain/outbox-message';
import { type E164, normalizePhone } from '#domain/phone-number';
import { parseTaxId } from '#domain/tax-id';
import type { OutboxPipeline } from './outbox-pipeline';

let phoneSequence = 0;

/** A fresh São Paulo mobile number per call, so tests never share a conversation in the simulator. */
export function aMobile(): E164 {
  phoneSequence += 1;
  const suffix = String(Date.now() % 10_000).padStart(4, '0');
  return normalizePhone(`(11) 9${String(6000 + phoneSequence).padStart(4, '0')}-${suffix}`);
}

export async function registerOwner(pipeline: OutboxPipeline, phone: E164 = aMobile()): Promise<E164> {
  await pipeline.persistence.users.save({
    tenantId: pipeline.tenantId,
    phone,
    name: 'Dona Ana',
    role: 'owner',
    createdAt: new Date().toISOString(),
  });
  return phone;
}

export async function registerContact(pipeline: OutboxPipeline, name: string): Promise<Contact> {
  const contact: Contact = {
    tenantId: pipeline.tenantId,
    contactId: `contact-${name.toLowerCase().replace(/\W+/g, '-')}-${phoneSequence}`,
    name,
    phone: aMobile(),
    taxId: parseTaxId('123.456.789-09'),
    optedOut: false,
    createdAt: new Date().toISOString(),
  };
  await pipeline.persistence.contacts.create(contact);
  return contact;
}

const ids = { seq: 0, newId: () => `OUT${Date.now().toString(36)}${(ids.seq++).toString(36)}`.toUpperCase() };

/** What a use case does: its outbox item in its own transaction (here alone; see the atomicity test). */
export async function enqueue(pipeline: OutboxPipeline, input: NewOutboxMessage): Promise<OutboxMessage> {
  return pipeline.persistence.unitOfWork.run((tx) =>
    addToOutbox({ outbox: pipeline.persistence.outbox, ids }, tx, pipeline.tenantId, input, new Date()),
  );
}

export function reminderTo(
  contact: Contact,
  text = `Olá, ${contact.name}! Seu boleto de R$ 150,00 vence amanhã.`,
): NewOutboxMessage {
  return {
    channel: 'whatsapp',
    kind: 'reminder',
    recipient: contact.phone,
    audience: 'contact',
    contactId: contact.contactId,
    content: { type: 'text', text },
    correlationId: `boleto-of-${contact.contactId}`,
  };
}

export function sqsEventFor(pipeline: OutboxPipeline, outboxId: string, messageId: string): SQSEvent {
  return {
    Records: [
      {
        messageId,
        receiptHandle: `not-a-real-handle-${messageId}`,
        body: JSON.stringify({ tenantId: pipeline.tenantId, outboxId, channel: 'whatsapp' }),
        attributes: {
          ApproximateReceiveCount: '1',
          SentTimestamp: String(Date.now()),
          SenderId: 'local',
          ApproximateFirstReceiveTimestamp: String(Date.now()),
        },
        messageAttributes: {},
        md5OfBody: '',
        eventSource: 'aws:sqs',
        eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:whatsapp-delivery',
        awsRegion: 'us-east-1',
      },
    ],
  };
}

/** Sends the simulator accepted to `phone` (faulted attempts are not recorded by the simulator). */
export function acceptedSendsTo(pipeline: OutboxPipeline, phone: string) {
  return pipeline.simulator.controls.outboundTo(phone).filter((record) => record.accepted);
}

/** A collection e-mail to a contact, as the collections use case would queue it. */
export function collectionEmail(
  to: string,
  subject: string,
  extra: Partial<NewOutboxMessage> = {},
): NewOutboxMessage {
  return {
    channel: 'email',
    kind: 'collection_email',
    recipient: to,
    audience: 'contact',
    content: {
      type: 'email',
      subject,
      text: 'Olá! A fatura 123 de R$ 1.234,56 venceu em 10/12/2026.',
      html: '<p>Olá! A fatura 123 de <strong>R$ 1.234,56</strong> venceu em 10/12/2026.</p>',
    },
    correlationId: `aging-${subject}`,
    ...extra,
  };
}
