import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTenantConfig } from '#infra/config/load-tenant-config';
import { manageSchedules } from '#infra/constructs/function-access';
import { TenantStageStack } from '#infra/stacks/tenant-stage-stack';
import { logicalIdOf, resourcesOfType, type TemplateJson } from './support/tenant-stage-template';

/**
 * The EventBridge Scheduler foundation in the stack: the group run-time schedules live in, the role they run
 * as (assumable by Scheduler of this account for this group only; no target until a feature allows one), and
 * `manageSchedules` as a feature wires it (schedules of this group only, PassRole of that role to Scheduler
 * only). A feature's function is simulated here with the reconciliation function.
 */

let stack: TenantStageStack;
let json: TemplateJson;

beforeAll(() => {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  stack = new TenantStageStack(app, 'Iris-demo-dev', { config: loadTenantConfig('demo', 'dev') });
  manageSchedules(stack.functions.reconciliation, stack.schedules);
  stack.schedules.allowInvoke(stack.functions.reconciliation);
  stack.schedules.allowStartExecution(stack.conversation);
  json = Template.fromStack(stack).toJSON() as TemplateJson;
});

type Statement = { Action: string | string[]; Resource: unknown; Condition?: unknown };
const statementsOfRole = (roleLogicalId: string): Statement[] =>
  resourcesOfType(json, 'AWS::IAM::Policy')
    .filter(([, policy]) => JSON.stringify(policy.Properties.Roles).includes(`"${roleLogicalId}"`))
    .flatMap(([, policy]) => (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement);

describe('schedule group', () => {
  it('is one group named after the tenant and stage', () => {
    const groups = resourcesOfType(json, 'AWS::Scheduler::ScheduleGroup');
    expect(groups.map(([, group]) => group.Properties.Name)).toEqual(['iris-demo-dev']);
  });

  it('has a role only Scheduler of this account may assume, for schedules of this group', () => {
    const role = json.Resources[logicalIdOf(stack, stack.schedules.role)];
    const trust = JSON.stringify(role?.Properties.AssumeRolePolicyDocument);
    expect(trust).toContain('scheduler.amazonaws.com');
    expect(trust).toContain('aws:SourceAccount');
    expect(trust).toContain('schedule/iris-demo-dev/*');
  });

  it('lets schedules invoke only what features allow, and dead-letter to the failed-events queue', () => {
    const actions = statementsOfRole(logicalIdOf(stack, stack.schedules.role)).flatMap((s) =>
      [s.Action].flat(),
    );
    expect(new Set(actions)).toEqual(
      new Set([
        'lambda:InvokeFunction',
        'states:StartExecution',
        'sqs:SendMessage',
        'sqs:GetQueueAttributes',
        'sqs:GetQueueUrl',
      ]),
    );
  });

  it('manageSchedules: CRUD on this group only, PassRole to Scheduler only, the three variables', () => {
    const fn = stack.functions.reconciliation;
    const statements = statementsOfRole(logicalIdOf(stack, fn.role));
    const crud = statements.find((s) => [s.Action].flat().includes('scheduler:CreateSchedule'));
    expect(JSON.stringify(crud?.Resource)).toContain('schedule/iris-demo-dev/*');
    const passRole = statements.find((s) => [s.Action].flat().includes('iam:PassRole'));
    expect(passRole?.Condition).toEqual({
      StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' },
    });
    const variables = json.Resources[logicalIdOf(stack, fn.function)]?.Properties.Environment as {
      Variables: Record<string, unknown>;
    };
    expect(variables.Variables.SCHEDULE_GROUP_NAME).toBe('iris-demo-dev');
    expect(variables.Variables).toHaveProperty('SCHEDULER_ROLE_ARN');
    expect(variables.Variables).toHaveProperty('SCHEDULE_DEAD_LETTER_QUEUE_ARN');
  });

  it('is cdk-nag clean', () => {
    const { violations } = new AwsSolutionsChecks(undefined, { verbose: true }).validateScope(stack);
    expect(
      violations.map((v) => `${v.ruleName} ${v.violatingResources.map((r) => r.constructPath).join(', ')}`),
    ).toEqual([]);
  });
});
