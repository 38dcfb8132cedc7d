import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SECRETS } from '#infra/config/function-environment';
import { parseTenantConfig, TENANT_CONFIG_DIRECTORY } from '#infra/config/load-tenant-config';
import { FUNCTION_NAMES, type FunctionName } from '#infra/stacks/function-catalogue';
import {
  logicalIdOf,
  resourcesOfType,
  type SynthesizedTenantStage,
  synthesizeTenantStage,
  type TemplateJson,
} from './support/tenant-stage-template';

interface Statement {
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource: unknown;
}

/**
 * Secret values as a developer's shell or the local cloud might hold them while synthesizing. The stack must
 * reference secrets by parameter name only, so none of these may reach the template.
 */
const SENTINEL_SECRETS: Record<string, string> = Object.fromEntries(
  Object.values(SECRETS).flatMap(({ name }) => [
    [name, `sentinel-${name.toLowerCase()}-5f2c9a`],
    [`${name}_PREVIOUS`, `sentinel-${name.toLowerCase()}-previous-5f2c9a`],
  ]),
);

let dev: SynthesizedTenantStage;
let prod: SynthesizedTenantStage;

beforeAll(() => {
  for (const [name, value] of Object.entries(SENTINEL_SECRETS)) vi.stubEnv(name, value);
  dev = synthesizeTenantStage('dev');
  prod = synthesizeTenantStage('prod');
});

afterAll(() => {
  vi.unstubAllEnvs();
});

const actionsOf = (statement: Statement) => [statement.Action].flat();
const resourcesOf = (statement: Statement) => [statement.Resource].flat();

function statementsOf(json: TemplateJson, roleLogicalId?: string): Statement[] {
  return resourcesOfType(json, 'AWS::IAM::Policy')
    .filter(
      ([, policy]) =>
        !roleLogicalId || JSON.stringify(policy.Properties.Roles).includes(`"${roleLogicalId}"`),
    )
    .flatMap(([, policy]) => (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
}

function functionStatements(target: SynthesizedTenantStage, name: FunctionName): Statement[] {
  return statementsOf(target.json, logicalIdOf(target.stack, target.stack.functions[name].role));
}

/** The functions whose role allows `action` on a resource whose JSON contains `resourceFragment`. */
function functionsAllowed(
  target: SynthesizedTenantStage,
  action: string,
  resourceFragment: string,
): FunctionName[] {
  return FUNCTION_NAMES.filter((name) =>
    functionStatements(target, name).some(
      (s) =>
        s.Effect === 'Allow' &&
        actionsOf(s).includes(action) &&
        JSON.stringify(s.Resource).includes(resourceFragment),
    ),
  );
}

/** Actions that do not support resource-level permissions and are granted on "*": X-Ray and log delivery. */
const RESOURCE_STAR_ALLOWED =
  /^(xray:(PutTraceSegments|PutTelemetryRecords|GetSamplingRules|GetSamplingTargets)|logs:(CreateLogDelivery|GetLogDelivery|UpdateLogDelivery|DeleteLogDelivery|ListLogDeliveries|PutResourcePolicy|DescribeResourcePolicies|DescribeLogGroups))$/;

describe('TenantStageStack IAM', () => {
  it('has no wildcard action anywhere', () => {
    for (const target of [dev, prod]) {
      for (const statement of statementsOf(target.json)) {
        for (const action of actionsOf(statement)) expect(action).not.toMatch(/\*/);
      }
    }
  });

  it('grants on Resource "*" only the X-Ray and log-delivery actions that support nothing narrower', () => {
    for (const target of [dev, prod]) {
      const star = statementsOf(target.json).filter((s) => resourcesOf(s).includes('*'));
      expect(star.length).toBeGreaterThan(0);
      for (const statement of star) {
        for (const action of actionsOf(statement)) expect(action).toMatch(RESOURCE_STAR_ALLOWED);
      }
    }
  });

  it('never grants Scan or table administration: every read is a GetItem or a Query', () => {
    const actions = statementsOf(dev.json).flatMap(actionsOf);
    expect(actions.filter((a) => a.startsWith('dynamodb:'))).not.toEqual(
      expect.arrayContaining(['dynamodb:Scan']),
    );
    expect(actions.some((a) => /^dynamodb:(Scan|DeleteTable|UpdateTable|CreateTable)$/.test(a))).toBe(false);
  });

  it('grants table access per named index, never index/*', () => {
    const resources = JSON.stringify(statementsOf(dev.json).flatMap(resourcesOf));
    expect(resources).not.toContain('/index/*');
    expect(resources).toContain('/index/byContact');
    expect(resources).toContain('/index/openByDueDate');
  });

  it('gives the outbox relay no table item access (it only forwards stream records)', () => {
    const actions = functionStatements(dev, 'outbox-relay').flatMap(actionsOf);
    expect(
      actions.filter((a) => /^dynamodb:(GetItem|PutItem|UpdateItem|DeleteItem|Query|Batch)/.test(a)),
    ).toEqual([]);
    expect(actions).toContain('dynamodb:GetRecords');
  });

  it('lets the WhatsApp webhook do one thing with the table: PutItem (its one conditional write)', () => {
    const actions = functionStatements(dev, 'whatsapp-webhook').flatMap(actionsOf);
    expect(actions.filter((a) => a.startsWith('dynamodb:'))).toEqual(['dynamodb:PutItem']);
    expect(actions.some((a) => a.startsWith('states:') || a.startsWith('sqs:'))).toBe(false);
  });

  it('lets the export function only read the table, behind a response-streaming Function URL', () => {
    const actions = functionStatements(dev, 'tenant-exports').flatMap(actionsOf);
    expect([...new Set(actions.filter((a) => a.startsWith('dynamodb:')))].sort()).toEqual([
      'dynamodb:GetItem',
      'dynamodb:Query',
    ]);
    const urls = resourcesOfType(dev.json, 'AWS::Lambda::Url');
    expect(urls).toHaveLength(1);
    const [, url] = urls[0] ?? [];
    expect(url?.Properties).toMatchObject({ AuthType: 'NONE', InvokeMode: 'RESPONSE_STREAM' });
    expect(JSON.stringify(url?.Properties?.TargetFunctionArn)).toContain('TenantExports');
  });

  it('lets the statement projector read, put and update items of the table, never delete them', () => {
    const actions = functionStatements(dev, 'statement-projector').flatMap(actionsOf);
    const itemActions = ['GetItem', 'Query', 'PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'Scan'];
    expect(itemActions.filter((action) => actions.includes(`dynamodb:${action}`))).toEqual([
      'GetItem',
      'Query',
      'PutItem',
      'UpdateItem',
    ]);
  });

  it("lets only the inbound router and the tenant API's POST /v1/boletos start conversations, and only the router answer their task tokens", () => {
    const conversation = dev.stack.conversation.stateMachineName;
    expect(functionsAllowed(dev, 'states:StartExecution', `stateMachine:${conversation}`).sort()).toEqual([
      'inbound-router',
      'tenant-api',
    ]);
    expect(functionsAllowed(dev, 'states:SendTaskSuccess', `stateMachine:${conversation}`)).toEqual([
      'inbound-router',
    ]);
  });

  it('lets only the conversation start reminder loops, and only payment follow-ups (a payer\'s "já paguei" included) and the tenant API\'s cancel stop them', () => {
    const loop = dev.stack.reminderLoop.stateMachineName;
    expect(functionsAllowed(dev, 'states:StartExecution', `stateMachine:${loop}`)).toEqual([
      'conversation-steps',
    ]);
    expect(functionsAllowed(dev, 'states:StopExecution', `execution:${loop}:*`).sort()).toEqual([
      'inbound-router',
      'paytime-event-processor',
      'reconciliation',
      'tenant-api',
    ]);
  });

  it('lets every function that starts a workflow describe its executions (a retried start compares inputs), and only conversation-steps and the tenant API start aging imports', () => {
    const agingImport = dev.stack.agingImport.stateMachineName;
    expect(functionsAllowed(dev, 'states:StartExecution', `stateMachine:${agingImport}`).sort()).toEqual([
      'conversation-steps',
      'tenant-api',
    ]);
    expect(functionsAllowed(dev, 'states:DescribeExecution', `execution:${agingImport}:*`).sort()).toEqual([
      'conversation-steps',
      'tenant-api',
    ]);
    for (const workflow of [dev.stack.conversation, dev.stack.reminderLoop]) {
      const starters = functionsAllowed(
        dev,
        'states:StartExecution',
        `stateMachine:${workflow.stateMachineName}`,
      );
      const describers = functionsAllowed(
        dev,
        'states:DescribeExecution',
        `execution:${workflow.stateMachineName}:*`,
      );
      for (const starter of starters) expect(describers, workflow.stateMachineName).toContain(starter);
    }
  });

  it("lets the tenant API put and read raw imports and only read generated files (the import's error CSV)", () => {
    const files = functionStatements(dev, 'tenant-api').filter((s) =>
      actionsOf(s).some((action) => action.startsWith('s3:')),
    );
    const grants = files.map((s) => [actionsOf(s).sort(), JSON.stringify(s.Resource)] as const);
    expect(grants.find(([, resource]) => resource.includes('/imports/*'))?.[0]).toEqual([
      's3:AbortMultipartUpload',
      's3:GetObject',
      's3:PutObject',
    ]);
    expect(grants.find(([, resource]) => resource.includes('/outbound/*'))?.[0]).toEqual(['s3:GetObject']);
    expect(grants).toHaveLength(2);
  });

  it('lets only the relay and the queue own consumer send to each delivery queue', () => {
    for (const [name, queue] of [
      ['whatsapp-delivery', dev.stack.whatsappDelivery.queue],
      ['email-delivery', dev.stack.emailDelivery.queue],
    ] as const) {
      const id = logicalIdOf(dev.stack, queue);
      expect(functionsAllowed(dev, 'sqs:SendMessage', `"${id}"`).sort()).toEqual(
        ['outbox-relay', name].sort(),
      );
    }
  });

  it('lets only e-mail delivery send e-mail, from its identity with its configuration set', () => {
    expect(functionsAllowed(dev, 'ses:SendEmail', 'ses')).toEqual(['email-delivery']);
    const [send] = functionStatements(dev, 'email-delivery').filter((s) =>
      actionsOf(s).includes('ses:SendEmail'),
    );
    const resources = JSON.stringify(send?.Resource);
    expect(resources).toContain('identity/cobranca@dev.demo.iris.example.com');
    expect(resources).toContain('identity/dev.demo.iris.example.com');
    expect(resources).toContain(
      `:configuration-set/",{"Ref":"${logicalIdOf(dev.stack, dev.stack.email.configurationSet)}"}`,
    );
  });

  it('lets e-mail delivery read, and only read, the generated files it attaches (outbound/)', () => {
    const files = functionStatements(dev, 'email-delivery').filter((s) =>
      actionsOf(s).some((action) => action.startsWith('s3:')),
    );
    expect(files).toHaveLength(1);
    expect(actionsOf(files[0] as Statement)).toEqual(['s3:GetObject']);
    expect(JSON.stringify(files[0]?.Resource)).toContain('/outbound/*');
  });

  it.each(FUNCTION_NAMES)('lets %s read exactly the SSM parameters named in its environment', (name) => {
    for (const target of [dev, prod]) {
      const id = logicalIdOf(target.stack, target.stack.functions[name].function);
      const environment = (target.json.Resources[id]?.Properties.Environment ?? {}) as {
        Variables: Record<string, string>;
      };
      const named = Object.entries(environment.Variables)
        .filter(([key]) => key.endsWith('_PARAMETER'))
        .map(([, value]) => `:parameter${value}`)
        .sort();
      const granted = functionStatements(target, name)
        .filter((s) => actionsOf(s).some((a) => a.startsWith('ssm:')))
        .flatMap((s) => {
          expect(actionsOf(s)).toEqual(['ssm:GetParameter']);
          return resourcesOf(s).map(
            (r) => JSON.stringify(r).match(/:parameter\/[a-z0-9/-]+/)?.[0] ?? 'unexpected',
          );
        })
        .sort();
      expect(granted).toEqual(named);
    }
  });
});

describe('TenantStageStack secrets', () => {
  it('writes no secret value into the template, even with secrets in the environment', () => {
    for (const target of [dev, prod]) {
      const text = JSON.stringify(target.json);
      for (const value of Object.values(SENTINEL_SECRETS)) expect(text).not.toContain(value);
    }
  });

  it('never passes a secret by value: no function gets a bare secret variable', () => {
    const bareNames = Object.values(SECRETS).flatMap(({ name }) => [name, `${name}_PREVIOUS`]);
    for (const target of [dev, prod]) {
      for (const [, fn] of resourcesOfType(target.json, 'AWS::Lambda::Function')) {
        const variables = Object.keys((fn.Properties.Environment as { Variables: object }).Variables);
        expect(variables.filter((v) => bareNames.includes(v))).toEqual([]);
      }
    }
  });

  it('cannot take a secret from the tenant config file: unknown keys are refused', () => {
    const demo = JSON.parse(readFileSync(join(TENANT_CONFIG_DIRECTORY, 'demo.json'), 'utf8'));
    demo.stages.dev.whatsappAppSecret = 'do-not-put-secrets-here';
    expect(() => parseTenantConfig(demo, 'demo', 'demo.json')).toThrow(/whatsappAppSecret/);
  });
});

describe('cdk-nag AwsSolutions', () => {
  it.each(['dev', 'prod'] as const)('finds nothing unacknowledged in the %s stack', (stage) => {
    const target = stage === 'dev' ? dev : prod;
    const { violations } = new AwsSolutionsChecks(undefined, { verbose: true }).validateScope(target.stack);
    const findings = violations.map(
      (v) =>
        `${v.ruleName} ${v.description}\n    ${v.violatingResources.map((r) => r.constructPath).join('\n    ')}`,
    );
    expect(findings).toEqual([]);
  });

  it('acknowledges findings only with a specific reason', () => {
    const reasons = new Map<string, string>();
    const visit = (node: typeof dev.stack.node) => {
      for (const entry of node.metadata) {
        if (entry.type === 'aws:cdk:acknowledged-rules') {
          for (const [id, reason] of Object.entries(entry.data as Record<string, string>))
            reasons.set(id, reason);
        }
      }
      for (const child of node.children) visit(child.node);
    };
    visit(dev.stack.node);
    expect(reasons.size).toBeGreaterThan(0);
    for (const [id, reason] of reasons) {
      expect(id).toMatch(/AwsSolutions-/);
      expect(reason.length).toBeGreaterThanOrEqual(40);
    }
  });
});
