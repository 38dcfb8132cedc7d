import type { AccountControls } from '#application/ports/collection-emails';
import type { ReceivableAccount, ReceivablesRepository } from '#application/ports/receivables-repository';
import type { EscalationDegree } from '#domain/collections/escalation';
import { foldName } from '#domain/contact-matching';

/**
 * The owner's controls of one account of the portfolio, by message. "pausa a cobrança da Padaria Estrela" /
 * "retoma a cobrança da Padaria Estrela" set `paused`; "fixa a Padaria Estrela no grau 3" / "coloca a Padaria
 * Estrela em aviso final" pin its degree and "volta a Padaria Estrela pro automático" unpins it. The account is
 * found by its name in the portfolio (accents and case ignored; the whole name, else the only account whose
 * name contains the words). A pause and a pin are kept apart: a pause wins over a pin (`decideEscalation`), and
 * a pinned account with nothing past due gets nothing.
 */

const NAME_AFTER = /cobran[çc]as?\s+(?:por\s+e-?mail\s+)?(?:d[aoe]s?|para|pra)\s+(.+?)[\s.!?]*$/iu;
const RESUME_NAME_AFTER = /^(?:\S+\s+){1,3}?(?:d[aoe]s?|para|pra)\s+(.+?)[\s.!?]*$/iu;
/** After the verb: an article, optionally "a cobrança da", then the name (lazy) up to what follows it. */
const LEAD = String.raw`^\s*\S+\s+(?:(?:a|o|as|os)\s+)?(?:cobran[çc]as?\s+(?:por\s+e-?mail\s+)?(?:d[aoe]s?|para|pra)\s+)?(.+?)`;
const DEGREE_WORDS = String.raw`(?:grau\s+[1-4]|lembrete\s+amig[aá]vel|lembrete\s+firme|notifica[çc][ãa]o\s+formal|aviso\s+final)`;
const PIN_NAME = new RegExp(`${LEAD}\\s+(?:no|em|com|pr[oa]|para\\s+o)\\s+(?:o\\s+)?${DEGREE_WORDS}`, 'iu');
const UNPIN_NAME = new RegExp(`${LEAD}\\s+(?:pro|para\\s+o|ao|no)\\s+(?:grau\\s+)?autom[aá]tico\\b`, 'iu');
const UNPIN_VERB_NAME =
  /^\s*(?:desfixa|desfixar|desfixe|destrava|destravar|destrave)\s+(?:(?:a|o)\s+)?(?:grau\s+(?:d[aoe]s?)\s+)?(.+?)[\s.!?]*$/iu;
const DEGREE_BY_WORDS: ReadonlyArray<[RegExp, EscalationDegree]> = [
  [/\blembrete amigavel\b/, 1],
  [/\blembrete firme\b/, 2],
  [/\bnotificacao formal\b/, 3],
  [/\baviso final\b/, 4],
];

export type AccountControlOutcome =
  | { kind: 'done'; account: ReceivableAccount }
  | { kind: 'not_found'; name: string }
  | { kind: 'several'; name: string; names: string[] };

export type AccountControlChange = { paused: boolean } | { pinnedDegree: EscalationDegree | undefined };

/** The account name the owner wrote after "cobrança da …" (or "retoma da …"); undefined when none. */
export function accountNameIn(text: string): string | undefined {
  const name = (NAME_AFTER.exec(text) ?? RESUME_NAME_AFTER.exec(text))?.[1]?.trim();
  return name || undefined;
}

/** The account name of a pin ("fixa a Padaria Estrela no grau 3") or an unpin ("volta … pro automático"). */
export function pinnedAccountNameIn(text: string): string | undefined {
  const name = (PIN_NAME.exec(text) ?? UNPIN_NAME.exec(text) ?? UNPIN_VERB_NAME.exec(text))?.[1]?.trim();
  return name || undefined;
}

/** The degree a pin names: "grau 3", or a degree's name ("aviso final" is 4); undefined when none. */
export function pinnedDegreeIn(text: string): EscalationDegree | undefined {
  const folded = foldName(text);
  const numbered = /\bgrau ([1-4])\b/.exec(folded)?.[1];
  if (numbered) return Number(numbered) as EscalationDegree;
  return DEGREE_BY_WORDS.find(([words]) => words.test(folded))?.[1];
}

export async function setAccountControl(
  deps: { receivables: Pick<ReceivablesRepository, 'listAccounts'>; controls: AccountControls },
  input: { tenantId: string; name: string; change: AccountControlChange },
): Promise<AccountControlOutcome> {
  const wanted = foldName(input.name);
  const accounts = await deps.receivables.listAccounts(input.tenantId);
  const exact = accounts.filter((account) => foldName(account.name) === wanted);
  const matches =
    exact.length > 0 ? exact : accounts.filter((account) => foldName(account.name).includes(wanted));
  const [only] = matches;
  if (!only) return { kind: 'not_found', name: input.name };
  if (matches.length > 1) return { kind: 'several', name: input.name, names: matches.map((a) => a.name) };
  const { change } = input;
  const set =
    'paused' in change
      ? await deps.controls.setPaused(input.tenantId, only.clientId, change.paused)
      : await deps.controls.setPinnedDegree(input.tenantId, only.clientId, change.pinnedDegree);
  if (!set) return { kind: 'not_found', name: input.name };
  const control = { ...only.control, ...change };
  if (control.pinnedDegree === undefined) delete control.pinnedDegree;
  return { kind: 'done', account: { ...only, control } };
}
