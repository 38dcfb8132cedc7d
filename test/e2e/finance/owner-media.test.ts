import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TENANT } from '#infra/local/demo-tenant';
import { type LocalCloud, startLocalCloud } from '#infra/local/start-local-cloud';

/**
 * The inbound-media foundation on the local cloud: a photo or a file the owner sends travels the real path
 * (simulator → signed webhook → stored delivery → stream router → conversation workflow) and is routed by its
 * MIME type: spreadsheets to the aging import's place, images and PDFs to receipts, anything else declined.
 */
describe('owner media (images and documents)', () => {
  let cloud: LocalCloud;
  const owner = DEMO_TENANT.owner.phone;

  const send = async (message: Record<string, unknown>) => {
    const response = await fetch(`${cloud.apiUrl}/_sim/whatsapp/inbound`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: owner, ...message }),
    });
    expect(response.status).toBe(200);
    await cloud.settle();
  };
  const repliesToOwner = () =>
    cloud.simulators.whatsapp.controls
      .outboundTo(owner)
      .map((sent) => (sent.request as { text?: { body: string } }).text?.body ?? '');
  const base64 = (text: string) => Buffer.from(text).toString('base64');

  beforeAll(async () => {
    cloud = await startLocalCloud({ port: 0 });
  }, 120_000);
  afterAll(async () => cloud?.stop());

  it('sends a CSV to the aging import (a file without its columns is refused, nothing imported) and declines XLSX for now', async () => {
    const beforeCsv = repliesToOwner().length;
    await send({
      document: {
        filename: 'aging.csv',
        mime_type: 'text/csv',
        content_base64: base64('conta;valor\nA;10\n'),
      },
    });
    // Acknowledged, then the import workflow's one summary at its end; an acknowledgement not yet sent when the
    // summary was ready is withdrawn, so "estou importando" never follows the result.
    const replies = repliesToOwner().slice(beforeCsv);
    expect(replies.length).toBeGreaterThanOrEqual(1);
    expect(replies.length).toBeLessThanOrEqual(2);
    if (replies.length === 2) expect(replies[0]).toMatch(/^Recebi a planilha aging\.csv, estou importando/);
    expect(repliesToOwner().at(-1)).toMatch(
      /^Não importei aging\.csv: faltam colunas: client_id, .*Nada foi alterado\.$/,
    );
    const before = repliesToOwner().length;
    await send({
      document: {
        filename: 'aging.xlsx',
        mime_type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        content_base64: base64('PK\u0003\u0004'),
      },
    });
    expect(repliesToOwner()).toHaveLength(before + 1);
    expect(repliesToOwner().at(-1)).toMatch(/Ainda não leio XLSX/);
  });

  it('declines a document that is neither a receipt nor a spreadsheet', async () => {
    await send({
      document: { filename: 'contrato.docx', mime_type: 'application/msword', content_base64: base64('doc') },
    });
    expect(repliesToOwner().at(-1)).toMatch(/^Ainda não leio esse tipo de arquivo/);
  });

  it('sends a photo to the receipts path, never to the text parser', async () => {
    const before = repliesToOwner().length;
    await send({ image: { mime_type: 'image/jpeg', caption: 'cobra 150 do João dia 10' } });
    expect(repliesToOwner()).toHaveLength(before + 1);
    expect(repliesToOwner().at(-1)).not.toMatch(/Confirma boleto/);
    expect(cloud.simulators.paytime.controls.boletos()).toHaveLength(0);
  });
});
