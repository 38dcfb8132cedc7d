import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { IRIS_METRIC_NAMESPACE, type IrisMetricName } from './metric-names';

/** Counts one business event (the metrics docs/deploy.md lists) as a CloudWatch EMF line, printed at once. */
export interface BusinessMetrics {
  count(name: IrisMetricName): void;
}

/**
 * Powertools Metrics, namespace `IRIS`, service = `serviceName` or `POWERTOOLS_SERVICE_NAME`. Each count is a
 * single-metric EMF line written immediately, so no handler needs the `logMetrics` middleware to flush it and
 * a count survives the invocation failing afterwards. Built on first use, so the environment (e.g.
 * `POWERTOOLS_METRICS_DISABLED` in the local cloud) is read once the function is configured.
 */
export function businessMetrics(serviceName?: string): BusinessMetrics {
  let metrics: Metrics | undefined;
  return {
    count(name) {
      metrics ??= new Metrics({ namespace: IRIS_METRIC_NAMESPACE, ...(serviceName ? { serviceName } : {}) });
      metrics.singleMetric().addMetric(name, MetricUnit.Count, 1);
    },
  };
}

/** For use cases, which do not know their function: the service comes from `POWERTOOLS_SERVICE_NAME`. */
export const functionMetrics: BusinessMetrics = businessMetrics();
