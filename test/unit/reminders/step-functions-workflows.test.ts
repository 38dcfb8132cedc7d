import {
  DescribeExecutionCommand,
  SendTaskSuccessCommand,
  SFNClient,
  SFNServiceException,
  StartExecutionCommand,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  conversationExecutionName,
  executionArnOf,
  MAX_EXECUTION_NAME_LENGTH,
  reminderLoopExecutionName,
} from '#adapters/step-functions/execution-names';
import {
  StepFunctionsWorkflows,
  WorkflowConflictError,
  WorkflowUnavailableError,
} from '#adapters/step-functions/step-functions-workflows';

const LOOP = 'arn:aws:states:sa-east-1:123456789012:stateMachine:iris-demo-prod-reminder-loop';
const CONVERSATION = 'arn:aws:states:sa-east-1:123456789012:stateMachine:iris-demo-prod-conversation';

function awsError(name: string): SFNServiceException {
  return new SFNServiceException({ name, $fault: 'client', $metadata: {}, message: name });
}

describe('execution names', () => {
  it('are deterministic, within AWS rules, and differ per tenant and per id', () => {
    const wamid = 'wamid.HBgNNTUxMTk4NzY1NDMyMRUCABIYIDNBQ0E4RkY0NjU3QkQ2NTAwRTUwRjk2NUE5RDAwQUE1AA==';
    const names = [
      conversationExecutionName('demo', wamid),
      conversationExecutionName('other', wamid),
      reminderLoopExecutionName('demo', '01JDZ3Q8Y7K2M4N6P8R0S2T4V6'),
      reminderLoopExecutionName('demo', 'x'.repeat(300)),
    ];
    for (const name of names) {
      expect(name).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(name.length).toBeLessThanOrEqual(MAX_EXECUTION_NAME_LENGTH);
    }
    expect(new Set(names).size).toBe(4);
    expect(conversationExecutionName('demo', wamid)).toBe(names[0]);
    expect(names[2]).toMatch(/^rl-01JDZ3Q8Y7K2M4N6P8R0S2T4V6-[0-9a-f]{24}$/);
  });

  it('turn a state machine ARN and a name into the execution ARN', () => {
    expect(executionArnOf(LOOP, 'rl-b1-abc')).toBe(
      'arn:aws:states:sa-east-1:123456789012:execution:iris-demo-prod-reminder-loop:rl-b1-abc',
    );
  });
});

describe('StepFunctionsWorkflows', () => {
  const sfn = mockClient(SFNClient);
  const workflows = new StepFunctionsWorkflows({
    conversationStateMachineArn: CONVERSATION,
    reminderLoopStateMachineArn: LOOP,
    client: sfn as unknown as SFNClient,
  });
  const loop = { tenantId: 'demo', boletoId: 'b1', nextReminderAt: '2026-12-01T13:00:00.000Z', turn: 0 };

  beforeEach(() => sfn.reset());

  it('starts a boleto loop under its deterministic name', async () => {
    sfn.on(StartExecutionCommand).resolves({ executionArn: 'arn', startDate: new Date() });
    await workflows.startReminderLoop(loop);
    const [call] = sfn.commandCalls(StartExecutionCommand);
    expect(call?.args[0].input).toEqual({
      stateMachineArn: LOOP,
      name: reminderLoopExecutionName('demo', 'b1'),
      input: JSON.stringify(loop),
    });
  });

  it('takes ExecutionAlreadyExists with the same input (keys in any order) as success', async () => {
    sfn.on(StartExecutionCommand).rejects(awsError('ExecutionAlreadyExists'));
    sfn.on(DescribeExecutionCommand).resolves({
      input: JSON.stringify({
        turn: 0,
        nextReminderAt: loop.nextReminderAt,
        boletoId: 'b1',
        tenantId: 'demo',
      }),
      status: 'SUCCEEDED',
    });
    await expect(workflows.startReminderLoop(loop)).resolves.toBeUndefined();
    expect(sfn.commandCalls(DescribeExecutionCommand)[0]?.args[0].input.executionArn).toBe(
      executionArnOf(LOOP, reminderLoopExecutionName('demo', 'b1')),
    );
  });

  it('keeps one loop per boleto whatever the input, but refuses a conversation replayed with another input', async () => {
    sfn.on(StartExecutionCommand).rejects(awsError('ExecutionAlreadyExists'));
    sfn.on(DescribeExecutionCommand).resolves({ input: '{"other":true}', status: 'RUNNING' });
    await expect(workflows.startReminderLoop(loop)).resolves.toBeUndefined();
    const message = {
      messageId: 'wamid.1',
      from: '+5511987654321',
      content: { type: 'text' as const, text: 'oi' },
      receivedAt: 'x',
    };
    await expect(workflows.startConversation({ tenantId: 'demo', message })).rejects.toBeInstanceOf(
      WorkflowConflictError,
    );
  });

  it('translates other failures into WorkflowUnavailableError', async () => {
    sfn.on(StartExecutionCommand).rejects(awsError('ThrottlingException'));
    await expect(workflows.startReminderLoop(loop)).rejects.toBeInstanceOf(WorkflowUnavailableError);
  });

  it('stops a loop, and takes a loop that never ran or already ended as stopped', async () => {
    sfn.on(StopExecutionCommand).resolves({ stopDate: new Date() });
    await workflows.stopReminderLoop('demo', 'b1', 'boleto paid');
    expect(sfn.commandCalls(StopExecutionCommand)[0]?.args[0].input).toMatchObject({
      executionArn: executionArnOf(LOOP, reminderLoopExecutionName('demo', 'b1')),
      error: 'BoletoSettled',
      cause: 'boleto paid',
    });
    sfn.reset();
    sfn.on(StopExecutionCommand).rejects(awsError('ExecutionDoesNotExist'));
    await expect(workflows.stopReminderLoop('demo', 'b2', 'paid')).resolves.toBeUndefined();
    sfn.reset();
    sfn.on(StopExecutionCommand).rejects(awsError('ValidationException'));
    sfn.on(DescribeExecutionCommand).resolves({ status: 'SUCCEEDED' });
    await expect(workflows.stopReminderLoop('demo', 'b3', 'paid')).resolves.toBeUndefined();
    sfn.reset();
    sfn.on(StopExecutionCommand).rejects(awsError('ThrottlingException'));
    sfn.on(DescribeExecutionCommand).resolves({ status: 'RUNNING' });
    await expect(workflows.stopReminderLoop('demo', 'b4', 'paid')).rejects.toBeInstanceOf(
      WorkflowUnavailableError,
    );
  });

  it('resumes a conversation, and answers false when the token is gone', async () => {
    const message = {
      messageId: 'wamid.2',
      from: '+5511987654321',
      content: { type: 'text' as const, text: 'sim' },
      receivedAt: 'x',
    };
    sfn.on(SendTaskSuccessCommand).resolves({});
    await expect(workflows.resumeConversation('token-1', message)).resolves.toBe(true);
    expect(sfn.commandCalls(SendTaskSuccessCommand)[0]?.args[0].input).toEqual({
      taskToken: 'token-1',
      output: JSON.stringify(message),
    });
    for (const name of ['TaskDoesNotExist', 'InvalidToken', 'TaskTimedOut']) {
      sfn.reset();
      sfn.on(SendTaskSuccessCommand).rejects(awsError(name));
      await expect(workflows.resumeConversation('token-2', message)).resolves.toBe(false);
    }
    sfn.reset();
    sfn.on(SendTaskSuccessCommand).rejects(awsError('ServiceUnavailable'));
    await expect(workflows.resumeConversation('token-3', message)).rejects.toBeInstanceOf(
      WorkflowUnavailableError,
    );
  });
});
