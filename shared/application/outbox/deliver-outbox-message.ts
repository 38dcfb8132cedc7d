import { saoPauloDateOf } from '../../domain/calendar-date';
import type { OutboxMessage, OutboxStatus } from '../../domain/outbox-message';
import { isE164 } from '../../domain/phone-number';
import type { Clock } from '../ports/clock';
import type { Contact, ContactRepository } from '../ports/contact-repository';
import type { IdGenerator } from '../ports/id-generator';
import type { OutboxRepository, RateCharge } from '../ports/outbox-repository';
import type { ReminderWindow, TenantRepository } from '../ports/tenant-repository';
import type { UnitOfWork } from '../ports/unit-of-work';
import type { UserRepository } from '../ports/user-repository';
import { addToOutbox, ownerPhones } from './add-to-outbox';
import { type ChannelDispatcher, DeliveryPermanentError, DeliveryRetryableError } from './channel-dispatcher';
import {
  isSubjectToOptOut,
  isSubjectToQuietHours,
  isSubjectToRateLimits,
  nextRateWindow,
  nextWindowOpening,
} from './delivery-policy';
import type { OutboxLogger } from './outbox-logger';
import { deliveryFailedNotice, warrantsOwnerNotice } from './owner-notices';

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
  | { kind: 'deferred'; until: Date; reason: 'quiet_hours' | 'rate_limited' }
  | { kind: 'failed'; reason: string };

/** A retryable failure: the claim was released; the queue should bring the message back later. */
export class RetryDeliveryLaterError extends Error {
  readonly retryAfterSeconds?: number;
  constructor(message: string, options: { retryAfterSeconds?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'RetryDeliveryLaterError';
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

const FINAL: ReadonlySet<OutboxStatus> = new Set(['sent', 'delivered', 'read', 'failed']);
const MARK_SENT_TRIES = 3;

/**
 * Delivers one outbox message, at most once as far as our state can tell: re-read it, refuse or defer it by
 * policy (opt-out, quiet hours, daily caps), claim it with a conditional write, send, record `sent` with the
 * provider's id. Permanent failures end `failed` with the owner told in the same transaction; retryable ones
 * release the claim and throw `RetryDeliveryLaterError`.
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

    const contact = await this.contactOf(message);
    if (isSubjectToOptOut(message) && contact?.optedOut) {
      return this.refuse(message, 'opted_out', contact, now, { notifyOwner: false });
    }
    const profile = await this.deps.tenants.getProfile(message.tenantId);
    const window = profile?.reminderWindow ?? settings.defaultReminderWindow;
    if (isSubjectToQuietHours(message)) {
      const opening = nextWindowOpening(window, now);
      if (opening) return { kind: 'deferred', until: opening, reason: 'quiet_hours' };
    }
    if (message.attempts >= settings.maxAttempts) {
      return this.refuse(message, 'retries_exhausted', contact, now, { notifyOwner: true });
    }

    const claimToken = this.deps.ids.newId();
    const claim = await outbox.claim({
      tenantId: message.tenantId,
      outboxId: message.id,
      claimToken,
      now,
      staleBefore: this.staleBefore(now),
      rateCharges: isSubjectToRateLimits(message)
        ? this.rateCharges(message, now, profile?.limits.maxMessagesPerContactPerDay)
        : [],
    });
    if (!claim.claimed) {
      if (claim.reason === 'rate_limited') {
        this.deps.logger?.info('outbox delivery deferred by a daily cap', {
          outboxId: message.id,
          scope: claim.scope,
        });
        return { kind: 'deferred', until: nextRateWindow(message, window, now), reason: 'rate_limited' };
      }
      return this.outcomeAfterLostClaim(message, now);
    }
    return this.send(claim.message, claimToken, contact);
  }

  private async send(
    message: OutboxMessage,
    claimToken: string,
    contact?: Contact,
  ): Promise<DeliveryOutcome> {
    const { dispatcher, outbox, clock, logger } = this.deps;
    let result: Awaited<ReturnType<ChannelDispatcher['dispatch']>>;
    try {
      result = await dispatcher.dispatch(message, clock.now());
    } catch (error) {
      if (error instanceof DeliveryPermanentError) {
        logger?.warn('outbox delivery failed permanently', { outboxId: message.id, reason: error.reason });
        await this.fail(message, claimToken, error.reason, error.message, contact, true);
        return { kind: 'failed', reason: error.reason };
      }
      if (error instanceof DeliveryRetryableError) {
        if (message.attempts >= this.deps.settings.maxAttempts) {
          await this.fail(message, claimToken, 'retries_exhausted', error.message, contact, true);
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
    const recorded = await this.recordSent(message, result);
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

  /**
   * The one step whose loss causes a duplicate (the provider accepted, we did not record it): retried here,
   * in-process, before giving up and letting the claim go stale.
   */
  private async recordSent(
    message: OutboxMessage,
    result: Awaited<ReturnType<ChannelDispatcher['dispatch']>>,
  ): Promise<boolean> {
    let lastError: unknown;
    for (let attempt = 1; attempt <= MARK_SENT_TRIES; attempt++) {
      try {
        const { recorded } = await this.deps.outbox.markSent({
          tenantId: message.tenantId,
          outboxId: message.id,
          providerMessageId: result.providerMessageId,
          ...(result.sentAs ? { sentAs: result.sentAs } : {}),
          at: this.deps.clock.now(),
        });
        return recorded;
      } catch (error) {
        lastError = error;
        this.deps.logger?.error('recording a sent outbox message failed', {
          outboxId: message.id,
          providerMessageId: result.providerMessageId,
          attempt,
          error,
        });
        await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
      }
    }
    throw lastError;
  }

  /** Terminal refusal without a send: claim (so no other worker sends meanwhile), then fail. */
  private async refuse(
    message: OutboxMessage,
    reason: string,
    contact: Contact | undefined,
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
    await this.fail(claim.message, claimToken, reason, undefined, contact, options.notifyOwner);
    return { kind: 'failed', reason };
  }

  private async fail(
    message: OutboxMessage,
    claimToken: string,
    reason: string,
    error: string | undefined,
    contact: Contact | undefined,
    notifyOwner: boolean,
  ): Promise<void> {
    const { outbox, unitOfWork, clock } = this.deps;
    const now = clock.now();
    const owners =
      notifyOwner && warrantsOwnerNotice(message) ? await ownerPhones(this.deps.users, message.tenantId) : [];
    await unitOfWork.run(async (tx) => {
      await outbox.markFailed(
        {
          tenantId: message.tenantId,
          outboxId: message.id,
          claimToken,
          reason,
          ...(error ? { error: error.slice(0, 500) } : {}),
          at: now,
        },
        tx,
      );
      for (const owner of owners) {
        await addToOutbox(
          this.deps,
          tx,
          message.tenantId,
          deliveryFailedNotice(message, owner, reason, contact?.name),
          now,
        );
      }
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

  private rateCharges(message: OutboxMessage, now: Date, perContact: number | undefined): RateCharge[] {
    const day = saoPauloDateOf(now);
    const { settings } = this.deps;
    return [
      {
        scope: 'contact',
        recipient: message.recipient,
        day,
        limit: perContact ?? settings.defaultMaxMessagesPerContactPerDay,
      },
      { scope: 'tenant', day, limit: settings.tenantDailyContactMessageLimit },
    ];
  }

  private staleBefore(now: Date): Date {
    return new Date(now.getTime() - this.deps.settings.staleClaimSeconds * 1000);
  }
}
