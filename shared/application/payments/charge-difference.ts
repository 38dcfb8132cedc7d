import type { ConversationDependencies } from '#application/conversation/conversation-dependencies';
import { replyOnce } from '#application/conversation/reply-once';
import { startBoletoRequest } from '#application/conversation/start-request';
import { DONE, type StepResult } from '#application/conversation/step-result';
import type { BoletoActivityLog } from '#application/ports/boleto-activity-log';
import type { InboundContent } from '#application/ports/inbound-message-repository';
import { ConcurrentModificationError } from '#application/ports/persistence-errors';
import { type Boleto, cancelBoleto } from '#domain/boleto';
import { formatDateBr } from '#domain/calendar-date';
import { formatBrl } from '#domain/money';
import type { E164 } from '#domain/phone-number';

/**
 * The owner's tap under a payment notice that left a difference (docs/decisions.md, "Late and partial
 * payments"): `difference:charge:<boletoId>:<cents>` starts a new charge request for exactly the amount shown,
 * through the ordinary conversation (it asks the due date and for confirmation like any request);
 * `difference:waive:...` drops it. Either way a balance left on a billet paid short is closed here (cancelled,
 * reason `balance_recharged` / `balance_waived`), so "quem me deve" never counts it next to the new boleto.
 * Replays are harmless: the request id derives from the tap's message id, and cancelling twice is a no-op.
 */

export interface DifferenceTap {
  decision: 'charge' | 'waive';
  boletoId: string;
  cents: number;
}

export function parseDifferenceButton(content: InboundContent): DifferenceTap | undefined {
  if (content.type !== 'button') return undefined;
  const match = /^difference:(charge|waive):([A-Za-z0-9_-]+):(\d{1,12})$/.exec(content.payload);
  if (!match) return undefined;
  const cents = Number(match[3]);
  if (!Number.isSafeInteger(cents) || cents <= 0) return undefined;
  return { decision: match[1] as DifferenceTap['decision'], boletoId: match[2] as string, cents };
}

export type DifferenceDependencies = ConversationDependencies & { boletoActivity?: BoletoActivityLog };

export async function answerDifferenceTap(
  deps: DifferenceDependencies,
  input: { tenantId: string; ownerPhone: E164; messageId: string; tap: DifferenceTap },
): Promise<StepResult> {
  const { tenantId, ownerPhone, messageId, tap } = input;
  const reply = (text: string, purpose: string) =>
    replyOnce(deps, tenantId, ownerPhone, text, messageId, purpose);
  const boleto = await deps.boletos.get(tenantId, tap.boletoId);
  const contact = boleto ? await deps.contacts.get(tenantId, boleto.contactId) : undefined;
  if (!boleto || !contact) {
    await reply(
      'Não encontrei mais esse boleto. Se quiser cobrar, me diga de quem e quanto.',
      'difference-missing',
    );
    return DONE;
  }
  await closeBalance(
    deps,
    boleto,
    ownerPhone,
    tap.decision === 'charge' ? 'balance_recharged' : 'balance_waived',
  );
  await deps.boletoActivity?.record({
    tenantId,
    boletoId: boleto.id,
    activityId: `confirmation_answered:difference:${messageId}`,
    kind: 'confirmation_answered',
    at: deps.clock.now().toISOString(),
    actor: { kind: 'owner', id: ownerPhone },
    boletoVersion: boleto.version,
    detail: { question: 'charge_difference', answer: tap.decision, amountCents: tap.cents, messageId },
  });
  if (tap.decision === 'waive') {
    await reply(
      `Combinado: não vou cobrar os ${formatBrl(tap.cents)} de ${contact.name}.`,
      'difference-waived',
    );
    return DONE;
  }
  return startBoletoRequest(deps, {
    tenantId,
    ownerPhone,
    messageId,
    interpretation: {
      intent: 'create_boleto',
      amountCents: tap.cents,
      contact: contact.name,
      date: null,
      description: `Diferença do boleto de ${formatDateBr(boleto.dueDate)}`,
      source: 'deterministic',
    },
  });
}

async function closeBalance(
  deps: DifferenceDependencies,
  boleto: Boleto,
  ownerPhone: E164,
  reason: 'balance_recharged' | 'balance_waived',
): Promise<void> {
  let current: Boleto | undefined = boleto;
  for (let attempt = 1; current && current.status === 'partially_paid'; attempt++) {
    const change = cancelBoleto(current, reason, {
      actor: { kind: 'owner', id: ownerPhone },
      at: deps.clock.now().toISOString(),
    });
    try {
      await deps.boletos.update(change, current.version);
      return;
    } catch (error) {
      if (!(error instanceof ConcurrentModificationError) || attempt >= 3) throw error;
      current = await deps.boletos.get(boleto.tenantId, boleto.id);
    }
  }
}
