import type { BoletoActivityLog } from '#application/ports/boleto-activity-log';
import type { BoletoRepository } from '#application/ports/boleto-repository';
import type { Clock } from '#application/ports/clock';
import type { Contact, ContactRepository } from '#application/ports/contact-repository';
import type { EmailEventRepository } from '#application/ports/email-event-repository';
import type { IdGenerator } from '#application/ports/id-generator';
import type { OutboxRepository } from '#application/ports/outbox-repository';
import type { ReminderWindow, TenantRepository } from '#application/ports/tenant-repository';
import type { UnitOfWork } from '#application/ports/unit-of-work';
import type { UserRepository } from '#application/ports/user-repository';
import type { Boleto } from '#domain/boleto';
import type { OutboxMessage, OutboxStatus, SupersededReason } from '#domain/outbox-message';
import { isE164 } from '#domain/phone-number';
import { addToOutbox } from './add-to-outbox';
import { blockedEmailAddress } from './blocked-email-address';
import { type ChannelDispatcher, DeliveryPermanentError, DeliveryRetryableError } from './channel-dispatcher';
import {
  dailyRateCharges,
  isSubjectToOptOut,
  isSubjectToQuietHours,
  isSubjectToRateLimits,
  nextRateWindow,
  nextWindowOpening,
} from './delivery-policy';
import { deliveryActor, recordMessageActivity } from './message-audit';
import { checkMessageSubject } from './message-subject-check';
import type { OutboxLogger } from './outbox-logger';
import { recordSent } from './record-sent';
import { failureNotices, reportSendOutcome } from './send-outcome-report';
import { supersedeMessage } from './supersede-message';

export interface DeliverySettings {
  /** A `sending` claim older than this belongs to a crashed worker and may be taken over (> function timeout). */
  staleClaimSeconds: number;
  /** Send attempts before a message that keeps failing retryably ends `failed` (`retries_exhausted`). */
  maxAttempts: number;
  /** Messages to contacts per tenant per São Paulo day (a cost and abuse guard above the per-contact cap). */
  tenantDailyContactMessageLimit: number;
  /** Used when the tenant has no profile yet. */
  defaultMaxMessagesPerContactPerDay: number;
  defaultReminderWindow: ReminderWindow;
}

export interface DeliverOutboxMessageDeps {
  outbox: OutboxRepository;
  unitOfWork: UnitOfWork;
  dispatcher: ChannelDispatcher;
  contacts: Pick<ContactRepository, 'get' | 'findByPhone'>;
  tenants: Pick<TenantRepository, 'getProfile'>;
  users: Pick<UserRepository, 'list'>;
  /** Re-read before a send: a message about a boleto that is no longer true is dropped (`superseded`). */
  boletos: Pick<BoletoRepository, 'get' | 'getWithHistory'>;
  boletoActivity: BoletoActivityLog;
  /** An e-mail to a contact whose address bounced hard or complained ends `failed`, unsent. */
  emailEvents?: Pick<EmailEventRepository, 'addressState'>;
  clock: Clock;
  ids: IdGenerator;
  settings: DeliverySettings;
  logger?: OutboxLogger;
  /** Told once a message was handed to the provider and recorded (e.g. a boleto reaching its payer). */
  onDelivered?: (message: OutboxMessage) => Promise<void>;
}

export type DeliveryOutcome =
  | { kind: 'sent'; providerMessageId: string; sentAs?: OutboxMessage['sentAs']; duplicateSuspected: boolean }
  /** Already sent / delivered / read / failed: a duplicate queue message, nothing sent. */
  | { kind: 'already_done'; status: OutboxStatus }
  /** No such outbox item (nothing to do). */
  | { kind: 'missing' }
  /** Another worker holds a fresh claim; look again at `retryAt`. */
  | { kind: 'in_flight'; retryAt: Date }
  /** Not now: quiet hours or a full daily counter. Nothing was written. */
  | { kind: 'deferred'; until: Date; reason: 'quiet_hours' | 'rate_limited' | 'scheduled' }
  /** Dropped unsent: what it says about its boleto is no longer true. Nothing counted against the caps. */
  | { kind: 'superseded'; reason: SupersededReason }
  | { kind: 'failed'; reason: string };

/** What delivery learned about a message before sending it: its boleto (re-read) and its contact. */
interface SendContext {
  boleto?: Boleto;
  contact?: Contact;
}

/** A retryable failure: the claim was released; the queue should bring the message back later. */
export class RetryDeliveryLaterError extends Error {
  readonly retryAfterSeconds?: number;
  constructor(message: string, options: { retryAfterSeconds?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'RetryDeliveryLaterError';
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

const FINAL: ReadonlySet<OutboxStatus> = new Set(['sent', 'delivered', 'read', 'failed', 'superseded']);

/**
 * Delivers one outbox message, at most once as far as our state can tell: re-read it and the boleto it is
 * about (a message no longer true ends `superseded`, unsent and uncounted), refuse or defer it by policy
 * (opt-out, quiet hours, daily caps), claim it with a conditional write, send, record `sent` with the
 * provider's id. Permanent failures end `failed` with the owner told in the same transaction; retryable ones
 * release the claim and throw `RetryDeliveryLaterError`. Each step is in the boleto's audit trail, and the
 * owner who confirmed a charge is told the first outcome of its boleto message (see `reportSendOutcome`).
 */
export class DeliverOutboxMessage {
  constructor(private readonly deps: DeliverOutboxMessageDeps) {}

  async execute(input: { tenantId: string; outboxId: string }): Promise<DeliveryOutcome> {
    const { outbox, clock, settings } = this.deps;
    const message = await outbox.get(input.tenantId, input.outboxId);
    if (!message) return { kind: 'missing' };
    if (message.channel !== this.deps.dispatcher.channel) {
      throw new Error(`outbox ${message.id} is for ${message.channel}, not ${this.deps.dispatcher.channel}`);
    }
    const now = clock.now();
    const settled = this.settledOutcome(message, now);
    if (settled) return settled;

    const check = await checkMessageSubject(this.deps.boletos, message);
    if (check && !check.verdict.stillTrue)
      return this.supersede(message, check.verdict.reason, now, check.boleto);
    if (message.attempts === 0) {
      await this.audit(message, 'message_queued', new Date(message.createdAt), check?.boleto);
    }
    const context: SendContext = { ...(check?.boleto ? { boleto: check.boleto } : {}) };
    const contact = await this.contactOf(message);
    if (contact) context.contact = contact;
    if (isSubjectToOptOut(message) && contact?.optedOut) {
      return this.refuse(message, 'opted_out', context, now, { notifyOwner: false });
    }
    const blocked = await blockedEmailAddress(this.deps.emailEvents, message);
    if (blocked) return this.refuse(message, blocked, context, now, { notifyOwner: false });
    if (message.notBefore && Date.parse(message.notBefore) > now.getTime()) {
      return { kind: 'deferred', until: new Date(message.notBefore), reason: 'scheduled' };
    }
    const profile = await this.deps.tenants.getProfile(message.tenantId);
    const window = profile?.reminderWindow ?? settings.defaultReminderWindow;
    if (isSubjectToQuietHours(message)) {
      const opening = nextWindowOpening(window, now);
      if (opening) return this.defer(message, opening, 'quiet_hours', context, now);
    }
    if (message.attempts >= settings.maxAttempts) {
      return this.refuse(message, 'retries_exhausted', context, now, { notifyOwner: true });
    }

    const claimToken = this.deps.ids.newId();
    const claim = await outbox.claim({
      tenantId: message.tenantId,
      outboxId: message.id,
      claimToken,
      now,
      staleBefore: this.staleBefore(now),
      rateCharges: isSubjectToRateLimits(message)
        ? dailyRateCharges(message.recipient, now, {
            perContact:
              profile?.limits.maxMessagesPerContactPerDay ?? settings.defaultMaxMessagesPerContactPerDay,
            perTenant: settings.tenantDailyContactMessageLimit,
          })
        : [],
    });
    if (!claim.claimed) {
      if (claim.reason === 'rate_limited') {
        this.deps.logger?.info('outbox delivery deferred by a daily cap', {
          outboxId: message.id,
          scope: claim.scope,
        });
        return this.defer(message, nextRateWindow(message, window, now), 'rate_limited', context, now);
      }
      return this.outcomeAfterLostClaim(message, now);
    }
    return this.send(claim.message, claimToken, context);
  }

  /** Not now: nothing is claimed or counted; the deferral is audited and the owner told when, once. */
  private async defer(
    message: OutboxMessage,
    until: Date,
    reason: 'quiet_hours' | 'rate_limited',
    context: SendContext,
    now: Date,
  ): Promise<DeliveryOutcome> {
    await this.audit(message, 'message_deferred', now, context.boleto, {
      detail: { reason, until: until.toISOString() },
      discriminator: until.toISOString(),
    });
    await reportSendOutcome(this.deps, message, context, { kind: 'deferred', until, reason, now }, now);
    return { kind: 'deferred', until, reason };
  }

  /** No longer true: claim (so no other worker sends it meanwhile), then end it `superseded`, uncounted. */
  private async supersede(
    message: OutboxMessage,
    reason: SupersededReason,
    now: Date,
    boleto: Boleto | undefined,
  ): Promise<DeliveryOutcome> {
    const claimed = await supersedeMessage(this.deps, message, reason, {
      now,
      staleBefore: this.staleBefore(now),
      ...(boleto ? { boletoVersion: boleto.version } : {}),
    });
    return claimed ? { kind: 'superseded', reason } : this.outcomeAfterLostClaim(message, now);
  }

  private async audit(
    message: OutboxMessage,
    kind: 'message_queued' | 'message_deferred' | 'message_sent',
    at: Date,
    boleto: Boleto | undefined,
    extra: { detail?: Record<string, string>; discriminator?: string } = {},
  ): Promise<void> {
    await recordMessageActivity(this.deps.boletoActivity, message, {
      kind,
      at,
      actor: deliveryActor(message),
      ...(boleto ? { boletoVersion: boleto.version } : {}),
      ...extra,
    });
  }

  private async send(
    message: OutboxMessage,
    claimToken: string,
    context: SendContext,
  ): Promise<DeliveryOutcome> {
    const { dispatcher, outbox, clock, logger } = this.deps;
    let result: Awaited<ReturnType<ChannelDispatcher['dispatch']>>;
    try {
      result = await dispatcher.dispatch(message, clock.now());
    } catch (error) {
      if (error instanceof DeliveryPermanentError) {
        logger?.warn('outbox delivery failed permanently', { outboxId: message.id, reason: error.reason });
        await this.fail(message, claimToken, error.reason, error.message, context, true);
        return { kind: 'failed', reason: error.reason };
      }
      if (error instanceof DeliveryRetryableError) {
        if (message.attempts >= this.deps.settings.maxAttempts) {
          await this.fail(message, claimToken, 'retries_exhausted', error.message, context, true);
          return { kind: 'failed', reason: 'retries_exhausted' };
        }
        logger?.info('outbox delivery will be retried', {
          outboxId: message.id,
          attempts: message.attempts,
          outcomeUnknown: error.outcomeUnknown,
        });
        await outbox.release({
          tenantId: message.tenantId,
          outboxId: message.id,
          claimToken,
          error: error.message.slice(0, 500),
          at: clock.now(),
        });
        throw new RetryDeliveryLaterError(error.message, {
          retryAfterSeconds: error.retryAfterSeconds,
          cause: error,
        });
      }
      // Unknown error: keep the claim; it goes stale and the queue retries after the stale threshold.
      throw error;
    }
    const recorded = await recordSent(this.deps, message, result);
    if (recorded) await this.afterSent(message, result, context);
    if (recorded && this.deps.onDelivered) {
      try {
        await this.deps.onDelivered(message);
      } catch (error) {
        // The message went out; what follows from it is repaired by its own owner (e.g. the reminder step).
        logger?.error('after-delivery hook failed', { outboxId: message.id, error });
      }
    }
    if (!recorded) {
      logger?.warn('outbox message was already final when its send was recorded: possible duplicate', {
        outboxId: message.id,
        providerMessageId: result.providerMessageId,
      });
    }
    return {
      kind: 'sent',
      providerMessageId: result.providerMessageId,
      ...(result.sentAs ? { sentAs: result.sentAs } : {}),
      duplicateSuspected: !recorded,
    };
  }

  /** The send happened: its audit record and the owner's statement must not turn it into a retry. */
  private async afterSent(
    message: OutboxMessage,
    result: Awaited<ReturnType<ChannelDispatcher['dispatch']>>,
    context: SendContext,
  ): Promise<void> {
    try {
      await this.audit(message, 'message_sent', this.deps.clock.now(), context.boleto, {
        detail: {
          providerMessageId: result.providerMessageId,
          ...(result.sentAs ? { sentAs: result.sentAs } : {}),
        },
      });
      await reportSendOutcome(this.deps, message, context, { kind: 'sent' }, this.deps.clock.now());
    } catch (error) {
      this.deps.logger?.error('recording what followed a send failed', { outboxId: message.id, error });
    }
  }

  /** Terminal refusal without a send: claim (so no other worker sends meanwhile), then fail. */
  private async refuse(
    message: OutboxMessage,
    reason: string,
    context: SendContext,
    now: Date,
    options: { notifyOwner: boolean },
  ): Promise<DeliveryOutcome> {
    const claimToken = this.deps.ids.newId();
    const claim = await this.deps.outbox.claim({
      tenantId: message.tenantId,
      outboxId: message.id,
      claimToken,
      now,
      staleBefore: this.staleBefore(now),
    });
    if (!claim.claimed) return this.outcomeAfterLostClaim(message, now);
    await this.fail(claim.message, claimToken, reason, undefined, context, options.notifyOwner);
    return { kind: 'failed', reason };
  }

  private async fail(
    message: OutboxMessage,
    claimToken: string,
    reason: string,
    error: string | undefined,
    context: SendContext,
    notifyOwner: boolean,
  ): Promise<void> {
    const { outbox, unitOfWork, clock } = this.deps;
    const now = clock.now();
    const { notices, firstReport } = await failureNotices(this.deps, message, reason, context, notifyOwner);
    await unitOfWork.run(async (tx) => {
      await outbox.markFailed(
        {
          tenantId: message.tenantId,
          outboxId: message.id,
          claimToken,
          reason,
          ...(error ? { error: error.slice(0, 500) } : {}),
          at: now,
          ...(firstReport ? { outcomeReported: true } : {}),
        },
        tx,
      );
      await recordMessageActivity(
        this.deps.boletoActivity,
        message,
        {
          kind: 'message_failed',
          at: now,
          actor: deliveryActor(message),
          ...(context.boleto ? { boletoVersion: context.boleto.version } : {}),
          detail: { reason },
        },
        tx,
      );
      for (const notice of notices) await addToOutbox(this.deps, tx, message.tenantId, notice, now);
    });
  }

  private async outcomeAfterLostClaim(message: OutboxMessage, now: Date): Promise<DeliveryOutcome> {
    const latest = await this.deps.outbox.get(message.tenantId, message.id);
    if (!latest) return { kind: 'missing' };
    return (
      this.settledOutcome(latest, now) ?? {
        kind: 'in_flight',
        retryAt: new Date(now.getTime() + this.deps.settings.staleClaimSeconds * 1000),
      }
    );
  }

  private settledOutcome(message: OutboxMessage, now: Date): DeliveryOutcome | undefined {
    if (FINAL.has(message.status)) return { kind: 'already_done', status: message.status };
    if (message.status === 'sending' && message.claimedAt) {
      const staleAt = Date.parse(message.claimedAt) + this.deps.settings.staleClaimSeconds * 1000;
      if (staleAt > now.getTime()) return { kind: 'in_flight', retryAt: new Date(staleAt) };
    }
    return undefined;
  }

  private async contactOf(message: OutboxMessage): Promise<Contact | undefined> {
    if (message.audience !== 'contact') return undefined;
    if (message.contactId) return this.deps.contacts.get(message.tenantId, message.contactId);
    if (message.channel === 'whatsapp' && isE164(message.recipient)) {
      return this.deps.contacts.findByPhone(message.tenantId, message.recipient);
    }
    return undefined;
  }

  private staleBefore(now: Date): Date {
    return new Date(now.getTime() - this.deps.settings.staleClaimSeconds * 1000);
  }
}
