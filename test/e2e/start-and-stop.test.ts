import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';

/**
 * `npm start` as a user runs it (`infra/local/start.ts` in its own process, on its own DynamoDB Local), then
 * stopped by a signal: it must print its URLs, answer on them, and on SIGINT or SIGTERM stop everything it
 * started: no port left listening, no DynamoDB Local JVM left running.
 */

/** Command lines of running DynamoDB Local JVMs on `port` (from /proc, so no `ps` is needed). */
function javaProcessesOnPort(port: number): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    let args: string[];
    try {
      args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    } catch {
      continue; // gone meanwhile
    }
    const portIndex = args.indexOf('-port');
    if (args.some((arg) => arg.endsWith('DynamoDBLocal.jar')) && args[portIndex + 1] === String(port)) {
      found.push(`${pid} ${args.join(' ')}`);
    }
  }
  return found;
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function startLocalCloudProcess(): { child: ChildProcess; output: () => string; up: Promise<void> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'infra/local/start.ts'], {
    env: { ...process.env, PORT: '0', IRIS_LOCAL_LOG_LEVEL: 'ERROR' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const up = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not up within 60 s:\n${output}`)), 60_000);
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ctrl-C stops everything')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before being up:\n${output}`));
    });
  });
  return { child, output: () => output, up };
}

function portOf(output: string, label: string): number {
  const line = output.split('\n').find((candidate) => candidate.trim().startsWith(label));
  const port = Number(/127\.0\.0\.1:(\d+)/.exec(line ?? '')?.[1]);
  if (!Number.isInteger(port) || port <= 0) throw new Error(`no ${label} URL in:\n${output}`);
  return port;
}

describe('npm start', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)(
    'prints its URLs and stops every part on %s',
    async (signal) => {
      const { child, output, up } = startLocalCloudProcess();
      try {
        await up;
        const apiPort = portOf(output(), 'API (HTTP API routes)');
        const dynamoDbPort = portOf(output(), 'DynamoDB Local');
        const otherPorts = [
          'WhatsApp simulator',
          'Paytime simulator',
          'SES',
          'SQS',
          'Step Functions',
          'EventBridge Scheduler',
        ].map((label) => portOf(output(), label));
        const ready = await fetch(`http://127.0.0.1:${apiPort}/ready`);
        expect(ready.status).toBe(200);
        expect(javaProcessesOnPort(dynamoDbPort)).toHaveLength(1);

        const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
        child.kill(signal);
        expect(await exited).toBe(0);
        expect(output()).toContain('stopped');
        for (const port of [apiPort, dynamoDbPort, ...otherPorts])
          expect(await portAnswers(port)).toBe(false);
        expect(javaProcessesOnPort(dynamoDbPort)).toEqual([]);
      } finally {
        if (child.exitCode === null) child.kill('SIGKILL');
      }
    },
    90_000,
  );
});
