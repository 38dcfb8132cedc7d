import {
  DescribeExecutionCommand,
  SendTaskSuccessCommand,
  SFNClient,
  StartExecutionCommand,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import type {
  AgingImportRequest,
  AgingImportWorkflow,
  ConversationStartInput,
  OwnerMessageInput,
  ReminderLoopStartInput,
  Workflows,
} from '#application/ports/workflows';
import { DomainError } from '#domain/domain-error';
import {
  agingImportExecutionName,
  conversationExecutionName,
  executionArnOf,
  reminderLoopExecutionName,
} from './execution-names';

/**
 * `Workflows` over Step Functions (`@aws-sdk/client-sfn`), in AWS and against the local cloud's emulator.
 *
 * - Executions get deterministic names (`execution-names.ts`): a conversation per inbound message id, a
 *   reminder loop per tenant + boleto. Starting again is harmless: AWS returns the running execution for the
 *   same name and input; when it answers ExecutionAlreadyExists (the execution has ended, or the input
 *   differs) the existing execution is described, and the same input counts as success. A reminder loop is
 *   one per boleto whatever its input; a conversation with a different input is a conflict (a bug upstream).
 * - Stopping a loop that never started or has already ended is success.
 * - Resuming returns false when the task token is no longer valid (answered, timed out, unknown).
 * No SDK error leaves this file: everything else becomes `WorkflowUnavailableError` (retryable).
 */

export interface StepFunctionsWorkflowsOptions {
  conversationStateMachineArn?: string;
  reminderLoopStateMachineArn: string;
  agingImportStateMachineArn?: string;
  client?: SFNClient;
}

export class WorkflowUnavailableError extends DomainError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('workflow_unavailable', message, options);
    this.name = 'WorkflowUnavailableError';
  }
}

/** An execution with this name exists with a different input. Nothing was started. */
export class WorkflowConflictError extends DomainError {
  constructor(
    readonly executionName: string,
    options?: { cause?: unknown },
  ) {
    super('workflow_conflict', `execution ${executionName} exists with a different input`, options);
    this.name = 'WorkflowConflictError';
  }
}

const TOKEN_GONE = new Set(['TaskDoesNotExist', 'InvalidToken', 'TaskTimedOut']);

export class StepFunctionsWorkflows implements Workflows, AgingImportWorkflow {
  private readonly client: SFNClient;

  constructor(private readonly options: StepFunctionsWorkflowsOptions) {
    this.client = options.client ?? new SFNClient({});
  }

  async startConversation(input: ConversationStartInput): Promise<void> {
    const arn = this.options.conversationStateMachineArn;
    if (!arn) throw new WorkflowUnavailableError('no conversation state machine is configured');
    const name = conversationExecutionName(input.tenantId, input.message.messageId);
    const outcome = await this.start(arn, name, input);
    if (outcome === 'exists_with_other_input') throw new WorkflowConflictError(name);
  }

  async resumeConversation(taskToken: string, message: OwnerMessageInput): Promise<boolean> {
    try {
      await this.client.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(message) }));
      return true;
    } catch (error) {
      if (TOKEN_GONE.has(nameOf(error))) return false;
      throw new WorkflowUnavailableError('SendTaskSuccess failed', { cause: error });
    }
  }

  async startReminderLoop(input: ReminderLoopStartInput): Promise<void> {
    const name = reminderLoopExecutionName(input.tenantId, input.boletoId);
    await this.start(this.options.reminderLoopStateMachineArn, name, input);
  }

  async startAgingImport(request: AgingImportRequest): Promise<void> {
    const arn = this.options.agingImportStateMachineArn;
    if (!arn) throw new WorkflowUnavailableError('no aging import state machine is configured');
    const name = agingImportExecutionName(request.tenantId, request.importId);
    const outcome = await this.start(arn, name, request);
    if (outcome === 'exists_with_other_input') throw new WorkflowConflictError(name);
  }

  async stopReminderLoop(tenantId: string, boletoId: string, reason: string): Promise<void> {
    const executionArn = executionArnOf(
      this.options.reminderLoopStateMachineArn,
      reminderLoopExecutionName(tenantId, boletoId),
    );
    try {
      await this.client.send(
        new StopExecutionCommand({ executionArn, error: 'BoletoSettled', cause: reason.slice(0, 256) }),
      );
    } catch (error) {
      if (nameOf(error) === 'ExecutionDoesNotExist') return;
      const status = await this.statusOf(executionArn).catch(() => undefined);
      if (status !== undefined && status !== 'RUNNING') return;
      throw new WorkflowUnavailableError('StopExecution failed', { cause: error });
    }
  }

  private async start(
    stateMachineArn: string,
    name: string,
    input: object,
  ): Promise<'started' | 'exists' | 'exists_with_other_input'> {
    const json = JSON.stringify(input);
    try {
      await this.client.send(new StartExecutionCommand({ stateMachineArn, name, input: json }));
      return 'started';
    } catch (error) {
      if (nameOf(error) !== 'ExecutionAlreadyExists') {
        throw new WorkflowUnavailableError(`StartExecution ${name} failed`, { cause: error });
      }
    }
    let existingInput: string | undefined;
    try {
      const described = await this.client.send(
        new DescribeExecutionCommand({ executionArn: executionArnOf(stateMachineArn, name) }),
      );
      existingInput = described.input;
    } catch (error) {
      throw new WorkflowUnavailableError(`DescribeExecution ${name} failed`, { cause: error });
    }
    return sameJson(existingInput, json) ? 'exists' : 'exists_with_other_input';
  }

  private async statusOf(executionArn: string): Promise<string | undefined> {
    const described = await this.client.send(new DescribeExecutionCommand({ executionArn }));
    return described.status;
  }
}

function nameOf(error: unknown): string {
  return error instanceof Error ? error.name : '';
}

/** Equal JSON documents, whatever the key order. */
export function sameJson(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  try {
    return canonical(JSON.parse(a)) === canonical(JSON.parse(b));
  } catch {
    return a === b;
  }
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([x], [y]) =>
      x < y ? -1 : x > y ? 1 : 0,
    );
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonical(inner)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
