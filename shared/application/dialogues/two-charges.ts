import type { Interpretation, LanguageModel } from '#application/ports/language-model';
import type { CalendarDate } from '#domain/calendar-date';

/**
 * "cobra 150 do João e 200 da Maria dia 10": two charges in one message are both proposed, one confirmation
 * each (issue 12, rule 3). The message is cut at a joint (" e ", ",", ";", a new line, "também") where the part
 * before is a whole charge (amount and payer) and the part after is one too, for someone else; the first is
 * proposed now and the rest is kept for after (deferred-request.ts). Without such a joint nothing is cut.
 */

const JOINT = /\s*[,;\n]\s*(?:e\s+)?(?:tamb[eé]m\s+)?|\s+e\s+(?:tamb[eé]m\s+)?|\s+tamb[eé]m\s+/giu;

export interface SplitCharges {
  first: Interpretation;
  /** The rest of the message, as a charge of its own ("cobra 200 da Maria dia 10"). */
  rest: string;
}

function isWholeCharge(interpretation: Interpretation): boolean {
  return (
    interpretation.intent === 'create_boleto' &&
    interpretation.amountCents != null &&
    interpretation.contact != null
  );
}

function sameName(a: string | null, b: string | null): boolean {
  const fold = (name: string | null) =>
    (name ?? '')
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '')
      .toLowerCase();
  return fold(a) === fold(b);
}

export async function splitCharges(
  language: LanguageModel,
  text: string,
  today: CalendarDate,
): Promise<SplitCharges | undefined> {
  for (const joint of text.matchAll(JOINT)) {
    const at = joint.index ?? 0;
    const before = text.slice(0, at).trim();
    const after = text.slice(at + joint[0].length).trim();
    if (!before || !after) continue;
    const first = await language.interpret({ text: before, today });
    if (!isWholeCharge(first)) continue;
    let rest = after;
    let second = await language.interpret({ text: rest, today });
    if (!isWholeCharge(second)) {
      rest = `cobra ${after}`;
      second = await language.interpret({ text: rest, today });
    }
    if (isWholeCharge(second) && !sameName(first.contact, second.contact)) return { first, rest };
  }
  return undefined;
}
