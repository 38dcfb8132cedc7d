import { type LocalHttpServer, startAwsJsonServer } from '#infra/local/emulators/aws-json-http-server';
import { AwsServiceError } from '#infra/local/emulators/aws-service-error';
import type { LocalSqs } from './local-sqs';

/**
 * The two SQS operations IRIS's functions call (`shared/adapters/sqs/sqs-outbox-queue.ts`: SendMessage and
 * ChangeMessageVisibility) in the AWS JSON 1.0 protocol that current `@aws-sdk/client-sqs` speaks
 * (`X-Amz-Target: AmazonSQS.<Operation>`, query-compatible error codes in `x-amzn-query-error`), on loopback,
 * so the production `SQSClient` works unchanged. Queues are created, received from and deleted from in-process
 * (the local cloud's wiring and its event sources), as Lambda's event source mapping does in AWS.
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
      SendMessage: (input) => {
        const sent = sqs.sendMessage(text(input, 'QueueUrl'), {
          body: text(input, 'MessageBody'),
          ...(typeof input.DelaySeconds === 'number' && { delaySeconds: input.DelaySeconds }),
        });
        return { MessageId: sent.messageId, MD5OfMessageBody: sent.md5OfBody };
      },
      ChangeMessageVisibility: (input) =>
        sqs
          .queue(text(input, 'QueueUrl'))
          .changeVisibility(text(input, 'ReceiptHandle'), Number(input.VisibilityTimeout)),
    },
  });
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
