import { describe, expect, it } from 'vitest';
import { AwsServiceError } from '#infra/local/emulators/aws-service-error';
import { StateError } from '#infra/local/emulators/step-functions/index';
import { TaskTokenRegistry } from '#infra/local/emulators/step-functions/task-tokens';
import { VirtualClock } from '#infra/local/emulators/virtual-clock';

const open = (
  registry: TaskTokenRegistry,
  options: { timeoutSeconds?: number; heartbeatSeconds?: number } = {},
) =>
  registry.open({
    executionArn: 'arn:aws:states:us-east-1:000000000000:execution:m:e',
    stateName: 'AskConfirmation',
    signal: new AbortController().signal,
    ...options,
  });

const codeOf = (action: () => void): string | undefined => {
  try {
    action();
  } catch (error) {
    return error instanceof AwsServiceError ? error.code : 'unexpected';
  }
  return undefined;
};

describe('TaskTokenRegistry', () => {
  it('keeps a task alive while heartbeats come within HeartbeatSeconds, on the virtual clock', async () => {
    const clock = new VirtualClock();
    const registry = new TaskTokenRegistry(clock);
    const task = open(registry, { timeoutSeconds: 86_400, heartbeatSeconds: 600 });
    let outcome: unknown;
    task.result.then(
      (output) => {
        outcome = output;
      },
      (error: unknown) => {
        outcome = error;
      },
    );
    await clock.advance({ minutes: 9 });
    registry.heartbeat(task.token);
    await clock.advance({ minutes: 9 });
    expect(outcome).toBeUndefined();
    await clock.advance({ minutes: 2 });
    expect(outcome).toBeInstanceOf(StateError);
    expect((outcome as StateError).name).toBe('States.Timeout');
    expect(codeOf(() => registry.heartbeat(task.token))).toBe('TaskTimedOut');
  });

  it('rejects output that is not JSON and leaves the task open', async () => {
    const registry = new TaskTokenRegistry(new VirtualClock());
    const task = open(registry);
    expect(codeOf(() => registry.succeed(task.token, '{oops'))).toBe('InvalidOutput');
    registry.succeed(task.token, '{"answer":"sim"}');
    await expect(task.result).resolves.toEqual({ answer: 'sim' });
    expect(codeOf(() => registry.fail(task.token, 'Late'))).toBe('TaskTimedOut');
    expect(codeOf(() => registry.succeed('forged', '{}'))).toBe('InvalidToken');
    expect(registry.list()).toHaveLength(0);
  });

  it('closes the token when the execution stops', async () => {
    const registry = new TaskTokenRegistry(new VirtualClock());
    const stop = new AbortController();
    const task = registry.open({ executionArn: 'e', stateName: 's', signal: stop.signal });
    stop.abort();
    await expect(task.result).rejects.toMatchObject({ name: 'States.Aborted' });
    expect(codeOf(() => registry.succeed(task.token, '{}'))).toBe('TaskTimedOut');
  });
});
