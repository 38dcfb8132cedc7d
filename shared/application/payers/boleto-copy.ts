import type { Boleto } from '../../domain/boleto';
import { formatDateBr } from '../../domain/calendar-date';
import { formatBrl } from '../../domain/money';
import type { NewOutboxMessage } from '../../domain/outbox-message';
import type { Contact } from '../ports/contact-repository';

/**
 * The boleto message a payer asked for again ("segunda via", "me manda o pix"): the same facts as the message
 * the conversation sends at issue time (amount, due date, digitable line, PDF link, Pix copia-e-cola when
 * Paytime gave one), as a `boleto_to_contact` item, so delivery treats it like the original (quiet hours,
 * opt-out, and dropping it if the boleto stopped being payable before it goes out).
 *
 * MERGE NOTE: the delivery work extends the issue-time boleto message (PDF, Pix, template components); when it
 * lands, this builder should call that one so the two never differ.
 */
export function boletoCopyForPayer(
  contact: Pick<Contact, 'contactId' | 'name' | 'phone'>,
  businessName: string,
  boleto: Boleto,
  templateName: string,
  correlationId: string,
): NewOutboxMessage | undefined {
  const provider = boleto.provider;
  if (!provider) return undefined;
  const amount = formatBrl(boleto.amountCents);
  const due = formatDateBr(boleto.dueDate);
  const lines = [
    `Olá, ${contact.name}! Segue o boleto de ${businessName} de ${amount}, vencimento ${due}.`,
    `Linha digitável: ${provider.digitableLine}`,
  ];
  if (provider.pdfUrl) lines.push(`PDF: ${provider.pdfUrl}`);
  if (provider.pixEmv) lines.push(`Pix copia e cola: ${provider.pixEmv}`);
  return {
    channel: 'whatsapp',
    kind: 'boleto_to_contact',
    recipient: contact.phone,
    audience: 'contact',
    contactId: contact.contactId,
    boletoId: boleto.id,
    content: { type: 'text', text: lines.join('\n') },
    template: {
      name: templateName,
      languageCode: 'pt_BR',
      parameters: [contact.name, businessName, amount, due, provider.digitableLine],
    },
    correlationId,
  };
}
