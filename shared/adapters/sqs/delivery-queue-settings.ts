/**
 * The delivery queues' settings, as plain data: the CDK stack builds the queues from them and the delivery
 * functions' retry logic reads the same numbers, so `maxReceiveCount` cannot drift between the two.
 */
export const DELIVERY_QUEUE_SETTINGS = {
  /** ≥ 6 × the delivery function's timeout (AWS's advice for Lambda consumers). */
  visibilityTimeoutSeconds: 180,
  /** Receives before SQS moves a message to the DLQ (crashes, poison bodies, storage outages). */
  maxReceiveCount: 8,
  /** Messages and DLQ entries are kept the SQS maximum, so nothing is lost over a long weekend. */
  retentionSeconds: 14 * 86_400,
  /** Lambda event source mapping. */
  batchSize: 10,
  maximumBatchingWindowSeconds: 1,
  /** Concurrent invocations each delivery queue may drive (paces sends to WhatsApp and SES); the local cloud runs as many. */
  maxConcurrency: { whatsapp: 5, email: 2 },
  /** Retry delay after a retryable failure: 30 s, 60 s, 120 s... capped at one hour (plus jitter). */
  backoff: { baseSeconds: 30, maxSeconds: 3_600 },
  /** Delivery function timeout; the stale-claim threshold and the provider timeouts stay below/above it. */
  functionTimeoutSeconds: 30,
} as const;
