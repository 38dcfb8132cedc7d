import { Duration } from 'aws-cdk-lib';
import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import type { IrisMetricName } from '#logging/metric-names';
import type { IrisFunction } from './iris-function';

export interface OperatorAlarmsProps {
  /** `iris-<tenant>-<stage>`: prefixes every alarm name. */
  readonly prefix: string;
  /** `IRIS/<tenant>/<stage>`: namespace of the metrics this stack derives from its functions' logs. */
  readonly logMetricNamespace: string;
  readonly alarmEmail: string;
}

const FIVE_MINUTES = Duration.minutes(5);

/**
 * The operators' SNS topic (e-mail subscription from the tenant config) and the alarms that notify it, on
 * alarm and on recovery. Every alarm treats missing data as fine: no traffic is not a failure.
 */
export class OperatorAlarms extends Construct {
  readonly topic: sns.Topic;
  readonly alarms: cloudwatch.Alarm[] = [];
  private readonly prefix: string;
  readonly logMetricNamespace: string;

  constructor(scope: Construct, id: string, props: OperatorAlarmsProps) {
    super(scope, id);
    this.prefix = props.prefix;
    this.logMetricNamespace = props.logMetricNamespace;
    this.topic = new sns.Topic(this, 'Topic', {
      displayName: `IRIS alarms ${props.prefix}`,
      enforceSSL: true,
    });
    this.topic.addSubscription(new subscriptions.EmailSubscription(props.alarmEmail));
  }

  private add(
    id: string,
    props: Omit<cloudwatch.AlarmProps, 'alarmName' | 'treatMissingData'>,
  ): cloudwatch.Alarm {
    const alarm = new cloudwatch.Alarm(this, id, {
      ...props,
      alarmName: `${this.prefix}-${id}`,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new actions.SnsAction(this.topic));
    alarm.addOkAction(new actions.SnsAction(this.topic));
    this.alarms.push(alarm);
    return alarm;
  }

  /** Any message in a dead-letter queue needs a person: it will not be retried by itself. */
  deadLetterQueueNotEmpty(id: string, queue: sqs.IQueue): void {
    this.add(id, {
      alarmDescription: `Messages are waiting in the dead-letter queue ${queue.node.path}: inspect and redrive them.`,
      metric: queue.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(1),
        statistic: 'Maximum',
      }),
      threshold: 0,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
    });
  }

  /** A failed or timed-out execution: the workflow's own failure path already told the owner. */
  workflowFailures(id: string, stateMachine: sfn.IStateMachine): void {
    const failed = stateMachine.metricFailed({ period: FIVE_MINUTES, statistic: 'Sum' });
    const timedOut = stateMachine.metricTimedOut({ period: FIVE_MINUTES, statistic: 'Sum' });
    this.add(id, {
      alarmDescription: 'Step Functions executions failed or timed out.',
      metric: new cloudwatch.MathExpression({
        expression: 'FILL(failed, 0) + FILL(timedOut, 0)',
        usingMetrics: { failed, timedOut },
        period: FIVE_MINUTES,
        label: 'ExecutionsFailed + ExecutionsTimedOut',
      }),
      threshold: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
    });
  }

  /** Any 5xx on a webhook: the provider will retry (Paytime only 3 times), so someone should look now. */
  webhookServerErrors(id: string, api: apigwv2.IHttpApi): void {
    this.add(id, {
      alarmDescription: 'The webhook API answered 5xx.',
      metric: api.metricServerError({ period: FIVE_MINUTES, statistic: 'Sum' }),
      threshold: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
    });
  }

  /** More than a quarter of at least 20 requests in 5 minutes answered 4xx: misconfiguration or probing. */
  webhookClientErrorRate(id: string, api: apigwv2.IHttpApi): void {
    const errors = api.metricClientError({ period: FIVE_MINUTES, statistic: 'Sum' });
    const count = api.metricCount({ period: FIVE_MINUTES, statistic: 'Sum' });
    this.add(id, {
      alarmDescription: 'Over 25% of webhook requests answered 4xx (at least 20 requests in 5 minutes).',
      metric: new cloudwatch.MathExpression({
        expression: 'IF(FILL(count, 0) >= 20, 100 * FILL(errors, 0) / count, 0)',
        usingMetrics: { errors, count },
        period: FIVE_MINUTES,
        label: 'Webhook 4xx rate (%)',
      }),
      threshold: 25,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
    });
  }

  /**
   * A spike of rejected signatures / Basic credentials: a rotated secret that was not deployed, or someone
   * forging webhooks. Counts the `WebhookSignatureRejected` EMF metric the handler emits, through a metric
   * filter on the function's own log group: it matches whatever dimensions the handler adds, and the
   * resulting metric (`IRIS/<tenant>/<stage>/<function>`) belongs to this tenant-stage alone.
   */
  signatureRejectionSpike(id: string, fn: IrisFunction, threshold: number): void {
    const metricName: IrisMetricName = 'WebhookSignatureRejected';
    const filter = new logs.MetricFilter(this, `${id}Filter`, {
      logGroup: fn.logGroup,
      filterPattern: logs.FilterPattern.numberValue(`$.${metricName}`, '>=', 1),
      metricNamespace: `${this.logMetricNamespace}/${fn.name}`,
      metricName,
      metricValue: `$.${metricName}`,
      defaultValue: 0,
    });
    this.add(id, {
      alarmDescription: `${fn.name} rejected at least ${threshold} requests for a bad signature or credentials in 5 minutes.`,
      metric: filter.metric({ period: FIVE_MINUTES, statistic: 'Sum' }),
      threshold,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
    });
  }

  /** Unhandled errors (not batch item failures, which end in the DLQ alarms). */
  functionErrors(id: string, fn: IrisFunction): void {
    this.add(id, {
      alarmDescription: `${fn.name} threw unhandled errors.`,
      metric: fn.function.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum' }),
      threshold: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
    });
  }

  /**
   * Errors of a function that also ends by design with named errors (the reminder step's `ReminderLoopEnded`,
   * which Step Functions catches into Succeed; the conversation step's `OwnerConfirmationAwaited`, caught back
   * into the confirmation): Lambda's Errors metric would count them, so this counts ERROR lines in the function's
   * log instead (its own `logger.error` lines and the runtime's "Invoke Error" lines), minus the runtime's lines
   * for those error types.
   */
  functionErrorsExcept(id: string, fn: IrisFunction, expectedErrorTypes: readonly string[]): void {
    const expected = expectedErrorTypes.map((type) => `($.errorType != "${type}")`).join(' && ');
    const filter = new logs.MetricFilter(this, `${id}Filter`, {
      logGroup: fn.logGroup,
      filterPattern: logs.FilterPattern.literal(
        `{ ($.level = "ERROR") && (($.message != "Invoke Error") || ${expectedErrorTypes.length > 1 ? `(${expected})` : expected}) }`,
      ),
      metricNamespace: `${this.logMetricNamespace}/${fn.name}`,
      metricName: 'UnexpectedErrors',
      metricValue: '1',
      defaultValue: 0,
    });
    this.add(id, {
      alarmDescription: `${fn.name} logged errors other than its expected ${expectedErrorTypes.join(', ')}.`,
      metric: filter.metric({ period: FIVE_MINUTES, statistic: 'Sum' }),
      threshold: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
    });
  }
}
