import { describe, expect, it } from 'vitest';
import { calendarDate } from '#domain/calendar-date';
import {
  type CollectionFacts,
  groundingProblems,
  renderCollectionEmail,
  textToHtml,
} from '#domain/collections/collection-email';
import { DEFAULT_TEMPLATES } from '#domain/collections/default-templates';
import { nextTemplateVersion } from '#domain/collections/email-template';
import { ESCALATION_DEGREES } from '#domain/collections/escalation';

const facts: CollectionFacts = {
  tenantName: 'Oficina Demo Ltda',
  accountName: 'Padaria São João',
  contactName: 'Ana',
  asOf: calendarDate('2026-12-05'),
  degree: 2,
  invoices: [
    { number: 'NF-101', dueDate: calendarDate('2026-10-20'), outstandingCents: 123456 },
    { number: 'NF-102', dueDate: calendarDate('2026-11-30'), outstandingCents: 5000 },
  ],
};

function template(degree: (typeof ESCALATION_DEGREES)[number]) {
  return nextTemplateVersion([], { degree, ...DEFAULT_TEMPLATES[degree], at: 'x', by: 'system' }).created;
}

describe('deterministic collection e-mail', () => {
  it.each(ESCALATION_DEGREES)('degree %i renders every fact and passes its own grounding check', (degree) => {
    const email = renderCollectionEmail(template(degree), { ...facts, degree });
    expect(email.text).toContain('Fatura NF-101 – vencimento 20/10/2026 – 46 dias em atraso – R$ 1.234,56');
    expect(email.text).toContain('Fatura NF-102 – vencimento 30/11/2026 – 5 dias em atraso – R$ 50,00');
    expect(`${email.subject} ${email.text}`).toContain('R$ 1.284,56');
    expect(email.html).toContain('Padaria São João');
    expect(groundingProblems(email, facts)).toEqual([]);
  });

  it('escapes HTML in names', () => {
    expect(textToHtml('A <b>&')).toContain('A &lt;b&gt;&amp;');
  });
});

describe('collection e-mail grounding', () => {
  const good = renderCollectionEmail(template(2), facts);
  const withText = (text: string) => ({
    ...good,
    text: `${good.text}\n${text}`,
    html: textToHtml(`${good.text}\n${text}`),
  });

  it.each([
    ['an amount that is not a fact', 'Total com juros: R$ 1.300,00', 'amount'],
    ['a plain amount without R$', 'ou 99,90 à vista', 'amount'],
    ['a date that is not a fact', 'Pague até 10/12/2026.', 'date'],
    ['a days-overdue figure that is not a fact', 'São 60 dias de atraso.', 'days_overdue'],
    ['an invoice that does not exist', 'Veja também a fatura NF-999.', 'invoice_number'],
  ])('catches %s', (_what, text, kind) => {
    expect(groundingProblems(withText(text), facts).map((p) => p.kind)).toContain(kind);
  });

  it('catches an e-mail that leaves an invoice out', () => {
    const text = good.text.replace(/.*NF-102.*\n?/, '');
    expect(groundingProblems({ ...good, text, html: textToHtml(text) }, facts)).toContainEqual({
      kind: 'missing_invoice',
      found: 'NF-102',
    });
  });

  it('accepts a rewording that only repeats facts', () => {
    const text = `${good.text}\nLembrando: a fatura NF-101 (R$ 1.234,56) venceu em 20/10/2026, há 46 dias.`;
    expect(groundingProblems({ ...good, text, html: textToHtml(text) }, facts)).toEqual([]);
  });
});
