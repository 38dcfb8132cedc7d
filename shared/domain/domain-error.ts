/**
 * Base class of every rule violation raised by the domain. The edge (HTTP handler, WhatsApp reply)
 * maps `code` to a status or a pt-BR message; `message` is English and meant for logs.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DomainError';
  }
}

export class InvalidInputError extends DomainError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('invalid_input', message, options);
    this.name = 'InvalidInputError';
  }
}
