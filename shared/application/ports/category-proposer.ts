/**
 * Port: a language model's category for a new ledger entry its keywords cannot place. It answers with one of
 * the `categories` it is given or nothing; the categoriser checks the answer against the set anyway.
 */
export interface CategoryProposer {
  propose(input: {
    kind: 'income' | 'expense';
    description: string;
    categories: readonly string[];
  }): Promise<string | undefined>;
}
