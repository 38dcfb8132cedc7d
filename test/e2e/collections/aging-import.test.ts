import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TENANT } from '#infra/local/demo-tenant';
import { type LocalCloud, startLocalCloud } from '#infra/local/start-local-cloud';

/**
 * The aging import on the local cloud: the owner sends `events/collections/aging-sample.csv` (12 rows, every
 * 4th broken) as a WhatsApp document → the real path (signed webhook, stored delivery, router, conversation
 * workflow, media download, S3 emulator, DynamoDB) → a summary with the exact counts and the error CSV link;
 * the same file again changes nothing.
 */
describe('aging import from a WhatsApp document', () => {
  let cloud: LocalCloud;
  const owner = DEMO_TENANT.owner.phone;
  const sample = readFileSync(new URL('../../../events/collections/aging-sample.csv', import.meta.url));

  const send = async () => {
    const response = await fetch(`${cloud.apiUrl}/_sim/whatsapp/inbound`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        from: owner,
        document: {
          filename: 'carteira.csv',
          mime_type: 'text/csv',
          content_base64: sample.toString('base64'),
        },
      }),
    });
    expect(response.status).toBe(200);
    await cloud.settle();
  };
  const repliesToOwner = () =>
    cloud.simulators.whatsapp.controls
      .outboundTo(owner)
      .map((sent) => (sent.request as { text?: { body: string } }).text?.body ?? '');

  beforeAll(async () => {
    cloud = await startLocalCloud({ port: 0 });
  }, 120_000);
  afterAll(async () => cloud?.stop());

  it('imports the good rows and tells the owner the exact counts with a link to the errors', async () => {
    await send();
    // The acknowledgement went out first, or was withdrawn because the summary was ready before it left.
    const replies = repliesToOwner();
    expect(replies.length === 1 || /^Recebi a planilha carteira\.csv/.test(replies[0] ?? '')).toBe(true);
    expect(replies.length).toBeLessThanOrEqual(2);
    const reply = repliesToOwner().at(-1) ?? '';
    expect(reply).toMatch(/^Importei carteira\.csv \(posição de \d{2}\/\d{2}\/\d{4}\):/);
    expect(reply).toContain('• 12 linhas lidas\n• 9 importadas\n• 3 com erro (veja o arquivo de erros)');
    const link = /Arquivo de erros .*: (\S+)$/.exec(reply)?.[1] ?? '';
    const errors = await (await fetch(link)).text();
    expect(errors.split('\r\n').filter(Boolean)).toHaveLength(4);
    expect(errors).toContain('linha;coluna;motivo');
  }, 120_000);

  it('answers the same file again with "already imported", importing nothing', async () => {
    const before = repliesToOwner().length;
    await send();
    // The same file is acknowledged like any other (the workflow's claim is what finds it already imported):
    // the acknowledgement, unless withdrawn because the answer was ready first, then the answer.
    const replies = repliesToOwner().slice(before);
    expect(replies.length === 1 || /^Recebi a planilha carteira\.csv/.test(replies[0] ?? '')).toBe(true);
    expect(replies.length).toBeLessThanOrEqual(2);
    expect(repliesToOwner().at(-1)).toMatch(
      /^Esse arquivo já foi importado em \d{2}\/\d{2}\/\d{4} \(9 linhas\)\. Nada mudou\.$/,
    );
  }, 120_000);
});
