import * as z from 'zod/mini';

// zod/mini: read by the inbound router at cold start.
const environment = z.object({
  TABLE_NAME: z.string().check(z.minLength(1)),
  CONVERSATION_STATE_MACHINE_ARN: z.string().check(z.minLength(1)),
  REMINDER_STATE_MACHINE_ARN: z.string().check(z.minLength(1)),
});

export type InboundRouterConfig = z.infer<typeof environment>;

/** Parsed once at cold start; a missing variable fails the function's start with a clear message. */
export function inboundRouterConfig(env: NodeJS.ProcessEnv = process.env): InboundRouterConfig {
  return environment.parse(env);
}
