import { describe, expect, it } from 'vitest';
import { templateMessage, textMessage } from '#adapters/whatsapp/cloud-api-messages';
import { boletoToContactMessage, NO_PIX_PARAMETER } from '#application/boletos/boleto-message-pt-br';
import { templateParameter } from '#application/outbox/whatsapp-dispatcher';
import { normalizePhone } from '#domain/phone-number';
import { validateSendRequest } from '#simulators/whatsapp/outbound-validation';
import { ref, registered } from '#test/unit/domain/boleto-fixtures';

const facts = (reference = ref) => ({
  boleto: registered(),
  reference,
  contact: { contactId: 'c-1', name: 'João Silva', phone: '+5511988880001' },
  businessName: 'Oficina Demo Ltda',
  templateName: 'iris_boleto',
  correlationId: 'req-1',
});

/** What the WhatsApp dispatcher sends outside the 24-hour window for this message. */
function templateRequest(message: ReturnType<typeof boletoToContactMessage>) {
  const template = message.template;
  if (!template) throw new Error('no template');
  return templateMessage({
    to: normalizePhone(message.recipient),
    templateName: template.name,
    languageCode: 'pt_BR',
    parameters: template.parameters.map(templateParameter),
    ...(template.headerDocument ? { headerDocument: template.headerDocument } : {}),
  });
}

describe('the payer’s boleto message', () => {
  it('carries the digitable line, the PDF link and the Pix copia-e-cola in free-form text', () => {
    const message = boletoToContactMessage(facts());
    expect(message.content).toEqual({
      type: 'text',
      text:
        'Olá, João Silva! Oficina Demo Ltda enviou um boleto de R$ 150,00, vencimento 10/12/2026.\n' +
        `Linha digitável: ${ref.digitableLine}\nPDF: ${ref.pdfUrl}\nPix copia e cola: ${ref.pixEmv}`,
    });
    expect(message.about).toMatchObject({
      boletoId: 'b-1',
      holdsWhile: 'boleto_payable',
      status: 'registered',
    });
    expect(
      validateSendRequest(
        textMessage({
          to: normalizePhone(message.recipient),
          text: message.content.type === 'text' ? message.content.text : '',
        }),
      ),
    ).toMatchObject({
      ok: true,
    });
  });

  it('outside the window: the template with the PDF as document header and line + Pix as body parameters', () => {
    const request = templateRequest(boletoToContactMessage(facts()));
    expect(request.template).toMatchObject({
      name: 'iris_boleto',
      components: [
        {
          type: 'header',
          parameters: [
            { type: 'document', document: { link: ref.pdfUrl, filename: 'boleto-10-12-2026.pdf' } },
          ],
        },
        {
          type: 'body',
          parameters: [
            { type: 'text', text: 'João Silva' },
            { type: 'text', text: 'Oficina Demo Ltda' },
            { type: 'text', text: 'R$ 150,00' },
            { type: 'text', text: '10/12/2026' },
            { type: 'text', text: ref.digitableLine },
            { type: 'text', text: ref.pixEmv },
          ],
        },
      ],
    });
    expect(validateSendRequest(request)).toEqual({ ok: true, to: '5511988880001', type: 'template' });
  });

  it('without a PDF or Pix: the header-less template and a truthful placeholder, still accepted', () => {
    const request = templateRequest(
      boletoToContactMessage(
        facts({ providerId: 'p', digitableLine: ref.digitableLine, barcode: ref.barcode }),
      ),
    );
    expect(request.template).toMatchObject({ name: 'iris_boleto_sem_pdf' });
    expect(JSON.stringify(request)).toContain(NO_PIX_PARAMETER);
    expect(JSON.stringify(request)).not.toContain('"header"');
    expect(validateSendRequest(request)).toMatchObject({ ok: true });
  });
});

describe('the WhatsApp simulator’s template validation', () => {
  const base = { messaging_product: 'whatsapp', to: '5511988880001', type: 'template' };
  const withBody = (text: string) => ({
    ...base,
    template: {
      name: 'iris_boleto',
      language: { code: 'pt_BR' },
      components: [{ type: 'body', parameters: [{ type: 'text', text }] }],
    },
  });

  it('refuses what Meta refuses: newlines, runs of spaces, empty parameters, a header without a link', () => {
    expect(validateSendRequest(withBody('linha\noutra'))).toMatchObject({ ok: false });
    expect(validateSendRequest(withBody('a     b'))).toMatchObject({ ok: false });
    expect(validateSendRequest(withBody(''))).toMatchObject({ ok: false });
    expect(
      validateSendRequest({
        ...base,
        template: {
          name: 'iris_boleto',
          language: { code: 'pt_BR' },
          components: [
            { type: 'header', parameters: [{ type: 'document', document: { filename: 'x.pdf' } }] },
          ],
        },
      }),
    ).toMatchObject({ ok: false });
    expect(validateSendRequest(withBody('uma linha só'))).toMatchObject({ ok: true });
  });
});
