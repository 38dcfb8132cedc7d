/** Deployment stages. `prod` keeps its data (deletion protection, RETAIN); `dev` is disposable. */
export const STAGES = ['dev', 'prod'] as const;
export type Stage = (typeof STAGES)[number];

/** Tenant ids become part of stack names and of every DynamoDB key, so they are short lowercase slugs. */
const TENANT_ID = /^[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?$/;

export class InvalidDeployContextError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'InvalidDeployContextError';
  }
}

export interface DeployTarget {
  readonly tenant: string;
  readonly stage: Stage;
  readonly stackName: string;
}

/** Validates the `-c tenant=<id> -c stage=<dev|prod>` context of `cdk synth/deploy`. */
export function parseDeployTarget(context: { tenant: unknown; stage: unknown }): DeployTarget {
  const { tenant, stage } = context;
  const usage = 'usage: npx cdk synth -c tenant=<id> -c stage=<dev|prod>';
  if (typeof tenant !== 'string' || tenant === '') {
    throw new InvalidDeployContextError(`missing context "tenant" (${usage})`);
  }
  if (!TENANT_ID.test(tenant)) {
    throw new InvalidDeployContextError(
      `invalid tenant "${tenant}": use 1-32 lowercase letters, digits or "-", not starting or ending with "-"`,
    );
  }
  if (typeof stage !== 'string' || stage === '') {
    throw new InvalidDeployContextError(`missing context "stage" (${usage})`);
  }
  if (!(STAGES as readonly string[]).includes(stage)) {
    throw new InvalidDeployContextError(`invalid stage "${stage}": expected one of ${STAGES.join(', ')}`);
  }
  return { tenant, stage: stage as Stage, stackName: `Iris-${tenant}-${stage}` };
}
