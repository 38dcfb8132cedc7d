import type { LastCollectionEmail } from '#domain/collections/collection-cadence';
import type { CollectionEmailContent, CollectionFacts } from '#domain/collections/collection-email';
import type { EmailTemplateVersion } from '#domain/collections/email-template';
import type { EscalationDegree } from '#domain/collections/escalation';
import type { TransactionContext } from './unit-of-work';

/**
 * Ports of the collection e-mails (issue 13, items 4-6): the active template of a degree, the model that may
 * write an e-mail from the facts, and the account's record of its last e-mail.
 */

export interface CollectionTemplates {
  /** The one active version of the degree's template (the defaults are version 1). */
  active(tenantId: string, degree: EscalationDegree): Promise<EmailTemplateVersion>;
}

/** Where templates are kept and edited: every version of a degree, and an edit written all or nothing. */
export interface CollectionTemplateStore extends CollectionTemplates {
  /** All versions of the degree (the built-in version 1 when the tenant never edited it). */
  versions(tenantId: string, degree: EscalationDegree): Promise<EmailTemplateVersion[]>;
  /** The new version and the deactivated ones; `ConcurrentModificationError` if another edit won. */
  saveEdit(
    tenantId: string,
    edit: { created: EmailTemplateVersion; deactivated: EmailTemplateVersion[] },
  ): Promise<void>;
}

/**
 * Writes a collection e-mail from the snapshot's facts (a language model). It only proposes: the use case
 * checks every number against the facts (`groundingProblems`) and renders the template instead on any
 * problem. Throws on any failure (timeout, refusal, unusable answer); never returns something partial.
 */
export interface CollectionEmailWriter {
  write(input: { facts: CollectionFacts; template: EmailTemplateVersion }): Promise<CollectionEmailContent>;
}

/** The owner's pause (and pin) of one account: `control` on the account item. */
export interface AccountControls {
  /** Sets the account's `paused`; false when the account does not exist. */
  setPaused(tenantId: string, clientId: string, paused: boolean): Promise<boolean>;
  /** Pins the account's degree (undefined: back to the aging's); false when the account does not exist. */
  setPinnedDegree(tenantId: string, clientId: string, degree: EscalationDegree | undefined): Promise<boolean>;
}

/** The account's new `lastEmail`, and the last e-mail the selection saw (the write's condition). */
export interface LastEmailRecord {
  tenantId: string;
  clientId: string;
  lastEmail: LastCollectionEmail;
  previousOutboxMessageId: string | undefined;
}

export interface CollectionEmailLog {
  /**
   * Stages the account's `lastEmail` into `tx`, beside the e-mail's outbox item. Fails the transaction
   * (`PreconditionFailedError`) when the account's last e-mail is no longer `previousOutboxMessageId`
   * (another campaign queued one meanwhile) or the account is gone.
   */
  recordLastEmail(input: LastEmailRecord, tx: TransactionContext): Promise<void>;
}
