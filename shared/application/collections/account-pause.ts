import type { AccountControls } from '#application/ports/collection-emails';
import type { ReceivableAccount, ReceivablesRepository } from '#application/ports/receivables-repository';
import { foldName } from '#domain/contact-matching';

/**
 * "pausa a cobrança da Padaria Estrela" / "retoma a cobrança da Padaria Estrela": the account is found by its name
 * in the portfolio (accents and case ignored; the whole name, else the only account whose name contains the words)
 * and its `paused` set. A pause stops every collection e-mail to it until resumed; a pin is kept.
 */

const NAME_AFTER = /cobran[çc]as?\s+(?:por\s+e-?mail\s+)?(?:d[aoe]s?|para|pra)\s+(.+?)[\s.!?]*$/iu;
const RESUME_NAME_AFTER = /^(?:\S+\s+){1,3}?(?:d[aoe]s?|para|pra)\s+(.+?)[\s.!?]*$/iu;

export type PauseOutcome =
  | { kind: 'done'; account: ReceivableAccount }
  | { kind: 'not_found'; name: string }
  | { kind: 'several'; name: string; names: string[] };

/** The account name the owner wrote after "cobrança da …" (or "retoma da …"); undefined when none. */
export function accountNameIn(text: string): string | undefined {
  const name = (NAME_AFTER.exec(text) ?? RESUME_NAME_AFTER.exec(text))?.[1]?.trim();
  return name || undefined;
}

export async function setAccountPaused(
  deps: { receivables: Pick<ReceivablesRepository, 'listAccounts'>; controls: AccountControls },
  input: { tenantId: string; name: string; paused: boolean },
): Promise<PauseOutcome> {
  const wanted = foldName(input.name);
  const accounts = await deps.receivables.listAccounts(input.tenantId);
  const exact = accounts.filter((account) => foldName(account.name) === wanted);
  const matches =
    exact.length > 0 ? exact : accounts.filter((account) => foldName(account.name).includes(wanted));
  const [only] = matches;
  if (!only) return { kind: 'not_found', name: input.name };
  if (matches.length > 1) return { kind: 'several', name: input.name, names: matches.map((a) => a.name) };
  if (!(await deps.controls.setPaused(input.tenantId, only.clientId, input.paused))) {
    return { kind: 'not_found', name: input.name };
  }
  return { kind: 'done', account: only };
}
