import type {
  CollectionEmailLog,
  CollectionEmailWriter,
  CollectionTemplates,
} from '#application/ports/collection-emails';
import type { OutboxRepository } from '#application/ports/outbox-repository';
import { PreconditionFailedError } from '#application/ports/persistence-errors';
import type { UnitOfWork } from '#application/ports/unit-of-work';
import type { LastCollectionEmail } from '#domain/collections/collection-cadence';
import {
  type CollectionEmailContent,
  type CollectionFacts,
  groundingProblems,
  renderCollectionEmail,
} from '#domain/collections/collection-email';
import { defaultTemplateVersion } from '#domain/collections/default-templates';
import type { EmailTemplateVersion } from '#domain/collections/email-template';
import type { EscalationDegree } from '#domain/collections/escalation';
import { newOutboxMessage } from '#domain/outbox-message';
import type { AppLogger } from '#logging/create-logger';
import { type DueAccount, type SelectionDeps, selectDueAccounts } from './collection-email-selection';

/**
 * Queues the collection e-mails of every account due one (`selectDueAccounts`): each written by the model when
 * one is configured and its e-mail passes `groundingProblems`, else rendered from the degree's active template;
 * each put in the outbox (kind `collection_email`, delivered by functions/email-delivery through SES) in one
 * transaction with the account's `lastEmail`. The outbox id derives from account + degree + snapshot date, so a
 * replay or a second campaign queues nothing new. "Queued" is all this says: sending is the delivery's job.
 */

export interface QueueCollectionDeps extends SelectionDeps {
  outbox: Pick<OutboxRepository, 'add'>;
  emailLog: CollectionEmailLog;
  unitOfWork: UnitOfWork;
  templates: CollectionTemplates;
  /** The model; absent without an OpenAI key (the templates write every e-mail then). */
  writer?: CollectionEmailWriter;
  logger: Pick<AppLogger, 'info' | 'warn'>;
}

export interface WrittenEmail {
  content: CollectionEmailContent;
  template: EmailTemplateVersion;
  modelWritten: boolean;
}

export interface QueueResult {
  queued: Array<{ clientId: string; degree: EscalationDegree; outboxMessageId: string }>;
  /** Already in the outbox under the same id (a replayed run): nothing new was written. */
  alreadyQueued: number;
  skipped: number;
}

/** The built-in templates only (no store): every degree's version 1. */
export const defaultCollectionTemplates: CollectionTemplates = {
  async active(_tenantId, degree) {
    return defaultTemplateVersion(degree);
  },
};

/** The e-mail for `facts`: the model's when it is grounded, otherwise the active template's. */
export async function writeCollectionEmail(
  deps: Pick<QueueCollectionDeps, 'templates' | 'writer' | 'logger'>,
  tenantId: string,
  facts: CollectionFacts,
): Promise<WrittenEmail> {
  const template = await deps.templates.active(tenantId, facts.degree);
  if (deps.writer) {
    try {
      const proposed = await deps.writer.write({ facts, template });
      const problems = groundingProblems(proposed, facts);
      if (problems.length === 0) return { content: proposed, template, modelWritten: true };
      // The kinds only: the e-mail's text names the customer and amounts (personal data).
      deps.logger.warn('model-written collection e-mail not grounded; using the template', {
        problems: problems.map((problem) => problem.kind),
        degree: facts.degree,
      });
    } catch (error) {
      deps.logger.warn('collection e-mail writer failed; using the template', {
        error: error instanceof Error ? error.name : 'unknown',
        degree: facts.degree,
      });
    }
  }
  return { content: renderCollectionEmail(template, facts), template, modelWritten: false };
}

export async function queueCollectionEmails(
  deps: QueueCollectionDeps,
  input: { tenantId: string; correlationId: string },
): Promise<QueueResult> {
  const selection = await selectDueAccounts(deps, input.tenantId);
  const result: QueueResult = { queued: [], alreadyQueued: 0, skipped: selection.skipped.length };
  for (const account of selection.due) {
    const outcome = await queueOne(deps, input, account);
    if (outcome === 'queued') {
      result.queued.push({
        clientId: account.clientId,
        degree: account.degree,
        outboxMessageId: account.outboxMessageId,
      });
    } else result.alreadyQueued += 1;
  }
  deps.logger.info('collection e-mails queued', {
    tenantId: input.tenantId,
    queued: result.queued.length,
    alreadyQueued: result.alreadyQueued,
    skipped: result.skipped,
  });
  return result;
}

async function queueOne(
  deps: QueueCollectionDeps,
  input: { tenantId: string; correlationId: string },
  account: DueAccount,
): Promise<'queued' | 'already_queued'> {
  const written = await writeCollectionEmail(deps, input.tenantId, account.facts);
  const now = deps.clock.now();
  const message = newOutboxMessage(
    {
      channel: 'email',
      kind: 'collection_email',
      recipient: account.recipient,
      audience: 'contact',
      content: { type: 'email', ...written.content },
      correlationId: input.correlationId,
      accountId: account.clientId,
      emailTemplate: {
        templateId: written.template.templateId,
        version: written.template.version,
        modelWritten: written.modelWritten,
      },
    },
    { id: account.outboxMessageId, tenantId: input.tenantId, now },
  );
  const lastEmail: LastCollectionEmail = {
    outboxMessageId: message.id,
    degree: account.degree,
    snapshotDate: account.facts.asOf,
    templateId: written.template.templateId,
    templateVersion: written.template.version,
    modelWritten: written.modelWritten,
    queuedAt: now.toISOString(),
  };
  try {
    await deps.unitOfWork.run(async (tx) => {
      await deps.outbox.add(message, tx);
      await deps.emailLog.recordLastEmail(
        {
          tenantId: input.tenantId,
          clientId: account.clientId,
          lastEmail,
          previousOutboxMessageId: account.previousOutboxMessageId,
        },
        tx,
      );
    });
    return 'queued';
  } catch (error) {
    if (error instanceof PreconditionFailedError) return 'already_queued';
    throw error;
  }
}
