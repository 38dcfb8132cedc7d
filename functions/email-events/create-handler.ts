import * as z from 'zod/mini';
import {
  type RecipientOutcome,
  type RecordEmailEventDeps,
  recordEmailEvent,
} from '#application/email-events/record-email-event';
import { InvalidInputError } from '#domain/domain-error';
import { sesEventBridgeEventSchema, toEmailEvent } from './email-events.schema';

export interface EmailEventsDeps extends RecordEmailEventDeps {
  /** The stack's tenant: the configuration set is the tenant stack's own, so every event is this tenant's. */
  tenantId: string;
}

export type EmailEventsResult =
  | { outcome: 'recorded'; sesMessageId: string; recipients: RecipientOutcome[] }
  | { outcome: 'ignored'; eventType: string };

export type EmailEventsHandler = (event: unknown) => Promise<EmailEventsResult>;

/**
 * The raw handler of the SES events rule (EventBridge → Lambda): validate the event, record it through one use
 * case. A malformed event throws `InvalidInputError` (nothing written; EventBridge retries, then the DLQ keeps
 * it); kinds IRIS does not act on are answered `ignored`.
 */
export function createEmailEventsHandler(deps: EmailEventsDeps): EmailEventsHandler {
  return async (input) => {
    const parsed = sesEventBridgeEventSchema.safeParse(input);
    if (!parsed.success) throw new InvalidInputError(`SES event: ${z.prettifyError(parsed.error)}`);
    let event: ReturnType<typeof toEmailEvent>;
    try {
      event = toEmailEvent(parsed.data);
    } catch (error) {
      throw new InvalidInputError(`SES event: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!event) return { outcome: 'ignored', eventType: parsed.data.detail.eventType };
    const recipients = await recordEmailEvent(deps, deps.tenantId, event);
    return { outcome: 'recorded', sesMessageId: event.sesMessageId, recipients };
  };
}
