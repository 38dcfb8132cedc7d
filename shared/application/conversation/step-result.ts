/** What every conversation step returns to the workflow (`$.step`): the request and where to go next. */
export interface StepResult {
  requestId?: string;
  next: 'ask' | 'confirm' | 'create' | 'register' | 'wait_provider' | 'done';
  /** With `wait_provider`: when to try the provider again (ISO-8601; the workflow's Wait reads it). */
  retryAt?: string;
}

export const DONE: StepResult = { next: 'done' };
