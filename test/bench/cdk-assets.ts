import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import { loadTenantConfig } from '#infra/config/load-tenant-config';
import { IrisFunction } from '#infra/constructs/iris-function';
import { TenantStageStack } from '#infra/stacks/tenant-stage-stack';

/** The floor every function's init is compared with (`fixtures/dynamodb-only-handler.ts`). */
export const BASELINE_NAME = 'dynamodb-only (floor)';

export interface BuiltFunction {
  /** `POWERTOOLS_SERVICE_NAME`, e.g. `reminder-step`. */
  name: string;
  /** The bundle CDK built: `<asset dir>/index.mjs`. */
  bundle: string;
  bytes: number;
  mapBytes: number;
  memoryMb: number;
  /** The environment the template gives it, CloudFormation tokens replaced by placeholders. */
  environment: Record<string, string>;
}

export interface BuiltStateMachine {
  logicalId: string;
  /** The deployed definition with `${...}` substitutions left as they are. */
  definition: { StartAt: string; States: Record<string, Record<string, unknown>> };
}

export interface BuiltStack {
  functions: BuiltFunction[];
  baseline: BuiltFunction;
  stateMachines: BuiltStateMachine[];
  outdir: string;
}

interface CfnResource {
  Type: string;
  Properties: Record<string, unknown>;
  Metadata?: Record<string, unknown>;
}

/**
 * Synthesizes the demo tenant's dev stack exactly as `cdk synth` does (NodejsFunction bundling included) plus
 * one floor function built by the same `IrisFunction` construct, and reads back what CDK built: the bundles,
 * their memory and environment, and the state machine definitions. Everything the bench reports about
 * bundles, init and transitions comes from these artefacts, not from a second build with other options.
 */
export function synthesizeForBench(): BuiltStack {
  const outdir = mkdtempSync(join(tmpdir(), 'iris-bench-cdk-'));
  // ~20 MB of assets per run: gone when the bench's process ends, however it ends.
  process.once('exit', () => rmSync(outdir, { recursive: true, force: true }));
  const app = new App({ outdir, context: { 'aws:cdk:enable-asset-metadata': true } });
  const stack = new TenantStageStack(app, 'Iris-demo-dev', { config: loadTenantConfig('demo', 'dev') });
  const floorStack = new Stack(app, 'IrisBenchFloor');
  new IrisFunction(floorStack, 'Floor', {
    name: 'bench-floor',
    entry: join(import.meta.dirname, 'fixtures', 'dynamodb-only-handler.ts'),
    description: 'bench floor',
    tenantId: 'demo',
    stage: 'dev',
    memorySize: 512,
    timeout: Duration.seconds(10),
    logRetention: logs.RetentionDays.ONE_WEEK,
    removalPolicy: RemovalPolicy.DESTROY,
    logLevel: 'WARN',
    tenantSettingsJson: '{}',
  });
  const assembly = app.synth();
  const read = (stackName: string) =>
    assembly.getStackByName(stackName).template as { Resources: Record<string, CfnResource> };
  const functionsOf = (stackName: string) =>
    Object.values(read(stackName).Resources)
      .filter(
        (resource) => resource.Type === 'AWS::Lambda::Function' && resource.Metadata?.['aws:asset:path'],
      )
      .map((resource) => builtFunction(outdir, resource));
  const functions = functionsOf(stack.stackName);
  const [baseline] = functionsOf(floorStack.stackName);
  if (!baseline) throw new Error('the floor function was not synthesized');
  const stateMachines = Object.entries(read(stack.stackName).Resources)
    .filter(([, resource]) => resource.Type === 'AWS::StepFunctions::StateMachine')
    .map(([logicalId, resource]) => ({
      logicalId,
      definition: JSON.parse(String(resource.Properties.DefinitionString)),
    }));
  return { functions, baseline: { ...baseline, name: BASELINE_NAME }, stateMachines, outdir };
}

function builtFunction(outdir: string, resource: CfnResource): BuiltFunction {
  const assetPath = String(resource.Metadata?.['aws:asset:path']);
  const bundle = join(outdir, assetPath, 'index.mjs');
  const variables = ((resource.Properties.Environment as { Variables?: Record<string, unknown> } | undefined)
    ?.Variables ?? {}) as Record<string, unknown>;
  const environment = Object.fromEntries(
    Object.entries(variables).map(([name, value]) => [
      name,
      typeof value === 'string' ? value : `bench-placeholder-${name.toLowerCase()}`,
    ]),
  );
  let mapBytes = 0;
  try {
    mapBytes = statSync(`${bundle}.map`).size;
  } catch {
    mapBytes = 0;
  }
  return {
    name: environment.POWERTOOLS_SERVICE_NAME ?? assetPath,
    bundle,
    bytes: statSync(bundle).size,
    mapBytes,
    memoryMb: Number(resource.Properties.MemorySize ?? 128),
    environment,
  };
}
