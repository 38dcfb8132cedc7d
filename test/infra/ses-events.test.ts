import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { SES_EVENT_DETAIL_TYPES } from '#infra/constructs/email-sending';
import { logicalIdOf, resourcesOfType, synthesizeTenantStage } from './support/tenant-stage-template';

const dev = synthesizeTenantStage('dev');
const { stack, template, json } = dev;

describe('TenantStageStack SES events', () => {
  it('sends delivery, bounce, complaint, reject and delay events of the configuration set to the default bus', () => {
    template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      ConfigurationSetName: Match.anyValue(),
      EventDestination: Match.objectLike({
        Enabled: true,
        MatchingEventTypes: Match.arrayEquals(['delivery', 'bounce', 'complaint', 'reject', 'deliveryDelay']),
        EventBridgeDestination: {
          EventBusArn: Match.objectLike({
            'Fn::Join': Match.arrayWith([Match.arrayWith([':event-bus/default'])]),
          }),
        },
      }),
    });
  });

  it('routes only this configuration set’s events to email-events, with retries and the failed-events DLQ', () => {
    const rules = resourcesOfType(json, 'AWS::Events::Rule');
    expect(rules).toHaveLength(1);
    const [, rule] = rules[0] ?? [];
    const properties = rule?.Properties as {
      EventPattern: Record<string, unknown>;
      Targets: Array<Record<string, unknown>>;
    };
    expect(properties.EventPattern).toEqual({
      source: ['aws.ses'],
      'detail-type': [...SES_EVENT_DETAIL_TYPES],
      detail: { mail: { tags: { 'ses:configuration-set': ['iris-demo-dev'] } } },
    });
    const fnId = logicalIdOf(stack, stack.functions['email-events'].function);
    const dlqId = logicalIdOf(stack, stack.failedEvents);
    expect(properties.Targets).toEqual([
      expect.objectContaining({
        Arn: { 'Fn::GetAtt': [fnId, 'Arn'] },
        DeadLetterConfig: { Arn: { 'Fn::GetAtt': [dlqId, 'Arn'] } },
        RetryPolicy: { MaximumEventAgeInSeconds: 86_400, MaximumRetryAttempts: 8 },
      }),
    ]);
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      Principal: 'events.amazonaws.com',
      FunctionName: { 'Fn::GetAtt': [fnId, 'Arn'] },
    });
  });
});
