import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const cdk = join(process.cwd(), 'node_modules', '.bin', 'cdk');

/** Runs the real CDK CLI, as the README does, offline and without credentials. */
function synth(outputDir: string, context: string[]) {
  return run(
    cdk,
    ['synth', '--quiet', '--no-notices', '-o', outputDir, ...context.flatMap((c) => ['-c', c])],
    {
      timeout: 120_000,
      env: {
        ...process.env,
        CDK_DISABLE_VERSION_CHECK: 'true',
        AWS_ACCESS_KEY_ID: '',
        AWS_SECRET_ACCESS_KEY: '',
        AWS_PROFILE: 'iris-no-such-profile',
      },
    },
  );
}

describe('cdk synth', () => {
  let outputDir: string;

  beforeAll(async () => {
    outputDir = await mkdtemp(join(tmpdir(), 'iris-cdk-out-'));
  });

  afterAll(async () => {
    await rm(outputDir, { recursive: true, force: true });
  });

  it('synthesises Iris-<tenant>-<stage> with the CLI, offline', { timeout: 120_000 }, async () => {
    await synth(outputDir, ['tenant=demo', 'stage=dev']);
    const template = JSON.parse(await readFile(join(outputDir, 'Iris-demo-dev.template.json'), 'utf8'));
    const types = Object.values(template.Resources as Record<string, { Type: string }>).map((r) => r.Type);
    expect(types).toContain('AWS::DynamoDB::GlobalTable');
  });

  it('fails with a clear message when the stage is missing', { timeout: 120_000 }, async () => {
    await expect(synth(outputDir, ['tenant=demo'])).rejects.toMatchObject({
      stderr: expect.stringContaining('missing context "stage"'),
    });
  });
});
