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

/** A client of the SDK, loaded on first use: the adapters call this on their first request, not at init. */
export async function createOpenAiClient(options: {
  apiKey: string;
  baseURL?: string;
  timeoutMs: number;
  maxRetries: number;
}): Promise<OpenAI> {
  const { default: Client } = await loadOpenAiSdk();
  return new Client({
    apiKey: options.apiKey,
    ...(options.baseURL ? { baseURL: options.baseURL } : {}),
    timeout: options.timeoutMs,
    maxRetries: options.maxRetries,
  });
}
