import { describe, expect, it } from 'vitest';
import { loadTenantConfig } from '#infra/config/load-tenant-config';
import { TENANT_API_ROUTE_KEY, TENANT_API_THROTTLE } from '#infra/constructs/member-directory';
import { logicalIdOf, resourcesOfType, synthesizeTenantStage } from './support/tenant-stage-template';

/** Issue 14 item 5, per tenant: the HTTP API stage throttles the tenant API's route below the webhooks' limits. */
describe('tenant API throttling on the HTTP API stage', () => {
  const { json } = synthesizeTenantStage('dev');
  const config = loadTenantConfig('demo', 'dev');
  const [[, stage] = []] = resourcesOfType(json, 'AWS::ApiGatewayV2::Stage');
  const properties = (stage?.Properties ?? {}) as {
    DefaultRouteSettings?: { ThrottlingRateLimit: number; ThrottlingBurstLimit: number };
    RouteSettings?: Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }>;
  };

  it('throttles ANY /v1/{proxy+} with its own rate and burst, and the stage waits for the route', () => {
    expect(properties.RouteSettings?.[TENANT_API_ROUTE_KEY]).toEqual({
      ThrottlingRateLimit: TENANT_API_THROTTLE.rateLimitPerSecond,
      ThrottlingBurstLimit: TENANT_API_THROTTLE.burstLimit,
    });
    expect(TENANT_API_THROTTLE.rateLimitPerSecond).toBeLessThan(
      config.settings.webhookThrottle.rateLimitPerSecond,
    );
    const routeIds = resourcesOfType(json, 'AWS::ApiGatewayV2::Route')
      .filter(([, route]) => route.Properties.RouteKey === TENANT_API_ROUTE_KEY)
      .map(([id]) => id);
    expect(routeIds).toHaveLength(1);
    expect((stage as { DependsOn?: string[] } | undefined)?.DependsOn).toEqual(
      expect.arrayContaining(routeIds),
    );
  });

  it('keeps the stage-wide throttling of the webhooks', () => {
    expect(properties.DefaultRouteSettings).toMatchObject({
      ThrottlingRateLimit: config.settings.webhookThrottle.rateLimitPerSecond,
      ThrottlingBurstLimit: config.settings.webhookThrottle.burstLimit,
    });
  });
});

/** Team changes put members' sign-in accounts: only in the stack's own pool, only for the two functions that change the team. */
describe('member accounts grants', () => {
  const { json, stack } = synthesizeTenantStage('dev');
  type Statement = { Action: string | string[]; Resource: unknown };
  const cognitoStatements = resourcesOfType(json, 'AWS::IAM::Policy').flatMap(([, policy]) =>
    (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement.filter((statement) =>
      [statement.Action].flat().some((action) => action.startsWith('cognito-idp:')),
    ).map((statement) => ({ roles: JSON.stringify(policy.Properties.Roles), statement })),
  );
  const poolId = logicalIdOf(stack, stack.members.userPool);
  const roleOf = (name: 'tenant-api' | 'conversation-steps') =>
    logicalIdOf(stack, stack.functions[name].function.role ?? stack.functions[name].function);

  it('lets tenant-api and conversation-steps manage users of the stack pool, and nothing else', () => {
    expect(cognitoStatements).toHaveLength(2);
    for (const name of ['tenant-api', 'conversation-steps'] as const) {
      const found = cognitoStatements.find(({ roles }) => roles.includes(`"${roleOf(name)}"`));
      expect(found, name).toBeDefined();
      expect([found?.statement.Action].flat()).toEqual(
        expect.arrayContaining([
          'cognito-idp:AdminCreateUser',
          'cognito-idp:AdminAddUserToGroup',
          'cognito-idp:AdminDeleteUser',
        ]),
      );
      expect(JSON.stringify(found?.statement.Resource)).toContain(poolId);
    }
  });
});
