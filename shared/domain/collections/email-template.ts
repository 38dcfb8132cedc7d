import { InvalidInputError } from '#domain/domain-error';
import type { EscalationDegree } from './escalation';

/**
 * A collection e-mail template, one per escalation degree, versioned: editing never changes a version, it
 * adds the next one and makes it the active one; exactly one version per degree is active. Every e-mail
 * records the template id and version it was written from.
 *
 * Placeholders (the only ones; an unknown one is refused when the template is saved):
 * `{{nome_contato}}`, `{{nome_conta}}`, `{{empresa}}`, `{{total_em_aberto}}`, `{{data_posicao}}`,
 * `{{maior_atraso_dias}}`, and in the body `{{faturas}}` (one line per invoice: number, due date, days overdue,
 * outstanding amount).
 */
export interface EmailTemplateVersion {
  templateId: string;
  degree: EscalationDegree;
  version: number;
  subject: string;
  body: string;
  active: boolean;
  createdAt: string;
  createdBy: string;
}

export const TEMPLATE_PLACEHOLDERS = [
  'nome_contato',
  'nome_conta',
  'empresa',
  'total_em_aberto',
  'data_posicao',
  'maior_atraso_dias',
  'faturas',
] as const;

export type TemplatePlaceholder = (typeof TEMPLATE_PLACEHOLDERS)[number];

const PLACEHOLDER = /\{\{\s*([a-z_]+)\s*\}\}/g;

export function templateIdOf(degree: EscalationDegree): string {
  return `collection-degree-${degree}`;
}

/** Checks a subject and body: not empty, sizes, only known placeholders, `{{faturas}}` in the body. */
export function validateTemplateText(subject: string, body: string): void {
  if (subject.trim() === '' || subject.length > 200)
    throw new InvalidInputError('subject must be 1-200 characters');
  if (body.trim() === '' || body.length > 10_000)
    throw new InvalidInputError('body must be 1-10000 characters');
  for (const text of [subject, body]) {
    for (const match of text.matchAll(PLACEHOLDER)) {
      if (!TEMPLATE_PLACEHOLDERS.includes(match[1] as TemplatePlaceholder)) {
        throw new InvalidInputError(`unknown placeholder {{${match[1]}}}`);
      }
    }
  }
  if (subject.includes('{{faturas}}')) throw new InvalidInputError('{{faturas}} belongs in the body');
  if (!body.includes('{{faturas}}'))
    throw new InvalidInputError('the body must list the invoices ({{faturas}})');
}

/**
 * The versions after an edit: the new version (previous latest + 1) active, every other version of the
 * degree inactive. `versions` are all versions of that degree.
 */
export function nextTemplateVersion(
  versions: readonly EmailTemplateVersion[],
  edit: { degree: EscalationDegree; subject: string; body: string; at: string; by: string },
): { created: EmailTemplateVersion; deactivated: EmailTemplateVersion[] } {
  validateTemplateText(edit.subject, edit.body);
  if (versions.some((v) => v.degree !== edit.degree))
    throw new InvalidInputError('versions of another degree');
  const latest = versions.reduce((max, v) => Math.max(max, v.version), 0);
  return {
    created: {
      templateId: templateIdOf(edit.degree),
      degree: edit.degree,
      version: latest + 1,
      subject: edit.subject,
      body: edit.body,
      active: true,
      createdAt: edit.at,
      createdBy: edit.by,
    },
    deactivated: versions.filter((v) => v.active).map((v) => ({ ...v, active: false })),
  };
}

/** The one active version; an error if there is none or more than one (a broken invariant, never guessed). */
export function activeVersion(versions: readonly EmailTemplateVersion[]): EmailTemplateVersion {
  const active = versions.filter((v) => v.active);
  if (active.length !== 1)
    throw new InvalidInputError(`expected one active template version, found ${active.length}`);
  return active[0] as EmailTemplateVersion;
}

/** Fills the placeholders (values are plain text; the HTML rendering escapes them). */
export function fillTemplate(text: string, values: Readonly<Record<TemplatePlaceholder, string>>): string {
  return text.replace(PLACEHOLDER, (_whole, name: string) => values[name as TemplatePlaceholder] ?? '');
}
