import { AwsServiceError } from '#infra/local/emulators/aws-service-error';
import type { MessageAttributeValue } from './message-md5';
import { invalidParameter, type QueueConfig } from './queue-config';

/** The shapes of an SQS message: what a sender gives, what the queue stores, what a receiver gets. */

export interface SendMessageInput {
  body: string;
  delaySeconds?: number;
  messageAttributes?: Record<string, MessageAttributeValue>;
  messageGroupId?: string;
  messageDeduplicationId?: string;
}

export interface SendMessageResult {
  messageId: string;
  md5OfBody: string;
  md5OfMessageAttributes?: string;
  sequenceNumber?: string;
}

/** A received message, as of its receipt. */
export interface QueueMessage {
  messageId: string;
  receiptHandle: string;
  body: string;
  md5OfBody: string;
  md5OfMessageAttributes?: string;
  messageAttributes: Record<string, MessageAttributeValue>;
  /** System attributes, as SQS names them (SentTimestamp, ApproximateReceiveCount, MessageGroupId...). */
  attributes: Record<string, string>;
}

export interface StoredMessage {
  messageId: string;
  body: string;
  md5OfBody: string;
  md5OfMessageAttributes: string | undefined;
  messageAttributes: Record<string, MessageAttributeValue>;
  sentAt: number;
  visibleAt: number;
  receiveCount: number;
  firstReceivedAt: number | undefined;
  receiptHandle: string | undefined;
  groupId: string | undefined;
  deduplicationId: string | undefined;
  sequenceNumber: string | undefined;
  deadLetterSourceArn: string | undefined;
}

export function validateSend(input: SendMessageInput, config: QueueConfig): void {
  if (input.body.length === 0) throw missingParameter('The request must contain the parameter MessageBody.');
  if (Buffer.byteLength(input.body) > config.maximumMessageSize) {
    throw invalidParameter(
      `One or more parameters are invalid. Reason: Message must be shorter than ${config.maximumMessageSize} bytes.`,
    );
  }
  if (
    input.delaySeconds !== undefined &&
    (!Number.isInteger(input.delaySeconds) || input.delaySeconds < 0 || input.delaySeconds > 900)
  ) {
    throw invalidParameter('DelaySeconds must be an integer between 0 and 900');
  }
  if (Object.keys(input.messageAttributes ?? {}).length > 10)
    throw invalidParameter('Number of message attributes exceeds 10');
  if (!config.fifo) return;
  if (!input.messageGroupId) throw missingParameter('The request must contain the parameter MessageGroupId.');
  if (input.delaySeconds !== undefined && input.delaySeconds !== 0) {
    throw invalidParameter(
      'Value for parameter DelaySeconds is invalid. Reason: The request include parameter that is not valid for this queue type.',
    );
  }
  if (!input.messageDeduplicationId && !config.contentBasedDeduplication) {
    throw invalidParameter(
      'The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly',
    );
  }
}

export function snapshot(message: StoredMessage): QueueMessage {
  const attributes: Record<string, string> = {
    SenderId: 'AIDALOCALSQSSENDER0000',
    SentTimestamp: String(message.sentAt),
    ApproximateReceiveCount: String(message.receiveCount),
    ApproximateFirstReceiveTimestamp: String(message.firstReceivedAt ?? message.sentAt),
    ...(message.groupId !== undefined && { MessageGroupId: message.groupId }),
    ...(message.deduplicationId !== undefined && { MessageDeduplicationId: message.deduplicationId }),
    ...(message.sequenceNumber !== undefined && { SequenceNumber: message.sequenceNumber }),
    ...(message.deadLetterSourceArn !== undefined && {
      DeadLetterQueueSourceArn: message.deadLetterSourceArn,
    }),
  };
  return {
    messageId: message.messageId,
    receiptHandle: message.receiptHandle ?? '',
    body: message.body,
    md5OfBody: message.md5OfBody,
    ...(message.md5OfMessageAttributes && { md5OfMessageAttributes: message.md5OfMessageAttributes }),
    messageAttributes: structuredClone(message.messageAttributes),
    attributes,
  };
}

function missingParameter(message: string): AwsServiceError {
  return new AwsServiceError('MissingParameter', message, { queryErrorCode: 'MissingParameter' });
}
