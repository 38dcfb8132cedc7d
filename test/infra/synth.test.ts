import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ESM_REQUIRE_BANNER } from '#infra/constructs/iris-function';
import {
  FUNCTION_CATALOGUE,
  FUNCTION_NAMES,
  type FunctionName,
  type FunctionSpec,
} from '#infra/stacks/function-catalogue';
import { containsZodLocales } from '#test/bench/bundle-contents';

const run = promisify(execFile);
const cdk = join(process.cwd(), 'node_modules', '.bin', 'cdk');
const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');

/** No credentials, no profile, no version check: what a fresh clone on an offline machine has. */
const OFFLINE_ENV = {
  ...process.env,
  CDK_DISABLE_VERSION_CHECK: 'true',
  AWS_ACCESS_KEY_ID: '',
  AWS_SECRET_ACCESS_KEY: '',
  AWS_SESSION_TOKEN: '',
  AWS_PROFILE: 'iris-no-such-profile',
};

/** Runs the real CDK CLI, as the README does: it bundles every function with esbuild. */
function cdkSynth(outputDir: string, context: string[]) {
  return run(
    cdk,
    ['synth', '--quiet', '--no-notices', '-o', outputDir, ...context.flatMap((c) => ['-c', c])],
    {
      timeout: 240_000,
      maxBuffer: 16 * 1024 * 1024,
      env: OFFLINE_ENV,
    },
  );
}

/** Runs `infra/app.ts` the way the CLI does (context and output directory in the environment), without bundling. */
function appSynth(outputDir: string, context: Record<string, unknown>) {
  return run(tsx, ['infra/app.ts'], {
    timeout: 120_000,
    env: {
      ...OFFLINE_ENV,
      CDK_OUTDIR: outputDir,
      CDK_CONTEXT_JSON: JSON.stringify({ ...context, 'aws:cdk:bundling-stacks': [] }),
    },
  });
}

interface Template {
  Resources: Record<
    string,
    { Type: string; Metadata?: Record<string, unknown>; Properties?: Record<string, unknown> }
  >;
}

async function templateIn(outputDir: string, stackName: string): Promise<Template> {
  return JSON.parse(await readFile(join(outputDir, `${stackName}.template.json`), 'utf8'));
}

/** Module-resolution failures of a bundle: what a broken import or an unbundled dependency looks like. */
const RESOLUTION_FAILURE = /ERR_MODULE_NOT_FOUND|Cannot find (module|package)|Dynamic require of|SyntaxError/;

describe('cdk synth', () => {
  let outputDir: string;

  beforeAll(async () => {
    outputDir = await mkdtemp(join(tmpdir(), 'iris-cdk-out-'));
  });

  afterAll(async () => {
    await rm(outputDir, { recursive: true, force: true });
  });

  it('synthesises Iris-demo-dev with the CLI, offline, bundling every function into minified ESM with source maps', {
    timeout: 240_000,
  }, async () => {
    const dev = join(outputDir, 'dev');
    await cdkSynth(dev, ['tenant=demo', 'stage=dev']);
    const template = await templateIn(dev, 'Iris-demo-dev');
    const functions = Object.values(template.Resources).filter((r) => r.Type === 'AWS::Lambda::Function');
    expect(functions).toHaveLength(FUNCTION_NAMES.length);
    for (const fn of functions) {
      expect(fn.Metadata?.['aws:asset:is-bundled']).toBe(true);
      const asset = join(dev, fn.Metadata?.['aws:asset:path'] as string);
      const bundle = await readFile(join(asset, 'index.mjs'), 'utf8');
      expect(bundle.startsWith(ESM_REQUIRE_BANNER)).toBe(true);
      expect(bundle.trimEnd().endsWith('//# sourceMappingURL=index.mjs.map')).toBe(true);
      expect(existsSync(join(asset, 'index.mjs.map'))).toBe(true);
      // No full zod (its locales alone are ~400 KiB of init): Lambda code imports zod/mini.
      expect(containsZodLocales(bundle), `${fn.Metadata?.['aws:asset:path']} contains zod's locales`).toBe(
        false,
      );
      // Minified: a few long lines, not one statement per line.
      expect(bundle.split('\n').length).toBeLessThan(bundle.length / 200);

      // Loading the bundle with an empty environment must get as far as the function's configuration.
      const loaded = await run(
        process.execPath,
        ['--input-type=module', '-e', `await import(${JSON.stringify(join(asset, 'index.mjs'))});`],
        { timeout: 30_000, env: { PATH: process.env.PATH ?? '' } },
      ).then(
        ({ stdout, stderr }) => `${stdout}${stderr}`,
        (error: { stdout?: string; stderr?: string }) => `${error.stdout ?? ''}${error.stderr ?? ''}`,
      );
      expect(loaded).not.toMatch(RESOLUTION_FAILURE);

      // A package the function loads only on demand is not in index.mjs but beside it, where Node finds it.
      const service = (fn.Properties?.Environment as { Variables?: Record<string, string> } | undefined)
        ?.Variables?.POWERTOOLS_SERVICE_NAME as FunctionName;
      const spec: FunctionSpec = FUNCTION_CATALOGUE[service];
      for (const name of spec.lazyPackages ?? []) {
        expect(bundle).not.toContain(`node_modules/${name}/`);
      }
      // A package shipped beside the bundle (on its own, or as installed) loads from the asset alone.
      for (const name of [...(spec.lazyPackages ?? []), ...(spec.packagesWithFiles?.packages ?? [])]) {
        expect(bundle).toContain(`import("${name}")`);
        const probe = await run(
          process.execPath,
          [
            '--input-type=module',
            '-e',
            `const m = await import(${JSON.stringify(name)}); console.log(Object.values(m).some((v) => typeof v === 'function' || typeof v?.createWorker === 'function'));`,
          ],
          { timeout: 30_000, cwd: asset, env: { PATH: process.env.PATH ?? '' } },
        );
        expect(probe.stdout.trim()).toBe('true');
      }
    }
    // The OpenAI SDK (~150 KiB) is one: conversation-steps parses it only when a key is configured; pdf.js
    // (~1.9 MiB) only on a PDF receipt. Tesseract ships as installed (ocr-deployment.test.ts runs it from there).
    expect(FUNCTION_CATALOGUE['conversation-steps'].lazyPackages).toEqual(['openai', 'unpdf']);
  });

  it('synthesises Iris-demo-prod from infra/app.ts as the CLI runs it', { timeout: 120_000 }, async () => {
    const prod = join(outputDir, 'prod');
    await appSynth(prod, { tenant: 'demo', stage: 'prod' });
    const template = await templateIn(prod, 'Iris-demo-prod');
    const types = Object.values(template.Resources).map((r) => r.Type);
    expect(types).toContain('AWS::DynamoDB::GlobalTable');
    // Conversation, reminder loop, aging import.
    expect(types.filter((type) => type === 'AWS::StepFunctions::StateMachine')).toHaveLength(3);
  });

  it('fails with a clear message when the stage is missing', { timeout: 120_000 }, async () => {
    await expect(cdkSynth(join(outputDir, 'nostage'), ['tenant=demo'])).rejects.toMatchObject({
      stderr: expect.stringContaining('missing context "stage"'),
    });
  });

  it('fails with a clear message for a tenant without a config file', { timeout: 120_000 }, async () => {
    await expect(
      appSynth(join(outputDir, 'unknown'), { tenant: 'acme', stage: 'dev' }),
    ).rejects.toMatchObject({
      stderr: expect.stringMatching(
        /no configuration for tenant "acme": create .*config\/tenants\/acme\.json/,
      ),
    });
  });
});
