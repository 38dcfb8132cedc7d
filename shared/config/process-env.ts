import * as z from 'zod/mini';

/** A function's environment variables, as every `shared/config/*` loader reads them. */
export type Env = Readonly<Record<string, string | undefined>>;

/** The one place functions read `process.env`; loaders take an `Env` so tests pass their own. */
export function processEnv(): Env {
  return process.env;
}

/** A function's environment is missing or wrong: thrown at cold start, naming every bad variable. */
export class ConfigurationError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ConfigurationError';
  }
}

/** Parses the environment with a zod/mini schema of its variables; `what` names the configuration in the error. */
export function parseEnv<T>(schema: z.ZodMiniType<T>, env: Env, what: string): T {
  const result = schema.safeParse(env);
  if (!result.success) throw new ConfigurationError(`${what}: ${z.prettifyError(result.error)}`);
  return result.data;
}

/** Parses a JSON variable (or secret) with a schema; `name` is the variable's, for the error. */
export function parseJsonEnv<T>(schema: z.ZodMiniType<T>, text: string, name: string): T {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigurationError(`${name} is not JSON`, { cause: error });
  }
  const result = schema.safeParse(json);
  if (!result.success) throw new ConfigurationError(`${name}: ${z.prettifyError(result.error)}`);
  return result.data;
}

export const nonEmpty = () => z.string().check(z.minLength(1));
export const httpUrl = () => z.string().check(z.regex(/^https?:\/\/\S+$/));
