import { AwsServiceError } from '#infra/local/emulators/aws-service-error';

/** A queue's settings, parsed from the string attributes of CreateQueue / SetQueueAttributes. */
export interface QueueConfig {
  name: string;
  arn: string;
  fifo: boolean;
  contentBasedDeduplication: boolean;
  visibilityTimeoutSeconds: number;
  delaySeconds: number;
  messageRetentionSeconds: number;
  receiveMessageWaitTimeSeconds: number;
  maximumMessageSize: number;
  redrivePolicy?: { deadLetterTargetArn: string; maxReceiveCount: number };
}

const NAME_PATTERN = /^[A-Za-z0-9_-]{1,80}$/;

export function invalidParameter(message: string): AwsServiceError {
  return new AwsServiceError('InvalidParameterValue', message, { queryErrorCode: 'InvalidParameterValue' });
}

export function queueConfig(
  name: string,
  attributes: Readonly<Record<string, string>>,
  location: { region: string; accountId: string },
): QueueConfig {
  const fifo = name.endsWith('.fifo');
  const baseName = fifo ? name.slice(0, -'.fifo'.length) : name;
  if (!NAME_PATTERN.test(baseName)) throw invalidParameter(`Invalid queue name: ${name}`);
  if (attributes.FifoQueue !== undefined && (attributes.FifoQueue === 'true') !== fifo) {
    throw invalidParameter(
      'The name of a FIFO queue can only include alphanumeric characters, hyphens, or underscores, must end with .fifo suffix',
    );
  }
  const config: QueueConfig = {
    name,
    arn: `arn:aws:sqs:${location.region}:${location.accountId}:${name}`,
    fifo,
    contentBasedDeduplication: false,
    visibilityTimeoutSeconds: 30,
    delaySeconds: 0,
    messageRetentionSeconds: 345_600,
    receiveMessageWaitTimeSeconds: 0,
    maximumMessageSize: 262_144,
  };
  return applyQueueAttributes(config, attributes);
}

export function applyQueueAttributes(
  config: QueueConfig,
  attributes: Readonly<Record<string, string>>,
): QueueConfig {
  const next: QueueConfig = { ...config };
  for (const [key, value] of Object.entries(attributes)) {
    switch (key) {
      case 'VisibilityTimeout':
        next.visibilityTimeoutSeconds = integerIn(key, value, 0, 43_200);
        break;
      case 'DelaySeconds':
        next.delaySeconds = integerIn(key, value, 0, 900);
        break;
      case 'MessageRetentionPeriod':
        next.messageRetentionSeconds = integerIn(key, value, 60, 1_209_600);
        break;
      case 'ReceiveMessageWaitTimeSeconds':
        next.receiveMessageWaitTimeSeconds = integerIn(key, value, 0, 20);
        break;
      case 'MaximumMessageSize':
        next.maximumMessageSize = integerIn(key, value, 1_024, 1_048_576);
        break;
      case 'ContentBasedDeduplication':
        next.contentBasedDeduplication = value === 'true';
        break;
      case 'RedrivePolicy':
        next.redrivePolicy = value === '' ? undefined : redrivePolicy(value);
        break;
      case 'FifoQueue':
      case 'Policy':
      case 'KmsMasterKeyId':
      case 'KmsDataKeyReusePeriodSeconds':
      case 'SqsManagedSseEnabled':
      case 'DeduplicationScope':
      case 'FifoThroughputLimit':
      case 'RedriveAllowPolicy':
        break;
      default:
        throw new AwsServiceError('InvalidAttributeName', `Unknown Attribute ${key}.`, {
          queryErrorCode: 'InvalidAttributeName',
        });
    }
  }
  return next;
}

/** The attributes GetQueueAttributes reports for the configuration (counts are added by the queue). */
export function configAttributes(config: QueueConfig): Record<string, string> {
  return {
    QueueArn: config.arn,
    VisibilityTimeout: String(config.visibilityTimeoutSeconds),
    DelaySeconds: String(config.delaySeconds),
    MessageRetentionPeriod: String(config.messageRetentionSeconds),
    ReceiveMessageWaitTimeSeconds: String(config.receiveMessageWaitTimeSeconds),
    MaximumMessageSize: String(config.maximumMessageSize),
    ...(config.redrivePolicy && { RedrivePolicy: JSON.stringify(config.redrivePolicy) }),
    ...(config.fifo && {
      FifoQueue: 'true',
      ContentBasedDeduplication: String(config.contentBasedDeduplication),
    }),
  };
}

function redrivePolicy(value: string): { deadLetterTargetArn: string; maxReceiveCount: number } {
  let parsed: { deadLetterTargetArn?: unknown; maxReceiveCount?: unknown };
  try {
    parsed = JSON.parse(value);
  } catch (error) {
    throw invalidParameter(`Invalid value for the parameter RedrivePolicy: ${String(error)}`);
  }
  const maxReceiveCount = Number(parsed.maxReceiveCount);
  if (
    typeof parsed.deadLetterTargetArn !== 'string' ||
    !Number.isInteger(maxReceiveCount) ||
    maxReceiveCount < 1
  ) {
    throw invalidParameter('RedrivePolicy needs deadLetterTargetArn and a maxReceiveCount >= 1');
  }
  return { deadLetterTargetArn: parsed.deadLetterTargetArn, maxReceiveCount };
}

function integerIn(name: string, value: string, min: number, max: number): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
    throw invalidParameter(
      `Invalid value for the parameter ${name}: must be an integer between ${min} and ${max}`,
    );
  }
  return parsed;
}
