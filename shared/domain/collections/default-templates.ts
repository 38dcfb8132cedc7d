import { type EmailTemplateVersion, templateIdOf } from './email-template';
import type { EscalationDegree } from './escalation';

/** Version 1 of each degree's template, written when a tenant has none yet (pt-BR, plain text). */
export const DEFAULT_TEMPLATES: Readonly<Record<EscalationDegree, { subject: string; body: string }>> = {
  1: {
    subject: 'Lembrete: faturas em aberto com {{empresa}}',
    body: [
      'Olá, {{nome_contato}}!',
      '',
      'Tudo bem? Este é um lembrete amigável: na posição de {{data_posicao}}, {{nome_conta}} tem {{total_em_aberto}} em aberto com {{empresa}}.',
      '',
      '{{faturas}}',
      '',
      'Se o pagamento já foi feito, por favor desconsidere esta mensagem. Qualquer dúvida, é só responder este e-mail.',
      '',
      'Obrigado,',
      '{{empresa}}',
    ].join('\n'),
  },
  2: {
    subject: 'Faturas vencidas: {{total_em_aberto}} em aberto',
    body: [
      'Olá, {{nome_contato}}.',
      '',
      'Na posição de {{data_posicao}}, {{nome_conta}} tem {{total_em_aberto}} em aberto, com atraso de até {{maior_atraso_dias}} dias:',
      '',
      '{{faturas}}',
      '',
      'Pedimos que regularize o pagamento ou nos responda com uma previsão.',
      '',
      '{{empresa}}',
    ].join('\n'),
  },
  3: {
    subject: 'Notificação de débito em aberto: {{nome_conta}}',
    body: [
      'Prezado(a) {{nome_contato}},',
      '',
      'Notificamos que, na posição de {{data_posicao}}, constam {{total_em_aberto}} em aberto em nome de {{nome_conta}}, com atraso de até {{maior_atraso_dias}} dias:',
      '',
      '{{faturas}}',
      '',
      'Solicitamos a regularização ou o contato para negociação.',
      '',
      'Atenciosamente,',
      '{{empresa}}',
    ].join('\n'),
  },
  4: {
    subject: 'Aviso final antes de medidas legais: {{nome_conta}}',
    body: [
      'Prezado(a) {{nome_contato}},',
      '',
      'Apesar dos avisos anteriores, na posição de {{data_posicao}} constam {{total_em_aberto}} em aberto em nome de {{nome_conta}}, com atraso de até {{maior_atraso_dias}} dias:',
      '',
      '{{faturas}}',
      '',
      'Este é o último aviso antes de encaminharmos a cobrança para as medidas legais cabíveis. Para evitar isso, regularize o pagamento ou responda este e-mail para negociar.',
      '',
      'Atenciosamente,',
      '{{empresa}}',
    ].join('\n'),
  },
};

/** Version 1 of a degree's template: the built-in text (`DEFAULT_TEMPLATES`), active until the tenant edits it. */
export function defaultTemplateVersion(degree: EscalationDegree): EmailTemplateVersion {
  return {
    templateId: templateIdOf(degree),
    degree,
    version: 1,
    ...DEFAULT_TEMPLATES[degree],
    active: true,
    createdAt: '2026-01-01T00:00:00.000Z',
    createdBy: 'iris',
  };
}
