/**
 * The OpenAI SDK, loaded on first use and once. The adapters import only its types statically, so a function
 * configured without an OpenAI key never evaluates it; in the Lambda bundles `openai` is also left out of
 * `index.mjs` and shipped as a module of its own beside it (`IrisFunction`'s `lazyPackages`), so it is not even
 * parsed at init (measured: ~19 ms of CPU per cold start of conversation-steps, docs/decisions.md).
 */
import type OpenAI from 'openai';

export type OpenAiSdk = typeof import('openai');

let loading: Promise<OpenAiSdk> | undefined;

export function loadOpenAiSdk(): Promise<OpenAiSdk> {
  loading ??= import('openai').catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

export interface OpenAiClientOptions {
  apiKey: string;
  baseURL?: string;
  /** Per attempt. */
  timeoutMs: number;
  maxRetries: number;
  /** Injected in tests; built from the options above otherwise. */
  client?: OpenAI;
}

/** The SDK's client, built on the first call (the SDK loads then, not at init), then the same one. */
export function lazyOpenAiClient(options: OpenAiClientOptions): () => Promise<OpenAI> {
  let client: Promise<OpenAI> | undefined = options.client ? Promise.resolve(options.client) : undefined;
  return () => {
    client ??= loadOpenAiSdk().then(
      ({ default: OpenAI }) =>
        new OpenAI({
          apiKey: options.apiKey,
          ...(options.baseURL ? { baseURL: options.baseURL } : {}),
          timeout: options.timeoutMs,
          maxRetries: options.maxRetries,
        }),
    );
    return client;
  };
}
