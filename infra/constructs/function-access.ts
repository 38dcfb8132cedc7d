import { ArnFormat, type CfnElement, Stack } from 'aws-cdk-lib';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as ses from 'aws-cdk-lib/aws-ses';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { indexNames } from '#adapters/dynamodb/table-design';
import { ENV, type EnvName, SECRETS, type SecretId } from '#infra/config/function-environment';
import { secretParameterName } from '#infra/config/secret-parameters';
import { acknowledgeNag } from '#infra/nag/acknowledge';
import type { Stage } from '#infra/stage';
import type { IrisFunction } from './iris-function';
import type { IrisStateMachine } from './iris-state-machine';
import type { IrisScheduleGroup } from './schedule-group';

/**
 * Each helper gives a function one capability: the environment variable that tells it WHERE, together with
 * the least-privilege grant that lets it act THERE. Nothing else adds permissions to a function's role, so
 * reading the stack's wiring tells exactly what each function may do.
 */

/** Item reads and writes, including transactions (which need the per-item actions). No Scan, no table admin. */
const TABLE_ITEM_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:ConditionCheckItem',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
];

/**
 * `TABLE_NAME` + item reads and writes on the table and Query on each of its named GSIs (listed one by one
 * from `IRIS_TABLE`, not `index/*`). Scan is not granted: every read is a GetItem or a Query (DESIGN §3).
 */
export function readWriteTable(fn: IrisFunction, table: dynamodb.ITableV2): void {
  accessTableAndIndexes(fn, table, TABLE_ITEM_ACTIONS);
}

/** `TABLE_NAME` + GetItem and Query on the table and Query on its named GSIs: a reader that writes nothing. */
export function readTable(fn: IrisFunction, table: dynamodb.ITableV2): void {
  accessTableAndIndexes(fn, table, ['dynamodb:GetItem', 'dynamodb:Query']);
}

function accessTableAndIndexes(fn: IrisFunction, table: dynamodb.ITableV2, actions: string[]): void {
  fn.addEnvironment(ENV.tableName, table.tableName);
  allow(fn, actions, [table.tableArn]);
  allow(
    fn,
    ['dynamodb:Query'],
    indexNames().map((indexName) => `${table.tableArn}/index/${indexName}`),
  );
}

/**
 * `TABLE_NAME` + GetItem, Query, PutItem and UpdateItem on the table itself (transactions of puts and updates
 * need the per-item actions): for a read-model projector that writes its lines and recomputes a summary from
 * them. No Delete, no Batch, no indexes.
 */
export function projectIntoTable(fn: IrisFunction, table: dynamodb.ITableV2): void {
  fn.addEnvironment(ENV.tableName, table.tableName);
  allow(
    fn,
    ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
    [table.tableArn],
  );
}

/**
 * `TABLE_NAME` + `dynamodb:PutItem` on the table and nothing else: for a function whose only DynamoDB request
 * is one conditional put (the WhatsApp webhook storing a delivery). No reads, no updates, no indexes.
 */
export function putItemsOnly(fn: IrisFunction, table: dynamodb.ITableV2): void {
  fn.addEnvironment(ENV.tableName, table.tableName);
  allow(fn, ['dynamodb:PutItem'], [table.tableArn]);
}

/**
 * `FILES_BUCKET_NAME` + GetObject/PutObject (and multipart abort) on the keys under `prefix` only: a function
 * reaches just its own part of the file bucket. No List, no Delete (the lifecycle rules expire objects).
 */
export function readWriteFiles(fn: IrisFunction, bucket: s3.IBucket, prefix: string): void {
  grantFiles(fn, bucket, prefix, ['s3:GetObject', 's3:PutObject', 's3:AbortMultipartUpload']);
}

/** `FILES_BUCKET_NAME` + GetObject on the keys under `prefix` only (e-mail delivery reads the files it attaches). */
export function readFiles(fn: IrisFunction, bucket: s3.IBucket, prefix: string): void {
  grantFiles(fn, bucket, prefix, ['s3:GetObject']);
}

function grantFiles(fn: IrisFunction, bucket: s3.IBucket, prefix: string, actions: string[]): void {
  if (!/^[a-z0-9-]+\/$/.test(prefix)) throw new Error(`a file prefix is one folder ending in '/': ${prefix}`);
  fn.addEnvironment(ENV.filesBucketName, bucket.bucketName);
  allow(fn, actions, [bucket.arnForObjects(`${prefix}*`)]);
  acknowledgeNag(
    fn.role,
    `AwsSolutions-IAM5[Resource::<${Stack.of(fn).getLogicalId(bucket.node.defaultChild as CfnElement)}.Arn>/${prefix}*]`,
    `Object keys are minted at run time (one per imported or generated file), so the grant covers the ${prefix} prefix of the stack's own bucket and nothing else.`,
  );
}

/** `<envName>` = the queue URL + `sqs:SendMessage` (and the queue's KMS key use, if any) on that queue. */
export function sendToQueue(fn: IrisFunction, envName: EnvName, queue: sqs.IQueue): void {
  fn.addEnvironment(envName, queue.queueUrl);
  queue.grantSendMessages(fn.function);
}

/**
 * A delivery function's hold on the queue it consumes: `DELIVERY_QUEUE_URL` and its redrive
 * `DELIVERY_MAX_RECEIVE_COUNT`, plus SendMessage (re-queue a fresh copy) and ChangeMessageVisibility (push a
 * message back) on that queue only.
 */
export function controlOwnQueue(fn: IrisFunction, queue: sqs.IQueue, maxReceiveCount: number): void {
  fn.addEnvironment(ENV.deliveryQueueUrl, queue.queueUrl);
  fn.addEnvironment(ENV.deliveryMaxReceiveCount, String(maxReceiveCount));
  queue.grantSendMessages(fn.function);
  queue.grant(fn.function, 'sqs:ChangeMessageVisibility');
}

/**
 * `<envName>` = the state machine ARN + `states:StartExecution` on it, and `states:DescribeExecution` on its
 * executions: a start that meets ExecutionAlreadyExists (a retried or replayed start) describes the existing
 * execution to compare inputs (`StepFunctionsWorkflows`), so a start without it fails exactly when a retry
 * should succeed.
 */
export function startExecutions(fn: IrisFunction, envName: EnvName, workflow: IrisStateMachine): void {
  fn.addEnvironment(envName, workflow.stateMachineArn);
  allow(fn, ['states:StartExecution'], [workflow.stateMachineArn]);
  allow(fn, ['states:DescribeExecution'], [workflow.executionsArn]);
  acknowledgeExecutionWildcard(fn, workflow);
}

/**
 * `<envName>` = the state machine ARN + StopExecution/DescribeExecution on its executions (an execution's ARN
 * is `arn:…:execution:<state machine name>:<execution name>`, derived from the state machine ARN).
 */
export function stopExecutions(fn: IrisFunction, envName: EnvName, workflow: IrisStateMachine): void {
  fn.addEnvironment(envName, workflow.stateMachineArn);
  allow(fn, ['states:StopExecution', 'states:DescribeExecution'], [workflow.executionsArn]);
  acknowledgeExecutionWildcard(fn, workflow);
}

function acknowledgeExecutionWildcard(fn: IrisFunction, workflow: IrisStateMachine): void {
  acknowledgeNag(
    fn.role,
    `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:execution:${workflow.stateMachineName}:*]`,
    `Executions are named per business id at run time (a boleto, a message, an import), so the ARN ends in a wildcard; it covers only the executions of ${workflow.stateMachineName}.`,
  );
}

/** SendTaskSuccess/SendTaskFailure/SendTaskHeartbeat for the task tokens of this state machine. */
export function answerTaskTokens(fn: IrisFunction, workflow: IrisStateMachine): void {
  allow(
    fn,
    ['states:SendTaskSuccess', 'states:SendTaskFailure', 'states:SendTaskHeartbeat'],
    [workflow.stateMachineArn],
  );
}

/**
 * `<envName>` = the state machine ARN and NO permission: the shared Workflows adapter is built with both
 * workflows' ARNs even where a function only ever calls one of them.
 */
export function knowStateMachine(fn: IrisFunction, envName: EnvName, workflow: IrisStateMachine): void {
  fn.addEnvironment(envName, workflow.stateMachineArn);
}

/**
 * `SCHEDULE_GROUP_NAME`, `SCHEDULER_ROLE_ARN`, `SCHEDULE_DEAD_LETTER_QUEUE_ARN` + create/update/get/delete of
 * the schedules of the stack's group only, and `iam:PassRole` of the group's role to Scheduler only (the
 * `Schedules` adapter). What a schedule may invoke is the group role's grants, not this function's.
 */
export function manageSchedules(fn: IrisFunction, schedules: IrisScheduleGroup): void {
  fn.addEnvironment(ENV.scheduleGroupName, schedules.groupName);
  fn.addEnvironment(ENV.schedulerRoleArn, schedules.role.roleArn);
  fn.addEnvironment(ENV.scheduleDeadLetterQueueArn, schedules.deadLetterQueue.queueArn);
  allow(
    fn,
    [
      'scheduler:CreateSchedule',
      'scheduler:UpdateSchedule',
      'scheduler:GetSchedule',
      'scheduler:DeleteSchedule',
    ],
    [schedules.schedulesArn()],
  );
  fn.role.addToPrincipalPolicy(
    new iam.PolicyStatement({
      actions: ['iam:PassRole'],
      resources: [schedules.role.roleArn],
      conditions: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } },
    }),
  );
  acknowledgeNag(
    fn.role,
    `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:scheduler:<AWS::Region>:<AWS::AccountId>:schedule/${schedules.groupName}/*]`,
    `Schedules are named per business id at run time (a plan, a campaign), so the ARN ends in a wildcard; it covers only the schedules of group ${schedules.groupName}.`,
  );
}

function allow(fn: IrisFunction, actions: string[], resources: string[]): void {
  fn.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions, resources }));
}

/** The ARN of an SSM parameter from its absolute name (`/iris/...`). */
export function parameterArn(scope: IrisFunction, parameterName: string): string {
  return Stack.of(scope).formatArn({
    service: 'ssm',
    resource: 'parameter',
    resourceName: parameterName.replace(/^\//, ''),
    arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
  });
}

/**
 * A secret: `<NAME>_PARAMETER` = the NAME of its SSM SecureString parameter (and, for a rotating secret,
 * `<NAME>_PREVIOUS_PARAMETER` for the second slot) + `ssm:GetParameter` on exactly those parameters. The
 * value never enters the template; the function reads it through the Parameters and Secrets extension
 * (decrypted, cached; `shared/config/secret-values.ts`), which this attaches. Parameters encrypted with the AWS managed key `aws/ssm` need no KMS grant.
 */
export function readSecret(fn: IrisFunction, secret: SecretId, tenantId: string, stage: Stage): void {
  const { name, rotating } = SECRETS[secret];
  const parameters: Array<[string, string]> = [
    [`${name}_PARAMETER`, secretParameterName(tenantId, stage, secret)],
  ];
  if (rotating) {
    parameters.push([`${name}_PREVIOUS_PARAMETER`, secretParameterName(tenantId, stage, secret, 'previous')]);
  }
  for (const [envName, parameterName] of parameters) fn.addEnvironment(envName, parameterName);
  fn.readParametersThroughExtension();
  allow(
    fn,
    ['ssm:GetParameter'],
    parameters.map(([, parameterName]) => parameterArn(fn, parameterName)),
  );
}

/** A plain, non-secret setting: no permission attached. */
/**
 * `MEMBER_USER_POOL_ID` + the admin calls that put and remove members' sign-in accounts in that one pool
 * (`CognitoMemberAccounts`): create, update attributes, list/add/remove groups, delete. No other pool, no
 * pool administration.
 */
export function manageMemberAccounts(fn: IrisFunction, userPool: cognito.IUserPool): void {
  fn.addEnvironment(ENV.memberUserPoolId, userPool.userPoolId);
  allow(
    fn,
    [
      'cognito-idp:AdminCreateUser',
      'cognito-idp:AdminUpdateUserAttributes',
      'cognito-idp:AdminListGroupsForUser',
      'cognito-idp:AdminAddUserToGroup',
      'cognito-idp:AdminRemoveUserFromGroup',
      'cognito-idp:AdminDeleteUser',
    ],
    [userPool.userPoolArn],
  );
}

export function setting(fn: IrisFunction, envName: EnvName, value: string): void {
  fn.addEnvironment(envName, value);
}

/**
 * `EMAIL_FROM_ADDRESS`, `EMAIL_REPLY_TO`, `SES_CONFIGURATION_SET` + `ses:SendEmail` restricted to the sender
 * identity (the address or its domain) and the configuration set.
 */
export function sendEmail(
  fn: IrisFunction,
  configurationSet: ses.IConfigurationSet,
  fromAddress: string,
  replyToAddress: string | undefined,
): void {
  fn.addEnvironment(ENV.emailFromAddress, fromAddress);
  if (replyToAddress) fn.addEnvironment(ENV.emailReplyTo, replyToAddress);
  fn.addEnvironment(ENV.sesConfigurationSet, configurationSet.configurationSetName);
  const stack = Stack.of(fn);
  const identity = (name: string) =>
    stack.formatArn({
      service: 'ses',
      resource: 'identity',
      resourceName: name,
      arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
    });
  const domain = fromAddress.slice(fromAddress.indexOf('@') + 1);
  fn.role.addToPrincipalPolicy(
    new iam.PolicyStatement({
      actions: ['ses:SendEmail'],
      resources: [
        identity(fromAddress),
        identity(domain),
        stack.formatArn({
          service: 'ses',
          resource: 'configuration-set',
          resourceName: configurationSet.configurationSetName,
          arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
        }),
      ],
    }),
  );
}
