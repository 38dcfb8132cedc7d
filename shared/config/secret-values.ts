import { getParameter } from '@aws-lambda-powertools/parameters/ssm';

/**
 * Secrets never live in the table, the template or the logs. In the cloud a function gets the NAME of an
 * SSM SecureString parameter (`<NAME>_PARAMETER`) and reads it with Powertools (decrypted, cached 5 minutes,
 * so a rotation reaches warm functions within minutes). The local cloud passes the value itself (`<NAME>`).
 */
const CACHE_SECONDS = 300;

export class MissingSecretError extends Error {
  constructor(name: string) {
    super(`secret ${name} is not configured (set ${name} or ${name}_PARAMETER)`);
    this.name = 'MissingSecretError';
  }
}

export async function readOptionalSecret(
  name: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string | undefined> {
  const direct = env[name];
  if (direct) return direct;
  const parameterName = env[`${name}_PARAMETER`];
  if (!parameterName) return undefined;
  const value = await getParameter(parameterName, { decrypt: true, maxAge: CACHE_SECONDS });
  return value || undefined;
}

export async function readSecret(name: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const value = await readOptionalSecret(name, env);
  if (!value) throw new MissingSecretError(name);
  return value;
}

/** A secret with a rotation slot: both the current and the previous value are accepted while rotating. */
export async function readRotatingSecret(
  name: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string[]> {
  const current = await readSecret(name, env);
  const previous = await readOptionalSecret(`${name}_PREVIOUS`, env);
  return previous ? [current, previous] : [current];
}
