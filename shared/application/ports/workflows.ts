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
