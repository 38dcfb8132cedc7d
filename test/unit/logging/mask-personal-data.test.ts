import { describe, expect, it } from 'vitest';
import { maskPersonalDataInText, maskPersonalDataReplacer } from '#logging/mask-personal-data';

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

describe('what the masker never touches', () => {
  it.each([
    ['outboxId', 'a40b8216e99b4fcb67163de941525193'],
    ['messageId', 'wamid.HBgNNTUxMTk4ODg4MDAwMxUCABEYEjk4NzY1NDMyMTA5ODc2NTQzMgA='],
    ['correlation_id', '52998224725-01234567890'],
    ['boletoId', '01JF3X9Q5511987654321AB'],
    ['eventID', '11987654321'],
    ['_id', '52998224725'],
  ])('an id under %s', (key, value) => {
    expect(JSON.parse(JSON.stringify({ [key]: value }, maskPersonalDataReplacer))).toEqual({ [key]: value });
  });

  it('error names, even under the `name` key', () => {
    const error = { name: 'PaytimeValidationError', message: 'client.email: is required' };
    expect(JSON.parse(JSON.stringify({ error }, maskPersonalDataReplacer))).toEqual({ error });
  });

  it('digits inside an alphanumeric token, numbers whose check digits fail, amounts and timestamps', () => {
    const text = 'id 01HZX52998224725Q cpf? 12345678900 amount 1796445160 barcode 34191090080';
    expect(maskPersonalDataInText(text)).toBe(text);
  });

  it('still masks a phone under wa_id, which is a WhatsApp number', () => {
    expect(JSON.stringify({ wa_id: '5511988880001' }, maskPersonalDataReplacer)).not.toContain(
      '5511988880001',
    );
  });
});
