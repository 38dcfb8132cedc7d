import type { Boleto } from '#domain/boleto';
import type { BoletoProviderRef } from '#domain/boleto-events';
import { formatDateBr } from '#domain/calendar-date';
import { formatBrl } from '#domain/money';
import { aboutPayableBoleto, type NewOutboxMessage } from '#domain/outbox-message';

/**
 * The payer's boleto message: amount, due date, digitable line, PDF link and Pix copia-e-cola whenever the
 * provider returned them, as free-form text inside the 24-hour window and as the approved template outside it
 * (docs/whatsapp-templates.md: `<name>` has a DOCUMENT header with the PDF; `<name>_sem_pdf` has none).
 * Any use case that sends a payer their boleto (after issuing, "me manda o boleto / o pix") builds it here.
 */

export const NO_PIX_PARAMETER = 'não disponível para este boleto';

export interface BoletoMessageFacts {
  boleto: Pick<Boleto, 'id' | 'version' | 'status' | 'paidCents' | 'amountCents' | 'dueDate'>;
  reference: Pick<BoletoProviderRef, 'digitableLine' | 'pdfUrl' | 'pixEmv'>;
  contact: { contactId: string; name: string; phone: string };
  businessName: string;
  /** The approved template's base name (config `BOLETO_TEMPLATE_NAME`). */
  templateName: string;
  correlationId: string;
}

export function boletoMessageText(facts: BoletoMessageFacts): string {
  const { boleto, reference, contact, businessName } = facts;
  const lines = [
    `Olá, ${contact.name}! ${businessName} enviou um boleto de ${formatBrl(boleto.amountCents)}, vencimento ${formatDateBr(boleto.dueDate)}.`,
    `Linha digitável: ${reference.digitableLine}`,
  ];
  if (reference.pdfUrl) lines.push(`PDF: ${reference.pdfUrl}`);
  if (reference.pixEmv) lines.push(`Pix copia e cola: ${reference.pixEmv}`);
  return lines.join('\n');
}

export function boletoToContactMessage(facts: BoletoMessageFacts): NewOutboxMessage {
  const { boleto, reference, contact, businessName } = facts;
  return {
    channel: 'whatsapp',
    kind: 'boleto_to_contact',
    recipient: contact.phone,
    audience: 'contact',
    contactId: contact.contactId,
    boletoId: boleto.id,
    about: aboutPayableBoleto(boleto),
    content: { type: 'text', text: boletoMessageText(facts) },
    template: {
      name: reference.pdfUrl ? facts.templateName : `${facts.templateName}_sem_pdf`,
      languageCode: 'pt_BR',
      parameters: [
        contact.name,
        businessName,
        formatBrl(boleto.amountCents),
        formatDateBr(boleto.dueDate),
        reference.digitableLine,
        reference.pixEmv ?? NO_PIX_PARAMETER,
      ],
      ...(reference.pdfUrl
        ? {
            headerDocument: {
              link: reference.pdfUrl,
              filename: `boleto-${formatDateBr(boleto.dueDate).replaceAll('/', '-')}.pdf`,
            },
          }
        : {}),
    },
    correlationId: facts.correlationId,
  };
}
