import { ArnFormat, type CfnElement, type RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { acknowledgeNag } from '#infra/nag/acknowledge';
import type { IrisFunction } from './iris-function';

export interface IrisStateMachineProps {
  /**
   * The state machine's name, e.g. `iris-demo-prod-conversation` (also its log group's suffix). Explicit, so
   * its ARN is known without referencing the resource: a task function may receive its own workflow's ARN
   * without a circular dependency (the definition already references the function).
   */
  readonly stateMachineName: string;
  /** The ASL definition as plain data (the same object the local cloud runs). */
  readonly definition: object;
  /** `${Key}` substitutions in the definition, each a function its Tasks invoke. */
  readonly taskFunctions: Readonly<Record<string, IrisFunction>>;
  /** Other `${Key}` substitutions (resource names the definition refers to, e.g. the ItemReader's bucket). */
  readonly substitutions?: Readonly<Record<string, string>>;
  readonly logRetention: logs.RetentionDays;
  readonly removalPolicy: RemovalPolicy;
  /**
   * A Distributed Map reads its items from these objects (ItemReader `s3:getObject`) and starts its child
   * executions: GetObject on `<bucket>/<prefix>*` and StartExecution / DescribeExecution / StopExecution on
   * this state machine's own executions.
   */
  readonly distributedMapItems?: { bucket: s3.IBucket; prefix: string };
}

/**
 * A Standard state machine built from a plain ASL object: `DefinitionBody.fromString(JSON.stringify(def))`
 * with definition substitutions for the task functions' ARNs, so the cloud runs exactly the JSON the local
 * cloud runs. Logs ALL events (without execution data: inputs carry phone numbers and messages) to a vended
 * log group, X-Ray tracing on, and its role may invoke only its task functions.
 */
export class IrisStateMachine extends Construct {
  readonly stateMachine: sfn.StateMachine;
  readonly logGroup: logs.LogGroup;
  readonly stateMachineName: string;
  /** `arn:<partition>:states:<region>:<account>:stateMachine:<name>`, built from the name (no resource reference). */
  readonly stateMachineArn: string;
  /** Every execution of this state machine: `arn:…:execution:<name>:*`. */
  readonly executionsArn: string;

  constructor(scope: Construct, id: string, props: IrisStateMachineProps) {
    super(scope, id);
    this.stateMachineName = props.stateMachineName;
    const arn = (resource: string, resourceName: string) =>
      Stack.of(this).formatArn({
        service: 'states',
        resource,
        resourceName,
        arnFormat: ArnFormat.COLON_RESOURCE_NAME,
      });
    this.stateMachineArn = arn('stateMachine', props.stateMachineName);
    this.executionsArn = arn('execution', `${props.stateMachineName}:*`);
    this.logGroup = new logs.LogGroup(this, 'LogGroup', {
      // The /aws/vendedlogs/ prefix keeps CloudWatch Logs' resource policy small (AWS's advice for Step Functions).
      logGroupName: `/aws/vendedlogs/states/${props.stateMachineName}`,
      retention: props.logRetention,
      removalPolicy: props.removalPolicy,
    });
    const substitutions: Record<string, string> = { ...props.substitutions };
    for (const [key, fn] of Object.entries(props.taskFunctions)) {
      substitutions[key] = fn.function.functionArn;
    }
    this.stateMachine = new sfn.StateMachine(this, 'StateMachine', {
      stateMachineName: props.stateMachineName,
      stateMachineType: sfn.StateMachineType.STANDARD,
      comment: `IRIS ${props.stateMachineName}`,
      definitionBody: sfn.DefinitionBody.fromString(JSON.stringify(props.definition)),
      definitionSubstitutions: substitutions,
      logs: { destination: this.logGroup, level: sfn.LogLevel.ALL, includeExecutionData: false },
      tracingEnabled: true,
      removalPolicy: props.removalPolicy,
    });
    // Exactly the unqualified function ARNs the Task states name (no `:*` for versions or aliases).
    this.stateMachine.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['lambda:InvokeFunction'],
        resources: Object.values(props.taskFunctions).map((fn) => fn.function.functionArn),
      }),
    );
    if (props.distributedMapItems) this.allowDistributedMap(props.distributedMapItems);
    acknowledgeNag(
      this.stateMachine.role,
      'AwsSolutions-IAM5[Resource::*]',
      'Vended log delivery (logs:CreateLogDelivery, PutResourcePolicy, DescribeLogGroups...) and X-Ray tracing actions do not support resource-level permissions; Step Functions requires them on "*".',
    );
  }

  private allowDistributedMap(items: { bucket: s3.IBucket; prefix: string }): void {
    this.stateMachine.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['s3:GetObject'],
        resources: [items.bucket.arnForObjects(`${items.prefix}*`)],
      }),
    );
    this.stateMachine.addToRolePolicy(
      new iam.PolicyStatement({ actions: ['states:StartExecution'], resources: [this.stateMachineArn] }),
    );
    this.stateMachine.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['states:DescribeExecution', 'states:StopExecution'],
        resources: [this.executionsArn],
      }),
    );
    acknowledgeNag(
      this.stateMachine.role,
      `AwsSolutions-IAM5[Resource::<${Stack.of(this).getLogicalId(items.bucket.node.defaultChild as CfnElement)}.Arn>/${items.prefix}*]`,
      `The Distributed Map reads each import's normalised CSV, whose key is minted per import: GetObject on the ${items.prefix} prefix of the stack's own bucket only.`,
    );
    acknowledgeNag(
      this.stateMachine.role,
      `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:execution:${this.stateMachineName}:*]`,
      "A Distributed Map describes and stops the child executions it starts, whose names Step Functions mints: the grant covers this state machine's executions only.",
    );
  }
}
