import { type LocalHttpServer, startAwsJsonServer } from '#infra/local/emulators/aws-json-http-server';
import { AwsServiceError } from '#infra/local/emulators/aws-service-error';
import type { QueueMessage, SendMessageInput } from './local-queue';
import type { LocalSqs } from './local-sqs';
import { type MessageAttributeValue, md5OfMessageAttributes } from './message-md5';

/**
 * The SQS API in the AWS JSON 1.0 protocol that current `@aws-sdk/client-sqs` speaks (`X-Amz-Target:
 * AmazonSQS.<Operation>`, query-compatible error codes in `x-amzn-query-error`), on loopback, so the production
 * `new SQSClient({ endpoint })` works unchanged. Queue URLs point at this server.
 */

export interface SqsHttpServerOptions {
  host?: string;
  port?: number;
}

type Input = Record<string, unknown>;

export function createSqsHttpServer(
  sqs: LocalSqs,
  options: SqsHttpServerOptions = {},
): Promise<LocalHttpServer> {
  return startAwsJsonServer({
    targetPrefix: 'AmazonSQS',
    errorNamespace: 'com.amazonaws.sqs',
    ...options,
    onListening: (endpoint) => sqs.setEndpoint(endpoint),
    operations: {
      CreateQueue: (input) => ({
        QueueUrl: sqs.createQueue(text(input, 'QueueName'), stringMap(input.Attributes)),
      }),
      GetQueueUrl: (input) => ({ QueueUrl: sqs.queueUrl(text(input, 'QueueName')) }),
      ListQueues: (input) => ({ QueueUrls: sqs.listQueueUrls(optionalText(input, 'QueueNamePrefix')) }),
      DeleteQueue: (input) => sqs.deleteQueue(text(input, 'QueueUrl')),
      PurgeQueue: (input) => sqs.queue(text(input, 'QueueUrl')).purge(),
      GetQueueAttributes: (input) => {
        const all = sqs.queue(text(input, 'QueueUrl')).attributes();
        const names = stringList(input.AttributeNames);
        const wanted = names.includes('All') ? Object.keys(all) : names;
        return {
          Attributes: Object.fromEntries(Object.entries(all).filter(([name]) => wanted.includes(name))),
        };
      },
      SetQueueAttributes: (input) =>
        sqs.setQueueAttributes(text(input, 'QueueUrl'), stringMap(input.Attributes)),
      SendMessage: (input) => {
        const sent = sqs.sendMessage(text(input, 'QueueUrl'), sendInput(input, 'MessageBody'));
        return {
          MessageId: sent.messageId,
          MD5OfMessageBody: sent.md5OfBody,
          ...(sent.md5OfMessageAttributes && { MD5OfMessageAttributes: sent.md5OfMessageAttributes }),
          ...(sent.sequenceNumber && { SequenceNumber: sent.sequenceNumber }),
        };
      },
      SendMessageBatch: (input) => {
        const queueUrl = text(input, 'QueueUrl');
        return batch(input, (entry) => {
          const sent = sqs.sendMessage(queueUrl, sendInput(entry, 'MessageBody'));
          return {
            MessageId: sent.messageId,
            MD5OfMessageBody: sent.md5OfBody,
            ...(sent.md5OfMessageAttributes && { MD5OfMessageAttributes: sent.md5OfMessageAttributes }),
            ...(sent.sequenceNumber && { SequenceNumber: sent.sequenceNumber }),
          };
        });
      },
      ReceiveMessage: async (input, signal) => {
        const messages = await sqs.receiveMessage(text(input, 'QueueUrl'), {
          signal,
          ...(typeof input.MaxNumberOfMessages === 'number' && {
            maxNumberOfMessages: input.MaxNumberOfMessages,
          }),
          ...(typeof input.VisibilityTimeout === 'number' && {
            visibilityTimeoutSeconds: input.VisibilityTimeout,
          }),
          ...(typeof input.WaitTimeSeconds === 'number' && { waitTimeSeconds: input.WaitTimeSeconds }),
        });
        const systemNames = [
          ...stringList(input.AttributeNames),
          ...stringList(input.MessageSystemAttributeNames),
        ];
        const attributeNames = stringList(input.MessageAttributeNames);
        return messages.length === 0
          ? {}
          : { Messages: messages.map((m) => apiMessage(m, systemNames, attributeNames)) };
      },
      DeleteMessage: (input) => sqs.queue(text(input, 'QueueUrl')).delete(text(input, 'ReceiptHandle')),
      DeleteMessageBatch: (input) => {
        const queue = sqs.queue(text(input, 'QueueUrl'));
        return batch(input, (entry) => queue.delete(text(entry, 'ReceiptHandle')));
      },
      ChangeMessageVisibility: (input) =>
        sqs
          .queue(text(input, 'QueueUrl'))
          .changeVisibility(text(input, 'ReceiptHandle'), Number(input.VisibilityTimeout)),
      ChangeMessageVisibilityBatch: (input) => {
        const queue = sqs.queue(text(input, 'QueueUrl'));
        return batch(input, (entry) =>
          queue.changeVisibility(text(entry, 'ReceiptHandle'), Number(entry.VisibilityTimeout)),
        );
      },
    },
  });
}

function apiMessage(message: QueueMessage, systemNames: string[], attributeNames: string[]) {
  const allSystem = systemNames.includes('All');
  const attributes = Object.fromEntries(
    Object.entries(message.attributes).filter(([name]) => allSystem || systemNames.includes(name)),
  );
  const messageAttributes = Object.fromEntries(
    Object.entries(message.messageAttributes).filter(([name]) => wantsAttribute(name, attributeNames)),
  );
  const md5 = md5OfMessageAttributes(messageAttributes);
  return {
    MessageId: message.messageId,
    ReceiptHandle: message.receiptHandle,
    MD5OfBody: message.md5OfBody,
    Body: message.body,
    ...(Object.keys(attributes).length > 0 && { Attributes: attributes }),
    ...(md5 && { MD5OfMessageAttributes: md5, MessageAttributes: messageAttributes }),
  };
}

function wantsAttribute(name: string, requested: string[]): boolean {
  return requested.some(
    (pattern) =>
      pattern === 'All' ||
      pattern === '.*' ||
      pattern === name ||
      (pattern.endsWith('.*') && name.startsWith(pattern.slice(0, -1))),
  );
}

function sendInput(input: Input, bodyField: string): SendMessageInput {
  return {
    body: text(input, bodyField),
    ...(typeof input.DelaySeconds === 'number' && { delaySeconds: input.DelaySeconds }),
    ...(typeof input.MessageGroupId === 'string' && { messageGroupId: input.MessageGroupId }),
    ...(typeof input.MessageDeduplicationId === 'string' && {
      messageDeduplicationId: input.MessageDeduplicationId,
    }),
    ...(input.MessageAttributes !== undefined && {
      messageAttributes: input.MessageAttributes as Record<string, MessageAttributeValue>,
    }),
  };
}

/** Runs one action per entry; per-entry failures are reported, request-level problems are thrown. */
function batch(input: Input, action: (entry: Input) => unknown) {
  const entries = Array.isArray(input.Entries) ? (input.Entries as Input[]) : [];
  if (entries.length === 0)
    throw batchError('EmptyBatchRequest', 'There should be at least one entry in the request.');
  if (entries.length > 10)
    throw batchError('TooManyEntriesInBatchRequest', 'Maximum number of entries per request are 10.');
  const ids = entries.map((entry) => String(entry.Id ?? ''));
  if (new Set(ids).size !== ids.length)
    throw batchError('BatchEntryIdsNotDistinct', 'Two or more batch entries have the same Id.');
  if (ids.some((id) => !/^[A-Za-z0-9_-]{1,80}$/.test(id)))
    throw batchError('InvalidBatchEntryId', 'A batch entry id is invalid.');
  const Successful: Record<string, unknown>[] = [];
  const Failed: Record<string, unknown>[] = [];
  for (const entry of entries) {
    try {
      Successful.push({ Id: entry.Id, ...((action(entry) as Record<string, unknown> | undefined) ?? {}) });
    } catch (error) {
      if (!(error instanceof AwsServiceError)) throw error;
      Failed.push({
        Id: entry.Id,
        SenderFault: error.status < 500,
        Code: error.code,
        Message: error.message,
      });
    }
  }
  return { Successful, Failed };
}

function batchError(code: string, message: string): AwsServiceError {
  return new AwsServiceError(code, message, { queryErrorCode: `AWS.SimpleQueueService.${code}` });
}

function text(input: Input, field: string): string {
  const value = input[field];
  if (typeof value !== 'string') {
    throw new AwsServiceError('MissingParameter', `The request must contain the parameter ${field}.`, {
      queryErrorCode: 'MissingParameter',
    });
  }
  return value;
}

function optionalText(input: Input, field: string): string | undefined {
  return typeof input[field] === 'string' ? (input[field] as string) : undefined;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function stringMap(value: unknown): Record<string, string> {
  if (value === null || typeof value !== 'object') return {};
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, String(item)]));
}
