import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { MEMBER_ROLES } from '#domain/member-permissions';
import { PUBLIC_PATHS } from '#functions/tenant-api/public-paths';
import { acknowledgeNag } from '#infra/nag/acknowledge';
import type { IrisFunction } from './iris-function';

export const TENANT_API_ROUTE_KEY = 'ANY /v1/{proxy+}';

/** The tenant API's share of the HTTP API, per tenant (requests per second, burst). */
export const TENANT_API_THROTTLE = { rateLimitPerSecond: 10, burstLimit: 20 } as const;

export interface MemberDirectoryProps {
  readonly userPoolName: string;
  readonly removalPolicy: RemovalPolicy;
}

/**
 * The tenant-stage's members: a Cognito user pool (no self sign-up: owners add members), one group per role
 * (`owner`, `operator`, `viewer`; groups = roles), and an app client whose access tokens the HTTP API's JWT
 * authorizer accepts (issuer = the pool, audience = the client id). docs/deploy.md explains creating members.
 */
export class MemberDirectory extends Construct {
  readonly userPool: cognito.UserPool;
  readonly client: cognito.UserPoolClient;

  constructor(scope: Construct, id: string, props: MemberDirectoryProps) {
    super(scope, id);
    this.userPool = new cognito.UserPool(this, 'UserPool', {
      userPoolName: props.userPoolName,
      selfSignUpEnabled: false,
      signInAliases: { username: true, email: true },
      passwordPolicy: {
        minLength: 12,
        requireDigits: true,
        requireLowercase: true,
        requireUppercase: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      removalPolicy: props.removalPolicy,
    });
    acknowledgeNag(
      this.userPool,
      'AwsSolutions-COG8',
      'The Plus feature plan (threat protection) is priced per active user; members are a handful of staff per small business, created by the owner with MFA required and no self sign-up.',
    );
    for (const role of MEMBER_ROLES) {
      new cognito.CfnUserPoolGroup(this, `Group-${role}`, {
        userPoolId: this.userPool.userPoolId,
        groupName: role,
        description: `IRIS ${role}s (docs/decisions.md, "Members and roles")`,
      });
    }
    this.client = this.userPool.addClient('ApiClient', {
      authFlows: { userSrp: true },
      generateSecret: false,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
      preventUserExistenceErrors: true,
    });
  }

  get issuerUrl(): string {
    return `https://cognito-idp.${this.userPool.stack.region}.amazonaws.com/${this.userPool.userPoolId}`;
  }

  /**
   * `ANY /v1/{proxy+}` → `handler`, behind the JWT authorizer (401 from API Gateway before any function runs),
   * throttled on `stage` per tenant (the stack is the tenant's): `TENANT_API_THROTTLE` for the route, below the
   * webhooks' stage limits, so an ERP loop cannot starve Meta's and Paytime's deliveries. Per member, the
   * function's own limit applies (docs/decisions.md, "Team").
   */
  addApiRoutes(api: apigwv2.HttpApi, handler: IrisFunction, stage?: apigwv2.HttpStage): void {
    const authorizer = new HttpJwtAuthorizer('MembersAuthorizer', this.issuerUrl, {
      jwtAudience: [this.client.userPoolClientId],
      identitySource: ['$request.header.Authorization'],
    });
    const routes = api.addRoutes({
      path: '/v1/{proxy+}',
      methods: [apigwv2.HttpMethod.ANY],
      integration: new HttpLambdaIntegration('tenant-api-integration', handler.function, {
        payloadFormatVersion: apigwv2.PayloadFormatVersion.VERSION_2_0,
      }),
      authorizer,
    });
    if (stage) {
      const cfnStage = stage.node.defaultChild as apigwv2.CfnStage;
      for (const route of routes) stage.node.addDependency(route); // the route key must exist first
      // `routeSettings` is a map of structs CDK does not rename, so the CloudFormation names are written out.
      cfnStage.addPropertyOverride(`RouteSettings.${TENANT_API_ROUTE_KEY}`, {
        ThrottlingRateLimit: TENANT_API_THROTTLE.rateLimitPerSecond,
        ThrottlingBurstLimit: TENANT_API_THROTTLE.burstLimit,
      });
    }
    // The API's own description is public, as any payments API's reference is: GET only, no data.
    const integration = new HttpLambdaIntegration('tenant-api-docs-integration', handler.function, {
      payloadFormatVersion: apigwv2.PayloadFormatVersion.VERSION_2_0,
    });
    for (const path of PUBLIC_PATHS) {
      for (const route of api.addRoutes({ path, methods: [apigwv2.HttpMethod.GET], integration })) {
        acknowledgeNag(
          route,
          'AwsSolutions-APIG4',
          'The OpenAPI document and its reference page describe the API and hold no tenant data; the function serves nothing else without a verified token.',
        );
      }
    }
  }
}
