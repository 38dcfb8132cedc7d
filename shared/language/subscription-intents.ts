import type { Intent } from '#application/ports/interpretation.schema';
import { fold } from './tokenise';

/**
 * Subscriptions in the owner's words: "para de acompanhar a netflix", "não precisa mais acompanhar o spotify"
 * (stop_tracking_expense): IRIS stops expecting that recurring expense every month. The words after the verb
 * name it ("netflix", "assinatura da netflix").
 */

const STOP_TRACKING =
  /\b(para|parar|pare|paralisa|deixa|deixar|deixe|nao precisa|nao precisa mais|nao quero que|nao quero mais que|cancela|cancelar)( de| mais| mais de| voce| vc)* (acompanhar|acompanha|acompanhe|monitorar|monitora|vigiar|avisar sobre|lembrar d[aoe])\b(.*)$/;
const NOT_A_NAME = new Set(
  'a o as os da do das dos de minha meu assinatura assinaturas conta gasto despesa'.split(' '),
);

/** The name of the tracked expense the owner wants to stop following, as written; null when not such a message. */
export function stopTrackingTermOf(message: string): string | null {
  const written = message.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const folded = written.map(fold);
  const match = STOP_TRACKING.exec(folded.join(' '));
  if (!match) return null;
  const restWords = (match[match.length - 1] ?? '').trim().split(' ').filter(Boolean);
  const name = written.slice(written.length - restWords.length).filter((word) => !NOT_A_NAME.has(fold(word)));
  return name.length > 0 ? name.join(' ') : null;
}

/** stop_tracking_expense for "para de acompanhar a netflix"; null otherwise. */
export function subscriptionIntent(message: string): Intent | null {
  return stopTrackingTermOf(message) ? 'stop_tracking_expense' : null;
}

/** The interpretation's `trackedExpense` for a stop_tracking_expense message. */
export function subscriptionEntities(message: string): { trackedExpense?: string } {
  const term = stopTrackingTermOf(message);
  return term ? { trackedExpense: term } : {};
}
