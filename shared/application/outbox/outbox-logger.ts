/**
 * The logging the outbox needs. Powertools' `Logger` satisfies it (its extra arguments are index-signature
 * objects, which `OutboxLogger`'s `object[]` does not accept), and tests pass a recorder or nothing.
 */
export type LogAttributes = { [key: string]: unknown };

export interface OutboxLogger {
  debug(message: string, ...extra: LogAttributes[]): void;
  info(message: string, ...extra: LogAttributes[]): void;
  warn(message: string, ...extra: LogAttributes[]): void;
  error(message: string, ...extra: LogAttributes[]): void;
}
