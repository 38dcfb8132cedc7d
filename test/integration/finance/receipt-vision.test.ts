import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTableRepositories } from '#adapters/dynamodb/table-repositories';
import { ReceiptFileReader } from '#adapters/ocr/receipt-file-reader';
import { OpenAiReceiptVision } from '#adapters/openai/openai-receipt-vision';
import { deterministicId } from '#application/conversation/deterministic-id';
import { ownerEntryBooking } from '#application/ledger/record-owner-entry';
import { readReceipt } from '#application/receipts/read-receipt';
import type { E164 } from '#domain/phone-number';
import {
  type FakeOpenAiServer,
  json,
  startFakeOpenAiServer,
} from '#test/integration/openai/fake-openai-server';
import { uniqueTenantId } from '#test/support/dynamodb-fixtures';
import { createTestTable, type TestTable } from '#test/support/dynamodb-test-table';
import { ReceiptImages, type ReceiptSpec } from '#test/support/receipt-image';

/**
 * A receipt photo with a vision model configured: real Tesseract on a generated photo, the model behind a local
 * Chat Completions server, DynamoDB Local. The model's reading is used only when the OCR text grounds it.
 */
describe('readReceipt with a vision model', () => {
  let table: TestTable;
  let repositories: ReturnType<typeof createTableRepositories>;
  let server: FakeOpenAiServer;
  const images = new ReceiptImages();
  const ocr = new ReceiptFileReader({ langPath: '/usr/share/tesseract-ocr/5/tessdata' });
  const clock = { now: () => new Date('2026-12-05T13:00:00Z') };
  const ownerPhone = '+5511999990001' as E164;
  const warnings: Array<Record<string, unknown>> = [];
  const logger = {
    debug: () => undefined,
    info: () => undefined,
    error: () => undefined,
    warn: (message: string, ...extra: Record<string, unknown>[]) => {
      warnings.push(Object.assign({ message }, ...extra));
    },
  };

  beforeAll(async () => {
    [table, server] = await Promise.all([createTestTable(), startFakeOpenAiServer()]);
    repositories = createTableRepositories(table.tableName, table.documentClient);
  });
  afterAll(async () => {
    await Promise.all([table.drop(), server.close(), images.close(), ocr.stop()]);
  });

  // "A PAGAR" is not a label the rules take as the total: alone, they would ask for the amount.
  const receipt: ReceiptSpec = {
    merchant: 'PADARIA PAO QUENTE',
    printedDate: '04/12/2026 07:40',
    items: [
      { name: 'PAO FRANCES', amount: '12,40' },
      { name: 'CAFE COADO', amount: '6,50' },
    ],
    totalLabel: 'A PAGAR R$',
    total: '18,90',
  };

  const labelledTotal: ReceiptSpec = { ...receipt, totalLabel: 'TOTAL R$' };

  async function read(modelAnswer: Parameters<FakeOpenAiServer['script']>[0], spec = receipt) {
    const tenantId = uniqueTenantId();
    const png = await images.render(spec);
    server.script(modelAnswer);
    warnings.length = 0;
    const messageId = `wamid.receipt-${tenantId}`;
    await readReceipt(
      {
        ...repositories,
        media: { downloadMedia: async () => ({ bytes: png, mimeType: 'image/png' }) },
        ocr,
        vision: new OpenAiReceiptVision({
          apiKey: 'sk-test-not-a-real-key',
          baseURL: server.baseURL,
          model: 'gpt-4o-mini',
          timeoutMs: 5_000,
          maxRetries: 0,
          logger,
        }),
        proposals: repositories.receiptProposals,
        ...ownerEntryBooking({ ...repositories, clock }),
        logger,
      },
      {
        tenantId,
        ownerPhone,
        messageId,
        media: { type: 'media', kind: 'image', mediaId: 'm1', mimeType: 'image/png' },
      },
    );
    const reply = await repositories.outbox.get(
      tenantId,
      deterministicId(tenantId, messageId, 'receipt-reply'),
    );
    const proposal = await repositories.receiptProposals.waiting(tenantId, ownerPhone, clock.now());
    return { reply: JSON.stringify(reply?.content), proposal };
  }

  const modelReading = {
    totalCents: 1890,
    date: '2026-12-04',
    merchant: 'Padaria Pão Quente',
    cnpj: null,
    paymentMethod: null,
  };

  it('proposes the model’s reading when the total is printed on the photo', async () => {
    const { reply, proposal } = await read(json(modelReading));
    expect(proposal).toMatchObject({ amountCents: 1890, date: '2026-12-04', merchant: 'Padaria Pão Quente' });
    expect(reply).toContain('Despesa de R$ 18,90 no Padaria Pão Quente em 04/12');
    expect(warnings).toEqual([]);
  }, 120_000);

  it('drops a hallucinated total (not printed on the photo): the OCR rules read the receipt', async () => {
    const { reply, proposal } = await read(json({ ...modelReading, totalCents: 1980 }), labelledTotal);
    expect(proposal).toMatchObject({ amountCents: 1890, date: '2026-12-04', merchant: 'Padaria Pao Quente' });
    expect(reply).toContain('Despesa de R$ 18,90 no Padaria Pao Quente em 04/12');
    expect(warnings).toContainEqual(expect.objectContaining({ problem: 'ungrounded_total' }));
  }, 120_000);

  it('asks for the amount when the model’s total is not printed and the rules find none', async () => {
    const { reply, proposal } = await read(json({ ...modelReading, totalCents: 1980 }));
    expect(proposal).toBeUndefined();
    expect(reply).toContain('Qual foi o valor?');
  }, 120_000);

  it('reads by the OCR rules when the API fails', async () => {
    const { reply, proposal } = await read({ kind: 'status', status: 503 }, labelledTotal);
    expect(proposal).toMatchObject({ amountCents: 1890, merchant: 'Padaria Pao Quente' });
    expect(reply).toContain('Despesa de R$ 18,90');
    expect(warnings).toContainEqual(expect.objectContaining({ fallback: 'ocr', reason: 'http_error' }));
  }, 120_000);
});
