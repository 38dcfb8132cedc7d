/**
 * Secrets never live in the table, the template or the logs. In the cloud a function gets the NAME of an
 * SSM SecureString parameter (`<NAME>_PARAMETER`) and reads it through the AWS Parameters and Secrets Lambda
 * extension on localhost (decrypted, cached by the extension for `PARAMETERS_MAX_AGE_SECONDS`, so a rotation
 * reaches warm functions within minutes): one local HTTP call with `fetch`, no SSM SDK client in the bundle.
 * The local cloud passes the value itself (`<NAME>`).
 */

/** The extension's default port (`PARAMETERS_SECRETS_EXTENSION_HTTP_PORT` overrides it). */
const DEFAULT_EXTENSION_PORT = '2773';
const EXTENSION_TIMEOUT_MS = 3_000;

export class MissingSecretError extends Error {
  constructor(name: string) {
    super(`secret ${name} is not configured (set ${name} or ${name}_PARAMETER)`);
    this.name = 'MissingSecretError';
  }
}

export class SecretUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SecretUnavailableError';
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
  const value = await readParameterThroughExtension(parameterName, env);
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

/**
 * `GET /systemsmanager/parameters/get?name=…&withDecryption=true` with the function's session token, as the
 * extension requires. A parameter that does not exist reads as absent (the previous slot of a secret that was
 * never rotated); anything else the extension refuses is an error with its status, never a silent default.
 */
async function readParameterThroughExtension(
  parameterName: string,
  env: NodeJS.ProcessEnv,
): Promise<string | undefined> {
  const port = env.PARAMETERS_SECRETS_EXTENSION_HTTP_PORT || DEFAULT_EXTENSION_PORT;
  const url = `http://localhost:${port}/systemsmanager/parameters/get?name=${encodeURIComponent(parameterName)}&withDecryption=true`;
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { 'X-Aws-Parameters-Secrets-Token': env.AWS_SESSION_TOKEN ?? '' },
      signal: AbortSignal.timeout(EXTENSION_TIMEOUT_MS),
    });
  } catch (error) {
    throw new SecretUnavailableError(`could not reach the parameters extension for ${parameterName}`, {
      cause: error,
    });
  }
  const body = await response.text();
  if (response.status === 400 && body.includes('ParameterNotFound')) return undefined;
  if (!response.ok) {
    throw new SecretUnavailableError(
      `the parameters extension answered ${response.status} for ${parameterName}`,
    );
  }
  const value = (JSON.parse(body) as { Parameter?: { Value?: unknown } }).Parameter?.Value;
  return typeof value === 'string' ? value : undefined;
}
