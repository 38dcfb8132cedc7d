import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TENANT } from '#infra/local/demo-tenant';
import { type LocalCloud, startLocalCloud } from '#infra/local/start-local-cloud';
import { ownerChat } from '#test/support/owner-chat';

/**
 * Issue 11, item 10 (parser and validation edges), through the real webhook and conversation on the local
 * cloud: each refused request gets one clear pt-BR question, and nothing is created at Paytime or in the table.
 * (Two charges in one message are no longer refused: both are proposed, see dialogues-that-finish.test.ts.)
 */
describe('charge requests IRIS refuses with a question', () => {
  let cloud: LocalCloud;
  const owner = DEMO_TENANT.owner.phone;

  const { ask } = ownerChat(() => cloud, owner);
  const billets = async () =>
    ((await (await fetch(`${cloud.apiUrl}/_sim/paytime/boletos`)).json()) as { data: unknown[] }).data;
  const boletos = async () =>
    ((await (await fetch(`${cloud.apiUrl}/_local/boletos`)).json()) as { boletos: unknown[] }).boletos;

  beforeAll(async () => {
    cloud = await startLocalCloud({ port: 0 });
  }, 60_000);
  afterAll(async () => {
    await cloud?.stop();
  });

  it.each([
    ['cobra -50 do João dia 20', /valor negativo \(-R\$ 50,00\)/],
    ['cobra 1e9 do João dia 20', /Não entendi o valor "1e9"/],
    ['cobra 100 do João dia 20/12/2099', /O vencimento 20\/12\/2099 passa do limite de um ano/],
  ])('"%s" → a question, no boleto', async (text, expected) => {
    expect(await ask(text)).toMatch(expected);
    expect(await billets()).toHaveLength(0);
    expect(await boletos()).toHaveLength(0);
  });

  it('after a refusal, the request sent again is collected as usual', async () => {
    expect(await ask('cobra 50 do João dia 20')).toMatch(/^Confirma/);
  });
});
