import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { LocalLambdaHandler } from './emulators';
import { installLambdaResponseStreaming } from './emulators/lambda-response-streaming';
import { LOCAL_FUNCTION_NAMES, type LocalFunctionName } from './local-cloud-names';
import { applyEnvironment } from './process-environment';

/**
 * Loads the production handlers (`functions/<name>/handler.ts`, export `handler`) into this process, one after
 * the other, each after its own environment is in place: a module composes its dependencies once, at load,
 * from the environment it finds, exactly as a Lambda cold start does.
 */

export type LocalHandlers = Partial<Record<LocalFunctionName, LocalLambdaHandler>>;

export interface LoadedFunctions {
  handlers: LocalHandlers;
  /** Functions whose handler file does not exist (yet). */
  missing: LocalFunctionName[];
}

const FUNCTIONS_DIRECTORY = new URL('../../functions/', import.meta.url);

export function handlerPath(name: LocalFunctionName): string {
  return fileURLToPath(new URL(`${name}/handler.ts`, FUNCTIONS_DIRECTORY));
}

export class HandlerLoadError extends Error {
  constructor(name: string, options?: { cause?: unknown }) {
    const reason = options?.cause instanceof Error ? options.cause.message : String(options?.cause);
    super(`could not load functions/${name}/handler.ts: ${reason}`, options);
    this.name = 'HandlerLoadError';
  }
}

export async function loadLocalFunctions(
  environmentOf: (name: LocalFunctionName) => Readonly<Record<string, string>>,
): Promise<LoadedFunctions> {
  const handlers: LocalHandlers = {};
  const missing: LocalFunctionName[] = [];
  installLambdaResponseStreaming(); // the runtime's `awslambda` global, for response-streaming functions
  for (const name of LOCAL_FUNCTION_NAMES) {
    const path = handlerPath(name);
    if (!existsSync(path)) {
      missing.push(name);
      continue;
    }
    applyEnvironment(environmentOf(name));
    let loaded: { handler?: unknown };
    try {
      loaded = (await import(pathToFileURL(path).href)) as { handler?: unknown };
    } catch (error) {
      throw new HandlerLoadError(name, { cause: error });
    }
    if (typeof loaded.handler !== 'function') {
      throw new HandlerLoadError(name, { cause: new Error('the module exports no `handler` function') });
    }
    handlers[name] = loaded.handler as LocalLambdaHandler;
  }
  return { handlers, missing };
}
