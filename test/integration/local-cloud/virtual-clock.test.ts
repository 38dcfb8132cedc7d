import { describe, expect, it } from 'vitest';
import { ClockSleepAbortedError, VirtualClock } from '#infra/local/emulators/virtual-clock';

const DAY = 86_400_000;

describe('VirtualClock', () => {
  it('starts at the given instant and moves only forward by advance', async () => {
    const clock = new VirtualClock({ start: new Date('2026-12-01T12:00:00Z') });
    expect(Math.abs(clock.nowMs() - Date.parse('2026-12-01T12:00:00Z'))).toBeLessThan(1_000);
    const after = await clock.advance({ days: 2, hours: 3 });
    expect(after.getTime() - Date.parse('2026-12-01T12:00:00Z')).toBeGreaterThanOrEqual(
      2 * DAY + 3 * 3_600_000,
    );
    expect(() => clock.advance({ days: -1 })).toThrow(RangeError);
  });

  it('wakes every sleeper whose time has come, in deadline order, with the clock at its deadline', async () => {
    const clock = new VirtualClock();
    const start = clock.nowMs();
    const woken: { label: string; at: number }[] = [];
    const sleep = (label: string, days: number) =>
      clock.sleepUntil(start + days * DAY).then(() => woken.push({ label, at: clock.nowMs() - start }));
    const sleepers = [sleep('third', 3), sleep('first', 1), sleep('later', 40), sleep('second', 2)];
    await clock.advance({ days: 30 });
    expect(woken.map((wake) => wake.label)).toEqual(['first', 'second', 'third']);
    for (const [index, wake] of woken.entries()) {
      expect(wake.at).toBeGreaterThanOrEqual((index + 1) * DAY);
      expect(wake.at).toBeLessThan((index + 1) * DAY + 1_000);
    }
    expect(clock.pendingSleepers()).toBe(1);
    await clock.advance({ days: 10 });
    await Promise.all(sleepers);
    expect(woken.at(-1)?.label).toBe('later');
  });

  it('fires a loop that schedules its next wait during the advance, as long as it falls in the range', async () => {
    const clock = new VirtualClock();
    const start = clock.nowMs();
    const fired: number[] = [];
    let busy = false;
    const loop = async () => {
      for (let day = 1; day <= 45; day += 1) {
        busy = false;
        await clock.sleepUntil(start + day * DAY);
        busy = true;
        // Some real asynchronous work between wake-up and the next wait (as a Task handler would do).
        await new Promise((resolve) => setTimeout(resolve, 2));
        fired.push(day);
      }
      busy = false;
    };
    let idleCalls = 0;
    clock.addIdleHook(async () => {
      idleCalls += 1;
      while (busy) await new Promise((resolve) => setTimeout(resolve, 1));
    });
    const running = loop();
    await clock.advance({ days: 30 });
    expect(fired).toEqual(Array.from({ length: 30 }, (_, index) => index + 1));
    expect(idleCalls).toBeGreaterThan(30);
    expect(clock.nextDeadline()?.getTime()).toBe(start + 31 * DAY);
    await clock.advance({ days: 15 });
    await running;
    expect(fired).toHaveLength(45);
  });

  it('wakes a sleeper when real time reaches its deadline, without any advance', async () => {
    const clock = new VirtualClock({ maxTickMs: 20 });
    const started = Date.now();
    await clock.sleep(60);
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
    expect(clock.pendingSleepers()).toBe(0);
  });

  it('rejects an aborted sleep and forgets it', async () => {
    const clock = new VirtualClock();
    const controller = new AbortController();
    const sleeping = clock.sleepUntil(clock.nowMs() + DAY, controller.signal);
    expect(clock.pendingSleepers()).toBe(1);
    controller.abort();
    await expect(sleeping).rejects.toBeInstanceOf(ClockSleepAbortedError);
    expect(clock.pendingSleepers()).toBe(0);
  });

  it('tells advance listeners the new time after each step', async () => {
    const clock = new VirtualClock();
    const seen: number[] = [];
    const unsubscribe = clock.onAdvance((now) => seen.push(now.getTime()));
    void clock.sleepUntil(clock.nowMs() + DAY);
    await clock.advance({ days: 2 });
    unsubscribe();
    await clock.advance({ hours: 1 });
    expect(seen).toHaveLength(2);
    expect(seen[1]).toBeGreaterThan(seen[0] ?? 0);
  });
});
