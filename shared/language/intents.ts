import type { Intent } from '#application/ports/interpretation.schema';
import { budgetIntent } from './budget-intents';
import { categoryRuleIntent } from './category-intents';
import { collectionsIntent } from './collections-intents';
import { colloquialIntent } from './colloquial-intents';
import { isConfirmation } from './confirm-vocabulary';
import type { IntentSignals } from './intent-signals';
import { memberIntent } from './member-intents';
import { recurringIntent } from './recurring';
import { reportIntent } from './report-intents';
import { isStatementRequest } from './statement-intent';
import { subscriptionIntent } from './subscription-intents';
import type { Token } from './tokenise';

/**
 * Decides what a message asks for from keyword rules on its folded text ("cobra", "gastei", "já pagou?",
 * "quem me deve"), checked from the most specific to the most general so that "cancela o boleto" is not a
 * new boleto and "me manda a situação do boleto" is a status question.
 */

const DENY_EMOJI = /^[👎❌🚫✖\s!.]+$/u;

const DENY_LEAD = /^ (nao|n|nn|nope|nops|negativo|errado|errada|errou|errei|incorreto|incorreta) /;
const DENY_ANYWHERE =
  /\b(errad[oa]|incorret[oa]|nada disso|nao e isso|nao era isso|esquece|deixa (pra|para) la|deixa quieto|de jeito nenhum|nem pensar|nao quero|nao precisa|melhor nao|agora nao|negativo)\b/;
const BARE_CANCEL_WORDS = new Set(
  'cancela cancelar cancele esquece esqueca pode isso tudo o a pedido operacao por favor pfv entao nao quero mais ja melhor esse essa'.split(
    ' ',
  ),
);

const CANCEL_VERB =
  /\b(cancel\w*|desist\w*|esquec\w*|desfa[zc]\w*|anul\w*|exclu\w*|apag\w*|delet\w*|remov\w*|suspend\w*|estorn\w*)\b/;
const CANCEL_OBJECT = /\b(boletos?|cobrancas?|boletinho)\b/;
const STOP_CHARGING = /\b(nao|para de|parar de|pare de) (precisa |vai |quero |mais )*cobr(a|ar|e)\b/;

const LIST = [
  /\bquem\b.*\b(deve|devem|devendo|pagou|pagaram|atras\w*|falta|faltam|pendente)\b/,
  /\b(a|pra|para) receber\b/,
  /\bboletos?\b.*\b(vencid\w*|abert[oa]s?|pendent\w*|atrasad\w*|nao pagos?|a vencer)\b/,
  /\b(vencid\w*|pendent\w*|atrasad\w*|em aberto|a vencer)\b.*\b(boletos|cobrancas)\b/,
  /\bquais (sao )?(os |as )?(boletos|cobrancas)\b/,
  /\b(lista|listar|liste|relacao|mostra|mostrar|ver)\b.*\b(boletos|cobrancas|devedores|pendencias)\b/,
  /\b(devedores|inadimplent\w*|recebiveis|pendencias|calote\w*)\b/,
  /\bquanto (me )?devem\b/,
  /\b(clientes|pessoas|contatos|alguem|algum cliente)\b.*\b(devendo|deve|devem|atrasad\w*|em atraso|pagaram|pendente)\b/,
  /\bmeus boletos\b/,
];

const LEDGER = [
  /\bquanto (que )?(eu |nos |a gente )?(ja )?(gastei|gastamos|gasto|paguei|pagamos|recebi|recebemos|entrou|saiu|vendi|vendemos|faturei|faturamos|lucrei|ganhei|ganhamos)\b/,
  /\b(resumo|extrato|balanco|saldo|financas|fluxo de caixa|relatorio|fechamento|lucro|prejuizo|faturamento|movimentacao|movimentacoes|contabilidade)\b/,
  /\bminhas (despesas|receitas|contas|entradas|saidas|vendas)\b/,
  /\bmeus (gastos|lucros|recebimentos|ganhos)\b/,
  /\btotal (de|dos|das) (gastos|despesas|vendas|entradas|saidas|receitas)\b/,
  /\bcomo (estao|tao|esta|ta) (minhas|as|meu|o) (contas|caixa)\b/,
  /\b(gastos|despesas|receitas|entradas|saidas) (do|deste|desse|no) mes\b/,
];

const STATUS_PAID = /\b(pag(ou|aram)|quitou|quitad[oa]|foi pag[oa]|(esta|ta|tao|estao) pag[oa]s?)\b/;
const STATUS = [
  /\b(situacao|status|andamento)\b/,
  /\bcomo (esta|ta|anda|estao|tao) (o |a |os |as )?(boleto|cobranca|pagamento)/,
  /\b(ja )?caiu (o |a )?(pagamento|pix|dinheiro|boleto|transferencia)\b/,
  /\bcade (o |a )?(pagamento|boleto|dinheiro|pix)\b/,
  /\b(recebeu|viu|abriu) o boleto\b/,
  /\b(noticias?|novidades?) d[oa] (pagamento|boleto|pix)\b/,
  /\b(verifica|verificar|consulta|consultar|checa|checar|confere|conferir|olha)\b.*\b(boleto|pagamento|cobranca)\b/,
];
/** Needs a named person: "quanto o João me deve?", "o João tá devendo?", "a Maria está em dia?". */
const STATUS_OF_PERSON =
  /\b(me deve|deve|devendo|em dia|em aberto|atrasad[oa]|em atraso|venceu|vencid[oa]|atrasou|falta( \w+){0,3} pagar)\b/;
/** "quem", "quais boletos", "devedores": a list even when a name appears ("quais boletos do João venceram?"). */
const PLURAL_QUESTION = /\b(quem|quais|boletos|cobrancas|devedores|lista|listar)\b/;
/** "tem notícia do pagamento do Pedro?": a question about one person's boleto without a creation verb. */
const BOLETO_WORD = /\b(pagamento|boleto|cobranca)\b/;
const CREATION_VERB =
  /\b(gera|gerar|gere|emite|emitir|emita|manda|mandar|mande|envia|enviar|envie|faz|fazer|faca|cria|criar|crie|novo|nova)\b/;

/** "o pagamento do Lucas caiu?": a question about money arriving, with no amount, asks for a status. */
const ARRIVED = /\b(caiu|cairam|entrou|entraram|chegou)\b/;

const CREATE_STRONG = /\b(cobra|cobrar|cobre|cobro|cobrando|cobrem|cobrasse)\b/;
const CREATE_WEAK = /\b(boletos?|boletinho|cobrancas?)\b/;
const OWES = /\bme deve\b/;

const INCOME = [
  /\b(recebi|recebemos|recebido|recebida|ganhei|ganhamos|faturei|faturamos|vendi|vendemos|entrou|entraram|caiu|cairam|lucrei|pingou)\b/,
  /\bme pag(ou|aram)\b/,
  /\b(entrada|receita|recebimento) (de|do|da)\b/,
  /\b(anota|anotar|registra|registrar|lanca|lancar|coloca|bota)\b.*\b(entrada|receita|recebimento|venda)\b/,
];
const EXPENSE = [
  /\b(gastei|gastamos|paguei|pagamos|comprei|compramos|saiu|sairam|torrei|abasteci|investi|desembolsei|debitou|debitaram|almocei|jantei|lanchei)\b/,
  /\b(gasto|gastos|despesa|despesas|saida|compra) (de|do|da|com|no|na)\b/,
  /\b(anota|anotar|registra|registrar|lanca|lancar|coloca|bota)\b.*\b(gasto|despesa|saida|compra)\b/,
  /\b(tenho que|preciso|vou) pagar\b/,
  /\bconta de (luz|agua|gas|internet|telefone|celular)\b/,
];

/** "despesa: 250 com fornecedor", "venda 80 reais": a ledger noun next to an amount. */
const EXPENSE_NOUN = /\b(despesa|gasto|saida|compra|conta)\b/;
const INCOME_NOUN = /\b(receita|entrada|recebimento|venda|vendas)\b/;

const HELP = [
  /\b(ajuda|help|menu|socorro|comandos|tutorial|instrucoes|como funciona|como (te )?(uso|usar|utilizar|usa))\b/,
  /\bo que (voce|vc|tu|a iris) (faz|fazer|sabe|consegue|pode)\b/,
  /\bcomo (voce|vc|a iris|isso|isto) (funciona|trabalha)\b/,
  /\bo que (eu )?(posso|da pra|consigo|devo) (fazer|pedir|mandar)\b/,
  /\bquais (sao )?(as )?(opcoes|funcoes|funcionalidades)\b/,
  /\b(pra|para) que (voce|vc) serve\b/,
  /\bquem (e|eh) (voce|vc)\b/,
];
const GREETING_WORDS = new Set(
  `oi oii oiii oie ola opa ei hey hello hi salve eai eae fala bom boa dia tarde noite tudo bem bom tranquilo beleza
   como vai vai voce vc iris td blz e ai`.split(/\s+/),
);

/** Words that make a message a greeting even when the rest is "beleza" or "tudo certo". */
const GREETING_START = /^ (oi+e?|ola|opa|hey|hello|hi|salve|eai|eae|e ai|bom dia|boa tarde|boa noite|fala) /;
const GREETING_OR_CHEER = new Set([...GREETING_WORDS, ...'certo joia ok show blz tranquilo'.split(' ')]);

function wordsOf(tokens: readonly Token[]): string[] {
  return tokens
    .filter((token) => token.kind === 'word' || token.kind === 'number')
    .map((token) => token.fold);
}

function foldedText(tokens: readonly Token[]): string {
  return ` ${tokens.map((token) => token.fold).join(' ')} `;
}

function only(words: string[], allowed: Set<string>): boolean {
  return words.length > 0 && words.every((word) => allowed.has(word));
}

function denyEmoji(tokens: readonly Token[], words: string[]): boolean {
  const raw = tokens.map((token) => token.raw).join('');
  return words.length === 0 && raw.trim() !== '' && DENY_EMOJI.test(raw);
}

function any(patterns: RegExp[], text: string): boolean {
  return patterns.some((pattern) => pattern.test(text));
}

/** The intent of a message from its content words, or null when nothing specific matched. */
function contentIntent(text: string, words: string[], signals: IntentSignals): Intent | null {
  const question = text.includes('?');
  if (CANCEL_VERB.test(text)) {
    if (only(words, BARE_CANCEL_WORDS)) return 'deny';
    if (CANCEL_OBJECT.test(text) || signals.hasContact) return 'cancel_boleto';
  }
  if (STOP_CHARGING.test(text) && signals.hasContact) return 'cancel_boleto';
  if (any(LIST, text) && (!signals.hasContact || PLURAL_QUESTION.test(text))) return 'list_receivables';
  if (any(LEDGER, text)) return 'ledger_summary';
  if (STATUS_PAID.test(text)) {
    const statement = signals.hasAmount && !question && !/\bja pagou\b/.test(text);
    return statement ? 'record_income' : 'check_status';
  }
  if (any(STATUS, text)) return 'check_status';
  if (CREATE_STRONG.test(text)) return 'create_boleto';
  if (OWES.test(text) && signals.hasAmount && !question) return 'create_boleto';
  if (STATUS_OF_PERSON.test(text) && signals.hasContact) return 'check_status';
  const aboutOnePerson = question && signals.hasContact && !signals.hasAmount;
  if (aboutOnePerson && BOLETO_WORD.test(text) && !CREATION_VERB.test(text)) return 'check_status';
  if (question && !signals.hasAmount && ARRIVED.test(text)) return 'check_status';
  if (any(INCOME, text)) return 'record_income';
  if (any(EXPENSE, text)) return 'record_expense';
  if (CREATE_WEAK.test(text)) return 'create_boleto';
  if (signals.hasAmount && EXPENSE_NOUN.test(text)) return 'record_expense';
  if (signals.hasAmount && INCOME_NOUN.test(text)) return 'record_income';
  return null;
}

export function classifyIntent(tokens: readonly Token[], signals: IntentSignals): Intent {
  const words = wordsOf(tokens);
  const text = foldedText(tokens);
  if (GREETING_START.test(text) && only(words, GREETING_OR_CHEER)) return 'help';
  if (isConfirmation(tokens)) return 'confirm';
  if (denyEmoji(tokens, words)) return 'deny';
  if (isStatementRequest(text, signals)) return 'statement';
  const collections = collectionsIntent(text);
  if (collections) return collections;
  const report = reportIntent(text);
  if (report) return report;
  const recurring = recurringIntent(text, signals);
  if (recurring) return recurring;
  const budget = budgetIntent(text, signals);
  if (budget) return budget;
  const member = memberIntent(text);
  if (member) return member;
  const categoryRule = categoryRuleIntent(tokens.map((token) => token.raw).join(' '), signals);
  if (categoryRule) return categoryRule;
  const subscription = subscriptionIntent(tokens.map((token) => token.raw).join(' '));
  if (subscription) return subscription;
  const content = colloquialIntent(text, signals) ?? contentIntent(text, words, signals);
  if (content) return content;
  if (DENY_LEAD.test(text) || DENY_ANYWHERE.test(text)) return 'deny';
  if (any(HELP, text) || only(words, GREETING_WORDS)) return 'help';
  if (signals.hasAmount && (signals.hasContact || signals.bareCharge)) return 'create_boleto';
  return 'unknown';
}
