import { isBankHoliday } from '#domain/bank-holidays';
import { addDays, dateParts, saoPauloDateOf, saoPauloInstant } from '#domain/calendar-date';
import { formatBrl } from '#domain/money';
import type { ChatBubble } from './chat-transcript';
import { localClockStart } from './clock-start';
import type { BoletoView } from './console-state';
import { DEMO_TENANT } from './demo-tenant';
import type { LocalCloudClient } from './local-cloud-client';

/**
 * The scripted story `npm run demo` plays against a local cloud, through its documented interface only: the
 * owner asks by voice note for a boleto without a date (transcribed by the real adapter through the local
 * OpenAI simulator), IRIS asks, the owner answers and confirms, the boleto reaches the
 * contact, three days pass with reminders, the contact pays at Paytime, the boleto is paid and the owner is
 * told. Every step checks that its effect happened; the first one that did not ends the story.
 */

export interface DemoStepResult {
  title: string;
  ok: boolean;
  detail: string;
  ms: number;
}

export interface DemoResult {
  ok: boolean;
  steps: DemoStepResult[];
  totalMs: number;
}

class DemoStepFailedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DemoStepFailedError';
  }
}

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new DemoStepFailedError(message);
}

/** Polls `read` until `accept` holds (the local cloud settles before answering; this is a safety margin). */
async function eventually<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (accept(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const OWNER = DEMO_TENANT.owner.phone;
/** The demo's own payer (seeded for it alone): nothing it leaves behind is mistaken for the console's boletos. */
const CONTACT =
  DEMO_TENANT.contacts.find((contact) => contact.contactId === 'caio-teixeira') ?? DEMO_TENANT.contacts[0];

/**
 * The next business moment from `now` (Monday to Saturday, 09:00-18:00 São Paulo, not a bank holiday): a
 * message to the payer would otherwise wait for the morning, and the story would stop at "o boleto chega".
 */
export function demoBusinessTime(now: Date): Date {
  let moment = localClockStart(now);
  for (let guard = 0; guard < 10 && isBankHoliday(saoPauloDateOf(moment)); guard++) {
    moment = localClockStart(saoPauloInstant(addDays(saoPauloDateOf(moment), 1), 0));
  }
  return moment;
}
const AMOUNT_CENTS = 15_000;

export async function runDemoStory(
  client: LocalCloudClient,
  print: (line: string) => void,
): Promise<DemoResult> {
  const started = Date.now();
  const steps: DemoStepResult[] = [];
  const ownerMessagesAfter = async (count: number) =>
    (await client.chat()).slice(count).filter((bubble) => bubble.direction === 'outbound');
  let chatLength = 0;
  let confirmation: ChatBubble | undefined;
  let boleto: BoletoView | undefined;
  let contactMessages = 0;
  let dueDay = 0;
  const knownBoletos = new Set<string>();

  const story: Array<{ title: string; run: () => Promise<string> }> = [
    {
      title: 'A nuvem local está pronta',
      run: async () => {
        const ready = await client.ready();
        check(ready.ready, `faltam funções: ${ready.missingFunctions.join(', ')}`);
        let clock = await client.clock();
        const target = demoBusinessTime(new Date(clock.now));
        const minutes = Math.ceil((target.getTime() - Date.parse(clock.now)) / 60_000);
        if (minutes > 0) {
          const moved = await client.advance({ minutes });
          check(moved.settled, 'a nuvem local não terminou de reagir ao avanço do relógio');
          clock = await client.clock();
        }
        const today = saoPauloDateOf(new Date(clock.now));
        dueDay = dateParts(addDays(today, 4)).day;
        const chat = await client.chat();
        // A confirmation left open by an earlier session would take the next message: decline it first.
        const pending = chat.filter((bubble) => bubble.direction === 'outbound').at(-1);
        const deny = pending?.buttons?.find((button) => button.id.startsWith('deny'));
        if (deny) await client.tapButton(OWNER, deny);
        chatLength = (await client.chat()).length;
        for (const existing of await client.boletos()) knownBoletos.add(existing.id);
        contactMessages = (await client.outboundTo(CONTACT.phone)).length;
        const moved = minutes > 0 ? ' (avançado para o horário comercial)' : '';
        return `relógio em ${clock.saoPaulo}${moved}${deny ? ' (uma confirmação pendente foi recusada antes)' : ''}`;
      },
    },
    {
      title: 'A dona pede por áudio uma cobrança sem data, e a IRIS pergunta',
      run: async () => {
        const spoken = `cobra cento e cinquenta reais do ${CONTACT.name.split(' ')[0]?.toLowerCase()}`;
        const transcribedBefore = (await client.transcriptions()).length;
        await client.sendVoiceNote(OWNER, spoken);
        const transcribed = (await client.transcriptions()).slice(transcribedBefore);
        check(
          transcribed.some((entry) => entry.status === 200 && entry.text === spoken),
          'o áudio não foi transcrito pelo simulador da OpenAI',
        );
        const replies = await eventually(
          () => ownerMessagesAfter(chatLength),
          (messages) => messages.length > 0,
        );
        const question = replies.at(-1);
        check(question, 'a IRIS não respondeu');
        check(!question.buttons?.length, `esperava uma pergunta, veio uma confirmação: ${question.text}`);
        chatLength = (await client.chat()).length;
        return `🎤 "${spoken}" (transcrito) → IRIS: "${question.text}"`;
      },
    },
    {
      title: 'A dona responde a data, e a IRIS pede confirmação',
      run: async () => {
        await client.sendText(OWNER, `dia ${dueDay}`);
        const replies = await eventually(
          () => ownerMessagesAfter(chatLength),
          (messages) => messages.some((message) => message.buttons?.length),
        );
        confirmation = replies.find((message) =>
          message.buttons?.some((button) => button.id.startsWith('confirm')),
        );
        check(
          confirmation,
          `a IRIS não pediu confirmação: ${replies.map((reply) => reply.text).join(' / ')}`,
        );
        chatLength = (await client.chat()).length;
        return `"dia ${dueDay}" → IRIS: "${confirmation.text}"`;
      },
    },
    {
      title: 'A dona confirma, e o boleto é emitido no Paytime',
      run: async () => {
        const button = confirmation?.buttons?.find((candidate) => candidate.id.startsWith('confirm'));
        check(button, 'sem botão de confirmação');
        await client.tapButton(OWNER, button);
        const boletos = await eventually(
          () => client.boletos(),
          (list) => list.some((item) => !knownBoletos.has(item.id) && item.providerId !== null),
        );
        boleto = boletos.find((item) => !knownBoletos.has(item.id));
        check(boleto?.providerId, 'nenhum boleto novo registrado no Paytime');
        check(boleto.amountCents === AMOUNT_CENTS, `valor inesperado: ${boleto.amountCents}`);
        const answer = (await ownerMessagesAfter(chatLength)).at(-1);
        chatLength = (await client.chat()).length;
        return `boleto ${boleto.id} (${boleto.status}), linha ${boleto.digitableLine}; IRIS: "${answer?.text ?? ''}"`;
      },
    },
    {
      title: `O boleto chega ao WhatsApp de ${CONTACT.name}`,
      run: async () => {
        const messages = await eventually(
          () => client.outboundTo(CONTACT.phone),
          (list) => list.filter((message) => message.accepted).length > contactMessages,
        );
        const sent = messages.slice(contactMessages).filter((message) => message.accepted);
        check(sent.length > 0, `nada foi enviado para ${CONTACT.phone}`);
        contactMessages = messages.length;
        return `${sent.length} mensagem(ns) para ${CONTACT.phone} (${sent.map((message) => message.type).join(', ')})`;
      },
    },
    {
      title: 'Três dias passam, com lembretes',
      run: async () => {
        const lines: string[] = [];
        let reminders = 0;
        for (let day = 1; day <= 3; day++) {
          const clock = await client.advance({ days: 1 });
          check(clock.settled, 'a nuvem local não terminou de reagir ao avanço do relógio');
          const outbox = await client.outbox();
          const sentReminders = outbox.filter(
            (item) => item.kind === 'reminder' && item.boletoId === boleto?.id && item.status !== 'pending',
          ).length;
          lines.push(`dia ${day}: ${sentReminders - reminders} lembrete(s)`);
          reminders = sentReminders;
        }
        const messages = await client.outboundTo(CONTACT.phone);
        check(reminders > 0, `nenhum lembrete em três dias (${lines.join('; ')})`);
        check(messages.length > contactMessages, 'os lembretes não chegaram ao contato');
        contactMessages = messages.length;
        return lines.join('; ');
      },
    },
    {
      title: `${CONTACT.name} paga o boleto no Paytime`,
      run: async () => {
        const current = (await client.boletos()).find((item) => item.id === boleto?.id);
        check(current?.providerId, 'o boleto sumiu');
        check(current.amountDueTodayCents !== null, 'o boleto não pode mais ser pago');
        await client.payAtPaytime(current.providerId, current.amountDueTodayCents);
        boleto = current;
        return `pagou ${formatBrl(current.amountDueTodayCents)}, o valor devido hoje`;
      },
    },
    {
      title: 'O boleto fica pago e o lembrete para',
      run: async () => {
        const list = await eventually(
          () => client.boletos(),
          (items) => items.some((item) => item.id === boleto?.id && item.status === 'paid'),
        );
        const paid = list.find((item) => item.id === boleto?.id);
        check(paid?.status === 'paid', `estado do boleto: ${paid?.status}`);
        check(paid.reminderLoop !== 'RUNNING', 'o ciclo de lembretes continua rodando');
        return `estado ${paid.status}, ciclo de lembretes ${paid.reminderLoop ?? 'encerrado'}`;
      },
    },
    {
      title: 'A dona é avisada do pagamento',
      run: async () => {
        const messages = await eventually(
          () => ownerMessagesAfter(chatLength),
          (list) => list.length > 0,
        );
        const outbox = await client.outbox();
        const notice = outbox.find((item) => item.kind === 'payment_received' && item.recipient === OWNER);
        check(notice, 'nenhum aviso de pagamento na saída');
        check(notice.status !== 'pending' && notice.status !== 'failed', `aviso ${notice.status}`);
        check(messages.length > 0, 'o aviso não chegou ao WhatsApp da dona');
        return `IRIS → dona: "${messages.at(-1)?.text ?? ''}" (${notice.status})`;
      },
    },
  ];

  for (const [index, step] of story.entries()) {
    const stepStarted = Date.now();
    try {
      const detail = await step.run();
      steps.push({ title: step.title, ok: true, detail, ms: Date.now() - stepStarted });
      print(`${index + 1}. ✓ ${step.title}\n     ${detail}`);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      steps.push({ title: step.title, ok: false, detail, ms: Date.now() - stepStarted });
      print(`${index + 1}. ✗ ${step.title}\n     ${detail}`);
      return { ok: false, steps, totalMs: Date.now() - started };
    }
  }
  return { ok: true, steps, totalMs: Date.now() - started };
}
