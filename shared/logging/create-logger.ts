import { Logger } from '@aws-lambda-powertools/logger';
import { maskPersonalDataReplacer } from './mask-personal-data';

/**
 * One Powertools logger per function, built at module scope. JSON lines, personal data masked,
 * correlation id and tenant id added per invocation with `appendKeys` / `setCorrelationId`.
 */
export function createLogger(serviceName: string): Logger {
  return new Logger({
    serviceName,
    jsonReplacerFn: maskPersonalDataReplacer,
  });
}

/** The part of a logger that application code needs; Powertools' Logger satisfies it. */
export interface AppLogger {
  debug(message: string, ...extra: Record<string, unknown>[]): void;
  info(message: string, ...extra: Record<string, unknown>[]): void;
  warn(message: string, ...extra: Record<string, unknown>[]): void;
  error(message: string, ...extra: Record<string, unknown>[]): void;
}
