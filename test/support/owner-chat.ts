import { expect } from 'vitest';
import type { LocalCloud } from '#infra/local/start-local-cloud';

/** What IRIS sent over the Cloud API, as far as the end-to-end tests read it. */
export interface CloudApiRequest {
  text?: { body: string };
  /** Outside the 24-hour window: the approved template, its parameters carrying the text. */
  template?: { name?: string; components?: Array<{ parameters?: Array<{ text?: string }> }> };
  interactive?: {
    body?: { text: string };
    action?: { buttons?: Array<{ reply: { id: string; title: string } }> };
  };
}

/** The text a person reads in a request: the text, the interactive body, or the template's parameters. */
export function textOf(request: CloudApiRequest | undefined): string {
  const templated = request?.template?.components?.flatMap((c) => c.parameters ?? []).map((p) => p.text);
  return request?.text?.body ?? request?.interactive?.body?.text ?? templated?.join(' ') ?? '';
}

/**
 * The owner chatting with IRIS through a running local cloud's WhatsApp simulator: `say` posts an inbound
 * message and waits until the cloud has settled; `confirmLast` taps "Sim" on IRIS's last message to the owner.
 * `cloud` is a getter because the cloud starts in `beforeAll`.
 */
export function ownerChat(cloud: () => LocalCloud, owner: string) {
  const say = async (message: Record<string, unknown>, from: string = owner) => {
    const response = await fetch(`${cloud().apiUrl}/_sim/whatsapp/inbound`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from, ...message }),
    });
    expect(response.status, `the simulator answered ${response.status}`).toBeLessThan(300);
    await cloud().settle();
  };
  const sentTo = (phone: string) => cloud().simulators.whatsapp.controls.outboundTo(phone);
  const requestsTo = (phone: string) => sentTo(phone).map((entry) => entry.request as CloudApiRequest);
  const textsTo = (phone: string) => requestsTo(phone).map(textOf);
  const lastTextTo = (phone: string) => textsTo(phone).at(-1) ?? '';
  const buttonsOfLast = (phone: string) =>
    (requestsTo(phone).at(-1)?.interactive?.action?.buttons ?? []).map((button) => button.reply);
  const confirmLast = async () => {
    const yes = buttonsOfLast(owner).find((button) => button.title === 'Sim');
    expect(yes, `no Sim button in "${lastTextTo(owner)}"`).toBeDefined();
    await say({ button: yes });
  };
  const lastText = () => lastTextTo(owner);
  /** Everything IRIS said to the owner after `count` earlier messages. */
  const textsSince = (count: number) => textsTo(owner).slice(count);
  const tap = async (title: 'Sim' | 'Não') => {
    const button = buttonsOfLast(owner).find((reply) => reply.title === title);
    expect(button, `no ${title} button in "${lastText()}"`).toBeDefined();
    await say({ button });
  };
  /** Says `text` and returns IRIS's last reply to the owner. */
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
  return {
    say,
    ask,
    tap,
    sentTo,
    requestsTo,
    textsTo,
    lastText,
    lastTextTo,
    textsSince,
    transcript,
    buttonsOfLast,
    confirmLast,
  };
}
