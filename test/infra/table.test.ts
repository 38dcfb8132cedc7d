import { Match, type Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { parseDeployTarget } from '#infra/stage';
import { toCreateTableInput } from '#infra/table/create-table-input';
import { synthesizeTenantStage } from './support/tenant-stage-template';

const devStack = synthesizeTenantStage('dev');
const prodStack = synthesizeTenantStage('prod');

function tableOf(template: Template): Record<string, unknown> {
  const tables = template.findResources('AWS::DynamoDB::GlobalTable');
  const [only] = Object.values(tables);
  expect(Object.keys(tables)).toHaveLength(1);
  return only as Record<string, unknown>;
}

describe('TenantStageStack table', () => {
  const dev = devStack.template;
  const prod = prodStack.template;

  it('has one table keyed by string pk and sk, billed on demand', () => {
    dev.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      AttributeDefinitions: Match.arrayWith([
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
      ]),
      BillingMode: 'PAY_PER_REQUEST',
    });
  });

  it('has the byContact and openByDueDate GSIs over generic string attributes, projecting everything', () => {
    dev.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      GlobalSecondaryIndexes: [
        {
          IndexName: 'byContact',
          KeySchema: [
            { AttributeName: 'gsi1pk', KeyType: 'HASH' },
            { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
        {
          IndexName: 'openByDueDate',
          KeySchema: [
            { AttributeName: 'gsi2pk', KeyType: 'HASH' },
            { AttributeName: 'gsi2sk', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
      AttributeDefinitions: Match.arrayWith([
        { AttributeName: 'gsi1pk', AttributeType: 'S' },
        { AttributeName: 'gsi1sk', AttributeType: 'S' },
        { AttributeName: 'gsi2pk', AttributeType: 'S' },
        { AttributeName: 'gsi2sk', AttributeType: 'S' },
      ]),
    });
  });

  it('expires items by the expiresAt TTL attribute and streams new and old images', () => {
    dev.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
    });
  });

  it('turns point-in-time recovery on in every stage', () => {
    for (const template of [dev, prod]) {
      template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
        Replicas: [
          Match.objectLike({ PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }),
        ],
      });
    }
  });

  it('protects and retains the prod table', () => {
    prod.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      Replicas: [Match.objectLike({ DeletionProtectionEnabled: true })],
    });
    expect(tableOf(prod)).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });

  it('leaves the dev table unprotected and destroyable', () => {
    dev.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      Replicas: [Match.objectLike({ DeletionProtectionEnabled: false })],
    });
    expect(tableOf(dev)).toMatchObject({ DeletionPolicy: 'Delete', UpdateReplacePolicy: 'Delete' });
  });

  it('deploys exactly the keys and indexes the test harness creates in DynamoDB Local', () => {
    const local = toCreateTableInput('any');
    const deployed = tableOf(dev).Properties as Record<string, unknown>;
    expect(deployed.KeySchema).toEqual(local.KeySchema);
    expect(deployed.AttributeDefinitions).toEqual(local.AttributeDefinitions);
    expect(deployed.GlobalSecondaryIndexes).toEqual(local.GlobalSecondaryIndexes);
    expect(deployed.BillingMode).toEqual(local.BillingMode);
    expect((deployed.StreamSpecification as { StreamViewType: string }).StreamViewType).toEqual(
      local.StreamSpecification?.StreamViewType,
    );
  });

  it('is environment-agnostic so synth needs no account or credentials', () => {
    const { stack } = devStack;
    expect(stack.resolve(stack.account)).toEqual({ Ref: 'AWS::AccountId' });
    expect(stack.resolve(stack.region)).toEqual({ Ref: 'AWS::Region' });
  });
});

describe('parseDeployTarget', () => {
  it('names the stack Iris-<tenant>-<stage>', () => {
    expect(parseDeployTarget({ tenant: 'demo', stage: 'prod' })).toEqual({
      tenant: 'demo',
      stage: 'prod',
      stackName: 'Iris-demo-prod',
    });
  });

  it('explains a missing tenant or stage', () => {
    expect(() => parseDeployTarget({ tenant: undefined, stage: 'dev' })).toThrow(/missing context "tenant"/);
    expect(() => parseDeployTarget({ tenant: 'demo', stage: undefined })).toThrow(/missing context "stage"/);
  });

  it('refuses an unknown stage and a tenant id that is not a slug', () => {
    expect(() => parseDeployTarget({ tenant: 'demo', stage: 'staging' })).toThrow(/invalid stage "staging"/);
    expect(() => parseDeployTarget({ tenant: 'Demo#1', stage: 'dev' })).toThrow(/invalid tenant/);
    expect(() => parseDeployTarget({ tenant: '-demo', stage: 'dev' })).toThrow(/invalid tenant/);
  });
});
