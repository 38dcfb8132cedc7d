import type { BoletoWithHistory } from '#application/ports/boleto-repository';
import type { LedgerEntry } from '#application/ports/ledger-repository';
import type { Payment } from '#application/ports/payment-repository';
import { isPayable } from '#domain/boleto-status';
import { isOptOutRequest } from '#domain/opt-out';
import type { OutboxMessage } from '#domain/outbox-message';
import { FORWARD_WINDOW_MS } from '#domain/payer-thread';
import type { BoletoView } from '#infra/local/console-state';
import type { InboundRecord } from '#simulators/whatsapp/simulator-store';
import { type SoakWorld, textOfRequest } from './soak-world';

/**
 * The invariants of issue 11's "A month in the life", exactly as the issue states them, checked after every
 * step against the simulators' records and the table. Each returns its violations (empty when it holds).
 */

export interface Snapshot {
  at: Date;
  boletos: BoletoView[];
  histories: Map<string, BoletoWithHistory>;
  outbox: OutboxMessage[];
  billets: Array<{ _id: string; status: string }>;
  payments: Map<string, Payment[]>;
  ledger: LedgerEntry[];
}

export interface Invariant {
  id: string;
  /** The words. */
  statement: string;
  check(world: SoakWorld, snapshot: Snapshot): string[] | Promise<string[]>;
}

/** Kinds that present a boleto to its payer as something to pay. */
const BOLETO_TO_PAYER_KINDS = new Set(['boleto_to_contact', 'reminder']);
const ACCEPTED = new Set(['sent', 'delivered', 'read']);
/** How long a `requested` boleto may wait for the provider before the workflow must have ended it. */
const REQUESTED_HORIZON_MS = 24 * 3_600_000;
/** Time for a forward to go out once due (delivery retries after a WhatsApp fault back off for minutes). */
const FORWARD_SLACK_MS = 3_600_000;

/**
 * Reads everything the invariants look at. What has not changed since the last step (same `updatedAt` in the
 * console's views) is reused, so a step costs a few reads however long the month has been.
 */
export class Snapshotter {
  private readonly outboxCache = new Map<string, { updatedAt: string; item: OutboxMessage }>();
  private readonly boletoCache = new Map<
    string,
    { key: string; history: BoletoWithHistory; payments: Payment[] }
  >();

  constructor(private readonly world: SoakWorld) {}

  async take(): Promise<Snapshot> {
    const { world } = this;
    const outbox: OutboxMessage[] = [];
    const views = await world.outbox();
    for (const view of views) {
      const cached = this.outboxCache.get(view.id);
      if (cached && cached.updatedAt === view.updatedAt) {
        outbox.push(cached.item);
        continue;
      }
      const item = await world.repositories.outbox.get(world.tenantId, view.id);
      if (!item) continue;
      this.outboxCache.set(view.id, { updatedAt: view.updatedAt, item });
      outbox.push(item);
    }
    // The console lists the newest 100 items only: keep every item ever seen (re-read those not final yet).
    const listed = new Set(views.map((view) => view.id));
    for (const [id, cached] of this.outboxCache) {
      if (listed.has(id)) continue;
      let item = cached.item;
      if (item.status === 'pending' || item.status === 'sending') {
        item = (await world.repositories.outbox.get(world.tenantId, id)) ?? item;
        this.outboxCache.set(id, { updatedAt: item.updatedAt, item });
      }
      outbox.push(item);
    }
    const boletos = await world.boletos();
    const histories = new Map<string, BoletoWithHistory>();
    const payments = new Map<string, Payment[]>();
    for (const boleto of boletos) {
      const messages = views
        .filter((view) => view.boletoId === boleto.id)
        .map((view) => `${view.id}@${view.updatedAt}`)
        .join(',');
      const key = `${boleto.updatedAt}|${boleto.status}|${messages}`;
      let cached = this.boletoCache.get(boleto.id);
      if (!cached || cached.key !== key) {
        const history = await world.repositories.boletos.getWithHistory(world.tenantId, boleto.id);
        if (!history) continue;
        cached = {
          key,
          history,
          payments: await world.repositories.payments.listByBoleto(world.tenantId, boleto.id),
        };
        this.boletoCache.set(boleto.id, cached);
      }
      histories.set(boleto.id, cached.history);
      payments.set(boleto.id, cached.payments);
    }
    const months = new Set<string>();
    for (const history of histories.values())
      for (const event of history.events) months.add(event.at.slice(0, 7));
    const ledger: LedgerEntry[] = [];
    for (const month of months)
      ledger.push(...(await world.repositories.ledger.listByMonth(world.tenantId, month as never)));
    return { at: world.now(), boletos, histories, outbox, billets: await world.billets(), payments, ledger };
  }
}

function statusAt(history: BoletoWithHistory, at: string) {
  let status: string | null = null;
  for (const event of history.events) if (event.at <= at) status = event.to;
  return status;
}

export const INVARIANTS: Invariant[] = [
  {
    id: 'no_stale_payer_message',
    statement: 'no message about a boleto reaches a payer when that boleto was not payable at send time',
    check(_world, snapshot) {
      const violations: string[] = [];
      for (const item of snapshot.outbox) {
        if (item.audience !== 'contact' || !item.boletoId || !BOLETO_TO_PAYER_KINDS.has(item.kind)) continue;
        // A cancellation notice (same kind) is about a boleto that is, by design, no longer payable.
        if (item.about?.holdsWhile === 'boleto_cancelled_and_received') continue;
        if (!ACCEPTED.has(item.status) || !item.sentAt) continue;
        const history = snapshot.histories.get(item.boletoId);
        const status = history ? statusAt(history, item.sentAt) : null;
        if (!status || !isPayable(status as never))
          violations.push(
            `${item.kind} ${item.id} sent at ${item.sentAt} while boleto ${item.boletoId} was ${status}`,
          );
      }
      return violations;
    },
  },
  {
    id: 'owner_send_statements_true',
    statement:
      'every owner statement that something was sent matches an accepted send; every deferral states when',
    check(world, snapshot) {
      const violations: string[] = [];
      const owner = world.outbound(world.owner).filter((record) => record.accepted);
      for (const record of owner) {
        const text = textOfRequest(record.request);
        if (/\benviad[oa]\b/i.test(text) && !/não (foi )?enviad/i.test(text)) {
          // Which boleto: one whose payer, amount and due date the statement names (a payer may well have two
          // boletos of the same amount and date: the statement is true if one of them went out).
          const named = snapshot.boletos.filter(
            (candidate) =>
              text.includes(brl(candidate.amountCents)) &&
              text.includes(dateBr(candidate.dueDate)) &&
              text.includes(candidate.contactName.split(' ')[0] ?? candidate.contactName),
          );
          if (named.length === 0) continue;
          const sent = named.some((boleto) =>
            snapshot.outbox.some(
              (item) =>
                item.boletoId === boleto.id &&
                item.kind === 'boleto_to_contact' &&
                ACCEPTED.has(item.status) &&
                item.sentAt !== undefined,
            ),
          );
          if (!sent)
            violations.push(
              `owner told "${text.slice(0, 90)}…" but boleto ${named.map((boleto) => boleto.id).join(' / ')} was never sent`,
            );
        }
        // "Não vou enviar lembretes" (an opt-out notice) is a refusal, not a deferral.
        if (
          /(?<!não )\b(vou enviar|será enviad|agendad|fica para|assim que)/i.test(text) &&
          !/\d{1,2}(:\d{2}|h)/.test(text)
        )
          violations.push(`owner told of a deferral without when: "${text.slice(0, 90)}"`);
      }
      return violations;
    },
  },
  {
    id: 'payer_texts_reach_owner',
    statement: 'every payer text other than an opt-out reaches the owner',
    check(world, snapshot) {
      const violations: string[] = [];
      const ownerTexts = world
        .outbound(world.owner)
        .filter((record) => record.accepted)
        .map((record) => ({ at: record.receivedAtMs, text: textOfRequest(record.request).toLowerCase() }));
      for (const payer of world.payers) {
        const inbound = world
          .conversation(payer.phone)
          .filter((record): record is InboundRecord => record.direction === 'inbound');
        for (const message of inbound) {
          const body = (message.message as { text?: { body?: string } }).text?.body;
          if (!body || isOptOutRequest(body)) continue;
          // A text held for grouping reaches the owner when its window ends: judge it only after that.
          if (snapshot.at.getTime() - message.sentAtMs < FORWARD_WINDOW_MS + FORWARD_SLACK_MS) continue;
          const first = (payer.name.split(' ')[0] ?? '').toLowerCase();
          const forwarded = ownerTexts.some(
            (owner) => owner.at >= message.sentAtMs && owner.text.includes(first),
          );
          if (!forwarded) violations.push(`${payer.name}'s "${body}" never reached the owner`);
        }
      }
      return violations;
    },
  },
  {
    id: 'one_billet_per_confirmed_request',
    statement: 'exactly one billet per confirmed request',
    check(_world, snapshot) {
      const violations: string[] = [];
      const byProvider = new Map<string, number>();
      for (const boleto of snapshot.boletos)
        if (boleto.providerId)
          byProvider.set(boleto.providerId, (byProvider.get(boleto.providerId) ?? 0) + 1);
      for (const [providerId, count] of byProvider)
        if (count > 1) violations.push(`billet ${providerId} is on ${count} boletos`);
      for (const billet of snapshot.billets)
        if (!byProvider.has(billet._id))
          violations.push(`billet ${billet._id} (${billet.status}) has no boleto`);
      return violations;
    },
  },
  {
    id: 'no_boleto_left_requested',
    statement: "no boleto left `requested` past the workflow's horizon",
    check(_world, snapshot) {
      return snapshot.boletos
        .filter(
          (boleto) =>
            boleto.status === 'requested' &&
            snapshot.at.getTime() - Date.parse(boleto.createdAt) > REQUESTED_HORIZON_MS,
        )
        .map((boleto) => `boleto ${boleto.id} still requested since ${boleto.createdAt}`);
    },
  },
  {
    id: 'amounts_due_only_on_payable',
    statement: 'amounts due only on payable boletos',
    check(_world, snapshot) {
      return snapshot.boletos
        .filter((boleto) => (boleto.amountDueTodayCents ?? 0) > 0 && !isPayable(boleto.status))
        .map(
          (boleto) => `boleto ${boleto.id} is ${boleto.status} but shows ${boleto.amountDueTodayCents} due`,
        );
    },
  },
  {
    id: 'payments_equal_ledger_income',
    statement: 'payments = ledger income for boletos',
    check(_world, snapshot) {
      const violations: string[] = [];
      for (const boleto of snapshot.boletos) {
        const paid = (snapshot.payments.get(boleto.id) ?? []).reduce(
          (sum, payment) => sum + payment.amountCents,
          0,
        );
        const income = snapshot.ledger
          .filter((entry) => entry.boletoId === boleto.id && entry.kind === 'income')
          .reduce((sum, entry) => sum + entry.amountCents, 0);
        if (paid !== income)
          violations.push(`boleto ${boleto.id}: payments ${paid} ≠ ledger income ${income}`);
      }
      return violations;
    },
  },
  {
    id: 'audit_trail_complete',
    statement: 'the audit trail has an entry for every change and every message',
    check(_world, snapshot) {
      const violations: string[] = [];
      for (const [boletoId, history] of snapshot.histories) {
        // One change = one version, which may carry several events (a payment: PaymentRecorded + BoletoPaid):
        // every version from 1 to the current one needs at least one event, and no event may be from a
        // version the boleto never had.
        const versions = [...new Set(history.events.map((event) => event.version))].sort((a, b) => a - b);
        const expected = Array.from({ length: history.boleto.version }, (_, index) => index + 1);
        if (versions.join(',') !== expected.join(','))
          violations.push(
            `boleto ${boletoId}: events ${versions.join(',')} for version ${history.boleto.version}`,
          );
        for (const item of snapshot.outbox.filter((candidate) => candidate.boletoId === boletoId)) {
          const recorded = history.activities.some((activity) => activity.activityId.includes(item.id));
          if (!recorded)
            violations.push(`boleto ${boletoId}: message ${item.kind} ${item.id} not in the audit trail`);
        }
      }
      return violations;
    },
  },
];

function brl(cents: number): string {
  return `R$ ${(cents / 100).toLocaleString('pt-BR', { minimumFractionDigits: 2 })}`;
}

function dateBr(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${day}/${month}/${year}`;
}
