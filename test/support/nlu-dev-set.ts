import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');

/**
 * The product owner's example messages: `../shared/eval/nlu-dev.jsonl` beside the checkout (as in CI), or the
 * copy committed in `test/fixtures/` when the checkout stands alone (a clone in a temporary folder).
 */
export const NLU_DEV_SET_PATH = [
  path.resolve(repoRoot, '..', 'shared', 'eval', 'nlu-dev.jsonl'),
  path.resolve(repoRoot, 'test', 'fixtures', 'nlu-dev.jsonl'),
].find((candidate) => existsSync(candidate)) as string;

export function nluDevLines(): string[] {
  return readFileSync(NLU_DEV_SET_PATH, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '');
}
