import type { RemovalPolicy } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { acknowledgeNag } from '#infra/nag/acknowledge';
import type { IrisFunction } from './iris-function';

export interface WebhookRoute {
  readonly path: string;
  readonly methods: apigwv2.HttpMethod[];
  readonly handler: IrisFunction;
}

export interface WebhookApiProps {
  readonly apiName: string;
  readonly routes: readonly WebhookRoute[];
  readonly throttle: { rateLimitPerSecond: number; burstLimit: number };
  readonly logRetention: logs.RetentionDays;
  readonly removalPolicy: RemovalPolicy;
}

/**
 * Access log line: who, what route, how it ended and how long it took. Deliberately no query string and no
 * headers: Meta's verification GET carries `hub.verify_token` in the query, and webhook headers carry
 * signatures and Basic credentials.
 */
const ACCESS_LOG_FORMAT = apigw.AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    ip: '$context.identity.sourceIp',
    userAgent: '$context.identity.userAgent',
    requestTime: '$context.requestTime',
    routeKey: '$context.routeKey',
    status: '$context.status',
    responseLength: '$context.responseLength',
    responseLatency: '$context.responseLatency',
    integrationStatus: '$context.integrationStatus',
    integrationLatency: '$context.integrationLatency',
    integrationError: '$context.integrationErrorMessage',
    error: '$context.error.message',
  }),
);

/**
 * The public HTTP API that receives the providers' webhooks (payload format 2.0, Lambda proxy). Only the
 * listed routes exist (anything else is API Gateway's 404), the `$default` stage throttles every route and
 * writes JSON access logs. The routes have no API Gateway authorizer on purpose: Meta signs its deliveries
 * (HMAC) and Paytime sends HTTP Basic credentials, and the handlers verify both on the raw request.
 */
export class WebhookApi extends Construct {
  readonly api: apigwv2.HttpApi;
  readonly stage: apigwv2.HttpStage;
  readonly accessLogGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: WebhookApiProps) {
    super(scope, id);
    this.api = new apigwv2.HttpApi(this, 'HttpApi', {
      apiName: props.apiName,
      description: 'IRIS webhooks (WhatsApp Cloud API, Paytime)',
      createDefaultStage: false,
    });
    this.accessLogGroup = new logs.LogGroup(this, 'AccessLogs', {
      retention: props.logRetention,
      removalPolicy: props.removalPolicy,
    });
    this.stage = new apigwv2.HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: props.throttle.rateLimitPerSecond, burstLimit: props.throttle.burstLimit },
      accessLogSettings: {
        destination: new apigwv2.LogGroupLogDestination(this.accessLogGroup),
        format: ACCESS_LOG_FORMAT,
      },
    });
    for (const route of props.routes) {
      const routes = this.api.addRoutes({
        path: route.path,
        methods: route.methods,
        integration: new HttpLambdaIntegration(`${route.handler.name}-integration`, route.handler.function, {
          payloadFormatVersion: apigwv2.PayloadFormatVersion.VERSION_2_0,
        }),
      });
      for (const httpRoute of routes) {
        acknowledgeNag(
          httpRoute,
          'AwsSolutions-APIG4',
          'Provider webhooks cannot use IAM, JWT or Cognito: Meta signs each delivery (X-Hub-Signature-256 HMAC) and Paytime sends HTTP Basic credentials; the handler verifies them on the raw request before anything is written.',
        );
      }
    }
  }

  /** The public URL of a route path, e.g. `https://abc.execute-api.sa-east-1.amazonaws.com/webhooks/whatsapp`. */
  urlOf(path: string): string {
    return `${this.stage.url.replace(/\/$/, '')}${path}`;
  }
}
