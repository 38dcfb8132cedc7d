import { type Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { DeliveryOutcome } from '#application/outbox/deliver-outbox-message';
import { IRIS_METRICS } from '#logging/metric-names';

/** Counts delivered and failed-for-good messages (`MessageSent`, `MessageFailed`) for the stack's alarms. */
export function countDeliveryOutcome(metrics: Pick<Metrics, 'addMetric'>) {
  return (outcome: DeliveryOutcome): void => {
    if (outcome.kind === 'sent') metrics.addMetric(IRIS_METRICS.messageSent, MetricUnit.Count, 1);
    if (outcome.kind === 'failed') metrics.addMetric(IRIS_METRICS.messageFailed, MetricUnit.Count, 1);
  };
}
