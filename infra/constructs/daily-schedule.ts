import { type CfnElement, Duration, Stack, TimeZone } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as targets from 'aws-cdk-lib/aws-scheduler-targets';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { acknowledgeNag } from '#infra/nag/acknowledge';
import type { IrisFunction } from './iris-function';

export interface DailyScheduleProps {
  readonly scheduleName: string;
  readonly description: string;
  readonly target: IrisFunction;
  /** São Paulo wall-clock time of the daily run. */
  readonly hour: number;
  readonly minute: number;
  /** The event the function receives. */
  readonly input: Record<string, unknown>;
  /** Where an invocation that exhausted its retries is described. */
  readonly deadLetterQueue: sqs.IQueue;
}

/**
 * An EventBridge Scheduler schedule that invokes a function once a day at a São Paulo wall-clock time
 * (`cron(m h * * ? *)` in America/Sao_Paulo), with its own role allowed to invoke only that function,
 * bounded retries and a dead-letter queue.
 */
export class DailySchedule extends Construct {
  readonly schedule: scheduler.Schedule;
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: DailyScheduleProps) {
    super(scope, id);
    this.role = new iam.Role(this, 'Role', {
      // Confused-deputy guard: only schedules of this account may assume the role.
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
      description: `EventBridge Scheduler: ${props.scheduleName}`,
    });
    this.schedule = new scheduler.Schedule(this, 'Schedule', {
      scheduleName: props.scheduleName,
      description: props.description,
      schedule: scheduler.ScheduleExpression.cron({
        minute: String(props.minute),
        hour: String(props.hour),
        timeZone: TimeZone.AMERICA_SAO_PAULO,
      }),
      target: new targets.LambdaInvoke(props.target.function, {
        role: this.role,
        input: scheduler.ScheduleTargetInput.fromObject(props.input),
        retryAttempts: 3,
        maxEventAge: Duration.hours(2),
        deadLetterQueue: props.deadLetterQueue,
      }),
    });
    const functionLogicalId = Stack.of(this).getLogicalId(
      props.target.function.node.defaultChild as CfnElement,
    );
    acknowledgeNag(
      this.role,
      `AwsSolutions-IAM5[Resource::<${functionLogicalId}.Arn>:*]`,
      'The LambdaInvoke target grants lambda:InvokeFunction on the target function and its versions/aliases (`:*`); it is this one function only.',
    );
  }
}
