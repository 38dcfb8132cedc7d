import {
  DescribeExecutionCommand,
  type DescribeExecutionCommandOutput,
  ListExecutionsCommand,
  SendTaskFailureCommand,
  SendTaskSuccessCommand,
  SFNClient,
  StartExecutionCommand,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalHttpServer } from '#infra/local/emulators/aws-json-http-server';
import {
  createStepFunctionsHttpServer,
  LocalStepFunctions,
} from '#infra/local/emulators/step-functions/index';
import { VirtualClock } from '#infra/local/emulators/virtual-clock';
import { reminderLoopWorkflowDefinition } from '#workflows/reminder-loop-workflow';

const DAY = 86_400_000;
const ARN_PREFIX = 'arn:aws:states:us-east-1:000000000000:stateMachine:';
const STEP_FUNCTION = 'arn:aws:lambda:us-east-1:000000000000:function:step';

const loopDefinition = {
  StartAt: 'WaitForNextTurn',
  States: {
    WaitForNextTurn: { Type: 'Wait', TimestampPath: '$.nextAt', Next: 'Turn' },
    Turn: { Type: 'Task', Resource: STEP_FUNCTION, Next: 'Again' },
    Again: {
      Type: 'Choice',
      Choices: [{ Variable: '$.continue', BooleanEquals: true, Next: 'WaitForNextTurn' }],
      Default: 'Finished',
    },
    Finished: { Type: 'Succeed' },
  },
};

const askDefinition = {
  StartAt: 'Ask',
  States: {
    Ask: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
      Parameters: {
        FunctionName: STEP_FUNCTION,
        Payload: { 'question.$': '$.question', 'token.$': '$$.Task.Token' },
      },
      TimeoutSeconds: 3_600,
      ResultPath: '$.reply',
      Catch: [
        { ErrorEquals: ['States.Timeout'], ResultPath: '$.error', Next: 'Expired' },
        { ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'Refused' },
      ],
      Next: 'Answered',
    },
    Answered: { Type: 'Succeed' },
    Expired: { Type: 'Pass', Result: 'expired', ResultPath: '$.outcome', End: true },
    Refused: { Type: 'Pass', Result: 'refused', ResultPath: '$.outcome', End: true },
  },
};

const flakyDefinition = {
  StartAt: 'Flaky',
  States: {
    Flaky: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { FunctionName: STEP_FUNCTION, 'Payload.$': '$' },
      Retry: [{ ErrorEquals: ['ProviderBusyError'], IntervalSeconds: 30, BackoffRate: 2, MaxAttempts: 3 }],
      ResultSelector: { 'value.$': '$.Payload.value' },
      End: true,
    },
  },
};

describe('LocalStepFunctions over the SFN API', () => {
  const clock = new VirtualClock();
  const stepFunctions = new LocalStepFunctions({ clock });
  let server: LocalHttpServer;
  let sfn: SFNClient;
  const turns: string[] = [];
  const questions: { question: string; token: string }[] = [];
  let flakyCalls = 0;

  beforeAll(async () => {
    stepFunctions.registerStateMachine({
      arn: `${ARN_PREFIX}loop`,
      definition: loopDefinition,
      taskHandlers: {
        Turn: async (event) => {
          const state = event as { n: number; nextAt: string };
          turns.push(clock.now().toISOString());
          const nextAt = new Date(Date.parse(state.nextAt) + DAY).toISOString();
          return { n: state.n + 1, nextAt, continue: state.n + 1 < 5 };
        },
      },
    });
    stepFunctions.registerStateMachine({
      arn: `${ARN_PREFIX}ask`,
      definition: askDefinition,
      lambdaFunctions: {
        step: async (event) => {
          questions.push(event as { question: string; token: string });
          return { sent: true };
        },
      },
    });
    stepFunctions.registerStateMachine({
      arn: `${ARN_PREFIX}flaky`,
      definition: flakyDefinition,
      lambdaFunctions: {
        [STEP_FUNCTION]: async (event) => {
          flakyCalls += 1;
          if (flakyCalls < 3) throw Object.assign(new Error('busy'), { name: 'ProviderBusyError' });
          return { value: (event as { x: number }).x * 2 };
        },
      },
    });
    server = await createStepFunctionsHttpServer(stepFunctions);
    sfn = new SFNClient({
      endpoint: server.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
  });

  afterAll(async () => {
    stepFunctions.dispose();
    sfn.destroy();
    await server.close();
    clock.dispose();
  });

  const describeExecution = (executionArn: string): Promise<DescribeExecutionCommandOutput> =>
    sfn.send(new DescribeExecutionCommand({ executionArn }));

  const questionFor = async (text: string) => {
    await stepFunctions.idle();
    const found = questions.find((question) => question.question === text);
    if (!found) throw new Error(`No question "${text}" was asked`);
    return found;
  };

  it('runs a Wait(TimestampPath) + Task loop only as far as the virtual clock has moved', async () => {
    const firstAt = new Date(clock.nowMs() + DAY).toISOString();
    const { executionArn } = await sfn.send(
      new StartExecutionCommand({
        stateMachineArn: `${ARN_PREFIX}loop`,
        name: 'loop-1',
        input: JSON.stringify({ n: 0, nextAt: firstAt }),
      }),
    );
    await stepFunctions.idle();
    expect(turns).toHaveLength(0);
    await clock.advance({ days: 1 });
    expect(turns).toHaveLength(1);
    expect(Date.parse(turns[0] ?? '')).toBeGreaterThanOrEqual(Date.parse(firstAt));
    await clock.advance({ days: 2 });
    expect(turns).toHaveLength(3);
    expect((await describeExecution(executionArn ?? '')).status).toBe('RUNNING');
    await clock.advance({ days: 30 });
    const done = await describeExecution(executionArn ?? '');
    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.output ?? '{}')).toMatchObject({ n: 5, continue: false });
    expect(turns).toHaveLength(5);
    // 5 × (Wait + Task + Choice) + Succeed
    expect(stepFunctions.describeExecution(executionArn ?? '').stateTransitions).toBe(16);
  });

  it('resumes a .waitForTaskToken Task on SendTaskSuccess and refuses the token a second time', async () => {
    const { executionArn } = await sfn.send(
      new StartExecutionCommand({
        stateMachineArn: `${ARN_PREFIX}ask`,
        input: JSON.stringify({ question: 'sim?' }),
      }),
    );
    const { token } = await questionFor('sim?');
    expect(token).toMatch(/^AQ/);
    expect(stepFunctions.pendingTaskTokens().map((pending) => pending.token)).toContain(token);
    await sfn.send(
      new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify({ answer: 'sim' }) }),
    );
    await stepFunctions.waitForExecution(executionArn ?? '');
    const done = await describeExecution(executionArn ?? '');
    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.output ?? '{}')).toEqual({ question: 'sim?', reply: { answer: 'sim' } });
    await expect(
      sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' })),
    ).rejects.toMatchObject({
      name: 'TaskTimedOut',
    });
    await expect(
      sfn.send(new SendTaskSuccessCommand({ taskToken: 'not-a-token', output: '{}' })),
    ).rejects.toMatchObject({
      name: 'InvalidToken',
    });
  });

  it('times a .waitForTaskToken Task out on the virtual clock, so Catch on States.Timeout applies', async () => {
    const { executionArn } = await sfn.send(
      new StartExecutionCommand({
        stateMachineArn: `${ARN_PREFIX}ask`,
        input: JSON.stringify({ question: 'later?' }),
      }),
    );
    const { token } = await questionFor('later?');
    await clock.advance({ minutes: 59 });
    expect((await describeExecution(executionArn ?? '')).status).toBe('RUNNING');
    await clock.advance({ minutes: 2 });
    const done = await describeExecution(executionArn ?? '');
    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.output ?? '{}')).toMatchObject({
      outcome: 'expired',
      error: { Error: 'States.Timeout' },
    });
    await expect(
      sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' })),
    ).rejects.toMatchObject({
      name: 'TaskTimedOut',
    });
  });

  it('fails a .waitForTaskToken Task with the error given to SendTaskFailure', async () => {
    const { executionArn } = await sfn.send(
      new StartExecutionCommand({
        stateMachineArn: `${ARN_PREFIX}ask`,
        input: JSON.stringify({ question: 'não?' }),
      }),
    );
    const { token } = await questionFor('não?');
    await sfn.send(
      new SendTaskFailureCommand({ taskToken: token, error: 'OwnerDeclined', cause: 'said não' }),
    );
    const done = await stepFunctions.waitForExecution(executionArn ?? '');
    expect(JSON.parse(done.output ?? '{}')).toMatchObject({
      outcome: 'refused',
      error: { Error: 'OwnerDeclined', Cause: 'said não' },
    });
  });

  it('starts once per name: same input while running returns the execution, anything else is ExecutionAlreadyExists', async () => {
    const start = (input: object) =>
      sfn.send(
        new StartExecutionCommand({
          stateMachineArn: `${ARN_PREFIX}loop`,
          name: 'msg-wamid-1',
          input: JSON.stringify(input),
        }),
      );
    const input = { n: 0, nextAt: new Date(clock.nowMs() + 10 * DAY).toISOString() };
    const first = await start(input);
    const again = await start(input);
    expect(again.executionArn).toBe(first.executionArn);
    await expect(start({ ...input, n: 1 })).rejects.toMatchObject({ name: 'ExecutionAlreadyExists' });
    const listed = await sfn.send(new ListExecutionsCommand({ stateMachineArn: `${ARN_PREFIX}loop` }));
    expect(listed.executions?.filter((execution) => execution.name === 'msg-wamid-1')).toHaveLength(1);

    const stopped = await sfn.send(
      new StopExecutionCommand({ executionArn: first.executionArn, cause: 'test' }),
    );
    expect(stopped.stopDate).toBeInstanceOf(Date);
    const description = await describeExecution(first.executionArn ?? '');
    expect(description.status).toBe('ABORTED');
    await expect(start(input)).rejects.toMatchObject({ name: 'ExecutionAlreadyExists' });
  });

  it('stops an execution parked on a Wait: it never runs its next Task', async () => {
    const before = turns.length;
    const sleepersBefore = clock.pendingSleepers();
    const { executionArn } = await sfn.send(
      new StartExecutionCommand({
        stateMachineArn: `${ARN_PREFIX}loop`,
        input: JSON.stringify({ n: 0, nextAt: new Date(clock.nowMs() + DAY).toISOString() }),
      }),
    );
    await stepFunctions.idle();
    expect(clock.pendingSleepers()).toBe(sleepersBefore + 1);
    await sfn.send(new StopExecutionCommand({ executionArn }));
    expect(clock.pendingSleepers()).toBe(sleepersBefore);
    await clock.advance({ days: 2 });
    expect(turns.length).toBe(before);
    expect((await describeExecution(executionArn ?? '')).status).toBe('ABORTED');
  });

  it('retries a failing Task as its Retry says, with shrunk local intervals, and counts retries as transitions', async () => {
    const startedAt = Date.now();
    const { executionArn } = await sfn.send(
      new StartExecutionCommand({ stateMachineArn: `${ARN_PREFIX}flaky`, input: JSON.stringify({ x: 21 }) }),
    );
    const done = await stepFunctions.waitForExecution(executionArn ?? '');
    expect(Date.now() - startedAt).toBeLessThan(2_000);
    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.output ?? '{}')).toEqual({ value: 42 });
    expect(flakyCalls).toBe(3);
    expect(done.stateTransitions).toBe(3);
  });

  it('answers unknown executions and state machines with the AWS error codes', async () => {
    await expect(
      describeExecution(`${ARN_PREFIX.replace('stateMachine', 'execution')}loop:nope`),
    ).rejects.toMatchObject({ name: 'ExecutionDoesNotExist' });
    await expect(
      sfn.send(new StartExecutionCommand({ stateMachineArn: `${ARN_PREFIX}missing`, input: '{}' })),
    ).rejects.toMatchObject({ name: 'StateMachineDoesNotExist' });
    await expect(
      sfn.send(new StartExecutionCommand({ stateMachineArn: `${ARN_PREFIX}loop`, input: '{not json' })),
    ).rejects.toMatchObject({ name: 'InvalidExecutionInput' });
  });
});

describe('LocalStepFunctions with the reminder loop definition from workflows/', () => {
  it('runs one reminder per Wait as the clock advances', async () => {
    const clock = new VirtualClock();
    const stepFunctions = new LocalStepFunctions({ clock });
    const reminders: string[] = [];
    const functionArn = 'arn:aws:lambda:us-east-1:000000000000:function:reminder-step';
    stepFunctions.registerStateMachine({
      arn: `${ARN_PREFIX}reminder-loop`,
      definition: reminderLoopWorkflowDefinition(),
      definitionSubstitutions: { ReminderStepFunctionArn: functionArn },
      lambdaFunctions: {
        [functionArn]: async (event) => {
          const step = event as { turn: number; scheduledAt: string; tenantId: string; boletoId: string };
          reminders.push(step.scheduledAt);
          const nextReminderAt = new Date(Date.parse(step.scheduledAt) + 3 * DAY).toISOString();
          // The step ends the loop the way functions/reminder-step does: an error the workflow catches.
          if (step.turn + 1 >= 3)
            throw Object.assign(new Error('cadence_finished'), { name: 'ReminderLoopEnded' });
          return { ...step, turn: step.turn + 1, nextReminderAt, continue: true };
        },
      },
    });
    const { executionArn } = stepFunctions.startExecution({
      stateMachineArn: `${ARN_PREFIX}reminder-loop`,
      name: 'boleto-1',
      input: JSON.stringify({
        tenantId: 't1',
        boletoId: 'b1',
        turn: 0,
        nextReminderAt: new Date(clock.nowMs() + DAY).toISOString(),
      }),
    });
    await clock.advance({ days: 30 });
    const done = stepFunctions.describeExecution(executionArn);
    expect(done.status).toBe('SUCCEEDED');
    expect(reminders).toHaveLength(3);
    // 3 × (Wait + Remind) + Finished.
    expect(done.stateTransitions).toBe(7);
    stepFunctions.dispose();
    clock.dispose();
  });
});
