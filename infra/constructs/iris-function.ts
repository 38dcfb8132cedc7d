import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat, SourceMapMode } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { ENV, PARAMETERS_MAX_AGE_SECONDS } from '#infra/config/function-environment';
import { acknowledgeNag } from '#infra/nag/acknowledge';
import { IRIS_METRIC_NAMESPACE } from '#logging/metric-names';
import { type PackagesWithFiles, packagesWithFilesCommands } from './packages-with-files';

/**
 * ESM bundles still meet CommonJS dependencies that call `require` (some AWS SDK and Powertools internals):
 * give the module a real `require`, as Powertools' docs recommend.
 */
export const ESM_REQUIRE_BANNER =
  "import { createRequire as __irisCreateRequire } from 'node:module'; const require = __irisCreateRequire(import.meta.url);";

/**
 * Shell commands that bundle one npm package on its own (same target, format and minification as the handler)
 * into `<outputDir>/node_modules/<name>/index.mjs`, with a package.json naming it as the package's entry.
 */
export function lazyPackageCommands(name: string, outputDir: string): string[] {
  if (!/^(@[a-z0-9-]+\/)?[a-z0-9][a-z0-9._-]*$/.test(name))
    throw new Error(`not an npm package name: ${name}`);
  const directory = `${outputDir}/node_modules/${name}`;
  const manifest = JSON.stringify({ name, type: 'module', exports: { '.': './index.mjs' } });
  return [
    `npx --no-install esbuild --bundle ${name} --platform=node --format=esm --target=node22 --minify --main-fields=module,main --log-level=warning "--banner:js=${ESM_REQUIRE_BANNER}" "--outfile=${directory}/index.mjs"`,
    `printf '%s' '${manifest}' > "${directory}/package.json"`,
  ];
}

export const IRIS_RUNTIME = lambda.Runtime.NODEJS_22_X;
export const IRIS_ARCHITECTURE = lambda.Architecture.ARM_64;

export interface IrisFunctionProps {
  /** The handler's directory name under `functions/`, e.g. `whatsapp-webhook`. */
  readonly name: string;
  /** Absolute path of the entry file (`functions/<name>/handler.ts`, exporting `handler`). */
  readonly entry: string;
  readonly description: string;
  readonly tenantId: string;
  readonly stage: string;
  readonly memorySize: number;
  readonly timeout: Duration;
  readonly logRetention: logs.RetentionDays;
  readonly removalPolicy: RemovalPolicy;
  readonly logLevel: 'DEBUG' | 'INFO' | 'WARN';
  /** `IRIS_TENANT_SETTINGS`: the tenant's public settings as JSON. */
  readonly tenantSettingsJson: string;
  /**
   * npm packages the function imports only on demand (`import('<package>')`, e.g. the OpenAI SDK when a key is
   * configured): left out of `index.mjs` and bundled on their own into `node_modules/<package>/index.mjs` of the
   * asset, where Node resolves them from the handler. A cold start without them never parses their code.
   */
  readonly lazyPackages?: readonly string[];
  /** npm packages that load their own files at run time: external, copied as installed (`PackagesWithFiles`). */
  readonly packagesWithFiles?: PackagesWithFiles;
}

/**
 * One Lambda function as IRIS builds them all (DESIGN §8): `NodejsFunction` bundled locally by esbuild into
 * minified ESM (AWS SDK included, so nothing loads from the runtime's copy), Node.js 22 on
 * arm64, X-Ray active tracing, its own log group with a retention, and its own role that starts with nothing
 * but writing to that log group. Every other permission comes from `function-access.ts`, paired with the
 * environment variable that needs it.
 *
 * Source maps: the `.map` file ships beside the bundle, but `--enable-source-maps` is NOT set: measured, it
 * adds 20-45 ms to every init (`npm run bench`, docs/decisions.md "Performance"). Stack traces are decoded
 * offline from the `.map`, or an operator sets `NODE_OPTIONS=--enable-source-maps` on one function while
 * debugging.
 */
export class IrisFunction extends Construct {
  readonly function: NodejsFunction;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;
  /** `POWERTOOLS_SERVICE_NAME`: the function's name, e.g. `whatsapp-webhook` (logs' and metrics' `service`). */
  readonly serviceName: string;
  readonly name: string;

  constructor(scope: Construct, id: string, props: IrisFunctionProps) {
    super(scope, id);
    this.name = props.name;
    this.serviceName = props.name;
    this.logGroup = new logs.LogGroup(this, 'LogGroup', {
      retention: props.logRetention,
      removalPolicy: props.removalPolicy,
    });
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `IRIS ${props.name} (${props.tenantId}/${props.stage})`,
    });
    this.logGroup.grantWrite(this.role);

    this.function = new NodejsFunction(this, 'Function', {
      entry: props.entry,
      handler: 'handler',
      description: props.description,
      runtime: IRIS_RUNTIME,
      architecture: IRIS_ARCHITECTURE,
      memorySize: props.memorySize,
      timeout: props.timeout,
      role: this.role,
      logGroup: this.logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      // Advanced logging controls drop lines below this level; keep it equal to Powertools' level.
      applicationLogLevelV2: lambda.ApplicationLogLevel[props.logLevel],
      systemLogLevelV2: lambda.SystemLogLevel.INFO,
      tracing: lambda.Tracing.ACTIVE,
      bundling: {
        format: OutputFormat.ESM,
        target: 'node22',
        mainFields: ['module', 'main'],
        minify: true,
        sourceMap: true,
        sourceMapMode: SourceMapMode.DEFAULT,
        sourcesContent: false,
        banner: ESM_REQUIRE_BANNER,
        externalModules: [...(props.lazyPackages ?? []), ...(props.packagesWithFiles?.packages ?? [])],
        forceDockerBundling: false,
        ...((props.lazyPackages?.length || props.packagesWithFiles) && {
          commandHooks: {
            beforeBundling: () => [],
            beforeInstall: () => [],
            afterBundling: (inputDir: string, outputDir: string) => [
              ...(props.lazyPackages ?? []).flatMap((name) => lazyPackageCommands(name, outputDir)),
              ...(props.packagesWithFiles
                ? packagesWithFilesCommands(props.packagesWithFiles, inputDir, outputDir)
                : []),
            ],
          },
        }),
      },
      environment: {
        [ENV.tenantId]: props.tenantId,
        [ENV.stage]: props.stage,
        [ENV.tenantSettings]: props.tenantSettingsJson,
        POWERTOOLS_SERVICE_NAME: this.serviceName,
        POWERTOOLS_METRICS_NAMESPACE: IRIS_METRIC_NAMESPACE,
        POWERTOOLS_LOG_LEVEL: props.logLevel,
      },
    });
    acknowledgeNag(
      this.function,
      'AwsSolutions-L1',
      'IRIS pins Node.js 22 (DESIGN §8): bundles target node22 and the code is tested on it; moving to a newer runtime is a deliberate, tested change, not a drift.',
    );
    acknowledgeNag(
      this.role,
      'AwsSolutions-IAM5[Resource::*]',
      'Only xray:PutTraceSegments and xray:PutTelemetryRecords (active tracing) use Resource "*": X-Ray does not support resource-level permissions for them.',
    );
  }

  private readsParameters = false;

  /**
   * The function reads SSM parameters (`shared/config/secret-values.ts`): attach the AWS Parameters and
   * Secrets Lambda extension (a layer answering on localhost, caching values for the same 5 minutes), so no
   * SSM SDK client is bundled or built at init. Idempotent.
   */
  readParametersThroughExtension(): void {
    if (this.readsParameters) return;
    this.readsParameters = true;
    const extension = lambda.ParamsAndSecretsLayerVersion.fromVersion(
      lambda.ParamsAndSecretsVersions.V1_0_103,
      {
        parameterStoreTtl: Duration.seconds(PARAMETERS_MAX_AGE_SECONDS),
        cacheEnabled: true,
        logLevel: lambda.ParamsAndSecretsLogLevel.WARN,
      },
    );
    const bound = extension._bind(this, this.function);
    this.function.addLayers(
      lambda.LayerVersion.fromLayerVersionArn(this, 'ParamsAndSecretsLayer', bound.arn),
    );
    for (const [name, value] of Object.entries(bound.environmentVars)) {
      this.function.addEnvironment(name, String(value));
    }
  }

  addEnvironment(name: string, value: string): void {
    this.function.addEnvironment(name, value);
  }
}
