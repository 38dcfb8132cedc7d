import type { BoletoAmendment } from './boleto-amendment';
import { type CalendarDate, isBefore } from './calendar-date';
import type { ContactMatch, NamedContact } from './contact-matching';
import { DomainError } from './domain-error';
import type { EmailAddress } from './email-address';
import type { LedgerCorrectionRequest } from './ledger-correction';
import type { Cents } from './money';
import type { E164 } from './phone-number';
import type { TaxId } from './tax-id';
import type { MemberChange } from './team-member';

/**
 * An owner's request for a boleto while IRIS is still collecting what it needs and waiting for the explicit
 * confirmation. The request is the command: its id is the inbound message id that started it, and it is the
 * command key sent to the provider, so the boleto it produces can only ever be created once.
 */

export type OwnerRequestStatus =
  | 'collecting'
  | 'awaiting_confirmation'
  | 'confirmed'
  | 'completed'
  | 'cancelled'
  | 'expired'
  | 'failed';

export type PendingQuestion =
  | 'contact'
  | 'choose_contact'
  | 'confirm_contact'
  | 'amount'
  | 'amount_above_limit'
  | 'unusual_amount'
  | 'due_date'
  | 'past_due_date'
  | 'new_contact_phone'
  | 'new_contact_tax_id'
  | 'new_contact_email'
  /** The provider refused the boleto without the payer's e-mail: one is needed now ("não tem" is not enough). */
  | 'payer_email_required'
  /** An amendment or a ledger correction with several candidates: "qual deles?" (numbered). */
  | 'choose_option';

/**
 * A payer detail the provider refused on the last attempt (port-neutral names, see `BillingProviderRejectedError`).
 * The request goes back to collecting and asks for it precisely.
 */
export type RejectedPayerField = 'payer.email' | 'payer.taxId' | 'payer.phone';

export interface ContactCandidate {
  id: string;
  name: string;
}

export interface NewContactDetails {
  name: string;
  phone?: E164;
  taxId?: TaxId;
  email?: EmailAddress;
  /** The owner said the payer has no e-mail ("não tem"): the documented fallback applies. */
  emailDeclined?: boolean;
}

/**
 * A request the owner made while this one waited (issue 12, rule 3), or the second charge of a message that
 * asked for two: kept, as text, and taken up once this request is decided (confirmed, refused or expired).
 */
export interface DeferredMessage {
  /** The owner message it came from (with a suffix when one message carried two charges). */
  messageId: string;
  from: string;
  text: string;
  receivedAt: string;
}

export interface OwnerRequest {
  tenantId: string;
  requestId: string;
  ownerPhone: E164;
  /** The member who asked (owner or operator), named by the audit entries the request leads to. */
  memberId?: string;
  /** add_member / remove_member: the team change to confirm (`shared/application/members/`). */
  memberChange?: MemberChange;
  status: OwnerRequestStatus;
  /** Bumped on every change; a confirmation is bound to the version it was asked for. */
  version: number;
  /** What the owner asked for; absent means a new boleto. A cancellation names the boleto it ends. */
  kind?:
    | 'create_boleto'
    | 'cancel_boleto'
    | 'amend_boleto'
    | 'correct_ledger'
    | 'create_recurring'
    | 'stop_recurring'
    | 'add_member'
    | 'remove_member'
    | 'collections_campaign'
    | 'collections_schedule';
  /** collections_campaign / collections_schedule: the summary the owner confirms (counts, sample e-mail). */
  collectionsSummary?: string;
  /** A recurring plan to create (its terms) or to stop (its id): `shared/application/recurring/`. */
  recurrence?: {
    dayOfMonth: number;
    firstPeriod: string;
    lastPeriod?: string;
    planId?: string;
  };
  /** A boleto issued for a month of a recurring plan (`<planId>/<YYYY-MM>`), confirmed when the plan was. */
  recurringIssue?: string;
  cancelBoletoId?: string;
  /** amend_boleto: the boleto replaced and what changes (see boleto-amendment.ts). */
  amendment?: BoletoAmendment;
  /** correct_ledger: the entry corrected and how (see ledger-correction.ts). */
  ledgerCorrection?: LedgerCorrectionRequest;
  amountCents?: Cents;
  /** The name as the owner wrote it. */
  contactName?: string;
  /** Set once the contact is resolved to an existing one. */
  contactId?: string;
  /** The resolved contact's registered name, for the summary. */
  contactDisplayName?: string;
  /** Set when the owner named someone IRIS does not know yet; created on confirmation. */
  newContact?: NewContactDetails;
  candidates?: ContactCandidate[];
  dueDate?: CalendarDate;
  description?: string;
  unusualAmountAccepted?: boolean;
  question?: PendingQuestion;
  /** The owner's last answer did not fit the question (shown with the question again). */
  invalidAnswer?: 'phone' | 'tax_id' | 'choice' | 'email';
  /** The provider refused this payer detail on the last attempt; asked again, with the reason. */
  providerRejected?: RejectedPayerField;
  /** An e-mail given for an already registered contact after the provider required one (saved on creation). */
  payerEmail?: EmailAddress;
  /**
   * How many creation attempts the provider refused before this one. The boleto id and the command key derive
   * from the request id and this number: a refused attempt created nothing at the provider, and its local
   * boleto stays `failed` in the audit trail.
   */
  creationAttempt?: number;
  /** When the summary was ready to confirm and when the owner confirmed it (the audit trail's two entries). */
  confirmationAskedAt?: string;
  confirmedAt?: string;
  /** When IRIS first told the owner the provider was down for this request (the outage horizon counts from it). */
  providerOutageSince?: string;
  /** How many times the confirmation was asked: after the first, IRIS reminds that one is pending. */
  confirmationsAsked?: number;
  /** When IRIS last called the provider to create this boleto (look before re-creating after that). */
  providerAttemptAt?: string;
  /** The provider's id once the boleto was created there. */
  providerId?: string;
  boletoId?: string;
  /** The next request, taken up once this one is decided (see DeferredMessage). */
  deferred?: DeferredMessage;
  createdAt: string;
  updatedAt: string;
}

export const OPEN_REQUEST_STATUSES: readonly OwnerRequestStatus[] = ['collecting', 'awaiting_confirmation'];

export class RequestAlreadyDecidedError extends DomainError {
  constructor(requestId: string, status: OwnerRequestStatus) {
    super('request_already_decided', `request ${requestId} is already ${status}`);
    this.name = 'RequestAlreadyDecidedError';
  }
}

export interface RequestEntities {
  amountCents?: Cents | null;
  contactName?: string | null;
  dueDate?: CalendarDate | null;
  description?: string | null;
}

function touch(request: OwnerRequest, now: Date, changes: Partial<OwnerRequest>): OwnerRequest {
  return { ...request, ...changes, version: request.version + 1, updatedAt: now.toISOString() };
}

export function isOpen(request: OwnerRequest): boolean {
  return OPEN_REQUEST_STATUSES.includes(request.status);
}

function assertOpen(request: OwnerRequest): void {
  if (!isOpen(request)) throw new RequestAlreadyDecidedError(request.requestId, request.status);
}

/** Fills (or corrects) the request with what the owner said. A new name forgets the previous resolution. */
export function applyEntities(request: OwnerRequest, entities: RequestEntities, now: Date): OwnerRequest {
  assertOpen(request);
  const changes: Partial<OwnerRequest> = { status: 'collecting' };
  if (entities.amountCents != null && entities.amountCents !== request.amountCents) {
    changes.amountCents = entities.amountCents;
    changes.unusualAmountAccepted = false;
  }
  if (entities.dueDate != null) changes.dueDate = entities.dueDate;
  if (entities.description != null) changes.description = entities.description;
  if (entities.contactName != null && entities.contactName !== request.contactName) {
    changes.contactName = entities.contactName;
    changes.contactId = undefined;
    changes.contactDisplayName = undefined;
    changes.newContact = undefined;
    changes.candidates = undefined;
  }
  return touch(request, now, changes);
}

export function chooseContact(request: OwnerRequest, contact: ContactCandidate, now: Date): OwnerRequest {
  assertOpen(request);
  return touch(request, now, {
    contactId: contact.id,
    contactDisplayName: contact.name,
    candidates: undefined,
    newContact: undefined,
  });
}

/** Applies the outcome of matching the written name against the tenant's contacts. */
export function resolveContact<T extends NamedContact>(
  request: OwnerRequest,
  match: ContactMatch<T>,
  now: Date,
): OwnerRequest {
  assertOpen(request);
  if (request.contactId || request.newContact || !request.contactName) return request;
  if (match.kind === 'exact') return chooseContact(request, match.contact, now);
  if (match.kind === 'uncertain') {
    return touch(request, now, { candidates: match.candidates.map(({ id, name }) => ({ id, name })) });
  }
  return touch(request, now, { newContact: { name: request.contactName } });
}

export function completeNewContact(
  request: OwnerRequest,
  details: { phone?: E164; taxId?: TaxId; email?: EmailAddress; emailDeclined?: boolean },
  now: Date,
): OwnerRequest {
  assertOpen(request);
  if (!request.newContact) return request;
  const providerRejected = fixes(request.providerRejected, details) ? undefined : request.providerRejected;
  return touch(request, now, { newContact: { ...request.newContact, ...details }, providerRejected });
}

function fixes(
  field: RejectedPayerField | undefined,
  details: { phone?: E164; taxId?: TaxId; email?: string },
) {
  if (field === 'payer.email') return details.email !== undefined;
  if (field === 'payer.taxId') return details.taxId !== undefined;
  if (field === 'payer.phone') return details.phone !== undefined;
  return false;
}

/** The e-mail the provider required, for a registered contact (or a new one): written with the next attempt. */
export function providePayerEmail(request: OwnerRequest, email: EmailAddress, now: Date): OwnerRequest {
  assertOpen(request);
  if (request.newContact) return completeNewContact(request, { email, emailDeclined: false }, now);
  return touch(request, now, { payerEmail: email, providerRejected: undefined });
}

/** Payer fields a refused attempt can be corrected through the conversation (others end the request). */
export function canAskAgain(request: OwnerRequest, field: RejectedPayerField): boolean {
  if (field === 'payer.email') return true;
  return request.newContact !== undefined;
}

/**
 * The provider refused the confirmed request because of a payer detail (e.g. 422 `client.email: is required`).
 * Nothing was created there: the request goes back to collecting, forgets the refused value, asks for it, and the
 * next attempt gets a new command key. Only for fields `canAskAgain` accepts.
 */
export function reopenForRejectedPayer(
  request: OwnerRequest,
  field: RejectedPayerField,
  now: Date,
): OwnerRequest {
  if (request.status !== 'confirmed') throw new RequestAlreadyDecidedError(request.requestId, request.status);
  if (!canAskAgain(request, field)) {
    throw new DomainError('payer_field_not_askable', `${field} of a registered contact cannot be fixed here`);
  }
  const newContact = request.newContact && {
    ...request.newContact,
    ...(field === 'payer.email' ? { email: undefined, emailDeclined: undefined } : {}),
    ...(field === 'payer.taxId' ? { taxId: undefined } : {}),
    ...(field === 'payer.phone' ? { phone: undefined } : {}),
  };
  return touch(request, now, {
    status: 'collecting',
    providerRejected: field,
    newContact,
    // A new payer's contact is removed with the refused attempt: it is written again with the next one.
    contactId: request.newContact ? undefined : request.contactId,
    contactDisplayName: request.newContact ? undefined : request.contactDisplayName,
    payerEmail: field === 'payer.email' ? undefined : request.payerEmail,
    creationAttempt: (request.creationAttempt ?? 0) + 1,
    boletoId: undefined,
    providerId: undefined,
    providerAttemptAt: undefined,
    providerOutageSince: undefined,
    confirmationsAsked: 0,
  });
}

/** The provider is down: remember since when (once), so the wait has a horizon. */
export function noteProviderOutage(request: OwnerRequest, now: Date): OwnerRequest {
  if (request.providerOutageSince) return request;
  return touch(request, now, { providerOutageSince: now.toISOString() });
}

/** The command key sent to the provider for the current attempt (the request id on the first one). */
export function commandKeyOf(request: OwnerRequest): string {
  const attempt = request.creationAttempt ?? 0;
  return attempt === 0 ? request.requestId : `${request.requestId}-${attempt}`;
}

export function acceptUnusualAmount(request: OwnerRequest, now: Date): OwnerRequest {
  assertOpen(request);
  return touch(request, now, { unusualAmountAccepted: true });
}

export interface RequestRules {
  today: CalendarDate;
  /** The owner's usual ceiling: above it IRIS asks once more. */
  usualMaxCents: Cents;
  /** The tenant's hard limit per boleto. */
  limitCents: Cents;
}

/** The first thing still missing or doubtful, in the order a person would ask; undefined when complete. */
export function nextQuestion(request: OwnerRequest, rules: RequestRules): PendingQuestion | undefined {
  if (!request.contactName) return 'contact';
  if (!request.contactId && !request.newContact) {
    if (request.candidates && request.candidates.length > 1) return 'choose_contact';
    if (request.candidates && request.candidates.length === 1) return 'confirm_contact';
  }
  if (request.amountCents == null) return 'amount';
  if (request.amountCents > rules.limitCents) return 'amount_above_limit';
  if (request.dueDate == null) return 'due_date';
  if (isBefore(request.dueDate, rules.today)) return 'past_due_date';
  if (request.newContact && !request.newContact.phone) return 'new_contact_phone';
  if (request.newContact && !request.newContact.taxId) return 'new_contact_tax_id';
  if (request.providerRejected === 'payer.email' && !request.payerEmail && !request.newContact?.email) {
    return 'payer_email_required';
  }
  if (request.newContact && !request.newContact.email && !request.newContact.emailDeclined) {
    return 'new_contact_email';
  }
  if (request.amountCents > rules.usualMaxCents && !request.unusualAmountAccepted) return 'unusual_amount';
  return undefined;
}

/** Moves the request to its next step: a question, or the confirmation when nothing is missing. */
export function advance(request: OwnerRequest, rules: RequestRules, now: Date): OwnerRequest {
  assertOpen(request);
  const question = nextQuestion(request, rules);
  return touch(request, now, {
    question,
    status: question ? 'collecting' : 'awaiting_confirmation',
  });
}

export function confirm(request: OwnerRequest, confirmedVersion: number, now: Date): OwnerRequest {
  if (request.status !== 'awaiting_confirmation') {
    throw new RequestAlreadyDecidedError(request.requestId, request.status);
  }
  if (confirmedVersion !== request.version) {
    throw new DomainError('confirmation_outdated', `request ${request.requestId} changed after the question`);
  }
  return touch(request, now, {
    status: 'confirmed',
    question: undefined,
    confirmationAskedAt: request.updatedAt,
    confirmedAt: now.toISOString(),
  });
}

export function close(
  request: OwnerRequest,
  status: 'completed' | 'cancelled' | 'expired' | 'failed',
  now: Date,
  changes: Partial<Pick<OwnerRequest, 'boletoId' | 'providerId'>> = {},
): OwnerRequest {
  return touch(request, now, { ...changes, status, question: undefined });
}

/** The name shown in summaries: the registered contact's, else the one the owner wrote. */
export function payerName(request: OwnerRequest): string {
  return request.contactDisplayName ?? request.newContact?.name ?? request.contactName ?? '';
}
