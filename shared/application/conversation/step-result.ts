/** What every conversation step returns to the workflow (`$.step`): the request and where to go next. */
export interface StepResult {
  requestId?: string;
  next: 'ask' | 'confirm' | 'create' | 'register' | 'done';
}

export const DONE: StepResult = { next: 'done' };
