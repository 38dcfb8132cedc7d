import { catchAllTo, transientRetry } from './task-policies';

/**
 * The confirm-then-create-boleto conversation (Step Functions Standard), one execution per owner request,
 * named after the inbound WhatsApp message id so a replayed webhook cannot start a second one.
 *
 * Every Task calls the `conversation-steps` function with an `action`; `${ConversationStepsFunctionArn}` is a
 * definition substitution filled by CDK in the cloud and by the local cloud with its local function.
 * The two `.waitForTaskToken` Tasks park the execution until the owner answers (the webhook resumes it with
 * SendTaskSuccess) or the timeout expires.
 *
 * State transitions (states entered + retries, what AWS bills) on the local engine; `npm run bench` reports the
 * happy path, test/e2e/confirm-then-create.test.ts pins the first three:
 * - happy path (all details given, "Sim"): Interpret → Route → AskConfirmation → HandleDecision = **4** (was 8).
 *   `HandleDecision` decides, creates the boleto and registers it in one Task and ends the execution itself;
 * - one question first: + AskOwner → MergeReply → Route = **7** (was 11);
 * - the owner needed again after the confirmation (a correction, a stale button, an unclear reply): the step
 *   fails with `OwnerConfirmationAwaited`/`OwnerAnswerAwaited`, caught straight into AskConfirmation/AskOwner
 *   (a correction, then "Sim": **6**, was 11);
 * - only off the happy path: still processing → AwaitPending (its polling retries), provider down →
 *   CreateAtProvider (2 quick retries) → the outage loop ProviderOutage → Route → WaitForProvider.
 */

// biome-ignore lint/suspicious/noTemplateCurlyInString: a Step Functions definition substitution, not a template
export const CONVERSATION_STEPS_ARN = '${ConversationStepsFunctionArn}';
export const CONVERSATION_STATE_NAMES = {
  interpret: 'Interpret',
  route: 'Route',
  askOwner: 'AskOwner',
  mergeReply: 'MergeReply',
  askConfirmation: 'AskConfirmation',
  handleDecision: 'HandleDecision',
  createAtProvider: 'CreateAtProvider',
  awaitPending: 'AwaitPending',
  providerOutage: 'ProviderOutage',
  waitForProvider: 'WaitForProvider',
  expire: 'Expire',
  reportFailure: 'ReportFailure',
  done: 'Done',
  failed: 'Failed',
} as const;

const S = CONVERSATION_STATE_NAMES;

/**
 * Errors `HandleDecision` ends with when the owner must answer again (functions/conversation-steps): caught by
 * name into the Task that asks, they are routing, not failures (the function's error alarm leaves them out).
 */
export const OWNER_PROMPT_SIGNALS = {
  ask: 'OwnerAnswerAwaited',
  confirm: 'OwnerConfirmationAwaited',
} as const;

/** A Task calling `conversation-steps`; `next: 'end'` ends the execution with the Task (no Succeed state). */
function stepTask(action: string, parameters: Record<string, string>, next: string) {
  return {
    Type: 'Task',
    Resource: CONVERSATION_STEPS_ARN,
    Parameters: { action, ...parameters },
    ResultPath: '$.step',
    Retry: [transientRetry()],
    Catch: catchAllTo(S.reportFailure),
    ...(next === 'end' ? { End: true } : { Next: next }),
  };
}

function waitForOwnerTask(action: string, timeoutSeconds: number, next: string) {
  return {
    Type: 'Task',
    Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
    Parameters: {
      FunctionName: CONVERSATION_STEPS_ARN,
      Payload: {
        action,
        'tenantId.$': '$.tenantId',
        'requestId.$': '$.step.requestId',
        'taskToken.$': '$$.Task.Token',
      },
    },
    TimeoutSeconds: timeoutSeconds,
    ResultPath: '$.reply',
    // A timeout here means the owner did not answer: it goes to Expire, never to a retry.
    Retry: [transientRetry([], { retryTimeouts: false })],
    Catch: [
      { ErrorEquals: ['States.Timeout'], ResultPath: '$.error', Next: S.expire },
      ...catchAllTo(S.reportFailure),
    ],
    Next: next,
  };
}

const providerOutageCatch = {
  ErrorEquals: ['BillingProviderUnavailableError'],
  ResultPath: '$.error',
  Next: S.providerOutage,
};

const creationCatches = [
  // The request was reopened with the precise question (e.g. the e-mail Paytime requires).
  { ErrorEquals: ['PayerDetailsRefusedError'], ResultPath: '$.error', Next: S.askOwner },
  // Refused for good: the boleto ended failed and the owner was told why.
  { ErrorEquals: ['BoletoCreationRefusedError'], ResultPath: '$.error', Next: S.done },
];

export interface ConversationWorkflowOptions {
  /** How long IRIS waits for an answer or a confirmation before dropping the request (default 24 h). */
  confirmationTimeoutSeconds: number;
}

export function conversationWorkflowDefinition(options: ConversationWorkflowOptions) {
  const timeout = options.confirmationTimeoutSeconds;
  const request = { 'tenantId.$': '$.tenantId', 'requestId.$': '$.step.requestId' };
  return {
    Comment: 'IRIS conversation: understand, clarify, confirm, create the boleto once',
    StartAt: S.interpret,
    States: {
      [S.interpret]: stepTask('interpret', { 'tenantId.$': '$.tenantId', 'message.$': '$.message' }, S.route),
      [S.route]: {
        Type: 'Choice',
        Choices: [
          { Variable: '$.step.next', StringEquals: 'ask', Next: S.askOwner },
          { Variable: '$.step.next', StringEquals: 'confirm', Next: S.askConfirmation },
          { Variable: '$.step.next', StringEquals: 'create', Next: S.createAtProvider },
          { Variable: '$.step.next', StringEquals: 'register', Next: S.awaitPending },
          { Variable: '$.step.next', StringEquals: 'wait_provider', Next: S.waitForProvider },
        ],
        Default: S.done,
      },
      [S.askOwner]: waitForOwnerTask('ask', timeout, S.mergeReply),
      [S.mergeReply]: stepTask('merge', { ...request, 'reply.$': '$.reply' }, S.route),
      [S.askConfirmation]: waitForOwnerTask('confirm', timeout, S.handleDecision),
      [S.handleDecision]: {
        // Decide, create and register in one Task that ends the execution: nothing after it on the happy path.
        ...stepTask('decide', { ...request, 'reply.$': '$.reply' }, 'end'),
        Catch: [
          { ErrorEquals: [OWNER_PROMPT_SIGNALS.confirm], ResultPath: '$.error', Next: S.askConfirmation },
          { ErrorEquals: [OWNER_PROMPT_SIGNALS.ask], ResultPath: '$.error', Next: S.askOwner },
          ...creationCatches,
          // Not issued yet: the register step's own polling; Paytime down: the create step's quick retries, then
          // the outage loop (a request that already has its provider id goes straight on to register).
          { ErrorEquals: ['BoletoStillProcessingError'], ResultPath: '$.error', Next: S.awaitPending },
          {
            ErrorEquals: ['BillingProviderUnavailableError'],
            ResultPath: '$.error',
            Next: S.createAtProvider,
          },
          ...catchAllTo(S.reportFailure),
        ],
      },
      [S.createAtProvider]: {
        ...stepTask('create', request, S.awaitPending),
        // A short burst of retries, then the outage path: the owner hears at once and the request waits.
        Retry: [
          {
            ErrorEquals: ['BillingProviderUnavailableError'],
            IntervalSeconds: 2,
            BackoffRate: 2,
            MaxAttempts: 2,
            JitterStrategy: 'FULL',
          },
          transientRetry(),
        ],
        Catch: [...creationCatches, providerOutageCatch, ...catchAllTo(S.reportFailure)],
      },
      [S.awaitPending]: {
        // Polls the provider until the boleto is issued, then registers it, queues it for the contact and
        // answers the owner in one transaction, and starts the reminder loop.
        ...stepTask('register', request, S.done),
        Retry: [
          {
            ErrorEquals: ['BoletoStillProcessingError', 'BillingProviderUnavailableError'],
            IntervalSeconds: 3,
            BackoffRate: 1.5,
            MaxAttempts: 8,
            MaxDelaySeconds: 60,
            JitterStrategy: 'FULL',
          },
          transientRetry(),
        ],
        Catch: [providerOutageCatch, ...catchAllTo(S.reportFailure)],
      },
      // Degraded mode, only on the outage path: tell the owner once, wait (longer as the outage lasts), try again;
      // past the horizon the step ends the request itself and routes to Done.
      [S.providerOutage]: stepTask('wait_provider', request, S.route),
      [S.waitForProvider]: { Type: 'Wait', TimestampPath: '$.step.retryAt', Next: S.createAtProvider },
      [S.expire]: { ...stepTask('expire', request, S.done), Catch: catchAllTo(S.failed) },
      [S.reportFailure]: {
        Type: 'Task',
        Resource: CONVERSATION_STEPS_ARN,
        Parameters: {
          action: 'report_failure',
          // The whole state: the failure may come before a request exists (e.g. in Interpret).
          'state.$': '$',
        },
        ResultPath: '$.failure',
        Retry: [transientRetry()],
        Catch: catchAllTo(S.failed, '$.failure'),
        Next: S.failed,
      },
      [S.done]: { Type: 'Succeed' },
      [S.failed]: { Type: 'Fail', Error: 'ConversationFailed', Cause: 'A step failed; the owner was told.' },
    },
  };
}
