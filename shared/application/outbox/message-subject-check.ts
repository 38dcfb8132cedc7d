import type { BoletoRepository, BoletoWithHistory } from '#application/ports/boleto-repository';
import type { Boleto } from '#domain/boleto';
import { judgeSubject, type OutboxMessage, type SubjectVerdict, subjectOf } from '#domain/outbox-message';

/**
 * Right before a send: re-read the boleto the message is about and judge whether the message is still true
 * (`judgeSubject`). One GetItem, or one Query when the payer's receipt of the boleto matters (a cancellation
 * notice): the boleto's events and activities tell whether the boleto itself reached the payer.
 */
export interface SubjectCheck {
  verdict: SubjectVerdict;
  boleto?: Boleto;
}

export async function checkMessageSubject(
  boletos: Pick<BoletoRepository, 'get' | 'getWithHistory'>,
  message: OutboxMessage,
): Promise<SubjectCheck | undefined> {
  const subject = subjectOf(message);
  if (!subject) return undefined;
  if (subject.holdsWhile === 'boleto_cancelled_and_received') {
    const history = await boletos.getWithHistory(message.tenantId, subject.boletoId);
    return {
      verdict: judgeSubject(subject, history?.boleto, history ? boletoReachedPayer(history) : false),
      ...(history ? { boleto: history.boleto } : {}),
    };
  }
  const boleto = await boletos.get(message.tenantId, subject.boletoId);
  return { verdict: judgeSubject(subject, boleto, false), ...(boleto ? { boleto } : {}) };
}

/** The boleto became `sent`, or a message carrying it (about it being payable) was accepted by a provider. */
export function boletoReachedPayer(history: Pick<BoletoWithHistory, 'events' | 'activities'>): boolean {
  return (
    history.events.some((event) => event.type === 'BoletoSent') ||
    history.activities.some(
      (activity) =>
        activity.kind === 'message_sent' &&
        activity.detail?.messageKind === 'boleto_to_contact' &&
        activity.detail?.holdsWhile === 'boleto_payable',
    )
  );
}
