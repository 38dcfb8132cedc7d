import type {
  ConversationDependencies,
  ReplyInput,
} from '#application/conversation/conversation-dependencies';
import { awaitSideConfirmation, decideSideRequest } from '#application/conversation/decide-side-request';
import { deterministicId } from '#application/conversation/deterministic-id';
import { replyOnce } from '#application/conversation/reply-once';
import { DONE, type StepResult } from '#application/conversation/step-result';
import { memberMay } from '#application/members/member-gate';
import type { ReceivableAccount } from '#application/ports/receivables-repository';
import type { OwnerMessageInput } from '#application/ports/workflows';
import type { CalendarDate } from '#domain/calendar-date';
import { close, type OwnerRequest } from '#domain/owner-request';
import { type E164, normalizePhone } from '#domain/phone-number';
import {
  type AccountControlChange,
  accountNameIn,
  pinnedAccountNameIn,
  pinnedDegreeIn,
  setAccountControl,
} from './account-controls';
import { campaignTexts } from './campaign-texts-pt-br';
import { selectDueAccounts } from './collection-email-selection';
import type { CollectionsPorts } from './collections-ports';
import { portfolioStatusText } from './import-summary';
import {
  type QueueCollectionDeps,
  queueCollectionEmails,
  writeCollectionEmail,
} from './queue-collection-emails';
import { armWeeklyCollections, stopWeeklyCollections } from './weekly-collections';

/**
 * The owner's portfolio on WhatsApp (issue 13 item 6): "como está minha carteira?" answers at once; "manda as
 * cobranças por e-mail" (optionally "toda segunda") shows who would get what and a sample e-mail, and queues
 * the e-mails only on the asker's Sim (`decideSideRequest`); a weekly run queues what is due and tells the
 * owner the count; "para as cobranças automáticas" removes the schedule.
 */

export type CollectionsIntent =
  | 'collections_pause'
  | 'collections_resume'
  | 'collections_pin'
  | 'collections_unpin'
  | 'portfolio_status'
  | 'collections_campaign'
  | 'collections_schedule'
  | 'collections_schedule_stop';

function queueDeps(deps: ConversationDependencies, ports: CollectionsPorts): QueueCollectionDeps {
  return { ...deps, ...ports };
}

/** The portfolio's first lines (date, total, buckets), without its per-degree counts: the campaign has its own. */
function portfolioTotals(accounts: readonly ReceivableAccount[]): string {
  return portfolioStatusText(accounts).split('\nCobrança por e-mail:')[0] ?? '';
}

/** E-mails put in the outbox at or after `since` (this confirmation's, including a crashed earlier try's). */
function queuedSince(accounts: readonly ReceivableAccount[], since: string): number {
  return accounts.filter((account) => account.lastEmail && account.lastEmail.queuedAt >= since).length;
}

export async function startCollectionsRequest(
  deps: ConversationDependencies,
  input: {
    tenantId: string;
    ownerPhone: E164;
    memberId?: string;
    messageId: string;
    intent: CollectionsIntent;
    /** The owner's words (the account a pause names). */
    text: string;
  },
): Promise<StepResult> {
  const { tenantId, ownerPhone, messageId } = input;
  const reply = async (text: string, purpose: string) => {
    await replyOnce(deps, tenantId, ownerPhone, text, messageId, purpose);
    return DONE;
  };
  const ports = deps.collections;
  if (!ports) return reply(campaignTexts.unavailable(), 'collections-unavailable');
  /** One account's pause or pin, by the name in the message; a missing, unknown or ambiguous name is answered. */
  const controlAccount = async (name: string | undefined, change: AccountControlChange) => {
    const purpose = 'paused' in change ? 'collections-pause' : 'collections-pin';
    if (!name)
      return { kind: 'answered' as const, reply: await reply(campaignTexts.whichAccount(), purpose) };
    const outcome = await setAccountControl(ports, { tenantId, name, change });
    if (outcome.kind === 'done') {
      const { clientId, name: accountName, control } = outcome.account;
      return { kind: 'done' as const, clientId, name: accountName, paused: control?.paused === true };
    }
    const text =
      outcome.kind === 'several'
        ? campaignTexts.severalAccounts(name, outcome.names)
        : campaignTexts.accountNotFound(name);
    return { kind: 'answered' as const, reply: await reply(text, purpose) };
  };
  if (input.intent === 'portfolio_status') {
    return reply(portfolioStatusText(await ports.receivables.listAccounts(tenantId)), 'portfolio-status');
  }
  if (input.intent === 'collections_pause' || input.intent === 'collections_resume') {
    const paused = input.intent === 'collections_pause';
    const outcome = await controlAccount(accountNameIn(input.text), { paused });
    if (outcome.kind !== 'done') return outcome.reply;
    deps.logger.info('collections paused or resumed', { clientId: outcome.clientId, paused });
    return reply(campaignTexts.paused(outcome.name, paused), 'collections-pause');
  }
  if (input.intent === 'collections_pin' || input.intent === 'collections_unpin') {
    const pinnedDegree = input.intent === 'collections_pin' ? pinnedDegreeIn(input.text) : undefined;
    if (input.intent === 'collections_pin' && pinnedDegree === undefined) {
      return reply(campaignTexts.whichDegree(), 'collections-pin');
    }
    const outcome = await controlAccount(pinnedAccountNameIn(input.text), { pinnedDegree });
    if (outcome.kind !== 'done') return outcome.reply;
    deps.logger.info('collections degree pinned or unpinned', {
      clientId: outcome.clientId,
      pinnedDegree: pinnedDegree ?? null,
    });
    return reply(
      pinnedDegree === undefined
        ? campaignTexts.unpinned(outcome.name)
        : campaignTexts.pinned(outcome.name, pinnedDegree, outcome.paused),
      'collections-pin',
    );
  }
  if (input.intent === 'collections_schedule_stop') {
    if (!ports.weekly) return reply(campaignTexts.weeklyNotOn(), 'collections-weekly-stop');
    const stopped = await stopWeeklyCollections(ports.weekly, tenantId);
    return reply(
      stopped ? campaignTexts.weeklyStopped() : campaignTexts.weeklyNotOn(),
      'collections-weekly-stop',
    );
  }
  const weekly = input.intent === 'collections_schedule';
  if (weekly && !ports.weekly) return reply(campaignTexts.unavailable(), 'collections-unavailable');
  const requestId = deterministicId('request', tenantId, messageId);
  const existing = await deps.conversations.getRequest(tenantId, requestId);
  if (existing) return { requestId, next: existing.status === 'awaiting_confirmation' ? 'confirm' : 'done' };

  const selection = await selectDueAccounts(queueDeps(deps, ports), tenantId);
  if (selection.accounts.length === 0 || !selection.asOf) {
    return reply(campaignTexts.emptyPortfolio(), 'collections-empty');
  }
  const skipped = selection.skipped.map((skip) => skip.reason);
  const first = selection.due[0];
  if (!first && !weekly) {
    return reply(
      `${portfolioTotals(selection.accounts)}\n\n${campaignTexts.nothingDue(skipped)}`,
      'collections-nothing-due',
    );
  }
  const summary = first
    ? campaignTexts.confirm({
        portfolio: portfolioTotals(selection.accounts),
        asOf: selection.asOf,
        degrees: selection.due.map((account) => account.degree),
        skipped,
        sample: {
          accountName: first.accountName,
          // The template's rendering: a preview must not spend a model call (the model keeps these values).
          email: (
            await writeCollectionEmail(
              { ...ports, writer: undefined, logger: deps.logger },
              tenantId,
              first.facts,
            )
          ).content,
          modelMayWrite: Boolean(ports.writer),
        },
        weekly,
      })
    : `${portfolioTotals(selection.accounts)}\n\n${campaignTexts.nothingDue(skipped)}\nLigo a cobrança automática toda segunda às 9h (envio o que estiver devido e te aviso)?`;
  return awaitSideConfirmation(deps, {
    tenantId,
    requestId,
    ownerPhone,
    ...(input.memberId && { memberId: input.memberId }),
    kind: weekly ? 'collections_schedule' : 'collections_campaign',
    collectionsSummary: summary,
  });
}

export function isCollectionsRequest(request: OwnerRequest): boolean {
  return request.kind === 'collections_campaign' || request.kind === 'collections_schedule';
}

/** The summary to confirm with Sim/Não; undefined for other requests. */
export function collectionsConfirmationText(request: OwnerRequest): string | undefined {
  return isCollectionsRequest(request) ? request.collectionsSummary : undefined;
}

export function decideCollectionsRequest(
  deps: ConversationDependencies,
  request: OwnerRequest,
  input: ReplyInput,
): Promise<StepResult> {
  return decideSideRequest(deps, request, input, {
    kept: () => ({ text: campaignTexts.kept(), purpose: 'collections-kept' }),
    carryOut,
  });
}

async function carryOut(
  deps: ConversationDependencies,
  request: OwnerRequest,
  causeId: string,
): Promise<StepResult> {
  const ports = deps.collections;
  if (!ports) throw new Error(`request ${request.requestId}: collections are not configured here`);
  const weekly = request.kind === 'collections_schedule';
  await queueCollectionEmails(queueDeps(deps, ports), {
    tenantId: request.tenantId,
    correlationId: request.requestId,
  });
  const since = request.confirmedAt ?? request.updatedAt;
  const count = queuedSince(await ports.receivables.listAccounts(request.tenantId), since);
  if (weekly && ports.weekly) {
    await armWeeklyCollections(ports.weekly, {
      tenantId: request.tenantId,
      ownerPhone: request.ownerPhone,
      now: deps.clock.now(),
    });
  }
  await replyOnce(
    deps,
    request.tenantId,
    request.ownerPhone,
    campaignTexts.queued(count, weekly),
    causeId,
    'collections-queued',
  );
  deps.logger.info('collections campaign confirmed', {
    requestId: request.requestId,
    queued: count,
    weekly,
    byMemberId: request.memberId,
  });
  await deps.conversations.saveRequest(close(request, 'completed', deps.clock.now()), request.version);
  await deps.conversations.release(request.tenantId, request.ownerPhone, request.requestId);
  return DONE;
}

/**
 * A weekly firing: queues what is due (the owner agreed to the schedule), re-arms the next Monday and tells the
 * owner the count. A sender who may no longer charge (removed, demoted) stops the schedule instead.
 */
export async function runWeeklyCollections(
  deps: ConversationDependencies,
  input: { tenantId: string; message: OwnerMessageInput; runDate: CalendarDate },
): Promise<StepResult> {
  const ports = deps.collections;
  if (!ports?.weekly) {
    deps.logger.warn('weekly collections fired where they are not configured', { tenantId: input.tenantId });
    return DONE;
  }
  const ownerPhone = normalizePhone(input.message.from);
  const verdict = await memberMay(deps.users, input.tenantId, ownerPhone, 'charge');
  if (!verdict.allowed) {
    await stopWeeklyCollections(ports.weekly, input.tenantId);
    deps.logger.warn('weekly collections stopped: its owner may no longer charge', {
      tenantId: input.tenantId,
    });
    return DONE;
  }
  const correlationId = input.message.messageId;
  await queueCollectionEmails(queueDeps(deps, ports), { tenantId: input.tenantId, correlationId });
  const count = queuedSince(await ports.receivables.listAccounts(input.tenantId), input.message.receivedAt);
  await armWeeklyCollections(ports.weekly, { tenantId: input.tenantId, ownerPhone, now: deps.clock.now() });
  await replyOnce(
    deps,
    input.tenantId,
    ownerPhone,
    campaignTexts.weeklyRun(input.runDate, count),
    correlationId,
    'collections-run',
  );
  return DONE;
}
