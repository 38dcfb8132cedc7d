import type { MemberAction, MemberRole } from '#domain/member-permissions';
import type { E164 } from '#domain/phone-number';
import type { MemberChange } from '#domain/team-member';

/** What IRIS says about the team and about what a member's role allows (pt-BR, short). */

const ROLE_NAMES: Readonly<Record<MemberRole, string>> = {
  owner: 'dono',
  operator: 'operador',
  viewer: 'consulta',
};

const ACTION_TEXT: Readonly<Record<MemberAction, string>> = {
  read: 'fazer consultas',
  charge: 'emitir boletos',
  cancel: 'cancelar boletos',
  manage_contacts: 'alterar contatos',
  book_ledger: 'lançar gastos e entradas',
  manage_members: 'alterar a equipe',
  edit_templates: 'alterar os modelos de e-mail de cobrança',
};

export const teamTexts = {
  roleName: (role: MemberRole) => ROLE_NAMES[role],
  refused: (role: MemberRole | undefined, action: MemberAction) =>
    role
      ? `Seu perfil é ${ROLE_NAMES[role]}: não permite ${ACTION_TEXT[action]}. Peça ao dono da conta.`
      : `Seu número não tem permissão para ${ACTION_TEXT[action]}.`,
  missing: (what: string[]) =>
    `Para adicionar alguém, me diga ${what.join(', ')}. Ex.: "adiciona a Carla como operadora, 11 98888-7777".`,
  invalidPhone: (written: string) => `O número ${written} não é um celular brasileiro válido.`,
  sameRole: (name: string, role: MemberRole) => `${name} já tem o perfil ${ROLE_NAMES[role]}.`,
  notFound: (name: string) => `Não encontrei ninguém chamado ${name} na equipe.`,
  several: (name: string, names: string[]) =>
    `Há mais de uma pessoa chamada ${name} na equipe (${names.join(', ')}). Escreva o nome completo.`,
  lastOwner: () => 'A conta precisa de pelo menos um dono: esse pedido deixaria a conta sem dono.',
  confirm: (change: MemberChange) =>
    change.action === 'remove'
      ? `Remover ${change.name} (${ROLE_NAMES[change.role]}, ${phoneText(change.phone)}) da equipe?`
      : change.previousRole
        ? `Mudar ${change.name} (${phoneText(change.phone)}) de ${ROLE_NAMES[change.previousRole]} para ${ROLE_NAMES[change.role]}?`
        : `Adicionar ${change.name} à equipe?\nPerfil: ${ROLE_NAMES[change.role]}\nWhatsApp: ${phoneText(change.phone)}`,
  done: (change: MemberChange) =>
    change.action === 'remove'
      ? `Pronto: ${change.name} saiu da equipe.`
      : `Pronto: ${change.name} está na equipe com o perfil ${ROLE_NAMES[change.role]}.`,
  kept: () => 'Ok, a equipe ficou como estava.',
  phoneTaken: () => 'Esse número é de um contato (pagador); use outro número para o membro da equipe.',
};

function phoneText(phone: E164): string {
  return phone;
}
