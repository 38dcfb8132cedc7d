/**
 * Local emulations of the AWS services IRIS uses, for the local cloud (`npm start`) and the integration tests:
 * the production adapters (AWS SDK v3 clients) run against them unchanged; only endpoints differ.
 */
export { type LocalHttpServer, startAwsJsonServer } from './aws-json-http-server';
export { AwsServiceError } from './aws-service-error';
export * from './dynamodb-streams';
export { createLambdaContext, invokeLocalHandler, type LocalLambdaHandler } from './lambda-context';
export * from './scheduler';
export * from './sqs';
export * from './step-functions';
export {
  type ClockAdvance,
  ClockSleepAbortedError,
  VirtualClock,
  type VirtualClockOptions,
} from './virtual-clock';
