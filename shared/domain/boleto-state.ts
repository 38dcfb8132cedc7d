import type { BoletoEvent, BoletoProviderRef, ChangeContext } from './boleto-events';
import type { BoletoStatus } from './boleto-status';
import type { CalendarDate } from './calendar-date';
import { InvalidInputError } from './domain-error';
import type { Cents } from './money';

/**
 * The Boleto aggregate, as an immutable value. Commands take a boleto and return `{ boleto, events }`; every
 * change increments `version` (the repository writes conditionally on the previous one) and emits events that
 * carry who, when, from which status to which, and what changed. A replay of a change that already happened
 * (same provider id, same payment id, cancelling a cancelled boleto) returns the boleto unchanged and no events.
 */
export interface Boleto {
  readonly id: string;
  readonly tenantId: string;
  readonly contactId: string;
  /** The original amount, fixed at creation. */
  readonly amountCents: Cents;
  readonly dueDate: CalendarDate;
  readonly description: string;
  readonly status: BoletoStatus;
  /** Principal paid so far (never above `amountCents`); charges are counted apart. */
  readonly paidCents: Cents;
  /** Fines and interest received on top of the principal. */
  readonly chargesPaidCents: Cents;
  /** Provider payment ids already applied, so a replayed payment changes nothing. */
  readonly paymentIds: readonly string[];
  readonly provider?: BoletoProviderRef;
  /** Date the boleto became fully paid. */
  readonly paidOn?: CalendarDate;
  readonly cancelReason?: string;
  /** Why creation failed (status `failed`): a code, never personal data. */
  readonly failureReason?: string;
  /** While disputed: the status to return to when the dispute is resolved. */
  readonly disputedFrom?: BoletoStatus;
  readonly disputeReason?: string;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Our idempotency key for the creation request (a boleto is never created twice for one command). */
  readonly commandKey: string;
  /** The member who asked for it (their WhatsApp phone): told when it is paid, beside the owners. */
  readonly requestedByPhone?: string;
}

export interface BoletoChange<E extends BoletoEvent = BoletoEvent> {
  boleto: Boleto;
  events: E[];
}

export const MAX_DESCRIPTION_LENGTH = 200;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const ACTOR_KINDS = new Set(['owner', 'contact', 'provider', 'system']);

export function requireText(value: string, label: string, maxLength = 200): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') throw new InvalidInputError(`${label} is required`);
  if (text.length > maxLength) throw new InvalidInputError(`${label} is longer than ${maxLength} characters`);
  return text;
}

export function checkContext(ctx: ChangeContext): ChangeContext {
  if (!ctx || !ACTOR_KINDS.has(ctx.actor?.kind)) throw new InvalidInputError('change needs an actor');
  requireText(ctx.actor.id, 'actor id');
  if (!ISO_INSTANT.test(ctx.at) || Number.isNaN(Date.parse(ctx.at))) {
    throw new InvalidInputError(`change needs an ISO-8601 instant: ${ctx.at}`);
  }
  return ctx;
}

/**
 * Builds the next version of `before`, stamped with the context's time. A change to `undefined` removes the
 * field, so stored items never carry undefined attributes.
 */
export function evolve(before: Boleto, changes: Partial<Boleto>, ctx: ChangeContext): Boleto {
  const next: Record<string, unknown> = {
    ...before,
    ...changes,
    version: before.version + 1,
    updatedAt: ctx.at,
  };
  for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
  return Object.freeze(next) as unknown as Boleto;
}

/** An event describing the change from `before` to `after`. */
export function eventOf<E extends BoletoEvent>(
  type: E['type'],
  before: Boleto | null,
  after: Boleto,
  ctx: ChangeContext,
  data: E['data'],
): E {
  return {
    type,
    tenantId: after.tenantId,
    boletoId: after.id,
    version: after.version,
    at: ctx.at,
    actor: ctx.actor,
    from: before?.status ?? null,
    to: after.status,
    data,
  } as E;
}

export function remainingCents(boleto: Pick<Boleto, 'amountCents' | 'paidCents'>): Cents {
  return boleto.amountCents - boleto.paidCents;
}
