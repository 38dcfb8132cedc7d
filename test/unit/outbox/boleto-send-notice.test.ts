import { describe, expect, it } from 'vitest';
import { boletoSendNotice, whenBr } from '#application/outbox/owner-notices';
import { ref, registered } from '#test/unit/domain/boleto-fixtures';

const facts = {
  owner: '+5511999990001',
  message: { correlationId: 'req-1', boletoId: 'b-1' },
  boleto: registered(),
  contactName: 'João Silva',
};
const line = registered().provider?.digitableLine;
const textOf = (notice: ReturnType<typeof boletoSendNotice>) =>
  notice.content.type === 'text' ? notice.content.text : '';

describe('what the owner is told about a boleto send', () => {
  it('says "enviado" for an accepted send, with the line', () => {
    expect(textOf(boletoSendNotice(facts, { kind: 'sent' }))).toBe(
      '✅ Boleto de R$ 150,00 para João Silva, vencimento 10/12/2026: emitido e enviado no WhatsApp de João.\n' +
        `Linha digitável: ${line}`,
    );
  });

  it('says when a deferred send will go out (Saturday night → Monday 08:00)', () => {
    const now = new Date('2026-12-12T23:35:00Z'); // Saturday 20:35 in São Paulo
    const until = new Date('2026-12-14T11:00:00Z'); // Monday 08:00
    const text = textOf(boletoSendNotice(facts, { kind: 'deferred', until, reason: 'quiet_hours', now }));
    expect(text).toMatch(/: emitido\. Vou enviar para João segunda às 08:00 \(fora do horário de envio\)\./);
    expect(text).not.toMatch(/enviado/);
  });

  it('hands over line, PDF and Pix when the payer cannot receive it', () => {
    const notice = boletoSendNotice(facts, { kind: 'failed', reason: 'opted_out', firstReport: true });
    expect(notice.kind).toBe('delivery_failed');
    expect(textOf(notice)).toBe(
      '⚠️ Boleto de R$ 150,00 para João Silva, vencimento 10/12/2026: emitido, mas não enviei para João: ' +
        'a pessoa pediu para não receber mensagens.\nEncaminhe você mesmo:\n' +
        `Linha digitável: ${line}\nPDF: ${ref.pdfUrl}\nPix copia e cola: ${ref.pixEmv}`,
    );
  });

  it('words times relative to now', () => {
    const now = new Date('2026-12-09T15:00:00Z'); // Wednesday 12:00
    expect(whenBr(new Date('2026-12-09T21:00:00Z'), now)).toBe('hoje às 18:00');
    expect(whenBr(new Date('2026-12-10T11:00:00Z'), now)).toBe('amanhã às 08:00');
    expect(whenBr(new Date('2026-12-12T11:00:00Z'), now)).toBe('sábado às 08:00');
    expect(whenBr(new Date('2026-12-21T11:00:00Z'), now)).toBe('21/12/2026 às 08:00');
  });
});
