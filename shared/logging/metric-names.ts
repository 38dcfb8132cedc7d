/**
 * The business metrics the handlers emit as CloudWatch EMF with Powertools Metrics (namespace `IRIS`, from
 * `POWERTOOLS_METRICS_NAMESPACE`; service = the function's name, from `POWERTOOLS_SERVICE_NAME`). Alarms do not
 * depend on the dimensions chosen: the stack counts the values it alarms on with metric filters on each
 * function's own log group (EMF lines carry each metric as a top-level JSON key), so emit them with Powertools
 * (`metrics.addMetric(name, MetricUnit.Count, 1)`) and the name exactly as written here.
 */
export const IRIS_METRIC_NAMESPACE = 'IRIS';

export const IRIS_METRICS = {
  /** A webhook refused for a bad or missing signature (WhatsApp) or Basic auth (Paytime). Unit: Count. Alarmed. */
  webhookSignatureRejected: 'WebhookSignatureRejected',
  /** A webhook accepted (authenticated and parsed). Unit: Count. */
  webhookReceived: 'WebhookReceived',
  /** A boleto created at the provider (once per boleto, not per attempt). Unit: Count. */
  boletoCreated: 'BoletoCreated',
  /** An outbox message handed to WhatsApp or SES. Unit: Count. */
  messageSent: 'MessageSent',
  /** An outbox message that failed for good (marked failed or sent to the DLQ). Unit: Count. */
  messageFailed: 'MessageFailed',
  /** A reminder put in the outbox by the reminder loop. Unit: Count. */
  reminderSent: 'ReminderSent',
} as const;

export type IrisMetricName = (typeof IRIS_METRICS)[keyof typeof IRIS_METRICS];
