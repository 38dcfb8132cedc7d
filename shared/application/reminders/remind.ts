import { derivedId } from '#application/payments/follow-up-ids';
import { settleWithProvider } from '#application/payments/settle-with-provider';
import type { Contact } from '#application/ports/contact-repository';
import { type Boleto, payableAmountDueOn } from '#domain/boleto';
import type { ActivityDetail } from '#domain/boleto-activity';
import { saoPauloDateOf } from '#domain/calendar-date';
import { type InterestPolicy, NO_LATE_CHARGES } from '#domain/interest-policy';
import { aboutPayableBoleto, newOutboxMessage, type OutboxMessage } from '#domain/outbox-message';
import { escalatesToEmail, nextReminderAt, reminderPhase } from '#domain/reminder-cadence';
import { isWithinReminderWindow, nextSendTimeAfter } from '#domain/reminder-window';
import { functionMetrics } from '#logging/business-metrics';
import { IRIS_METRICS } from '#logging/metric-names';
import { recordReminderTurn } from './reminder-activity';
import type { ReminderDependencies } from './reminder-dependencies';
import type { ReminderLoopState, ReminderStopReason, RemindInput } from './reminder-loop-state';
import {
  type ReminderFacts,
  reminderEmail,
  reminderTemplate,
  reminderWhatsAppText,
} from './reminder-messages-pt-br';
import { ReminderTurnAlreadyRecordedError } from './reminder-turn-log';
import { type FollowUpSettings, followUpSettingsOf } from './tenant-follow-up-settings';

/**
 * One turn of a boleto's reminder loop (the workflow's Remind step).
 *
 * Idempotent per (boleto, turn): the turn's record is written in the same transaction as its outbox items, so
 * a retried step finds it and returns the same next state without enqueueing anything; two concurrent runs of
 * the same turn lose one transaction. Reads before it writes: the boleto (strongly consistent), the contact,
 * the tenant; stops when the boleto is paid, cancelled, disputed or partially paid through a closed billet,
 * the contact opted out, or the cadence is over. Before writing to the payer it asks the provider whether the
 * boleto was paid (a missed webhook heals here, through the same use case as the webhook) unless the tenant
 * turned that off. It never writes at night, on Sundays or holidays the tenant excluded: such a turn is
 * deferred to the next send time with nothing sent (the deferral, like every turn, is recorded in the boleto's
 * activity log: `reminder-activity.ts`).
 */
export async function remind(deps: ReminderDependencies, input: RemindInput): Promise<ReminderLoopState> {
  const recorded = await deps.reminderLog.get(input.tenantId, input.boletoId, input.turn);
  if (recorded) return recorded.result;

  const boleto = await deps.boletos.get(input.tenantId, input.boletoId);
  if (!boleto) return stop(input, 'boleto_not_found');
  const audited = async (result: ReminderLoopState, detail: ActivityDetail = {}) => {
    await recordReminderTurn(deps.boletoActivity, input, boleto, deps.clock.now(), result, detail);
    return result;
  };
  const stopReason = stopReasonOf(boleto);
  if (stopReason) return audited(stop(input, stopReason));
  const contact = await deps.contacts.get(input.tenantId, boleto.contactId);
  if (!contact) return audited(stop(input, 'contact_not_found'));
  if (contact.optedOut) return audited(stop(input, 'contact_opted_out'));

  const profile = await deps.tenants.getProfile(input.tenantId);
  const settings = followUpSettingsOf(profile, deps.logger, deps.defaults);
  const now = deps.clock.now();
  const after = new Date(Math.max(now.getTime(), Date.parse(input.scheduledAt) || 0));
  const next = nextReminderAt({
    dueDate: boleto.dueDate,
    after,
    settings: settings.reminders,
    extraHolidays: settings.extraHolidays,
  });
  if (!isWithinReminderWindow(now, settings.reminders, settings.extraHolidays)) {
    const opening = nextSendTimeAfter(now, settings.reminders, settings.extraHolidays);
    return audited({ ...state(input, input.turn, opening), outcome: 'deferred' });
  }
  if (boleto.status === 'requested' || !boleto.provider) {
    // Not at the provider yet (the conversation is still creating it): nothing a payer could pay.
    return audited(
      { ...state(input, input.turn + 1, next), outcome: 'skipped' },
      { reason: 'not_at_provider' },
    );
  }
  if (settings.confirmWithProviderBeforeReminding && deps.providerAvailable !== false) {
    const settled = await settledAtProvider(deps, boleto);
    if (settled) return audited(stop(input, settled));
  }
  const policy = profile?.interestPolicy ?? NO_LATE_CHARGES;
  return send(deps, input, { boleto, contact, settings, policy, now, next });
}

/** The boleto's state alone says the loop is over. `partially_paid`: the billet was paid (short) and closed. */
export function stopReasonOf(boleto: Boleto): ReminderStopReason | undefined {
  switch (boleto.status) {
    case 'paid':
      return 'paid';
    case 'cancelled':
      return 'cancelled';
    case 'disputed':
      return 'disputed';
    case 'partially_paid':
      return 'partially_paid';
    default:
      return undefined;
  }
}

interface Turn {
  boleto: Boleto;
  contact: Contact;
  settings: FollowUpSettings;
  policy: InterestPolicy;
  now: Date;
  next: Date | undefined;
}

async function send(deps: ReminderDependencies, input: RemindInput, turn: Turn): Promise<ReminderLoopState> {
  const { boleto, contact, settings, now } = turn;
  const today = saoPauloDateOf(now);
  // Amounts due exist only for a billet the payer can still pay; anything else has nothing to remind about.
  const due = payableAmountDueOn(boleto, today, turn.policy, settings.extraHolidays);
  if (!due) return { ...state(input, input.turn + 1, turn.next), outcome: 'skipped' };
  const phase = reminderPhase(boleto.dueDate, today, settings.extraHolidays);
  const facts: ReminderFacts = {
    contactName: contact.name,
    businessName: settings.businessName,
    boleto,
    phase,
    due,
    today,
  };
  const common = {
    kind: 'reminder' as const,
    audience: 'contact' as const,
    correlationId: boleto.id,
    boletoId: boleto.id,
    about: aboutPayableBoleto(boleto, { statesAmountDue: true }),
    contactId: contact.contactId,
  };
  const messages: OutboxMessage[] = [
    newOutboxMessage(
      {
        ...common,
        channel: 'whatsapp',
        recipient: contact.phone,
        content: { type: 'text', text: reminderWhatsAppText(facts) },
        template: reminderTemplate(facts),
      },
      { id: derivedId('reminder', boleto.id, String(input.turn), 'whatsapp'), tenantId: input.tenantId, now },
    ),
  ];
  if (contact.email && escalatesToEmail(settings.reminders, phase, contact.email)) {
    messages.push(
      newOutboxMessage(
        { ...common, channel: 'email', recipient: contact.email, content: reminderEmail(facts) },
        { id: derivedId('reminder', boleto.id, String(input.turn), 'email'), tenantId: input.tenantId, now },
      ),
    );
  }
  const result: ReminderLoopState = { ...state(input, input.turn + 1, turn.next), outcome: 'sent' };
  try {
    await deps.unitOfWork.run(async (tx) => {
      await deps.reminderLog.record(
        {
          tenantId: input.tenantId,
          boletoId: input.boletoId,
          turn: input.turn,
          scheduledAt: input.scheduledAt,
          recordedAt: now.toISOString(),
          outcome: 'sent',
          outboxIds: messages.map((message) => message.id),
          amountDueCents: due.totalCents,
          result,
        },
        tx,
      );
      for (const message of messages) await deps.outbox.add(message, tx);
      const sent = {
        outboxIds: messages.map((message) => message.id).join(','),
        amountDueCents: due.totalCents,
      };
      await recordReminderTurn(deps.boletoActivity, input, boleto, now, result, sent, tx);
    });
  } catch (error) {
    if (!(error instanceof ReminderTurnAlreadyRecordedError)) throw error;
    const winner = await deps.reminderLog.get(input.tenantId, input.boletoId, input.turn);
    if (!winner) throw error;
    return winner.result;
  }
  functionMetrics.count(IRIS_METRICS.reminderSent);
  deps.logger.info('reminder queued', {
    boletoId: boleto.id,
    turn: input.turn,
    channels: messages.map((message) => message.channel),
    amountDueCents: due.totalCents,
    nextReminderAt: result.nextReminderAt,
  });
  return result;
}

/** Asks the provider; a settled boleto is recorded (payment, ledger, owner notice) and ends the loop. */
async function settledAtProvider(
  deps: ReminderDependencies,
  boleto: Boleto,
): Promise<ReminderStopReason | undefined> {
  try {
    const result = await settleWithProvider(deps, {
      tenantId: boleto.tenantId,
      boletoId: boleto.id,
      stopLoop: false,
    });
    const after = result.status ? stopReasonOf({ ...boleto, status: result.status }) : undefined;
    if (after)
      deps.logger.info('boleto settled at the provider before its reminder', {
        boletoId: boleto.id,
        ...result,
      });
    return after;
  } catch (error) {
    // The provider being down must not silence reminders: go on with what the table says.
    deps.logger.warn('could not confirm the boleto with the provider; reminding from the table', {
      boletoId: boleto.id,
      error: error instanceof Error ? error.message : String(error),
    });
    return undefined;
  }
}

function state(input: RemindInput, turn: number, next: Date | undefined): Omit<ReminderLoopState, 'outcome'> {
  return {
    tenantId: input.tenantId,
    boletoId: input.boletoId,
    turn,
    ...(next
      ? { nextReminderAt: next.toISOString(), continue: true }
      : { continue: false, reason: 'cadence_finished' as const }),
  };
}

export function stop(input: RemindInput, reason: ReminderStopReason): ReminderLoopState {
  return {
    tenantId: input.tenantId,
    boletoId: input.boletoId,
    turn: input.turn,
    continue: false,
    outcome: 'stopped',
    reason,
  };
}
