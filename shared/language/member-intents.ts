import type { Intent } from '#application/ports/interpretation.schema';
import type { MemberRole } from '#domain/member-permissions';
import { normalizePhone } from '#domain/phone-number';
import type { MemberDetails } from '#domain/team-member';
import { fold } from './tokenise';

/**
 * The owner managing the team in their own words: "adiciona a Carla como operadora, 11 98888-7777"
 * (add_member), "remove o Bruno" / "tira a Carla da equipe" (remove_member), and the details of such a request
 * (name, role, phone). Checked before the boleto rules (`classifyIntent`): "remove o Bruno" names no boleto.
 */

const ADD_VERB =
  /^ (adiciona|adicionar|adicione|inclui|incluir|inclua|cadastra|cadastrar|cadastre|coloca|colocar|bota|botar|poe|por) /;
const REMOVE_VERB = /^ (remove|remover|remova|tira|tirar|tire|exclui|excluir|exclua|desliga|desligar) /;
const ROLE_WORDS: ReadonlyArray<[RegExp, MemberRole]> = [
  [/\b(operador|operadora|operadores|operadoras|funcionari[oa]|atendente)\b/, 'operator'],
  [
    /\b(visualizador|visualizadora|consulta|leitor|leitora|contador|contadora|so (pra|para) ver|somente leitura)\b/,
    'viewer',
  ],
  [/\b(dono|dona|socio|socia|proprietari[oa]|administrador|administradora|admin)\b/, 'owner'],
];
const TEAM_WORDS = /\b(equipe|time|membros?|acesso|usuari[oa]s?|iris)\b/;
/** Words that make a removal about money, never about a person of the team. */
const MONEY_WORDS =
  /\b(boletos?|cobrancas?|gastos?|despesas?|entradas?|receitas?|lancamentos?|pagamentos?|mensalidades?|reais|r)\b/;
const ARTICLE = /^(o|a|os|as|do|da|seu|sua|dona|seu)$/;
const STOP_AFTER_NAME = new Set([
  'como',
  'da',
  'do',
  'de',
  'no',
  'na',
  'e',
  'pra',
  'para',
  'com',
  'telefone',
  'fone',
  'numero',
  'zap',
  'whatsapp',
  'celular',
]);

/** The member intent of a folded message (` words `), or null. */
export function memberIntent(text: string): Intent | null {
  if (MONEY_WORDS.test(text)) return null;
  if (ADD_VERB.test(text) && (roleOf(text) !== undefined || TEAM_WORDS.test(text))) return 'add_member';
  if (REMOVE_VERB.test(text) && nameAfterVerb(text.trim().split(' ').slice(1)) !== undefined) {
    return 'remove_member';
  }
  return null;
}

/** Name, role and phone of "adiciona a Carla como operadora, 11 98888-7777" (any order after the verb). */
export function memberRequestDetails(original: string): MemberDetails {
  const text = ` ${fold(original)
    .replace(/[^\p{L}\p{N}+ ]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()} `;
  const details: MemberDetails = {};
  const role = roleOf(text);
  if (role) details.role = role;
  const words = text.trim().split(' ');
  const originalWords = original
    .replace(/[^\p{L}\p{N}+ ]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);
  const at = nameIndex(words.slice(1));
  if (at !== undefined) {
    const raw = originalWords[at + 1] ?? words[at + 1] ?? '';
    details.name = raw.charAt(0).toUpperCase() + raw.slice(1);
  }
  const digits = /(\+?\d[\d\s().-]{7,}\d)/.exec(original)?.[1];
  if (digits) {
    try {
      details.phone = normalizePhone(digits);
    } catch {
      details.invalidPhone = digits.trim();
    }
  }
  return details;
}

function roleOf(text: string): MemberRole | undefined {
  return ROLE_WORDS.find(([pattern]) => pattern.test(text))?.[1];
}

function nameIndex(words: readonly string[]): number | undefined {
  for (const [index, word] of words.entries()) {
    if (ARTICLE.test(word)) continue;
    if (STOP_AFTER_NAME.has(word) || /\d/.test(word) || roleOf(` ${word} `)) return undefined;
    return index;
  }
  return undefined;
}

function nameAfterVerb(words: readonly string[]): string | undefined {
  const at = nameIndex(words);
  return at === undefined ? undefined : words[at];
}
