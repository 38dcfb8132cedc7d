import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TENANT } from '#infra/local/demo-tenant';
import { type LocalCloud, startLocalCloud } from '#infra/local/start-local-cloud';

/**
 * Issue 12 item 9: a voice note travels the real path offline. The WhatsApp simulator stores speech carrying
 * the transcript, the webhook names its media id, the conversation's real transcription adapter downloads it
 * from the WhatsApp simulator and sends it to the local OpenAI simulator, and the transcript is understood by
 * the deterministic parser exactly as the same words typed.
 */
describe('voice notes on the local cloud', () => {
  let cloud: LocalCloud;
  const owner = DEMO_TENANT.owner.phone;

  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${cloud.apiUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as unknown };
  };
  const say = async (message: Record<string, unknown>) => {
    const { status } = await post('/_sim/whatsapp/inbound', { from: owner, ...message });
    expect(status).toBeLessThan(300);
    await cloud.settle();
  };
  interface Sent {
    text?: { body: string };
    interactive?: {
      body?: { text: string };
      action?: { buttons?: Array<{ reply: { id: string; title: string } }> };
    };
  }
  const lastSent = () =>
    cloud.simulators.whatsapp.controls.outboundTo(owner).at(-1)?.request as Sent | undefined;
  const lastText = () => lastSent()?.text?.body ?? lastSent()?.interactive?.body?.text ?? '';

  beforeAll(async () => {
    cloud = await startLocalCloud({
      port: 0,
      openAiApiKey: '',
    });
  });
  afterAll(async () => {
    await cloud?.stop();
  });

  it('"cobra cento e cinquenta do joão dia dez" spoken becomes the same confirmation, then one boleto', async () => {
    const before = cloud.simulators.paytime.controls.boletos().length;
    await say({ audio: { transcript: 'cobra cento e cinquenta do joão dia dez' } });
    const transcriptions = await (await fetch(`${cloud.apiUrl}/_sim/openai/transcriptions`)).json();
    expect(transcriptions).toEqual([
      expect.objectContaining({
        model: 'gpt-4o-mini-transcribe',
        language: 'pt',
        status: 200,
        text: 'cobra cento e cinquenta do joão dia dez',
      }),
    ]);
    expect(lastText()).toMatch(/R\$ 150,00/);
    expect(lastText()).toMatch(/João Silva/);
    const yes = lastSent()?.interactive?.action?.buttons?.find((button) => button.reply.title === 'Sim');
    expect(yes).toBeDefined();
    await say({ button: yes?.reply });
    const billets = cloud.simulators.paytime.controls.boletos();
    expect(billets).toHaveLength(before + 1);
    expect(billets.at(-1)).toMatchObject({ original_amount: 15000 });
  });

  it('audio the simulator cannot decode, or a transcription outage, is answered politely and creates nothing', async () => {
    const before = cloud.simulators.paytime.controls.boletos().length;
    await say({ audio: { base64: Buffer.from('not speech').toString('base64') } });
    expect(lastText()).toBe('Não consegui entender o áudio. Pode escrever, por favor?');
    const fault = await post('/_sim/openai/faults', { fail_next: { count: 5, status: 500 } });
    expect(fault.status).toBe(200);
    await say({ audio: { transcript: 'cobra 80 da maria dia 20' } });
    expect(lastText()).toBe('Não consegui entender o áudio. Pode escrever, por favor?');
    await fetch(`${cloud.apiUrl}/_sim/openai/faults`, { method: 'DELETE' });
    expect(cloud.simulators.paytime.controls.boletos()).toHaveLength(before);
  });
});
