import { describe, expect, it } from 'vitest';
import { EMPTY_AGING } from '#domain/collections/aging-buckets';
import { DEFAULT_TEMPLATES } from '#domain/collections/default-templates';
import {
  activeVersion,
  type EmailTemplateVersion,
  nextTemplateVersion,
  validateTemplateText,
} from '#domain/collections/email-template';
import { decideEscalation, degreeFromAging, ESCALATION_DEGREES } from '#domain/collections/escalation';
import { InvalidInputError } from '#domain/domain-error';

describe('escalation degree', () => {
  it.each([
    [{ ...EMPTY_AGING, days0To30: 100 }, 0, undefined],
    [{ ...EMPTY_AGING, days0To30: 100 }, 5, 1],
    [{ ...EMPTY_AGING, days0To30: 100, days31To60: 1 }, 31, 2],
    [{ ...EMPTY_AGING, days61To90: 1 }, 70, 3],
    [{ ...EMPTY_AGING, days91To120: 1 }, 100, 4],
    [{ ...EMPTY_AGING, days0To30: 5, daysOver120: 1 }, 400, 4],
    [EMPTY_AGING, 0, undefined],
  ])('aging %o with %i days overdue → degree %s', (aging, days, degree) => {
    expect(degreeFromAging(aging, days)).toBe(degree);
  });

  it('a pause wins over everything, a pin over the aging, and nothing is sent when nothing is overdue', () => {
    const aging = { ...EMPTY_AGING, days61To90: 1000 };
    expect(decideEscalation(aging, 70)).toEqual({ action: 'send', degree: 3, reason: 'aging' });
    expect(decideEscalation(aging, 70, { pinnedDegree: 1 })).toEqual({
      action: 'send',
      degree: 1,
      reason: 'pinned',
    });
    expect(decideEscalation(aging, 70, { pinnedDegree: 1, paused: true })).toEqual({
      action: 'skip',
      reason: 'paused',
    });
    expect(decideEscalation({ ...EMPTY_AGING, days0To30: 10 }, 0, { pinnedDegree: 4 })).toEqual({
      action: 'skip',
      reason: 'nothing_overdue',
    });
  });
});

describe('e-mail template versions', () => {
  const at = '2026-12-05T10:00:00.000Z';
  const v1 = nextTemplateVersion([], { degree: 2, ...DEFAULT_TEMPLATES[2], at, by: 'system' }).created;

  it('start at version 1, active', () => {
    expect(v1).toMatchObject({ templateId: 'collection-degree-2', version: 1, active: true });
  });

  it('an edit creates the next version, active, and deactivates the previous one (never changes it)', () => {
    const edit = nextTemplateVersion([v1], {
      degree: 2,
      subject: 'Novo assunto {{nome_conta}}',
      body: 'Olá {{nome_contato}}\n{{faturas}}',
      at,
      by: '+5511999990001',
    });
    expect(edit.created).toMatchObject({ version: 2, active: true, subject: 'Novo assunto {{nome_conta}}' });
    expect(edit.deactivated).toEqual([{ ...v1, active: false }]);
    expect(v1.active).toBe(true);
    const all: EmailTemplateVersion[] = [...edit.deactivated, edit.created];
    expect(activeVersion(all).version).toBe(2);
    const third = nextTemplateVersion(all, { degree: 2, subject: 'x', body: '{{faturas}}', at, by: 'o' });
    expect(third.created.version).toBe(3);
    expect(third.deactivated.map((v) => v.version)).toEqual([2]);
  });

  it('refuses unknown placeholders, a body without the invoice list, and versions of another degree', () => {
    expect(() => validateTemplateText('Oi {{valor}}', '{{faturas}}')).toThrow(/valor/);
    expect(() => validateTemplateText('Oi', 'sem lista')).toThrow(InvalidInputError);
    expect(() =>
      nextTemplateVersion([v1], { degree: 3, subject: 's', body: '{{faturas}}', at, by: 'o' }),
    ).toThrow(/another degree/);
  });

  it('refuses to guess when no version or two versions are active', () => {
    expect(() => activeVersion([{ ...v1, active: false }])).toThrow(/found 0/);
    expect(() => activeVersion([v1, { ...v1, version: 2 }])).toThrow(/found 2/);
  });

  it('has a valid default for every degree', () => {
    for (const degree of ESCALATION_DEGREES) {
      expect(() =>
        validateTemplateText(DEFAULT_TEMPLATES[degree].subject, DEFAULT_TEMPLATES[degree].body),
      ).not.toThrow();
    }
  });
});
