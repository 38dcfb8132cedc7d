import { setTimeout as pause } from 'node:timers/promises';
import { boletoToContactMessage } from '#application/boletos/boleto-message-pt-br';
import type { ContactMessageHandler } from '#application/conversation/route-inbound-message';
import { ownerPhones } from '#application/outbox/add-to-outbox';
import { type OptOutContactDeps, optOutContact } from '#application/outbox/opt-out-contact';
import { derivedId } from '#application/payments/follow-up-ids';
import type { SettleInput, SettlementResult } from '#application/payments/settle-with-provider';
import type { BoletoActivityLog } from '#application/ports/boleto-activity-log';
import type { BoletoRepository } from '#application/ports/boleto-repository';
import type { Clock } from '#application/ports/clock';
import type { Contact, ContactRepository } from '#application/ports/contact-repository';
import type { InboundContent, InboundMessage } from '#application/ports/inbound-message-repository';
import type { OutboxRepository } from '#application/ports/outbox-repository';
import type { PayerThreadRepository } from '#application/ports/payer-thread-repository';
import { ConcurrentModificationError } from '#application/ports/persistence-errors';
import type { TenantRepository } from '#application/ports/tenant-repository';
import type { TransactionContext, UnitOfWork } from '#application/ports/unit-of-work';
import type { UserRepository } from '#application/ports/user-repository';
import { type Boleto, isPayable } from '#domain/boleto';
import type { ActivityDetail, BoletoActivity } from '#domain/boleto-activity';
import { saoPauloDateOf } from '#domain/calendar-date';
import { type NewOutboxMessage, newOutboxMessage } from '#domain/outbox-message';
import { classifyPayerMessage, type PayerMessageIntent } from '#domain/payer-message';
import { advancePayerThread, canReply, hasSeen, shouldForwardNow } from '#domain/payer-thread';
import type { AppLogger } from '#logging/create-logger';
import { type ForwardFacts, forwardText, type PaymentCheck, payerReplies } from './payer-texts-pt-br';
import {
  supersedeScheduledForwards,
  takeOverScheduledForwards,
  windowEndForwards,
} from './window-end-forward';

/**
 * A payer (one of the tenant's contacts) wrote to IRIS. An opt-out word opts them out (and nothing else);
 * anything else reaches the owner, grouped per payer (see `shouldForwardNow`). "Já paguei" makes IRIS ask
 * Paytime at once through the same settlement as the webhook; "segunda via / pix" re-sends the payer's own
 * payable boletos. The payer gets a short answer, at most `MAX_PAYER_REPLIES_PER_DAY` a day.
 *
 * One transaction per message: the thread (conditional on its version, remembering the message id), the
 * forward, the replies, the copies and the activities, so a replay finds the message seen and changes nothing.
 */

export interface HandlePayerMessageDeps {
  contacts: Pick<ContactRepository, 'get'>;
  boletos: Pick<BoletoRepository, 'listByContact'>;
  tenants: Pick<TenantRepository, 'getProfile'>;
  users: Pick<UserRepository, 'list'>;
  outbox: OutboxRepository;
  unitOfWork: UnitOfWork;
  threads: PayerThreadRepository;
  boletoActivity: BoletoActivityLog;
  clock: Clock;
  logger: AppLogger;
  /** Opt-out words go here unchanged. */
  optOut: OptOutContactDeps;
  /** THE settlement path (`settleWithProvider` with the payment dependencies): re-reads Paytime. */
  settle(input: SettleInput): Promise<SettlementResult>;
  /** The approved template of the boleto message (outside WhatsApp's 24-hour window). */
  boletoTemplateName: string;
}

export interface PayerMessageInput {
  tenantId: string;
  contactId: string;
  message: InboundMessage;
}

export type PayerMessageOutcome =
  | { outcome: 'opted_out' }
  | { outcome: 'duplicate' }
  | { outcome: 'unknown_contact' }
  | { outcome: 'handled'; intent: PayerMessageIntent; forwarded: boolean; replied: boolean; resent: number };

const MAX_ATTEMPTS = 5;
/** Boletos checked at Paytime per "já paguei" (oldest due first): keeps the webhook inside its time budget. */
export const MAX_CHECKS_PER_CLAIM = 2;
/** Copies re-sent per request: a payer with many open boletos gets the oldest few (the owner sees the rest). */
export const MAX_COPIES_PER_REQUEST = 3;

export function payerMessageHandler(deps: HandlePayerMessageDeps): ContactMessageHandler {
  return {
    handleContactMessage: async (input) => {
      await handlePayerMessage(deps, input);
    },
  };
}

export async function handlePayerMessage(
  deps: HandlePayerMessageDeps,
  input: PayerMessageInput,
): Promise<PayerMessageOutcome> {
  const { tenantId, message } = input;
  const text = textOf(message.content);
  const intent = message.content.type === 'text' ? classifyPayerMessage(text) : 'other';
  if (intent === 'opt_out') {
    await optOutContact(deps.optOut, { tenantId, phone: message.from, inboundMessageId: message.messageId });
    return { outcome: 'opted_out' };
  }
  const contact = await deps.contacts.get(tenantId, input.contactId);
  if (!contact) return { outcome: 'unknown_contact' };
  if (hasSeen(await deps.threads.get(tenantId, contact.contactId), message.messageId)) {
    return { outcome: 'duplicate' };
  }

  const boletos = await deps.boletos.listByContact(tenantId, contact.contactId);
  const payable = boletos
    .filter((boleto) => isPayable(boleto.status))
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  // Outside the transaction: the settlement is idempotent on its own (payment ids derive from Paytime's).
  const check = intent === 'says_paid' ? await checkPayments(deps, tenantId, payable) : undefined;

  for (let attempt = 1; ; attempt++) {
    try {
      return await decideAndWrite(deps, { ...input, contact, text, intent, payable, check });
    } catch (error) {
      if (!(error instanceof ConcurrentModificationError) || attempt >= MAX_ATTEMPTS) throw error;
      await pause(Math.floor(Math.random() * 20 * attempt));
    }
  }
}

interface Decision extends PayerMessageInput {
  contact: Contact;
  text: string;
  intent: Exclude<PayerMessageIntent, 'opt_out'>;
  payable: Boleto[];
  check: PaymentCheckResult | undefined;
}

interface PaymentCheckResult {
  result: PaymentCheck;
  /** The boletos still unpaid after the check. */
  boletos: Boleto[];
  /** What Paytime said per boleto: the reconciliation finding recorded beside it. */
  findings: Map<string, ActivityDetail>;
}

async function decideAndWrite(deps: HandlePayerMessageDeps, d: Decision): Promise<PayerMessageOutcome> {
  const { tenantId, message, contact } = d;
  const thread = await deps.threads.get(tenantId, contact.contactId);
  if (hasSeen(thread, message.messageId)) return { outcome: 'duplicate' };
  const now = deps.clock.now();
  const today = saoPauloDateOf(now);
  const [profile, owners] = await Promise.all([
    deps.tenants.getProfile(tenantId),
    ownerPhones(deps.users, tenantId),
  ]);
  const businessName = profile?.name ?? 'a empresa';
  const acts = d.intent === 'says_paid' || d.intent === 'asks_for_boleto';
  const forwardNow = shouldForwardNow(thread, now, acts);
  const scheduled = forwardNow
    ? await takeOverScheduledForwards(deps.outbox, tenantId, thread)
    : { held: thread.held, supersede: [] };
  const mayReply = canReply(thread, today) && !contact.optedOut;
  const messages: Array<{ purpose: string; message: NewOutboxMessage }> = [];
  let action: ForwardFacts['action'];
  let resent: Boleto[] = [];

  if (d.intent === 'says_paid' && d.check) {
    action = { kind: 'checked', check: d.check.result, boletos: d.check.boletos };
    const reply = replyToPaymentClaim(contact, businessName, d.check.result);
    if (mayReply) messages.push({ purpose: 'reply', message: payerReply(contact, reply, message.messageId) });
  } else if (d.intent === 'asks_for_boleto') {
    const copies = d.payable
      .flatMap((boleto) => (boleto.provider ? [{ boleto, reference: boleto.provider }] : []))
      .slice(0, MAX_COPIES_PER_REQUEST)
      .map(({ boleto, reference }) => ({
        boleto,
        // The same builder as the issue-time message: same text, template, PDF, Pix, and `about` (stale check).
        copy: boletoToContactMessage({
          boleto,
          reference,
          contact,
          businessName,
          templateName: deps.boletoTemplateName,
          correlationId: message.messageId,
        }),
      }));
    if (copies.length > 0 && mayReply && !contact.optedOut) {
      resent = copies.map((entry) => entry.boleto);
      for (const { boleto, copy } of copies) messages.push({ purpose: `copy:${boleto.id}`, message: copy });
      action = { kind: 'resent', boletos: resent };
    } else if (copies.length === 0) {
      action = { kind: 'nothing_to_resend' };
      const reply = payerReplies.nothingToResend(contact.name, profile?.name);
      if (mayReply)
        messages.push({ purpose: 'reply', message: payerReply(contact, reply, message.messageId) });
    }
  } else if (forwardNow && mayReply && !thread.lastForwardAt) {
    // The first message of a conversation gets an acknowledgement; the owner answers the rest in person.
    const reply = payerReplies.passedOn(contact.name, profile?.name);
    messages.push({ purpose: 'reply', message: payerReply(contact, reply, message.messageId) });
  }
  const replied = messages.some((entry) => entry.message.audience === 'contact');

  if (forwardNow) {
    const text = forwardText({
      contactName: contact.name,
      held: scheduled.held,
      text: d.text,
      ...(action ? { action } : {}),
    });
    for (const owner of owners) {
      messages.push({
        purpose: `forward:${owner}`,
        message: {
          channel: 'whatsapp',
          kind: 'owner_reply',
          recipient: owner,
          audience: 'owner',
          content: { type: 'text', text },
          correlationId: message.messageId,
          ...(d.payable[0] ? { boletoId: d.payable[0].id } : {}),
        },
      });
    }
  }

  // Held: the owners still hear it at the window's end, even if the payer never writes again.
  const windowEnd = forwardNow
    ? []
    : windowEndForwards({
        tenantId,
        thread,
        contactName: contact.name,
        text: d.text,
        messageId: message.messageId,
        owners,
        now,
      });
  const next = advancePayerThread(thread, {
    messageId: message.messageId,
    text: d.text,
    now,
    today,
    forwarded: forwardNow,
    replied,
    ...(forwardNow ? {} : { flushOutboxIds: windowEnd.map((item) => item.id) }),
  });
  await deps.unitOfWork.run(async (tx) => {
    await deps.threads.save({ ...next, version: thread.version }, tx);
    await supersedeScheduledForwards(deps.outbox, tx, tenantId, scheduled.supersede, now);
    for (const item of windowEnd) await deps.outbox.putPending(item, tx);
    for (const entry of messages) {
      const id = derivedId('payer-message', tenantId, message.messageId, entry.purpose);
      await deps.outbox.add(newOutboxMessage(entry.message, { id, tenantId, now }), tx);
    }
    await recordActivities(deps, tx, d, now, forwardNow, resent);
  });
  deps.logger.info('payer message handled', {
    messageId: message.messageId,
    contactId: contact.contactId,
    intent: d.intent,
    forwarded: forwardNow,
    replied,
  });
  return { outcome: 'handled', intent: d.intent, forwarded: forwardNow, replied, resent: resent.length };
}

function payerReply(contact: Contact, text: string, correlationId: string): NewOutboxMessage {
  return {
    channel: 'whatsapp',
    kind: 'payer_reply',
    recipient: contact.phone,
    audience: 'contact',
    contactId: contact.contactId,
    content: { type: 'text', text },
    correlationId,
  };
}

function replyToPaymentClaim(contact: Contact, businessName: string, check: PaymentCheck): string {
  switch (check.kind) {
    case 'confirmed':
      return payerReplies.paymentConfirmed(contact.name);
    case 'not_yet':
      return payerReplies.paymentNotYetSeen(contact.name, businessName);
    case 'unavailable':
      return payerReplies.paymentNotCheckable(contact.name, businessName);
    case 'no_open_boleto':
      return payerReplies.nothingOpen(contact.name);
  }
}

/** Asks Paytime about each payable boleto now, through the settlement every other path uses. */
async function checkPayments(
  deps: HandlePayerMessageDeps,
  tenantId: string,
  payable: Boleto[],
): Promise<PaymentCheckResult> {
  const atProvider = payable.filter((boleto) => boleto.provider).slice(0, MAX_CHECKS_PER_CLAIM);
  const findings = new Map<string, ActivityDetail>();
  if (atProvider.length === 0) return { result: { kind: 'no_open_boleto' }, boletos: [], findings };
  let paid = 0;
  let unpaid = 0;
  let unavailable = 0;
  const stillOpen: Boleto[] = [];
  for (const boleto of atProvider) {
    try {
      const settled = await deps.settle({ tenantId, boletoId: boleto.id });
      findings.set(boleto.id, {
        trigger: 'payer_says_paid',
        outcome: settled.outcome,
        ...(settled.providerStatus ? { providerStatus: settled.providerStatus } : {}),
      });
      if (
        settled.outcome === 'paid' ||
        settled.outcome === 'partially_paid' ||
        settled.outcome === 'already_applied'
      ) {
        paid++;
      } else {
        unpaid++;
        stillOpen.push(boleto);
      }
    } catch (error) {
      unavailable++;
      stillOpen.push(boleto);
      findings.set(boleto.id, { trigger: 'payer_says_paid', outcome: 'provider_unavailable' });
      deps.logger.warn('could not check a boleto at the provider for a payer', {
        boletoId: boleto.id,
        error: error instanceof Error ? error.name : String(error),
      });
    }
  }
  const result: PaymentCheck =
    unavailable > 0 && unpaid === 0 && paid === 0
      ? { kind: 'unavailable' }
      : unpaid + unavailable > 0 || paid === 0
        ? { kind: 'not_yet' }
        : { kind: 'confirmed' };
  return { result, boletos: stillOpen, findings };
}

async function recordActivities(
  deps: HandlePayerMessageDeps,
  tx: TransactionContext,
  d: Decision,
  now: Date,
  forwarded: boolean,
  resent: Boleto[],
): Promise<void> {
  const actor = { kind: 'contact' as const, id: d.contact.contactId };
  const at = now.toISOString();
  const messageId = d.message.messageId;
  const findings = d.check?.findings;
  for (const boleto of d.payable) {
    const base = { tenantId: d.tenantId, boletoId: boleto.id, at, boletoVersion: boleto.version };
    const activities: BoletoActivity[] = [
      {
        ...base,
        activityId: `payer_message:${messageId}`,
        kind: 'payer_message',
        actor,
        detail: { messageId, intent: d.intent, forwarded, resent: resent.includes(boleto) },
      },
    ];
    const finding = findings?.get(boleto.id);
    if (finding) {
      activities.push({
        ...base,
        activityId: `reconciliation_finding:${messageId}`,
        kind: 'reconciliation_finding',
        actor: { kind: 'system', id: 'payer-voice' },
        detail: { ...finding, messageId },
      });
    }
    for (const activity of activities) await deps.boletoActivity.record(activity, tx);
  }
}

function textOf(content: InboundContent): string {
  switch (content.type) {
    case 'text':
      return content.text;
    case 'button':
      return content.title;
    case 'audio':
      return '[mensagem de voz]';
    case 'media': {
      const what =
        content.kind === 'image'
          ? '[imagem]'
          : `[documento${content.filename ? ` ${content.filename}` : ''}]`;
      return content.caption ? `${what} ${content.caption}` : what;
    }
    case 'unsupported':
      return `[${content.originalType} sem texto]`;
    case 'recurring_issue':
    case 'collections_run':
    case 'api_charge':
      return '';
  }
}
