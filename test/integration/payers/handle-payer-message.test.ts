import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbBoletoActivityLog } from '#adapters/dynamodb/dynamodb-boleto-activity-log';
import { DynamoDbPayerThreadRepository } from '#adapters/dynamodb/payers/dynamodb-payer-thread-repository';
import { type HandlePayerMessageDeps, handlePayerMessage } from '#application/payers/handle-payer-message';
import { settleWithProvider } from '#application/payments/settle-with-provider';
import type { Contact } from '#application/ports/contact-repository';
import type { InboundMessage } from '#application/ports/inbound-message-repository';
import { calendarDate } from '#domain/calendar-date';
import { FORWARD_WINDOW_MS, MAX_PAYER_REPLIES_PER_DAY } from '#domain/payer-thread';
import {
  type FollowUpFixture,
  OWNER_PHONE,
  silentLogger,
  startFollowUpFixture,
  textOf,
} from '#test/integration/payments/follow-up-fixture';
import { uniqueId } from '#test/support/dynamodb-fixtures';
import { expectNoScan } from '#test/support/record-commands';

describe('the payer’s voice (handlePayerMessage)', () => {
  let fx: FollowUpFixture;
  let deps: HandlePayerMessageDeps;

  beforeAll(async () => {
    // Tuesday 1 December 2026, 10:00 in São Paulo.
    fx = await startFollowUpFixture({ start: new Date('2026-12-01T13:00:00.000Z') });
    const client = fx.table.documentClient;
    const common = { ...fx.deps, ids: fx.ids };
    deps = {
      ...common,
      threads: new DynamoDbPayerThreadRepository(fx.table.tableName, client),
      boletoActivity: new DynamoDbBoletoActivityLog(fx.table.tableName, client),
      logger: silentLogger,
      optOut: common,
      settle: (input) => settleWithProvider(fx.deps, input),
      boletoTemplateName: 'iris_boleto_novo',
    };
  });

  afterAll(async () => {
    expectNoScan(fx.recorded);
    await fx.close();
  });

  function says(contact: Contact, text: string, messageId = uniqueId('wamid')): InboundMessage {
    return {
      tenantId: fx.tenantId,
      messageId,
      from: contact.phone,
      senderRole: 'contact',
      content: { type: 'text', text },
      receivedAt: fx.clock.now().toISOString(),
    };
  }
  const handle = (contact: Contact, message: InboundMessage) =>
    handlePayerMessage(deps, { tenantId: fx.tenantId, contactId: contact.contactId, message });
  const outboxTo = (recipient: string) =>
    fx
      .itemsOf('OutboxMessage', (item) => item.recipient === recipient)
      .then((items) => items.sort((a, b) => String(a.createdAt).localeCompare(String(b.createdAt))));
  const toOwnerAbout = async (contact: Contact) =>
    (await outboxTo(OWNER_PHONE)).filter((item) => textOf(item).startsWith(`💬 ${contact.name} escreveu:`));
  /** Forwards written to go at once (the window-end forwards of held texts are checked on their own). */
  const forwardsAbout = async (contact: Contact) =>
    (await toOwnerAbout(contact)).filter((item) => !item.notBefore);
  const scheduledAbout = async (contact: Contact) =>
    (await toOwnerAbout(contact)).filter((item) => item.notBefore);

  it('"já paguei" with the webhook lost: IRIS asks Paytime now, records the payment, thanks the payer, tells the owner', async () => {
    const { boleto, billetId, contact } = await fx.newSentBoleto({
      contact: await fx.newContact({ name: 'Carla Dias' }),
      dueDate: calendarDate('2026-12-10'),
    });
    fx.paytime.controls.dropNextWebhooks(1);
    fx.paytime.controls.pay(billetId);
    await fx.drain();
    expect((await fx.deps.boletos.get(fx.tenantId, boleto.id))?.status).toBe('sent');

    const result = await handle(contact, says(contact, 'Já paguei ontem à noite!'));
    expect(result).toMatchObject({ outcome: 'handled', intent: 'says_paid', forwarded: true, replied: true });
    expect((await fx.deps.boletos.get(fx.tenantId, boleto.id))?.status).toBe('paid');
    const toPayer = await outboxTo(contact.phone);
    expect(toPayer.map(textOf)).toContain('Obrigado, Carla! Confirmei no banco o seu pagamento. ✅');
    const forward = (await forwardsAbout(contact))[0];
    expect(textOf(forward)).toBe(
      '💬 Carla Dias escreveu:\n“Já paguei ontem à noite!”\n✅ Conferi no banco: pagamento confirmado.',
    );
    const owner = (await outboxTo(OWNER_PHONE)).map(textOf);
    expect(owner.some((text) => text.startsWith('💰 Carla Dias pagou R$ 150,00'))).toBe(true);
    const history = await fx.deps.boletos.getWithHistory(fx.tenantId, boleto.id);
    const kinds = history?.activities.map((activity) => activity.kind);
    expect(kinds).toEqual(expect.arrayContaining(['payer_message', 'reconciliation_finding']));
    const finding = history?.activities.find((activity) => activity.kind === 'reconciliation_finding');
    expect(finding?.detail).toMatchObject({
      trigger: 'payer_says_paid',
      outcome: 'paid',
      providerStatus: 'paid',
    });
  });

  it('"pare de me cobrar, já paguei" is a payment claim, not an opt-out; unpaid at Paytime, the payer hears the bank has not confirmed', async () => {
    const { boleto, contact } = await fx.newSentBoleto({
      contact: await fx.newContact({ name: 'Davi Costa' }),
      dueDate: calendarDate('2026-12-10'),
      description: 'Mensalidade',
    });
    const result = await handle(contact, says(contact, 'pare de me cobrar, já paguei'));
    expect(result).toMatchObject({ outcome: 'handled', intent: 'says_paid' });
    expect((await fx.deps.contacts.get(fx.tenantId, contact.contactId))?.optedOut).toBe(false);
    expect((await fx.deps.boletos.get(fx.tenantId, boleto.id))?.status).toBe('sent');
    expect((await outboxTo(contact.phone)).map(textOf)).toContain(
      'Obrigado, Davi! O pagamento ainda não apareceu no banco (pode levar até 3 dias úteis). Assim que o banco confirmar, eu aviso Escola Harmonia e os lembretes param.',
    );
    expect(textOf((await forwardsAbout(contact))[0])).toContain(
      '🔎 Conferi no banco: ainda sem pagamento de R$ 150,00 (Mensalidade, vencimento 10/12/2026).',
    );
  });

  it('"me manda o pix" re-sends the payer’s own payable boleto, with its line and PDF', async () => {
    const { boleto, contact } = await fx.newSentBoleto({
      contact: await fx.newContact({ name: 'Eva Lima' }),
      dueDate: calendarDate('2026-12-12'),
    });
    const other = await fx.newSentBoleto({ dueDate: calendarDate('2026-12-12') });
    const result = await handle(contact, says(contact, 'oi, me manda o pix por favor'));
    expect(result).toMatchObject({ outcome: 'handled', intent: 'asks_for_boleto', resent: 1 });
    const copies = (await outboxTo(contact.phone)).filter((item) => item.kind === 'boleto_to_contact');
    expect(copies).toHaveLength(1);
    expect(copies[0]?.boletoId).toBe(boleto.id);
    expect(textOf(copies[0])).toContain(`Linha digitável: ${boleto.provider?.digitableLine}`);
    expect(textOf(copies[0])).toContain('PDF: ');
    // Built by delivery's builder: stale check (`about`) and the same template with the PDF header.
    expect(copies[0]?.about).toMatchObject({ boletoId: boleto.id, holdsWhile: 'boleto_payable' });
    expect(copies[0]?.template).toMatchObject({
      name: 'iris_boleto_novo',
      headerDocument: { link: boleto.provider?.pdfUrl },
    });
    expect(await outboxTo(other.contact.phone)).toEqual([]);
  });

  it('"segunda via" with nothing payable: no copy, the payer and the owner are told', async () => {
    const contact = await fx.newContact({ name: 'Fábio Reis' });
    const result = await handle(contact, says(contact, 'Pode mandar a segunda via?'));
    expect(result).toMatchObject({ outcome: 'handled', intent: 'asks_for_boleto', resent: 0 });
    expect((await outboxTo(contact.phone)).map(textOf)).toEqual([
      'Olá, Fábio! Não encontrei boleto em aberto no seu nome. Avisei Escola Harmonia.',
    ]);
  });

  it('PARAR opts out, exactly as before', async () => {
    const contact = await fx.newContact({ name: 'Gil Nunes' });
    expect(await handle(contact, says(contact, 'PARAR'))).toEqual({ outcome: 'opted_out' });
    expect((await fx.deps.contacts.get(fx.tenantId, contact.contactId))?.optedOut).toBe(true);
    expect(await forwardsAbout(contact)).toEqual([]);
  });

  it('a chatty payer: one forward per window, the held texts travel with the next forward; a replay changes nothing', async () => {
    const contact = await fx.newContact({ name: 'Helena Prado' });
    const first = says(contact, 'Bom dia');
    await handle(contact, first);
    await handle(contact, says(contact, 'tudo bem?'));
    await handle(contact, says(contact, 'queria falar sobre a aula'));
    expect(await forwardsAbout(contact)).toHaveLength(1);
    // The held texts are also scheduled to reach the owner at the window's end (one item, rewritten).
    const [scheduled] = await scheduledAbout(contact);
    expect(await scheduledAbout(contact)).toHaveLength(1);
    expect(scheduled).toMatchObject({ status: 'pending', recipient: OWNER_PHONE });
    const [opened] = await forwardsAbout(contact);
    expect(Date.parse(String(scheduled?.notBefore)) - Date.parse(String(opened?.createdAt))).toBe(
      FORWARD_WINDOW_MS,
    );
    expect(textOf(scheduled)).toBe('💬 Helena Prado escreveu:\n“tudo bem?”\n“queria falar sobre a aula”');
    expect(await handle(contact, first)).toEqual({ outcome: 'duplicate' });

    await fx.clock.advance({ ms: FORWARD_WINDOW_MS });
    await handle(contact, says(contact, 'alguém aí?'));
    // Not delivered yet (nothing ran delivery here): the new forward carries the texts and drops it.
    expect((await scheduledAbout(contact)).map((item) => [item.status, item.supersededReason])).toEqual([
      ['superseded', 'forwarded_with_later_message'],
    ]);
    const forwards = await forwardsAbout(contact);
    expect(forwards.map(textOf)).toEqual([
      '💬 Helena Prado escreveu:\n“Bom dia”',
      '💬 Helena Prado escreveu:\n“tudo bem?”\n“queria falar sobre a aula”\n“alguém aí?”',
    ]);
    // Only the first message of the thread is acknowledged; the owner answers in person.
    expect((await outboxTo(contact.phone)).map(textOf)).toEqual([
      'Olá, Helena! Recebi sua mensagem e vou passar para Escola Harmonia.',
    ]);
  });

  it('a payment claim inside the window is forwarded at once, with what was held', async () => {
    const { contact } = await fx.newSentBoleto({
      contact: await fx.newContact({ name: 'Igor Melo' }),
      dueDate: calendarDate('2026-12-15'),
    });
    await handle(contact, says(contact, 'olá'));
    await handle(contact, says(contact, 'sobre o boleto'));
    await handle(contact, says(contact, 'já fiz o pix'));
    const forwards = (await forwardsAbout(contact)).map(textOf);
    expect(forwards).toHaveLength(2);
    expect(forwards[1]).toMatch(
      /^💬 Igor Melo escreveu:\n“sobre o boleto”\n“já fiz o pix”\n🔎 Conferi no banco/,
    );
  });

  it(`answers a payer at most ${MAX_PAYER_REPLIES_PER_DAY} times a day; the owner still hears every message`, async () => {
    const { contact } = await fx.newSentBoleto({
      contact: await fx.newContact({ name: 'Júlia Rocha' }),
      dueDate: calendarDate('2026-12-15'),
    });
    for (let i = 0; i < MAX_PAYER_REPLIES_PER_DAY + 2; i++) {
      await handle(contact, says(contact, `me manda o boleto ${i}`));
    }
    const toPayer = await outboxTo(contact.phone);
    expect(toPayer).toHaveLength(MAX_PAYER_REPLIES_PER_DAY);
    expect(await forwardsAbout(contact)).toHaveLength(MAX_PAYER_REPLIES_PER_DAY + 2);
  });
});
