import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { loadTenantConfig } from '#infra/config/load-tenant-config';
import { FUNCTION_NAMES } from '#infra/stacks/function-catalogue';
import { logicalIdOf, resourcesOfType, synthesizeTenantStage } from './support/tenant-stage-template';

const dev = synthesizeTenantStage('dev');
const { stack, template, json } = dev;
const config = loadTenantConfig('demo', 'dev');
const queueId = (queue: { node: { defaultChild?: unknown } }) => logicalIdOf(stack, queue);

describe('TenantStageStack alarms', () => {
  const alarms = Object.fromEntries(
    resourcesOfType(json, 'AWS::CloudWatch::Alarm').map(([, alarm]) => [
      alarm.Properties.AlarmName as string,
      alarm.Properties,
    ]),
  );
  const topic = { Ref: logicalIdOf(stack, stack.alarms.topic) };

  it('has the expected alarms, each notifying the operators on alarm and recovery', () => {
    const expected = [
      'WhatsAppDeliveryDlq',
      'EmailDeliveryDlq',
      'FailedEventsDlq',
      'ConversationFailures',
      'ReminderLoopFailures',
      'Webhook5xx',
      'Webhook4xxRate',
      'WhatsappWebhookSignatureRejections',
      'PaytimeWebhookSignatureRejections',
      ...FUNCTION_NAMES.map(
        (name) => `${name.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase())}Errors`,
      ),
    ].map((name) => `iris-demo-dev-${name}`);
    expect(Object.keys(alarms).sort()).toEqual(expected.sort());
    for (const alarm of Object.values(alarms)) {
      expect(alarm?.AlarmActions).toEqual([topic]);
      expect(alarm?.OKActions).toEqual([topic]);
      expect(alarm?.TreatMissingData).toBe('notBreaching');
    }
  });

  it("counts the reminder step's errors from its log, leaving out the ReminderLoopEnded that ends each loop", () => {
    expect(alarms['iris-demo-dev-ReminderStepErrors']).toMatchObject({
      MetricName: 'UnexpectedErrors',
      Namespace: 'IRIS/demo/dev/reminder-step',
      Threshold: 1,
    });
    const [, filter] =
      resourcesOfType(json, 'AWS::Logs::MetricFilter').find(([, resource]) =>
        String(resource.Properties.FilterPattern).includes('ReminderLoopEnded'),
      ) ?? [];
    expect(filter?.Properties.FilterPattern).toBe(
      '{ ($.level = "ERROR") && (($.message != "Invoke Error") || ($.errorType != "ReminderLoopEnded")) }',
    );
    expect(alarms['iris-demo-dev-OutboxRelayErrors']).toMatchObject({ MetricName: 'Errors' });
  });

  it("counts the conversation step's errors from its log, leaving out the signals that ask the owner again", () => {
    expect(alarms['iris-demo-dev-ConversationStepsErrors']).toMatchObject({
      MetricName: 'UnexpectedErrors',
      Namespace: 'IRIS/demo/dev/conversation-steps',
      Threshold: 1,
    });
    const [, filter] =
      resourcesOfType(json, 'AWS::Logs::MetricFilter').find(([, resource]) =>
        String(resource.Properties.FilterPattern).includes('OwnerConfirmationAwaited'),
      ) ?? [];
    expect(filter?.Properties.FilterPattern).toBe(
      '{ ($.level = "ERROR") && (($.message != "Invoke Error") || (($.errorType != "OwnerAnswerAwaited") && ($.errorType != "OwnerConfirmationAwaited"))) }',
    );
  });

  it('fires on the first message in any dead-letter queue', () => {
    for (const [name, queue] of [
      ['WhatsAppDeliveryDlq', stack.whatsappDelivery.deadLetterQueue],
      ['EmailDeliveryDlq', stack.emailDelivery.deadLetterQueue],
      ['FailedEventsDlq', stack.failedEvents],
    ] as const) {
      expect(alarms[`iris-demo-dev-${name}`]).toMatchObject({
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId(queue), 'QueueName'] } }],
        Threshold: 0,
        ComparisonOperator: 'GreaterThanThreshold',
      });
    }
  });

  it('fires on failed or timed-out workflow executions and on any webhook 5xx', () => {
    const failures = alarms['iris-demo-dev-ConversationFailures'] as {
      Metrics: Array<{ MetricStat?: { Metric: { MetricName: string } } }>;
    };
    expect(
      failures.Metrics.map((m) => m.MetricStat?.Metric.MetricName)
        .filter(Boolean)
        .sort(),
    ).toEqual(['ExecutionsFailed', 'ExecutionsTimedOut']);
    expect(alarms['iris-demo-dev-Webhook5xx']).toMatchObject({
      MetricName: '5xx',
      Namespace: 'AWS/ApiGateway',
      Threshold: 1,
    });
  });

  it('counts rejected webhook signatures from each webhook log group into a tenant-stage metric', () => {
    for (const name of ['whatsapp-webhook', 'paytime-webhook'] as const) {
      template.hasResourceProperties('AWS::Logs::MetricFilter', {
        LogGroupName: { Ref: logicalIdOf(stack, stack.functions[name].logGroup) },
        FilterPattern: '{ $.WebhookSignatureRejected >= 1 }',
        MetricTransformations: [
          {
            MetricNamespace: `IRIS/demo/dev/${name}`,
            MetricName: 'WebhookSignatureRejected',
            MetricValue: '$.WebhookSignatureRejected',
            DefaultValue: 0,
          },
        ],
      });
    }
    expect(alarms['iris-demo-dev-WhatsappWebhookSignatureRejections']).toMatchObject({
      Namespace: 'IRIS/demo/dev/whatsapp-webhook',
      MetricName: 'WebhookSignatureRejected',
      Threshold: 10,
    });
  });

  it('subscribes the tenant config alarm e-mail to the operators topic, over TLS only', () => {
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: config.settings.alarmEmail,
      TopicArn: topic,
    });
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });
});
