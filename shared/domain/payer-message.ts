import { isOptOutRequest, normalizeOptOutText } from './opt-out';

/**
 * What a payer's WhatsApp text asks of IRIS (docs/decisions.md, "The payer's voice"). Deterministic, no LLM:
 * a payer's words never move money, they only make IRIS look (Paytime) or re-send what exists.
 *
 * - `opt_out`: the WHOLE message is an opt-out phrase (`isOptOutRequest`); nothing else is.
 * - `says_paid`: "já paguei", "paguei ontem", "pare de me cobrar, já paguei", "já fiz o pix"... Checked
 *   before `asks_for_boleto`, so "já paguei o boleto" is a payment claim, not a request for a copy.
 * - `asks_for_boleto`: "me manda o pix", "segunda via", "manda o boleto de novo", "código de barras"...
 * - `other`: anything else; it still reaches the owner.
 */
export type PayerMessageIntent = 'opt_out' | 'says_paid' | 'asks_for_boleto' | 'other';

const SAYS_PAID = [
  /\bJA PAGUEI\b/,
  /\bPAGUEI\b/,
  /\bJA (FOI )?PAGO\b/,
  /\bJA ESTA PAGO\b/,
  /\bTA PAGO\b/,
  /\bJA (FIZ|MANDEI|ENVIEI) (O )?PIX\b/,
  /\bJA (FIZ|EFETUEI|REALIZEI) O PAGAMENTO\b/,
  /\bPAGAMENTO (FEITO|EFETUADO|REALIZADO)\b/,
  /\bJA QUITEI\b/,
  /\bQUITEI\b/,
];

const NEGATED_PAYMENT = /\b(NAO|AINDA NAO|NEM) (PAGUEI|CONSEGUI PAGAR|FOI PAGO)\b/;

const ASKS_FOR_BOLETO = [
  /\bSEGUNDA VIA\b/,
  /\b2 ?A? VIA\b/,
  /\bPIX\b/,
  /\bCOPIA E COLA\b/,
  /\bLINHA DIGITAVEL\b/,
  /\bCODIGO DE BARRAS\b/,
  /\bMANDA (O |A |DE NOVO )?BOLETO\b/,
  /\b(MANDA|MANDE|ENVIA|ENVIE|REENVIA|REENVIE|PASSA|PASSE) .*\b(BOLETO|BOLETOS|CODIGO|LINK|PDF)\b/,
  /\bCADE O BOLETO\b/,
  /\bNAO RECEBI O BOLETO\b/,
];

export function classifyPayerMessage(text: string): PayerMessageIntent {
  if (isOptOutRequest(text)) return 'opt_out';
  const normalized = normalizeOptOutText(text);
  if (!NEGATED_PAYMENT.test(normalized) && SAYS_PAID.some((pattern) => pattern.test(normalized))) {
    return 'says_paid';
  }
  if (ASKS_FOR_BOLETO.some((pattern) => pattern.test(normalized))) return 'asks_for_boleto';
  return 'other';
}
