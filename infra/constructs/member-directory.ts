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

  /** `ANY /v1/{proxy+}` → `handler`, behind the JWT authorizer (401 from API Gateway before any function runs). */
  addApiRoutes(api: apigwv2.HttpApi, handler: IrisFunction): void {
    const authorizer = new HttpJwtAuthorizer('MembersAuthorizer', this.issuerUrl, {
      jwtAudience: [this.client.userPoolClientId],
      identitySource: ['$request.header.Authorization'],
    });
    api.addRoutes({
      path: '/v1/{proxy+}',
      methods: [apigwv2.HttpMethod.ANY],
      integration: new HttpLambdaIntegration('tenant-api-integration', handler.function, {
        payloadFormatVersion: apigwv2.PayloadFormatVersion.VERSION_2_0,
      }),
      authorizer,
    });
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
