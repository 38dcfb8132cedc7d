import { describe, expect, it } from 'vitest';
import { maskPersonalDataInText, maskPersonalDataReplacer } from '../../../shared/logging/mask-personal-data';

describe('maskPersonalDataInText', () => {
  it.each([
    ['CPF formatted', 'cpf 123.456.789-09 ok', '123.456.789-09'],
    ['CPF digits', 'doc=12345678909', '12345678909'],
    ['CNPJ formatted', 'cnpj 12.345.678/0001-95', '12.345.678/0001-95'],
    ['CNPJ digits', '12345678000195', '12345678000195'],
    ['E.164 mobile', 'to +5511987654321', '+5511987654321'],
    ['WhatsApp id without ninth digit', 'from 551187654321', '551187654321'],
    ['local phone', 'ligue (11) 98765-4321', '98765-4321'],
    ['email', 'joao.silva@example.com.br', 'joao.silva@'],
  ])('masks %s', (_label, input, secret) => {
    const masked = maskPersonalDataInText(input);
    expect(masked).not.toContain(secret);
  });

  it('keeps the last digits so operators can still correlate', () => {
    expect(maskPersonalDataInText('+5511987654321')).toBe('*********4321');
    expect(maskPersonalDataInText('joao@example.com')).toBe('j***@example.com');
  });

  it('leaves amounts, dates and ids alone', () => {
    const text = 'boleto 01HZX amount 15000 due 2026-12-10';
    expect(maskPersonalDataInText(text)).toBe(text);
  });
});

describe('maskPersonalDataReplacer', () => {
  it('replaces whole values of keys that only hold personal data', () => {
    const json = JSON.stringify({ name: 'João Silva', amountCents: 15000 }, maskPersonalDataReplacer);
    expect(json).not.toContain('João');
    expect(json).toContain('15000');
  });
});
