import { AwsServiceError } from '#infra/local/emulators/aws-service-error';

/**
 * A standard queue's settings, parsed from the CreateQueue attributes IRIS sets (`wire-local-functions.ts`
 * mirrors the stack's delivery queues): visibility timeout, retention and the redrive policy. Any other
 * attribute is refused rather than silently ignored.
 */
export interface QueueConfig {
  name: string;
  arn: string;
  visibilityTimeoutSeconds: number;
  messageRetentionSeconds: number;
  redrivePolicy?: { deadLetterTargetArn: string; maxReceiveCount: number };
}

const MAXIMUM_MESSAGE_BYTES = 262_144;

export function invalidParameter(message: string): AwsServiceError {
  return new AwsServiceError('InvalidParameterValue', message, { queryErrorCode: 'InvalidParameterValue' });
}

export function queueConfig(
  name: string,
  attributes: Readonly<Record<string, string>>,
  location: { region: string; accountId: string },
): QueueConfig {
  if (!/^[A-Za-z0-9_-]{1,80}$/.test(name)) throw invalidParameter(`Invalid queue name: ${name}`);
  const config: QueueConfig = {
    name,
    arn: `arn:aws:sqs:${location.region}:${location.accountId}:${name}`,
    visibilityTimeoutSeconds: 30,
    messageRetentionSeconds: 345_600,
  };
  for (const [key, value] of Object.entries(attributes)) {
    if (key === 'VisibilityTimeout') config.visibilityTimeoutSeconds = integerIn(key, value, 0, 43_200);
    else if (key === 'MessageRetentionPeriod')
      config.messageRetentionSeconds = integerIn(key, value, 60, 1_209_600);
    else if (key === 'RedrivePolicy') config.redrivePolicy = redrivePolicy(value);
    else {
      throw new AwsServiceError('InvalidAttributeName', `Unknown Attribute ${key}.`, {
        queryErrorCode: 'InvalidAttributeName',
      });
    }
  }
  return config;
}

/** SendMessage's checks on what IRIS sends: a body within SQS's size limit, a delay within 0–900 s. */
export function validateSend(body: string, delaySeconds: number | undefined): void {
  if (body.length === 0) {
    throw new AwsServiceError('MissingParameter', 'The request must contain the parameter MessageBody.', {
      queryErrorCode: 'MissingParameter',
    });
  }
  if (Buffer.byteLength(body) > MAXIMUM_MESSAGE_BYTES) {
    throw invalidParameter(`Message must be shorter than ${MAXIMUM_MESSAGE_BYTES} bytes.`);
  }
  if (
    delaySeconds !== undefined &&
    (!Number.isInteger(delaySeconds) || delaySeconds < 0 || delaySeconds > 900)
  ) {
    throw invalidParameter('DelaySeconds must be an integer between 0 and 900');
  }
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
