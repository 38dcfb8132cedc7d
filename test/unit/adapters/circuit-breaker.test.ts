import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from '#adapters/resilience/circuit-breaker';

class Down extends Error {}
class Refused extends Error {}
class Open extends Error {}

function setup(minFailingMs = 0) {
  let now = Date.parse('2026-12-05T12:00:00Z');
  const breaker = new CircuitBreaker({
    failureThreshold: 3,
    minFailingMs,
    openMs: 30_000,
    clock: { now: () => new Date(now) },
    isFailure: (error) => error instanceof Down,
    openError: () => new Open('open'),
  });
  let calls = 0;
  const call = (outcome: 'ok' | 'down' | 'refused' | 'failed-result') =>
    breaker.execute(
      async () => {
        calls += 1;
        if (outcome === 'down') throw new Down();
        if (outcome === 'refused') throw new Refused();
        return outcome;
      },
      (result) => result === 'failed-result',
    );
  return { breaker, call, calls: () => calls, advance: (ms: number) => (now += ms) };
}

describe('CircuitBreaker', () => {
  it('opens after the threshold of consecutive provider failures and then fails fast without calling', async () => {
    const { breaker, call, calls } = setup();
    await expect(call('down')).rejects.toBeInstanceOf(Down);
    await expect(call('failed-result')).resolves.toBe('failed-result');
    expect(breaker.state).toBe('closed');
    await expect(call('down')).rejects.toBeInstanceOf(Down);
    expect(breaker.state).toBe('open');
    await expect(call('ok')).rejects.toBeInstanceOf(Open);
    expect(calls()).toBe(3);
  });

  it('an answer that is not a provider failure (a refusal) resets the count', async () => {
    const { breaker, call } = setup();
    await expect(call('down')).rejects.toBeInstanceOf(Down);
    await expect(call('down')).rejects.toBeInstanceOf(Down);
    await expect(call('refused')).rejects.toBeInstanceOf(Refused);
    await expect(call('down')).rejects.toBeInstanceOf(Down);
    expect(breaker.state).toBe('closed');
  });

  it('lets one trial through after the open period: success closes, failure reopens for another period', async () => {
    const { breaker, call, advance, calls } = setup();
    for (let i = 0; i < 3; i += 1) await expect(call('down')).rejects.toBeInstanceOf(Down);
    advance(29_999);
    await expect(call('ok')).rejects.toBeInstanceOf(Open);
    advance(1);
    expect(breaker.state).toBe('half_open');
    await expect(call('down')).rejects.toBeInstanceOf(Down);
    expect(breaker.state).toBe('open');
    advance(30_000);
    await expect(call('ok')).resolves.toBe('ok');
    expect(breaker.state).toBe('closed');
    expect(calls()).toBe(5);
  });

  it('a burst of failures opens it only once the provider has been failing for the minimum span', async () => {
    const { breaker, call, advance } = setup(5_000);
    for (let i = 0; i < 4; i += 1) await expect(call('down')).rejects.toBeInstanceOf(Down);
    expect(breaker.state).toBe('closed');
    advance(5_000);
    await expect(call('down')).rejects.toBeInstanceOf(Down);
    expect(breaker.state).toBe('open');
  });

  it('while the trial is in flight, other calls fail fast', async () => {
    const { breaker, call, advance } = setup();
    for (let i = 0; i < 3; i += 1) await expect(call('down')).rejects.toBeInstanceOf(Down);
    advance(30_000);
    let release: () => void = () => {};
    const trial = breaker.execute(() => new Promise<string>((resolve) => (release = () => resolve('ok'))));
    await expect(call('ok')).rejects.toBeInstanceOf(Open);
    release();
    await expect(trial).resolves.toBe('ok');
    await expect(call('ok')).resolves.toBe('ok');
  });
});
