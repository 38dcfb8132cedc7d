import { describe, expect, it } from 'vitest';
import { splitCharges } from '#application/dialogues/two-charges';
import { calendarDate } from '#domain/calendar-date';
import { DeterministicLanguageModel } from '#language/deterministic-language-model';

const today = calendarDate('2026-11-23');
const language = new DeterministicLanguageModel();

describe('splitCharges', () => {
  it.each([
    ['cobra 150 do João e 200 da Maria dia 10', [15000, 'João'], [20000, 'Maria', '2026-12-10']],
    ['cobra 100 do Caio dia 11 e 210 do Pedro dia 21', [10000, 'Caio'], [21000, 'Pedro', '2026-12-21']],
    ['cobra cento e cinquenta do João e duzentos da Maria', [15000, 'João'], [20000, 'Maria', null]],
    ['cobra 80 da Bia, 90 do Léo', [8000, 'Bia'], [9000, 'Léo', null]],
    ['cobra 50 do Zé\ncobra 60 da Cida dia 5', [5000, 'Zé'], [6000, 'Cida', '2026-12-05']],
  ] as const)('cuts "%s" into two charges, the rest a charge of its own', async (text, first, second) => {
    const split = await splitCharges(language, text, today);
    expect(split?.first).toMatchObject({ intent: 'create_boleto', amountCents: first[0], contact: first[1] });
    const rest = await language.interpret({ text: split?.rest ?? '', today });
    expect(rest).toMatchObject({
      intent: 'create_boleto',
      amountCents: second[0],
      contact: second[1],
      date: second[2],
    });
  });

  it.each([
    'cobra 150 do João dia 10',
    'cobra cento e cinquenta do João',
    'cobra 100 do João e 200 do João',
    'cobra 150 do João e da Maria',
    'gastei 50 no mercado e 30 na farmácia',
  ])('leaves "%s" whole', async (text) => {
    expect(await splitCharges(language, text, today)).toBeUndefined();
  });
});
