import { describe, expect, it } from 'vitest';
import { type AgingCsvRecord, AgingFileError, openAgingCsv } from '#application/collections/aging-csv';
import { mapHeader, normaliseHeader } from '#domain/collections/aging-columns';
import { parseImportDate } from '#domain/collections/aging-row';

const HEADER =
  'client_id;account_name;contact_first_name;contact_last_name;contact_email;contact_phone;is_billing_contact;invoice_number;invoice_date;due_date;invoice_amount;total_outstanding;days_0_30;days_31_60;days_61_90;days_91_120;days_over_120';

async function* chunksOf(bytes: Uint8Array, size = 7): AsyncIterable<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function read(bytes: Uint8Array) {
  const file = await openAgingCsv(chunksOf(bytes));
  const records: AgingCsvRecord[] = [];
  for await (const record of file.records) records.push(record);
  return { file, records };
}

const utf8 = (text: string) => new TextEncoder().encode(text);
/** Windows-1252 for the Latin-1 range this test uses (ç, ã, é, ó): one byte per character. */
const cp1252 = (text: string) => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));

describe('aging CSV reading', () => {
  it('reads ; with BRL amounts and dd/mm/aaaa dates, in UTF-8 with a BOM, across tiny chunks', async () => {
    const csv = `\uFEFF${HEADER}\nC1;Padaria São João;Ana;Souza;ana@padaria.com.br;(11) 98888-0001;sim;NF-1;01/09/2026;01/10/2026;R$ 1.234,56;1.234,56;0;1.234,56;0;0;0\n`;
    const { file, records } = await read(utf8(csv));
    expect(file.encoding).toBe('utf-8');
    expect(file.delimiter).toBe(';');
    expect(records).toHaveLength(1);
    const [record] = records;
    expect(record?.line).toBe(2);
    expect(record?.validation).toMatchObject({
      ok: true,
      row: {
        clientId: 'C1',
        accountName: 'Padaria São João',
        contact: { email: 'ana@padaria.com.br', phone: '+5511988880001', isBilling: true },
        invoiceNumber: 'NF-1',
        invoiceDate: '2026-09-01',
        dueDate: '2026-10-01',
        invoiceAmountCents: 123456,
        outstandingCents: 123456,
        aging: { days0To30: 0, days31To60: 123456, days61To90: 0, days91To120: 0, daysOver120: 0 },
      },
    });
  });

  it('reads , with quoted fields, plain amounts and ISO dates, skipping blank lines but counting them', async () => {
    const header = HEADER.replaceAll(';', ',').toUpperCase();
    const csv = `\n${header}\r\n\r\n"C2","Oficina, Peças e Cia",Bruno,Lima,bruno@oficina.com,,não,7,2026-08-01,2026-08-31,1500.50,1500.50,,,1500.50,,\r\n,,,,,,,,,,,,,,,,\r\n`;
    const { file, records } = await read(utf8(csv));
    expect(file.delimiter).toBe(',');
    expect(records).toHaveLength(1);
    expect(records[0]?.line).toBe(4);
    expect(records[0]?.validation).toMatchObject({
      ok: true,
      row: { accountName: 'Oficina, Peças e Cia', contact: { isBilling: false }, outstandingCents: 150050 },
    });
  });

  it('reads a Windows-1252 export (accents intact)', async () => {
    const csv = `${HEADER}\nC3;Açougue Irmãos;José;Conceição;jose@acougue.com.br;;s;A1;10/07/2026;10/08/2026;200,00;200,00;;;200,00;;\n`;
    const { file, records } = await read(cp1252(csv));
    expect(file.encoding).toBe('windows-1252');
    expect(records[0]?.validation).toMatchObject({
      ok: true,
      row: { accountName: 'Açougue Irmãos', contact: { firstName: 'José', lastName: 'Conceição' } },
    });
  });

  it('reports every problem of a bad row with its line and column, and keeps reading', async () => {
    const csv = [
      HEADER,
      'C4;Loja;;;não-é-email;123;talvez;N1;31/02/2026;2026-13-01;abc;100,00;50,00;0;0;0;0',
      'C5;Loja 2;;;a@b.com;;;N2;;01/01/2026;100,00;100,00;60,00;0;0;0;0',
      'C6;Loja 3;;;c@d.com;;;N3;;01/01/2026;100,00;100,00;100,00;;;;',
    ].join('\n');
    const { records } = await read(utf8(csv));
    expect(records.map((r) => r.validation.ok)).toEqual([false, false, true]);
    const first = records[0]?.validation;
    expect(first?.ok === false && first.errors.map((e) => [e.row, e.column])).toEqual([
      [2, 'contact_email'],
      [2, 'contact_phone'],
      [2, 'is_billing_contact'],
      [2, 'invoice_date'],
      [2, 'due_date'],
      [2, 'invoice_amount'],
      [2, 'total_outstanding'],
    ]);
    const second = records[1]?.validation;
    expect(second?.ok === false && second.errors).toEqual([
      {
        row: 3,
        column: 'total_outstanding',
        reason: 'as faixas somam 60,00, mas o saldo em aberto é 100,00',
      },
    ]);
  });

  it('refuses a file whose header lacks required columns, naming them', async () => {
    await expect(read(utf8('client_id;account_name\nC1;X\n'))).rejects.toThrow(AgingFileError);
    await expect(read(utf8('client_id;account_name\nC1;X\n'))).rejects.toThrow(
      /contact_email.*invoice_number/,
    );
  });

  it('refuses an empty file', async () => {
    await expect(read(utf8('\n\n'))).rejects.toThrow(/vazio/);
  });
});

describe('aging header names', () => {
  it('ignore case, accents, spaces, hyphens and underscores', () => {
    expect(normaliseHeader(' Client ID ')).toBe('client_id');
    expect(normaliseHeader('DAYS-0-30')).toBe('days_0_30');
    expect(normaliseHeader('\uFEFFcontact_émail')).toBe('contact_email');
    const mapping = mapHeader(['Client Id', 'extra', 'client_id']);
    expect(mapping.positions.client_id).toBe(0);
    expect(mapping.unknown).toEqual(['extra']);
    expect(mapping.duplicated).toEqual(['client_id']);
  });
});

describe('import dates', () => {
  it.each([
    ['01/10/2026', '2026-10-01'],
    ['1/2/2026', '2026-02-01'],
    ['29/02/2028', '2028-02-29'],
    ['2026-10-01', '2026-10-01'],
    ['2026-10-01T00:00:00', '2026-10-01'],
    ['31.12.2026', '2026-12-31'],
  ])('%s is %s', (text, date) => {
    expect(parseImportDate(text)).toBe(date);
  });

  it.each(['29/02/2026', '2026-02-30', '10/2026', '01/13/2026', 'amanhã', '12/31/2026'])(
    '%s is refused',
    (text) => {
      expect(parseImportDate(text)).toBeUndefined();
    },
  );
});
