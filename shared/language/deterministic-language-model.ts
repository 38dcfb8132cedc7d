import type { Interpretation, InterpretRequest, LanguageModel } from '#application/ports/language-model';
import { parseMessage } from './parser';

/** The default LanguageModel: the deterministic pt-BR parser, offline and synchronous underneath. */
export class DeterministicLanguageModel implements LanguageModel {
  async interpret(input: InterpretRequest): Promise<Interpretation> {
    return parseMessage(input.text, input.today);
  }
}
