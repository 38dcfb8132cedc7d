import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '#adapters/dynamodb/document-client';
import { createTableRepositories } from '#adapters/dynamodb/table-repositories';
import { DEMO_TENANT } from '#infra/local/demo-tenant';
import { type LocalCloud, startLocalCloud } from '#infra/local/start-local-cloud';
import { createLocalDynamoDbClient } from '#test/support/dynamodb-test-table';
import { MERCADINHO_RECEIPT, ReceiptImages } from '#test/support/receipt-image';
import { receiptPdf } from '#test/support/receipt-pdf';

/**
 * Issue 15's first done-when on the local cloud: a generated receipt photo (rendered, rotated, speckled) sent
 * through the WhatsApp simulator is read by the real OCR, proposed with the right total and date, and booked
 * once on "Sim"; an unreadable photo asks for the amount and the bare amount books it.
 */
describe('receipt photo → expense', () => {
  let cloud: LocalCloud;
  let repositories: ReturnType<typeof createTableRepositories>;
  const images = new ReceiptImages();
  const owner = DEMO_TENANT.owner.phone;
  const tenantId = DEMO_TENANT.tenantId;

  interface SentRequest {
    text?: { body: string };
    interactive?: {
      body?: { text: string };
      action?: { buttons?: Array<{ reply: { id: string; title: string } }> };
    };
  }
  const lastRequest = () =>
    cloud.simulators.whatsapp.controls.outboundTo(owner).at(-1)?.request as SentRequest;
  const lastText = () => lastRequest()?.text?.body ?? lastRequest()?.interactive?.body?.text ?? '';
  const send = async (message: Record<string, unknown>) => {
    const response = await fetch(`${cloud.apiUrl}/_sim/whatsapp/inbound`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: owner, ...message }),
    });
    expect(response.status).toBe(200);
    await cloud.settle();
  };
  const tap = async (title: 'Sim' | 'Não') => {
    const button = lastRequest()?.interactive?.action?.buttons?.find((b) => b.reply.title === title)?.reply;
    expect(button, `no ${title} button in "${lastText()}"`).toBeDefined();
    await send({ button });
  };
  const expenses = async (month: string) =>
    (await repositories.ledger.listByMonth(tenantId, month)).filter((entry) => entry.kind === 'expense');

  beforeAll(async () => {
    cloud = await startLocalCloud({
      port: 0,
      clockStart: new Date('2026-12-05T13:00:00Z'),
    });
    repositories = createTableRepositories(
      cloud.tableName,
      createDocumentClient(createLocalDynamoDbClient(cloud.urls.dynamoDb)),
    );
  }, 120_000);
  afterAll(async () => {
    await images.close();
    await cloud?.stop();
  });

  it('proposes the expense with the printed total, date and merchant, and books it once on Sim', async () => {
    const png = await images.render(MERCADINHO_RECEIPT);
    await send({ image: { mime_type: 'image/png', content_base64: png.toString('base64') } });
    expect(lastText()).toBe('Despesa de R$ 87,40 no Mercadinho São Jorge em 03/12 (alimentação) — confirma?');
    expect(await expenses('2026-12')).toHaveLength(0);

    await tap('Sim');
    expect(lastText()).toBe(
      'Anotado! Despesa de R$ 87,40 (Mercadinho São Jorge, alimentação) em 03/12/2026.',
    );
    const booked = await expenses('2026-12');
    expect(booked).toHaveLength(1);
    expect(booked[0]).toMatchObject({
      amountCents: 8740,
      date: '2026-12-03',
      description: 'Mercadinho São Jorge',
      category: 'alimentação',
    });

    // The same Sim again (a second tap): nothing more is booked, and IRIS says the receipt was answered.
    await send({ text: 'sim' });
    expect(await expenses('2026-12')).toHaveLength(1);
  }, 180_000);

  it('books nothing on Não', async () => {
    const png = await images.render({
      merchant: 'AUTO POSTO BOA VIAGEM',
      printedDate: '04/12/2026 08:05',
      items: [{ name: 'GASOLINA COMUM', amount: '150,00' }],
      total: '150,00',
      payment: 'PIX',
      rotation: -2,
      noiseSeed: 11,
    });
    await send({ image: { mime_type: 'image/png', content_base64: png.toString('base64') } });
    expect(lastText()).toBe(
      'Despesa de R$ 150,00 no Auto Posto Boa Viagem em 04/12 (transporte) — confirma?',
    );
    await tap('Não');
    expect(lastText()).toBe('Ok, não anotei essa despesa.');
    expect(await expenses('2026-12')).toHaveLength(1);
  }, 180_000);

  it('asks for the amount when the photo cannot be read, and books the amount the owner gives', async () => {
    await send({
      image: { mime_type: 'image/jpeg', content_base64: Buffer.from('not a picture').toString('base64') },
    });
    expect(lastText()).toBe(
      'Não consegui ler o valor total desse comprovante. Qual foi o valor? (ex.: 87,40)',
    );
    await send({ text: '42,15' });
    expect(lastText()).toMatch(/^Anotado! Despesa de R\$ 42,15 \(comprovante, outros\) em 05\/12\/2026\.$/);
    expect((await expenses('2026-12')).map((entry) => entry.amountCents).sort()).toEqual([4215, 8740]);
  }, 120_000);

  it('reads a PDF receipt’s text layer and proposes it like a photo, booked once on Sim', async () => {
    const pdf = await receiptPdf({
      merchant: 'FARMACIA BOA SAUDE LTDA',
      cnpj: '11.222.333/0001-81',
      printedDate: '02/12/2026 18:20',
      items: [{ name: 'DIPIRONA 500MG', amount: '23,75' }],
      total: '23,75',
      payment: 'PIX',
    });
    await send({
      document: {
        filename: 'nota.pdf',
        mime_type: 'application/pdf',
        content_base64: Buffer.from(pdf).toString('base64'),
      },
    });
    expect(lastText()).toMatch(/^Despesa de R\$ 23,75 no Farmacia Boa Saude em 02\/12 \(.+\) — confirma\?$/);
    await tap('Sim');
    const booked = (await expenses('2026-12')).filter((entry) => entry.amountCents === 2375);
    expect(booked).toHaveLength(1);
    expect(booked[0]).toMatchObject({ date: '2026-12-02', description: 'Farmacia Boa Saude' });
  }, 120_000);
});
