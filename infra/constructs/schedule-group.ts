import { type RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { IrisFunction } from './iris-function';
import type { IrisStateMachine } from './iris-state-machine';

export interface ScheduleGroupProps {
  /** `iris-<tenant>-<stage>`: every schedule the functions create at run time lives in this group. */
  readonly groupName: string;
  /** Where a target invocation that exhausted its retries is described. */
  readonly deadLetterQueue: sqs.IQueue;
  readonly removalPolicy: RemovalPolicy;
}

/**
 * The stack's EventBridge Scheduler group for schedules created at run time (through the `Schedules` port,
 * `shared/adapters/scheduler/eventbridge-schedules.ts`), and the one role those schedules run as. The role
 * starts with no target: `allowInvoke` / `allowStartExecution` add exactly the function or state machine a
 * feature schedules, and it may send to the dead-letter queue. Only Scheduler of this account, for schedules
 * of this group, may assume it (confused-deputy guard). A function that manages schedules gets
 * `manageSchedules` (`function-access.ts`).
 */
export class IrisScheduleGroup extends Construct {
  readonly group: scheduler.ScheduleGroup;
  readonly role: iam.Role;
  readonly groupName: string;
  readonly deadLetterQueue: sqs.IQueue;

  constructor(scope: Construct, id: string, props: ScheduleGroupProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.groupName = props.groupName;
    this.deadLetterQueue = props.deadLetterQueue;
    this.group = new scheduler.ScheduleGroup(this, 'Group', {
      scheduleGroupName: props.groupName,
      removalPolicy: props.removalPolicy,
    });
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', {
        conditions: {
          StringEquals: { 'aws:SourceAccount': stack.account },
          ArnLike: {
            'aws:SourceArn': stack.formatArn({
              service: 'scheduler',
              resource: 'schedule',
              resourceName: `${props.groupName}/*`,
            }),
          },
        },
      }),
      description: `EventBridge Scheduler: schedules of group ${props.groupName}`,
    });
    props.deadLetterQueue.grantSendMessages(this.role);
  }

  /** Schedules of this group may invoke this function (and nothing else unless allowed too). */
  allowInvoke(target: IrisFunction): void {
    this.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['lambda:InvokeFunction'],
        resources: [target.function.functionArn],
      }),
    );
  }

  /** Schedules of this group may start executions of this state machine. */
  allowStartExecution(target: IrisStateMachine): void {
    this.role.addToPolicy(
      new iam.PolicyStatement({ actions: ['states:StartExecution'], resources: [target.stateMachineArn] }),
    );
  }

  /** The ARN pattern of this group's schedules (`schedule/<group>/*`). */
  schedulesArn(): string {
    return Stack.of(this).formatArn({
      service: 'scheduler',
      resource: 'schedule',
      resourceName: `${this.groupName}/*`,
    });
  }
}
