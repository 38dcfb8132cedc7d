/**
 * The local cloud's one window onto `process.env`. In AWS the stack sets each function's environment; here
 * every function runs in this process, so the local cloud plays the stack: it writes the variables the
 * functions' `shared/config/*` modules read, before loading them. It also reads the few settings of the
 * local cloud itself (PORT, the URL of a running local cloud for the demo).
 */

export function applyEnvironment(
  values: Readonly<Record<string, string>>,
  remove: readonly string[] = [],
): void {
  for (const name of remove) delete process.env[name];
  for (const [name, value] of Object.entries(values)) process.env[name] = value;
}

export function localCloudSettings(): { port?: number; url?: string; logLevel?: string } {
  const port =
    process.env.PORT === undefined || process.env.PORT === '' ? undefined : Number(process.env.PORT);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65_535)) {
    throw new RangeError(`PORT must be a port number, got ${process.env.PORT}`);
  }
  return {
    ...(port !== undefined && { port }),
    ...(process.env.IRIS_LOCAL_URL && { url: process.env.IRIS_LOCAL_URL }),
    ...(process.env.IRIS_LOCAL_LOG_LEVEL && { logLevel: process.env.IRIS_LOCAL_LOG_LEVEL }),
  };
}
