import { deterministicId } from '#application/conversation/deterministic-id';
import type { ReceivableAccount, ReceivablesRepository } from '#application/ports/receivables-repository';
import type { TenantRepository } from '#application/ports/tenant-repository';
import { type CalendarDate, saoPauloDateOf } from '#domain/calendar-date';
import { EMPTY_AGING } from '#domain/collections/aging-buckets';
import { cadenceVerdict, isEmailUsable } from '#domain/collections/collection-cadence';
import type { CollectionFacts } from '#domain/collections/collection-email';
import { decideEscalation, type EscalationDegree } from '#domain/collections/escalation';

/**
 * Which accounts are due a collection e-mail now, and the facts each e-mail may state: the degree from the
 * account's aging (pin and pause honoured, nothing past due → nothing), a billing contact whose address is
 * usable, and the cadence (`collection-cadence.ts`). Reads only; nothing is written here.
 */

export type SkipReason =
  | 'paused'
  | 'nothing_overdue'
  | 'no_billing_contact'
  | 'already_emailed_for_snapshot'
  | 'emailed_recently';

export interface DueAccount {
  clientId: string;
  accountName: string;
  degree: EscalationDegree;
  /** The billing contact's address (usable: not bounced, invalid nor suppressed). */
  recipient: string;
  facts: CollectionFacts;
  /** The deterministic outbox id: one e-mail per account + degree + snapshot date. */
  outboxMessageId: string;
  previousOutboxMessageId: string | undefined;
}

export interface CollectionSelection {
  /** The newest snapshot date among the accounts with open invoices. */
  asOf: CalendarDate | undefined;
  accounts: ReceivableAccount[];
  due: DueAccount[];
  skipped: Array<{ clientId: string; reason: SkipReason }>;
}

export interface SelectionDeps {
  receivables: Pick<ReceivablesRepository, 'listAccounts' | 'contactsOf' | 'snapshotsOf'>;
  tenants: Pick<TenantRepository, 'getProfile'>;
  clock: { now(): Date };
}

export function collectionEmailId(
  tenantId: string,
  clientId: string,
  degree: EscalationDegree,
  snapshotDate: CalendarDate,
): string {
  return deterministicId('collection-email', tenantId, clientId, String(degree), snapshotDate);
}

export async function selectDueAccounts(deps: SelectionDeps, tenantId: string): Promise<CollectionSelection> {
  const today = saoPauloDateOf(deps.clock.now());
  const accounts = (await deps.receivables.listAccounts(tenantId)).filter(
    (account) => account.agingAsOf && (account.openInvoices ?? 0) > 0,
  );
  const tenantName = (await deps.tenants.getProfile(tenantId))?.name ?? '';
  const selection: CollectionSelection = { asOf: undefined, accounts, due: [], skipped: [] };
  for (const account of accounts) {
    const asOf = account.agingAsOf as CalendarDate;
    if (!selection.asOf || asOf > selection.asOf) selection.asOf = asOf;
    const skip = (reason: SkipReason) => selection.skipped.push({ clientId: account.clientId, reason });
    const decision = decideEscalation(
      account.aging ?? EMPTY_AGING,
      account.maxDaysOverdue ?? 0,
      account.control,
    );
    if (decision.action === 'skip') {
      skip(decision.reason);
      continue;
    }
    const cadence = cadenceVerdict({
      last: account.lastEmail,
      degree: decision.degree,
      snapshotDate: asOf,
      today,
    });
    if (!cadence.due) {
      skip(cadence.reason);
      continue;
    }
    const contacts = await deps.receivables.contactsOf(tenantId, account.clientId);
    const contact = contacts.find((c) => c.isBilling && isEmailUsable(c.emailStatus));
    if (!contact) {
      skip('no_billing_contact');
      continue;
    }
    const snapshots = (await deps.receivables.snapshotsOf(tenantId, account.clientId, asOf))
      .filter((snapshot) => snapshot.outstandingCents > 0)
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.invoiceNumber.localeCompare(b.invoiceNumber));
    if (snapshots.length === 0) {
      skip('nothing_overdue');
      continue;
    }
    selection.due.push({
      clientId: account.clientId,
      accountName: account.name,
      degree: decision.degree,
      recipient: contact.email,
      facts: {
        tenantName,
        accountName: account.name,
        contactName: contact.firstName.trim() || account.name,
        asOf,
        degree: decision.degree,
        invoices: snapshots.map((s) => ({
          number: s.invoiceNumber,
          dueDate: s.dueDate,
          outstandingCents: s.outstandingCents,
        })),
      },
      outboxMessageId: collectionEmailId(tenantId, account.clientId, decision.degree, asOf),
      previousOutboxMessageId: account.lastEmail?.outboxMessageId,
    });
  }
  return selection;
}
