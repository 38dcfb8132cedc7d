export { LOCAL_WAIT_RESOURCE, localizeDefinition, substituteDefinition } from './local-definition';
export type { EventLog, ExecutionDescription, ExecutionStatus } from './local-execution';
export {
  LocalStepFunctions,
  type LocalStepFunctionsOptions,
  type StartExecutionRequest,
  type StateMachineRegistration,
} from './local-step-functions';
export { StateError } from './state-errors';
export {
  createStepFunctionsHttpServer,
  type StepFunctionsHttpServerOptions,
} from './step-functions-http-server';
export type { TaskTokenInfo } from './task-tokens';
