import type { InboundContent } from './inbound-message-repository';

/** What a conversation execution starts with, and what a resumed one receives. */
export interface OwnerMessageInput {
  messageId: string;
  from: string;
  content: InboundContent;
  receivedAt: string;
}

export interface ConversationStartInput {
  tenantId: string;
  message: OwnerMessageInput;
}

export interface ReminderLoopStartInput {
  tenantId: string;
  boletoId: string;
  nextReminderAt: string;
  turn: number;
}

/** Starting, resuming and stopping workflow executions (Step Functions in the cloud and in the local cloud). */
export interface Workflows {
  /** Idempotent: the execution name is derived from the message id, so a replay starts nothing new. */
  startConversation(input: ConversationStartInput): Promise<void>;
  /** Hands the owner's message to the execution waiting on `taskToken`. False when the token is no longer valid. */
  resumeConversation(taskToken: string, message: OwnerMessageInput): Promise<boolean>;
  /** Idempotent per boleto. */
  startReminderLoop(input: ReminderLoopStartInput): Promise<void>;
  /** Stops the boleto's loop if it runs; harmless if it already ended. */
  stopReminderLoop(tenantId: string, boletoId: string, reason: string): Promise<void>;
}

/** What starts one aging import workflow: the stored file and who to answer. */
export interface AgingImportRequest {
  tenantId: string;
  /** Chosen by the starter (derived from the inbound message): a retried claim is the same import. */
  importId: string;
  objectKey: string;
  contentSha256: string;
  filename: string;
  /** The member who sent the file on WhatsApp or started its API import (E.164): the summary goes to them. */
  requestedBy: string;
  /** The inbound message that brought the file (`api-import-<id>` for the API): the summary answers it once. */
  messageId: string;
}

/** Starts the aging import workflow (`workflows/aging-import-workflow.ts`); idempotent per import id. */
export interface AgingImportWorkflow {
  startAgingImport(request: AgingImportRequest): Promise<void>;
}
