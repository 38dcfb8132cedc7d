import { isWord, type Token } from './tokenise';
import { CENT_WORDS, CURRENCY_WORDS, DATE_WORDS } from './vocabulary';

/**
 * Company and multi-word payees ("Mercadinho São Jorge", "Auto Peças Silva Ltda", "Padaria Pão Quente",
 * "Silva & Filhos Ltda") and given names that are ordinary words ("Luz", "Clara Luz"). Two rules, both only
 * for capitalised words (a capital is how an owner marks a name):
 * - a business-type noun ("Padaria", "Farmácia", "Escola", "Loja") or a given name that is also a noun ("Luz")
 *   may start a name after a person cue ("da Padaria Pão Quente", "cobra a Luz"), though it is a keyword;
 * - once a name starts with a capital, every following capitalised word belongs to it ("São", "Beleza",
 *   "Amigo"), as do "&" between capitalised words and the particles "de/da/do/dos/das" before one, except
 *   dates, money words and sign-offs ("Sexta", "Reais", "Obrigado").
 */

const BUSINESS_NOUNS = new Set(
  `padaria farmacia drogaria escola colegio loja lojas mercado supermercado mercearia condominio academia oficina
   bar restaurante lanchonete pizzaria sorveteria papelaria livraria salao clinica consultorio escritorio
   igreja associacao clube hotel pousada posto distribuidora construtora acougue mercadinho studio estudio
   auto pet casa empresa comercial transportadora imobiliaria otica floricultura borracharia serralheria
   marcenaria vidracaria confeitaria doceria hortifruti emporio armazem deposito cantina`.split(/\s+/),
);

/** Given names that are also ordinary nouns of the keyword lists. */
const NOUN_GIVEN_NAMES = new Set(['luz', 'gloria', 'graca', 'cruz', 'mercedes']);

const SIGN_OFFS = new Set(
  'obrigado obrigada valeu vlw ok sim nao por favor pfv pf abs abraco att grato grata'.split(' '),
);

/** A capitalised noun that may start a name after a cue. */
export function canStartCompanyName(token: Token | undefined): boolean {
  return (
    isWord(token) &&
    token.capitalised &&
    !token.sentenceStart &&
    (BUSINESS_NOUNS.has(token.fold) || NOUN_GIVEN_NAMES.has(token.fold))
  );
}

/** A capitalised word that may continue a name that started with a capital. */
export function continuesCapitalisedName(token: Token | undefined): boolean {
  return (
    isWord(token) &&
    token.capitalised &&
    !DATE_WORDS.has(token.fold) &&
    !CURRENCY_WORDS.has(token.fold) &&
    !CENT_WORDS.has(token.fold) &&
    !SIGN_OFFS.has(token.fold)
  );
}

/** "&" joining two capitalised parts: "Silva & Filhos". */
export function isNameAmpersand(token: Token | undefined, after: Token | undefined): boolean {
  return token?.raw === '&' && !token.attached && continuesCapitalisedName(after);
}
