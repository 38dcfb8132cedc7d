/** A function's environment variables, as every `shared/config/*` loader reads them. */
export type Env = Readonly<Record<string, string | undefined>>;

/** The one place functions read `process.env`; loaders take an `Env` so tests pass their own. */
export function processEnv(): Env {
  return process.env;
}
