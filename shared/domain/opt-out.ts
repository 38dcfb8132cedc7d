/**
 * Opt-out words: what a contact writes on WhatsApp to stop receiving messages from IRIS.
 *
 * Decision (docs/decisions.md, "Outbox and delivery"): the WHOLE message must be one of the phrases below,
 * compared without accents, case, punctuation, emoji or extra spaces. A phrase inside a longer sentence
 * ("quero cancelar o boleto", "pare de me cobrar, já paguei") is NOT an opt-out: it is a conversation the
 * owner should see. Bare "CANCELAR" is excluded on purpose (it usually means "cancel the boleto"); "CANCELAR
 * MENSAGENS" is included. "STOP" is there because WhatsApp users learn it from other businesses.
 */
export const OPT_OUT_PHRASES: readonly string[] = [
  'PARAR',
  'PARE',
  'SAIR',
  'STOP',
  'DESCADASTRAR',
  'DESCADASTRE',
  'DESCADASTRAR ME',
  'DESCADASTRE ME',
  'CANCELAR MENSAGENS',
  'CANCELAR AS MENSAGENS',
  'PARAR MENSAGENS',
  'PARAR AS MENSAGENS',
  'NAO QUERO MAIS MENSAGENS',
  'NAO QUERO MAIS RECEBER MENSAGENS',
  'NAO ENVIE MAIS MENSAGENS',
  'REMOVER',
  'ME REMOVA',
  'ME TIRA DA LISTA',
  'ME TIRE DA LISTA',
  'SAIR DA LISTA',
];

const PHRASES = new Set(OPT_OUT_PHRASES);

/** Upper case, no accents, letters and digits only, single spaces: "Não quero mais mensagens!!" → "NAO QUERO MAIS MENSAGENS". */
export function normalizeOptOutText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Mark}/gu, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();
}

/** True when the whole message asks to stop receiving messages (see `OPT_OUT_PHRASES`). */
export function isOptOutRequest(text: string): boolean {
  if (text.length > 80) return false;
  return PHRASES.has(normalizeOptOutText(text));
}
