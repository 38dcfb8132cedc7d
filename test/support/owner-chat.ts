import { expect } from 'vitest';
import type { LocalCloud } from '#infra/local/start-local-cloud';

/**
 * The owner's side of a WhatsApp chat with IRIS on a local cloud, for e2e tests: say something (text or a
 * button tap) through the WhatsApp simulator's inbound route, wait until everything settled, read the replies.
 */
interface CloudApiRequest {
  text?: { body: string };
  interactive?: {
    body?: { text: string };
    action?: { buttons?: Array<{ reply: { id: string; title: string } }> };
  };
  type?: string;
  template?: { name: string };
}

export function ownerChat(cloud: () => LocalCloud, owner: string) {
  const sentTo = (phone: string) =>
    cloud()
      .simulators.whatsapp.controls.outboundTo(phone)
      .map((message) => message.request as CloudApiRequest);
  const textOf = (request: CloudApiRequest | undefined) =>
    request?.text?.body ?? request?.interactive?.body?.text ?? '';
  const say = async (message: Record<string, unknown>) => {
    const response = await fetch(`${cloud().apiUrl}/_sim/whatsapp/inbound`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: owner, ...message }),
    });
    expect(response.status).toBeLessThan(300);
    await cloud().settle();
  };
  const lastText = () => textOf(sentTo(owner).at(-1));
  /** Everything IRIS said to the owner after `count` earlier messages. */
  const textsSince = (count: number) => sentTo(owner).slice(count).map(textOf);
  const tap = async (title: 'Sim' | 'Não') => {
    const buttons = (sentTo(owner).at(-1)?.interactive?.action?.buttons ?? []).map((b) => b.reply);
    const button = buttons.find((b) => b.title === title);
    expect(button, `no ${title} button in "${lastText()}"`).toBeDefined();
    await say({ button });
  };
  /** Says `text` and returns IRIS's last reply. */
  const ask = async (text: string) => {
    await say({ text });
    return lastText();
  };
  /** What the owner's chat shows from IRIS (templates rendered), oldest first: `/_local/chat`. */
  const transcript = async (): Promise<string[]> => {
    const response = await fetch(`${cloud().apiUrl}/_local/chat?with=${encodeURIComponent(owner)}`);
    const { messages } = (await response.json()) as { messages: Array<{ direction: string; text: string }> };
    return messages.filter((message) => message.direction === 'outbound').map((message) => message.text);
  };
  return { say, ask, tap, lastText, sentTo, textsSince, textOf, transcript };
}
