import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarDate } from '#domain/calendar-date';
import { CONFIRM_VOCABULARY } from '#language/confirm-vocabulary';
import { parseMessage } from '#language/parser';
import { nluDevLines } from '#test/support/nlu-dev-set';
import { ALL_EXAMPLES } from './examples';
import * as hardA from './hard-corpus-a';
import * as hardB from './hard-corpus-b';

/**
 * Issue 12, rule 1: a message confirms only when it is an affirmative from the closed vocabulary
 * (docs/decisions.md "Confirmation vocabulary") and nothing in it asks for something else.
 */

const today = calendarDate('2026-11-23');
const parse = (text: string) => parseMessage(text, today);

const otherPhrasings = [
  ...nluDevLines().map((line) => JSON.parse(line) as { text: string; expected: { intent: string } }),
]
  .filter((row) => row.expected.intent !== 'confirm')
  .map((row) => row.text)
  .concat(
    [...Object.values(ALL_EXAMPLES), ...Object.values(hardA), ...Object.values(hardB)]
      .flat()
      .filter((example) => example.intent !== 'confirm')
      .map((example) => example.text),
  );

describe('the closed confirm vocabulary', () => {
  it.each([...CONFIRM_VOCABULARY.affirmatives])('reads "%s" as confirm', (phrase) => {
    expect(parse(phrase).intent).toBe('confirm');
    expect(parse(`${phrase}!`).intent).toBe('confirm');
    expect(parse(`${phrase.toUpperCase()}, obrigado`).intent).toBe('confirm');
  });

  it.each(['👍', '✅', '👌', '✔️', '👍🏽', '👍👍', 'sim 👍', 'pode mandar ✅'])(
    'reads "%s" as confirm',
    (text) => {
      expect(parse(text).intent).toBe('confirm');
    },
  );

  it.each([
    ...CONFIRM_VOCABULARY.fillers,
    'vai',
    'la',
    'e',
    'que',
    'ver',
    'bom',
    'vai la',
    'ta bom?',
    'sim?',
  ])('does not read "%s" alone as confirm', (text) => {
    expect(parse(text).intent).not.toBe('confirm');
  });
});

describe('confirm (properties)', () => {
  const affirmative = fc.constantFrom(...CONFIRM_VOCABULARY.affirmatives, '👍');
  // A phrasing made only of the vocabulary's fillers ("obrigado") asks for nothing: "sim, obrigado" confirms.
  const fillerWords = new Set(CONFIRM_VOCABULARY.fillers.flatMap((filler) => filler.split(' ')));
  const asksSomething = otherPhrasings.filter((text) =>
    text
      .toLowerCase()
      .split(/[^\p{L}\d]+/u)
      .some((word) => word !== '' && !fillerWords.has(word)),
  );
  const other = fc.constantFrom(...asksSomething);

  it(`never reads one of the ${otherPhrasings.length} phrasings of other intents as confirm`, () => {
    for (const text of otherPhrasings) expect([text, parse(text).intent]).not.toEqual([text, 'confirm']);
  });

  it('never reads an affirmative joined to another request as confirm', () => {
    fc.assert(
      fc.property(
        affirmative,
        other,
        fc.constantFrom(', ', ' ', ' e ', ', mas ', '. '),
        (yes, text, glue) => {
          expect(parse(`${yes}${glue}${text}`).intent).not.toBe('confirm');
          expect(parse(`${text}${glue}${yes}`).intent).not.toBe('confirm');
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('never reads a message with a word outside the vocabulary as confirm', () => {
    const outside = fc.constantFrom(
      'pix',
      'muda',
      'valor',
      'Pedro',
      'amanhã',
      'faz',
      'cancela',
      'mais',
      'vai',
      '150',
    );
    fc.assert(
      fc.property(
        fc.array(affirmative, { minLength: 1, maxLength: 3 }),
        outside,
        fc.nat(3),
        (yeses, word, at) => {
          const words = [...yeses];
          words.splice(at % (words.length + 1), 0, word);
          expect(parse(words.join(' ')).intent).not.toBe('confirm');
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('near-misses of a confirmation', () => {
  it.each([
    ['faz um pix pra mim', 'unknown', null, null, null],
    ['pode fazer um pix pra mim?', 'unknown', null, null, null],
    ['ok mas muda o valor', 'unknown', null, null, null],
    ['ok mas muda o valor pra 200', 'unknown', 20000, null, null],
    ['ok, mas é 250', 'unknown', 25000, null, null],
    ['pode ser amanhã?', 'unknown', null, null, '2026-11-24'],
    ['sim, mas pro Pedro', 'unknown', null, 'Pedro', null],
    ['sim, mas vence dia 20', 'unknown', null, null, '2026-12-20'],
    ['manda pro Pedro', 'unknown', null, 'Pedro', null],
    ['não, é 200', 'deny', 20000, null, null],
    ['pode me mandar a lista de quem deve?', 'list_receivables', null, null, null],
    ['ok, e quanto gastei esse mês?', 'ledger_summary', null, null, null],
    ['beleza, cobra também o João 50', 'create_boleto', 5000, 'João', null],
    ['sim e cancela o do Pedro', 'cancel_boleto', null, 'Pedro', null],
    ['pode ver se o João pagou?', 'check_status', null, 'João', null],
    ['ok, gastei 30 de uber', 'record_expense', 3000, null, null],
    ['sim?', 'unknown', null, null, null],
    ['vai lá', 'unknown', null, null, null],
    ['ok obrigado', 'confirm', null, null, null],
    ['sim, pode mandar, valeu', 'confirm', null, null, null],
  ] as const)('"%s" is %s', (text, intent, amount, contact, date) => {
    const result = parse(text);
    expect({
      intent: result.intent,
      amount: result.amountCents,
      contact: result.contact,
      date: result.date,
    }).toEqual({
      intent,
      amount,
      contact,
      date,
    });
  });
});
