import type { Intent } from '#application/ports/interpretation.schema';
import type { IntentSignals } from './intent-signals';

/**
 * The rules of issue 12 (rule 2) that run before the keyword rules of intents.ts, on the folded text
 * (" cobra 150 do joao ", with a space at each end). Each rule reads a kind of message, not a phrasing:
 * - an attempt to reveal or override IRIS's instructions is `unknown`, whatever action it also names;
 * - a question about how to use IRIS (a how-to lead and an IRIS topic, no amount, no person) is `help`;
 * - a message about something else that only borrows a money word ("me conta uma piada", "receita de bolo",
 *   "150 vezes 3") is `unknown`;
 * - colloquial verbs of receiving ("me passou", "caiu o pix de 300", "liquidou") and paying ("passei 80 no
 *   cartão", "fiz um pix de 150") with an amount book income or an expense;
 * - colloquial cancel ("risca", "some com", "joga fora", "deixa de cobrar", "tira o boleto") cancels;
 * - "tá me devendo 80" with an amount is a charge;
 * - deny variants ("deixa pra depois", "nada não", "pera, não manda") deny.
 */

const OVERRIDE = [
  /\b(ignor\w*|esquec\w*|desconsider\w*|desativ\w*|deslig\w*|burl\w*|pul[ae])\b.*\b(instruc\w*|regras?|prompt|orientac\w*|confirmac\w*|restric\w*|tudo que)\b/,
  /\b(prompt|system|jailbreak|dan)\b/,
  /\b(suas|tuas|das|de) (instrucoes|regras|diretrizes)\b/,
  /\b(finja|finge|fingir|aja como|age como|atue como|atua como|se passe|responda como|a partir de agora voce|voce agora)\b/,
  /\b(repete|repita|mostre|mostra|revele|revela)\b.*\b(texto acima|mensagem acima|configurac\w*|instruc\w*)\b/,
  /\b(sem (restric\w*|filtro|confirmar|confirmacao)|senha)\b/,
  /\b(aprov\w*|confirm\w*) (tudo|todos|todas)\b/,
  /\b(dados|cpfs?|cnpjs?|telefones?|enderecos?|emails?) d(os|as|o|a)\b.*\b(clientes?|contatos?)\b/,
  /\bme (diz|diga|passa|passe|fala|fale|da|de|manda|mande|mostra|mostre) o (cpf|cnpj|endereco|telefone|email)\b/,
];

/** How a how-to question starts: "dá pra", "tem como", "posso", "como eu faço", "o que acontece se". */
const HOW_TO_LEAD = [
  /^ (da|dá) (pra|para)\b/,
  /\b(tem|teria) como\b/,
  /^ (posso|consigo|podemos|conseguimos|eu posso|eu consigo)\b/,
  /\b(e|eh) possivel\b/,
  /\bcomo (e que |que )?(eu )?(faco|faz|fazer|se faz|cancelo|vejo|registro|adiciono|aviso|cadastro|uso|usar|lanco|mando|envio|cobro|crio|gero|emito|coloco|funciona|funcionam)\b/,
  /\bo que acontece\b/,
  /^ (vc|voce|voces|vcs|a iris) (manda|mandam|envia|enviam|cobra|cobram|faz|fazem|aceita|aceitam|emite|emitem|gera|geram|avisa|avisam)\b/,
  /^ (o|a) (cliente|pagador|lembrete|boleto|cobranca|multa) (recebe|ve|paga|precisa|consegue|e|eh|tem|vai|chega|sai)\b/,
  /^ qual (e )?(o|a) (prazo|taxa|limite|valor maximo|valor minimo|custo)\b/,
  /^ (tem|cobra|cobram) (taxa|tarifa|juros|multa)\b/,
  /^ funciona (com|pra|para|no|na)\b/,
  /\bme (explic\w*|ensin\w*|mostra como|mostre como)\b/,
];

/** What IRIS is about: a how-to question on one of these is help; on anything else it is off-topic. */
const IRIS_TOPIC =
  /\b(boletos?|cobr\w*|lembretes?|juros|multas?|pix|parcel\w*|venciment\w*|vence\w*|clientes?|gastos?|despesas?|receitas?|cancel\w*|segunda via|cpf|cnpj|email|whatsapp|iris|isso|voce|vc|aqui|usar|uso|pagamentos?|pag\w*|taxas?|tarifas?|prazo|agend\w*|registr\w*|lanc\w*|cadastr\w*|contatos?|devendo|deve|compensa\w*)\b/;

/** "como funciona?", "me explica": a how-to with no object at all. */
const BARE_HOW_TO =
  /^ (como (funciona|e que funciona|usa|uso)|me explica( como (usa|usar|funciona))?) [?!.]* $/;

/** Words that borrow a money word for something else. */
const OFF_TOPIC = [
  /\b\d+ (vezes|x|mais|menos|dividido por) \d+\b/,
  /\bconta (ate|uma|um|como|pra mim como|outra)\b/,
  /\bme conta\b/,
  /\b(traz|traga|fecha|feche|pede|pedir) a conta\b/,
  /\b(abri|abrir|abre|abriu) (uma )?conta\b/,
  /\breceita (de|do|da) (bolo|torta|pao|comida|frango|carne|arroz|feijao|doce|pudim|biscoito)\b/,
  /\b(tirei|tirou|tira|tirar|deu|dei) (uma )?nota\b/,
  /\bnota d[oa] (filme|prova|serie|livro|jogo)\b/,
  /\bquanto custa\b/,
];

const INCOME_VERB =
  /\b(me passou|me passaram|passou pra mim|liquidou|liquidaram|acertou|acertaram|depositou|depositaram|transferiu|transferiram|me mandou|mandou|mandaram|pingou|me caiu|caiu|cairam|entrou)\b/;
const EXPENSE_VERB =
  /\b(passei|meti|larguei|fiz (um |uma )?(pix|transferencia|ted|deposito)|transferi|mandei|acertei|quitei|deixei|depositei|desembolsei)\b/;

const COLLOQUIAL_CANCEL = [
  /\b(risca|riscar|risque)\b/,
  /\bsome com\b/,
  /\bjoga (fora|no lixo)\b/,
  /\b(deixa|deixar|para|parar|pare) de cobrar\b/,
  /\b(tira|tirar|tire) (o|a|aquele|aquela|esse|essa|este|esta) (boleto|cobranca)\b/,
];

const OWES_NOW = /\b(ta|esta|tá|to) me devendo\b/;

const DENY = [
  /^ (deixa|deixe) (isso |ele |ela )?(pra|para) (depois|outra hora|outro dia|la)\b/,
  /^ (nada nao|desisto|desisti|hoje nao|agora nao|nao agora)\b/,
  /\b(pera|peraí|perai|espera|calma)\b.*\bnao (manda|envia|gera|emite|cria)\b/,
  /^ nao (manda|envia|gera|emite|cria)( nao)? [!.]* $/,
];

function any(patterns: readonly RegExp[], text: string): boolean {
  return patterns.some((pattern) => pattern.test(text));
}

/** True for the messages that are a plain no (no correction in them): their entities are not kept. */
export function isBareDeny(text: string): boolean {
  return any(DENY, text) && !/\d/.test(text);
}

const QUESTION_WORD = /^ (qual|quais|quem|quanto|quantos|quantas|como|onde|quando|por que|porque|o que|que) /;

/**
 * True when the message asks for something of its own (an override attempt, something off-topic, a question
 * that starts with a question word): it is never a bare answer, so no name or date is taken from it.
 */
export function asksSomethingElse(text: string): boolean {
  return any(OVERRIDE, text) || any(OFF_TOPIC, text) || (QUESTION_WORD.test(text) && isQuestion(text));
}

function isQuestion(text: string): boolean {
  return text.includes('?');
}

/** The intent of the hard kinds of message, or null to let the keyword rules decide. */
export function colloquialIntent(text: string, signals: IntentSignals): Intent | null {
  if (any(OVERRIDE, text)) return 'unknown';
  if (!signals.hasAmount && !signals.hasContact) {
    if (BARE_HOW_TO.test(text)) return 'help';
    if (any(HOW_TO_LEAD, text) && (isQuestion(text) || /\bme (explic|ensin)/.test(text))) {
      return IRIS_TOPIC.test(text) ? 'help' : 'unknown';
    }
  }
  if (any(OFF_TOPIC, text)) return 'unknown';
  if (isBareDeny(text)) return 'deny';
  if (any(COLLOQUIAL_CANCEL, text) && (signals.hasContact || /\b(boleto|cobranca)\b/.test(text))) {
    return 'cancel_boleto';
  }
  if (signals.hasAmount && !isQuestion(text)) {
    if (OWES_NOW.test(text)) return 'create_boleto';
    if (EXPENSE_VERB.test(text)) return 'record_expense';
    if (INCOME_VERB.test(text)) return 'record_income';
  }
  return null;
}
