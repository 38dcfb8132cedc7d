import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TENANT } from '#infra/local/demo-tenant';
import { LocalCloudClient } from '#infra/local/local-cloud-client';
import { type LocalCloud, startLocalCloud } from '#infra/local/start-local-cloud';
import { ownerChat } from '#test/support/owner-chat';

/**
 * Issue 12 item 7 on the local cloud: a boleto charged and confirmed on WhatsApp, paid short at Paytime, then
 * "extrato do João" answers from the statement read model the table's stream keeps (statement-projector).
 */
describe('"extrato do João" on WhatsApp', () => {
  let cloud: LocalCloud;
  let client: LocalCloudClient;
  const owner = DEMO_TENANT.owner.phone;

  const { ask } = ownerChat(() => cloud, owner);

  beforeAll(async () => {
    cloud = await startLocalCloud({ port: 0 });
    client = new LocalCloudClient(cloud.apiUrl);
  }, 60_000);
  afterAll(async () => {
    await cloud?.stop();
  });

  it('lists the boleto, the partial payment and what is still open', async () => {
    expect(await ask('extrato do João')).toBe('João Silva ainda não tem boletos: o extrato está vazio.');
    expect(await ask('cobra 150 do João dia 20')).toMatch(/^Confirma/);
    await ask('sim');
    const [billet] = await client.paytimeBoletos();
    expect(billet).toBeDefined();
    await client.payAtPaytime(billet?._id ?? '', 5_000);
    await cloud.settle();

    const text = await ask('me manda o extrato do João');
    expect(text).toContain('📄 Extrato de João Silva');
    expect(text).toMatch(
      /• R\$ 150,00: vence 20\/\d\d\/\d{4}; pago em parte; pagou R\$ 50,00, faltam R\$ 100,00/,
    );
    expect(text).toMatch(/Pagamentos:\n• \d\d\/\d\d\/\d{4}: R\$ 50,00 \(parcial\)/);
    expect(text).toContain('Total pago: R$ 50,00');
    expect(text).toContain('Em aberto hoje: R$ 100,00');
  }, 180_000);
});
