import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import {
  LEDGER_PROJECTOR_EVENT_SOURCE,
  LEDGER_STREAM_FILTER_PATTERN,
} from '#adapters/dynamodb/finance/ledger-stream-filter';
import { OUTBOX_STREAM_FILTER_PATTERN } from '#adapters/dynamodb/outbox/outbox-stream-filter';
import { PAYTIME_EVENT_STREAM_FILTER_PATTERN } from '#adapters/dynamodb/payments/provider-event-stream-filter';
import {
  STATEMENT_PROJECTOR_EVENT_SOURCE,
  STATEMENT_STREAM_FILTER_PATTERN,
} from '#adapters/dynamodb/statements/statement-stream-filter';
import {
  INBOUND_ROUTER_EVENT_SOURCE,
  WHATSAPP_DELIVERY_STREAM_FILTER_PATTERN,
} from '#adapters/dynamodb/webhooks/whatsapp-delivery-stream-filter';
import { DELIVERY_QUEUE_SETTINGS } from '#adapters/sqs/delivery-queue-settings';
import { loadTenantConfig } from '#infra/config/load-tenant-config';
import type { FUNCTION_NAMES } from '#infra/stacks/function-catalogue';
import { conversationWorkflowDefinition } from '#workflows/conversation-workflow';
import { reminderLoopWorkflowDefinition } from '#workflows/reminder-loop-workflow';
import {
  logicalIdOf,
  resourcesOfType,
  synthesizeTenantStage,
  type TemplateResource,
} from './support/tenant-stage-template';

const dev = synthesizeTenantStage('dev');
const { stack, template, json } = dev;
const config = loadTenantConfig('demo', 'dev');
const fnId = (name: (typeof FUNCTION_NAMES)[number]) => logicalIdOf(stack, stack.functions[name].function);
const arnOf = (logicalId: string) => ({ 'Fn::GetAtt': [logicalId, 'Arn'] });
const queueId = (queue: { node: { defaultChild?: unknown } }) => logicalIdOf(stack, queue);

describe('TenantStageStack webhook API', () => {
  const routes = resourcesOfType(json, 'AWS::ApiGatewayV2::Route');
  const integrations = Object.fromEntries(resourcesOfType(json, 'AWS::ApiGatewayV2::Integration'));

  it('exposes exactly GET and POST /webhooks/whatsapp, POST /webhooks/paytime and the tenant API', () => {
    expect(routes.map(([, route]) => route.Properties.RouteKey).sort()).toEqual([
      'ANY /v1/{proxy+}',
      'GET /docs',
      'GET /v1/openapi.json',
      'GET /webhooks/whatsapp',
      'POST /webhooks/paytime',
      'POST /webhooks/whatsapp',
    ]);
  });

  it('sends each route to its webhook function with payload format 2.0', () => {
    const expected: Record<string, string> = {
      'GET /webhooks/whatsapp': fnId('whatsapp-webhook'),
      'POST /webhooks/whatsapp': fnId('whatsapp-webhook'),
      'POST /webhooks/paytime': fnId('paytime-webhook'),
      'ANY /v1/{proxy+}': fnId('tenant-api'),
      'GET /v1/openapi.json': fnId('tenant-api'),
      'GET /docs': fnId('tenant-api'),
    };
    for (const [, route] of routes) {
      const target = JSON.stringify(route.Properties.Target);
      const integrationId = Object.keys(integrations).find((id) => target.includes(id));
      const integration = integrations[integrationId ?? '']?.Properties;
      expect(integration).toMatchObject({ IntegrationType: 'AWS_PROXY', PayloadFormatVersion: '2.0' });
      expect(integration?.IntegrationUri).toEqual(
        arnOf(expected[route.Properties.RouteKey as string] as string),
      );
    }
  });

  it("puts /v1 behind a JWT authorizer of the stack's own user pool and app client", () => {
    const [[, route]] = routes.filter(
      ([, candidate]) => candidate.Properties.RouteKey === 'ANY /v1/{proxy+}',
    ) as [[string, TemplateResource]];
    expect(route.Properties.AuthorizationType).toBe('JWT');
    const authorizers = resourcesOfType(json, 'AWS::ApiGatewayV2::Authorizer');
    expect(authorizers).toHaveLength(1);
    const [[authorizerId, authorizer]] = authorizers as [[string, TemplateResource]];
    expect(JSON.stringify(route.Properties.AuthorizerId)).toContain(authorizerId);
    expect(authorizer.Properties).toMatchObject({
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
    });
    const jwt = JSON.stringify(authorizer.Properties.JwtConfiguration);
    expect(jwt).toContain('cognito-idp.');
    expect(jwt).toContain('MembersUserPool');
    expect(jwt).toContain('MembersUserPoolApiClient');
    const groups = resourcesOfType(json, 'AWS::Cognito::UserPoolGroup').map(
      ([, group]) => group.Properties.GroupName,
    );
    expect(groups.sort()).toEqual(['operator', 'owner', 'viewer']);
  });

  it('throttles the $default stage from the tenant config and writes JSON access logs without query strings', () => {
    const stages = resourcesOfType(json, 'AWS::ApiGatewayV2::Stage');
    expect(stages).toHaveLength(1);
    const [[, stage]] = stages as [[string, TemplateResource]];
    expect(stage.Properties).toMatchObject({
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: {
        ThrottlingRateLimit: config.settings.webhookThrottle.rateLimitPerSecond,
        ThrottlingBurstLimit: config.settings.webhookThrottle.burstLimit,
      },
    });
    const accessLog = stage.Properties.AccessLogSettings as { DestinationArn: unknown; Format: string };
    expect(accessLog.DestinationArn).toEqual(arnOf(logicalIdOf(stack, stack.api.accessLogGroup)));
    const format = JSON.parse(accessLog.Format);
    expect(format).toMatchObject({ requestId: '$context.requestId', status: '$context.status' });
    expect(accessLog.Format).not.toMatch(/querystring|requestUri|header/i);
  });
});

describe('TenantStageStack workflows', () => {
  const definitionOf = (machine: typeof stack.conversation) =>
    json.Resources[logicalIdOf(stack, machine.stateMachine)]?.Properties as Record<string, unknown>;

  it('deploys the conversation definition verbatim, its Tasks bound to conversation-steps', () => {
    const properties = definitionOf(stack.conversation);
    expect(JSON.parse(properties.DefinitionString as string)).toEqual(
      conversationWorkflowDefinition({
        confirmationTimeoutSeconds: config.tenant.conversation.confirmationTimeoutSeconds,
      }),
    );
    expect(properties.DefinitionSubstitutions).toEqual({
      ConversationStepsFunctionArn: arnOf(fnId('conversation-steps')),
    });
  });

  it('deploys the reminder loop definition verbatim, its Tasks bound to reminder-step', () => {
    const properties = definitionOf(stack.reminderLoop);
    expect(JSON.parse(properties.DefinitionString as string)).toEqual(reminderLoopWorkflowDefinition());
    expect(properties.DefinitionSubstitutions).toEqual({
      ReminderStepFunctionArn: arnOf(fnId('reminder-step')),
    });
  });

  it('runs both as named Standard state machines, logging ALL without execution data, traced', () => {
    for (const machine of [stack.conversation, stack.reminderLoop]) {
      const properties = definitionOf(machine);
      expect(properties).toMatchObject({
        StateMachineName: machine.stateMachineName,
        StateMachineType: 'STANDARD',
        TracingConfiguration: { Enabled: true },
        LoggingConfiguration: {
          Level: 'ALL',
          IncludeExecutionData: false,
          Destinations: [
            { CloudWatchLogsLogGroup: { LogGroupArn: arnOf(logicalIdOf(stack, machine.logGroup)) } },
          ],
        },
      });
    }
    expect(stack.conversation.stateMachineName).toBe('iris-demo-dev-conversation');
  });

  it('lets each state machine invoke only its own task function', () => {
    for (const [machine, fn] of [
      [stack.conversation, 'conversation-steps'],
      [stack.reminderLoop, 'reminder-step'],
    ] as const) {
      const role = logicalIdOf(stack, machine.stateMachine.role);
      const invoke = resourcesOfType(json, 'AWS::IAM::Policy')
        .filter(([, policy]) => JSON.stringify(policy.Properties.Roles).includes(role))
        .flatMap(
          ([, policy]) =>
            (policy.Properties.PolicyDocument as { Statement: Array<Record<string, unknown>> }).Statement,
        )
        .filter((statement) => JSON.stringify(statement.Action).includes('lambda:'));
      expect(invoke).toEqual([
        { Action: 'lambda:InvokeFunction', Effect: 'Allow', Resource: arnOf(fnId(fn)) },
      ]);
    }
  });
});

describe('TenantStageStack queues', () => {
  const queues = [stack.whatsappDelivery, stack.emailDelivery];

  it('gives each delivery queue a DLQ after the maxReceiveCount the delivery code assumes', () => {
    for (const delivery of queues) {
      expect(json.Resources[queueId(delivery.queue)]?.Properties).toMatchObject({
        VisibilityTimeout: DELIVERY_QUEUE_SETTINGS.visibilityTimeoutSeconds,
        MessageRetentionPeriod: DELIVERY_QUEUE_SETTINGS.retentionSeconds,
        RedrivePolicy: {
          deadLetterTargetArn: arnOf(queueId(delivery.deadLetterQueue)),
          maxReceiveCount: DELIVERY_QUEUE_SETTINGS.maxReceiveCount,
        },
      });
    }
    expect(DELIVERY_QUEUE_SETTINGS.visibilityTimeoutSeconds).toBeGreaterThanOrEqual(
      6 * DELIVERY_QUEUE_SETTINGS.functionTimeoutSeconds,
    );
  });

  it('encrypts every queue and refuses requests that are not TLS', () => {
    const all = resourcesOfType(json, 'AWS::SQS::Queue');
    expect(all).toHaveLength(5);
    for (const [id, queue] of all) {
      expect(queue.Properties.SqsManagedSseEnabled).toBe(true);
      template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [{ Ref: id }],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Effect: 'Deny',
              Action: 'sqs:*',
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            }),
          ]),
        },
      });
    }
  });
});

describe('TenantStageStack event sources', () => {
  const mappings = resourcesOfType(json, 'AWS::Lambda::EventSourceMapping').map(
    ([, m]) => m.Properties ?? {},
  );
  const mappingOf = (name: (typeof FUNCTION_NAMES)[number]) =>
    mappings.filter((m) => JSON.stringify(m.FunctionName) === JSON.stringify({ Ref: fnId(name) }));
  const streamArn = { 'Fn::GetAtt': [logicalIdOf(stack, stack.table.table), 'StreamArn'] };

  it('feeds the outbox relay only outbox INSERTs, bisecting, bounded, per-record failures, DLQ on failure', () => {
    const [relay, ...others] = mappingOf('outbox-relay');
    expect(others).toHaveLength(0);
    expect(relay).toMatchObject({
      EventSourceArn: streamArn,
      StartingPosition: 'TRIM_HORIZON',
      FilterCriteria: { Filters: [{ Pattern: JSON.stringify(OUTBOX_STREAM_FILTER_PATTERN) }] },
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 8,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      DestinationConfig: { OnFailure: { Destination: arnOf(queueId(stack.failedEvents)) } },
    });
  });

  it('feeds the Paytime event processor only provider-event INSERTs, with the same safety settings', () => {
    const [processor, ...others] = mappingOf('paytime-event-processor');
    expect(others).toHaveLength(0);
    expect(processor).toMatchObject({
      EventSourceArn: streamArn,
      FilterCriteria: { Filters: [{ Pattern: JSON.stringify(PAYTIME_EVENT_STREAM_FILTER_PATTERN) }] },
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 5,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      DestinationConfig: { OnFailure: { Destination: arnOf(queueId(stack.failedEvents)) } },
    });
  });

  it('feeds the inbound router only stored WhatsApp deliveries, with the same safety settings', () => {
    const [router, ...others] = mappingOf('inbound-router');
    expect(others).toHaveLength(0);
    expect(router).toMatchObject({
      EventSourceArn: streamArn,
      StartingPosition: 'TRIM_HORIZON',
      FilterCriteria: { Filters: [{ Pattern: JSON.stringify(WHATSAPP_DELIVERY_STREAM_FILTER_PATTERN) }] },
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: INBOUND_ROUTER_EVENT_SOURCE.retryAttempts,
      MaximumRecordAgeInSeconds: INBOUND_ROUTER_EVENT_SOURCE.maxRecordAgeSeconds,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      DestinationConfig: { OnFailure: { Destination: arnOf(queueId(stack.failedEvents)) } },
    });
  });

  it('feeds each delivery function its queue with partial batch responses and a concurrency cap', () => {
    for (const [name, delivery] of [
      ['whatsapp-delivery', stack.whatsappDelivery],
      ['email-delivery', stack.emailDelivery],
    ] as const) {
      const [mapping, ...others] = mappingOf(name);
      expect(others).toHaveLength(0);
      expect(mapping).toMatchObject({
        EventSourceArn: arnOf(queueId(delivery.queue)),
        BatchSize: DELIVERY_QUEUE_SETTINGS.batchSize,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        ScalingConfig: { MaximumConcurrency: expect.any(Number) },
      });
    }
  });

  it('feeds the statement projector boleto and payment inserts and changes, with the same safety settings', () => {
    const [projector, ...others] = mappingOf('statement-projector');
    expect(others).toHaveLength(0);
    expect(projector).toMatchObject({
      EventSourceArn: streamArn,
      FilterCriteria: { Filters: [{ Pattern: JSON.stringify(STATEMENT_STREAM_FILTER_PATTERN) }] },
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: STATEMENT_PROJECTOR_EVENT_SOURCE.retryAttempts,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      DestinationConfig: { OnFailure: { Destination: arnOf(queueId(stack.failedEvents)) } },
    });
  });

  it('feeds the ledger projector ledger entries and boletos, with the same safety settings', () => {
    const [projector, ...others] = mappingOf('ledger-projector');
    expect(others).toHaveLength(0);
    expect(projector).toMatchObject({
      EventSourceArn: streamArn,
      FilterCriteria: { Filters: [{ Pattern: JSON.stringify(LEDGER_STREAM_FILTER_PATTERN) }] },
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: LEDGER_PROJECTOR_EVENT_SOURCE.retryAttempts,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      DestinationConfig: { OnFailure: { Destination: arnOf(queueId(stack.failedEvents)) } },
    });
  });

  it('has no other event source mappings', () => {
    expect(mappings).toHaveLength(7);
  });
});

describe('TenantStageStack schedule and e-mail', () => {
  it('runs reconciliation daily at the configured São Paulo time, with retries and a dead-letter queue', () => {
    const { hour, minute } = config.settings.reconciliation;
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      Name: 'iris-demo-dev-reconciliation',
      ScheduleExpression: `cron(${minute} ${hour} * * ? *)`,
      ScheduleExpressionTimezone: 'America/Sao_Paulo',
      State: 'ENABLED',
      FlexibleTimeWindow: { Mode: 'OFF' },
      Target: {
        Arn: arnOf(fnId('reconciliation')),
        RoleArn: arnOf(logicalIdOf(stack, stack.reconciliationSchedule.role)),
        Input: JSON.stringify({ source: 'iris.reconciliation', tenantId: 'demo' }),
        RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 7200 },
        DeadLetterConfig: { Arn: arnOf(queueId(stack.failedEvents)) },
      },
    });
    expect(resourcesOfType(json, 'AWS::Scheduler::Schedule')).toHaveLength(2);
  });

  it('runs the finance check daily at 08:00 São Paulo, with retries and a dead-letter queue', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      Name: 'iris-demo-dev-finance-daily',
      ScheduleExpression: 'cron(0 8 * * ? *)',
      ScheduleExpressionTimezone: 'America/Sao_Paulo',
      Target: {
        Arn: arnOf(fnId('finance-daily')),
        RoleArn: arnOf(logicalIdOf(stack, stack.financeDailySchedule.role)),
        Input: JSON.stringify({ source: 'iris.finance-daily', tenantId: 'demo' }),
        RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 7200 },
        DeadLetterConfig: { Arn: arnOf(queueId(stack.failedEvents)) },
      },
    });
  });

  it("lets only this account's scheduler assume the schedule role", () => {
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [
          Match.objectLike({
            Principal: { Service: 'scheduler.amazonaws.com' },
            Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
          }),
        ],
      },
    });
  });

  it('has an SES configuration set that requires TLS and counts sending events in CloudWatch', () => {
    template.hasResourceProperties('AWS::SES::ConfigurationSet', {
      Name: 'iris-demo-dev',
      DeliveryOptions: { TlsPolicy: 'REQUIRE' },
      ReputationOptions: { ReputationMetricsEnabled: true },
    });
    template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      EventDestination: Match.objectLike({
        Enabled: true,
        MatchingEventTypes: Match.arrayWith(['bounce', 'complaint', 'reject']),
        CloudWatchDestination: Match.anyValue(),
      }),
    });
  });
});

describe('TenantStageStack outputs', () => {
  it('outputs the webhook URLs, the table, the file bucket, the alarm topic and the secret prefix', () => {
    expect(Object.keys(json.Outputs).sort()).toEqual([
      'AlarmTopicArn',
      'FilesBucketName',
      'PaytimeWebhookUrl',
      'SecretParameterPrefix',
      'TableName',
      'WhatsAppWebhookUrl',
    ]);
    expect(JSON.stringify(json.Outputs.WhatsAppWebhookUrl)).toContain('/webhooks/whatsapp');
    expect(json.Outputs.SecretParameterPrefix?.Value).toBe('/iris/demo/dev');
  });
});
