import { type LocalHttpServer, startAwsJsonServer } from '#infra/local/emulators/aws-json-http-server';
import { AwsServiceError } from '#infra/local/emulators/aws-service-error';
import type { ExecutionDescription, ExecutionStatus } from './local-execution';
import type { LocalStepFunctions } from './local-step-functions';

/**
 * The Step Functions API (AWS JSON 1.0, `X-Amz-Target: AWSStepFunctions.<Operation>`) over a LocalStepFunctions,
 * on loopback, so the production adapter's `new SFNClient({ endpoint })` works unchanged.
 * Operations: StartExecution, DescribeExecution, StopExecution, ListExecutions, SendTaskSuccess,
 * SendTaskFailure, SendTaskHeartbeat. Timestamps travel as epoch seconds, as in the real protocol.
 */

export interface StepFunctionsHttpServerOptions {
  host?: string;
  port?: number;
}

export function createStepFunctionsHttpServer(
  stepFunctions: LocalStepFunctions,
  options: StepFunctionsHttpServerOptions = {},
): Promise<LocalHttpServer> {
  return startAwsJsonServer({
    targetPrefix: 'AWSStepFunctions',
    errorNamespace: 'com.amazonaws.states',
    ...options,
    operations: {
      StartExecution: (input) => {
        const started = stepFunctions.startExecution({
          stateMachineArn: requiredString(input, 'stateMachineArn'),
          ...optionalString(input, 'name'),
          ...optionalString(input, 'input'),
        });
        return { executionArn: started.executionArn, startDate: epochSeconds(started.startDate) };
      },
      DescribeExecution: (input) => {
        const execution = stepFunctions.describeExecution(requiredString(input, 'executionArn'));
        return {
          ...summary(execution),
          input: execution.input,
          inputDetails: { included: true },
          ...(execution.output !== undefined && {
            output: execution.output,
            outputDetails: { included: true },
          }),
          ...(execution.error !== undefined && { error: execution.error }),
          ...(execution.cause !== undefined && { cause: execution.cause }),
        };
      },
      StopExecution: (input) => {
        const stopped = stepFunctions.stopExecution(requiredString(input, 'executionArn'), {
          ...optionalString(input, 'error'),
          ...optionalString(input, 'cause'),
        });
        return { stopDate: epochSeconds(stopped.stopDate) };
      },
      ListExecutions: (input) => {
        const statusFilter = optionalString(input, 'statusFilter').statusFilter as
          | ExecutionStatus
          | undefined;
        const executions = stepFunctions.listExecutions({
          stateMachineArn: requiredString(input, 'stateMachineArn'),
          ...(statusFilter && { statusFilter }),
        });
        const max = typeof input.maxResults === 'number' && input.maxResults > 0 ? input.maxResults : 100;
        const offset = Number(optionalString(input, 'nextToken').nextToken ?? 0);
        const page = executions.slice(offset, offset + max);
        const next = offset + max < executions.length ? { nextToken: String(offset + max) } : {};
        return { executions: page.map(summary), ...next };
      },
      SendTaskSuccess: (input) => {
        stepFunctions.sendTaskSuccess(requiredString(input, 'taskToken'), requiredString(input, 'output'));
        return {};
      },
      SendTaskFailure: (input) => {
        const { error, cause } = { ...optionalString(input, 'error'), ...optionalString(input, 'cause') };
        stepFunctions.sendTaskFailure(requiredString(input, 'taskToken'), error, cause);
        return {};
      },
      SendTaskHeartbeat: (input) => {
        stepFunctions.sendTaskHeartbeat(requiredString(input, 'taskToken'));
        return {};
      },
    },
  });
}

function summary(execution: ExecutionDescription) {
  return {
    executionArn: execution.executionArn,
    stateMachineArn: execution.stateMachineArn,
    name: execution.name,
    status: execution.status,
    startDate: epochSeconds(execution.startDate),
    ...(execution.stopDate && { stopDate: epochSeconds(execution.stopDate) }),
  };
}

function epochSeconds(date: Date): number {
  return date.getTime() / 1000;
}

function requiredString(input: Record<string, unknown>, field: string): string {
  const value = input[field];
  if (typeof value !== 'string' || value.length === 0) {
    throw new AwsServiceError('ValidationException', `${field} is required`);
  }
  return value;
}

function optionalString<K extends string>(input: Record<string, unknown>, field: K): { [P in K]?: string } {
  const value = input[field];
  return (typeof value === 'string' ? { [field]: value } : {}) as { [P in K]?: string };
}
