import { type CalendarDate, formatDateBr } from '#domain/calendar-date';

/**
 * Everything IRIS says to an owner in the conversation, in one place: short, friendly WhatsApp pt-BR.
 * Amounts are formatted by the caller's `formatBrl` (R$ 1.234,56) and dates as 10/12/2026.
 */

type Brl = (cents: number) => string;

export interface BoletoSummary {
  amountCents: number;
  contactName: string;
  dueDate: CalendarDate;
}

export const replies = {
  askAmount: (contactName?: string) =>
    contactName ? `Qual o valor do boleto para ${contactName}?` : 'Qual o valor do boleto?',
  askContact: () => 'Para quem é o boleto?',
  askDueDate: () => 'Qual a data de vencimento? (ex.: 10/12 ou "sexta")',
  pastDueDate: (date: CalendarDate) => `A data ${formatDateBr(date)} já passou. Qual o vencimento?`,
  whichContact: (names: string[]) =>
    `Encontrei mais de um contato:\n${names.map((name, i) => `${i + 1}) ${name}`).join('\n')}\nQual deles? Responda com o número.`,
  didYouMean: (name: string) => `Você quis dizer ${name}? Responda SIM ou escreva o nome certo.`,
  askNewContactPhone: (name: string) =>
    `Não encontrei ${name} nos seus contatos. Qual o WhatsApp de ${name}? (com DDD)`,
  askNewContactTaxId: (name: string) =>
    `Qual o CPF ou CNPJ de ${name}? Preciso dele para registrar o boleto.`,
  askNewContactEmail: (name: string) =>
    `Qual o e-mail de ${name}? A Paytime manda o boleto por e-mail também. Se não tiver, responda "não tem".`,
  payerEmailRequired: (name: string) =>
    `A Paytime só emite o boleto com um e-mail para ${name}. Qual e-mail posso usar? (pode ser o seu, para receber a cópia)`,
  invalidEmail: () => 'Esse e-mail não parece válido. Pode conferir e mandar de novo? Ex.: nome@gmail.com',
  providerRefusedTaxId: () => 'A Paytime recusou esse CPF/CNPJ.',
  providerRefusedPhone: () => 'A Paytime recusou esse número.',
  invalidPhone: () => 'Esse número não parece um celular válido. Mande com DDD, ex.: 11 98765-4321.',
  invalidTaxId: () => 'Esse CPF/CNPJ não é válido. Pode conferir e mandar de novo?',
  unusualAmount: (brl: Brl, amountCents: number, usualMaxCents: number) =>
    `${brl(amountCents)} está acima do seu valor habitual (até ${brl(usualMaxCents)}). Confirma esse valor? Responda SIM ou mande o valor certo.`,
  amountAboveLimit: (brl: Brl, limitCents: number) =>
    `O valor máximo por boleto na sua conta é ${brl(limitCents)}. Qual o valor?`,
  confirmBoleto: (brl: Brl, summary: BoletoSummary, newContact: boolean) =>
    `Confirma boleto de ${brl(summary.amountCents)} para ${summary.contactName}${newContact ? ' (novo contato)' : ''}, vencimento ${formatDateBr(summary.dueDate)}?`,
  optedOutWarning: (name: string) =>
    `Atenção: ${name} pediu para não receber mensagens da IRIS, então não vou enviar este boleto no WhatsApp. Eu te mando a linha digitável para você repassar.`,
  providerDown: () => 'A Paytime está fora do ar; emito assim que voltar e te aviso.',
  providerStillDown: (brl: Brl, summary: BoletoSummary) =>
    `A Paytime continuou fora do ar e não consegui emitir o boleto de ${brl(summary.amountCents)} para ${summary.contactName}. Nenhum boleto foi criado. Se ainda quiser, é só pedir de novo.`,
  providerRefused: (brl: Brl, summary: BoletoSummary, what: string) =>
    `A Paytime recusou o boleto de ${brl(summary.amountCents)} para ${summary.contactName}: ${what}. Nenhum boleto foi criado.`,
  confirmCancel: (brl: Brl, summary: BoletoSummary) =>
    `Cancelar o boleto de ${brl(summary.amountCents)} de ${summary.contactName}, vencimento ${formatDateBr(summary.dueDate)}?`,
  cancelKept: () => 'Tudo bem, o boleto continua valendo.',
  stillAwaitingConfirmation: (brl: Brl, summary: BoletoSummary) =>
    `Você tem um boleto aguardando confirmação: ${brl(summary.amountCents)} para ${summary.contactName}, vencimento ${formatDateBr(summary.dueDate)}. Responda SIM para confirmar ou NÃO para cancelar.`,
  boletoCreated: (brl: Brl, summary: BoletoSummary, digitableLine: string) =>
    `Pronto! Boleto de ${brl(summary.amountCents)} para ${summary.contactName}, vencimento ${formatDateBr(summary.dueDate)}, enviado no WhatsApp do contato.\nLinha digitável: ${digitableLine}`,
  requestCancelled: () => 'Tudo bem, cancelei o pedido. Nenhum boleto foi criado.',
  requestExpired: (brl: Brl, summary: Partial<BoletoSummary>) =>
    `Seu pedido de boleto${summary.contactName ? ` para ${summary.contactName}` : ''}${summary.amountCents ? ` (${brl(summary.amountCents)})` : ''} expirou sem resposta. Se ainda quiser, é só pedir de novo.`,
  somethingWentWrong: () =>
    'Ops, não consegui concluir agora e nenhum boleto foi criado. Tente de novo em alguns minutos.',
  creationFailed: () =>
    'Ops, não consegui emitir o boleto e nenhum boleto foi criado. Já avisei a equipe da IRIS.',
  alreadyDecided: () => 'Esse pedido já foi resolvido. Se quiser um novo boleto, é só pedir.',
  nothingPending: () => 'Não há nada aguardando sua confirmação agora.',
  confirmationRefused: () =>
    'Esse pedido mudou depois da pergunta. Confira o resumo mais recente e responda de novo.',
  didNotUnderstand: () =>
    'Não entendi. Você pode pedir, por exemplo: "cobra 150 do João dia 10", "gastei 45 no mercado" ou "quem está devendo?"',
  amountWithoutContext: (amount: string) =>
    `${amount} de quê? Me diga, por exemplo: "gastei ${amount} no mercado" ou "cobra ${amount} do João dia 10".`,
  help: () =>
    'Oi! Eu sou a IRIS, sua assistente de cobranças. Posso:\n• criar boletos: "cobra 150 do João dia 10"\n• anotar gastos e recebimentos: "gastei 45 no mercado"\n• dizer quem pagou: "o João já pagou?"\n• listar quem deve: "quem está devendo?"\n• cancelar: "cancela o boleto do Pedro"',
  couldNotTranscribe: () => 'Não consegui entender o áudio. Pode escrever, por favor?',
  couldNotReceive: () => 'Não consegui receber sua última mensagem. Pode mandar de novo, por texto?',
  unknownSender: () =>
    'Olá! Este é o número da IRIS, assistente de cobranças. Não encontrei seu cadastro por aqui.',
  unsupportedMessage: (kind: string) => {
    const names: Record<string, string> = {
      image: 'imagens',
      video: 'vídeos',
      document: 'documentos',
      sticker: 'figurinhas',
      location: 'localização',
      contacts: 'contatos',
    };
    return `Ainda não entendo ${names[kind] ?? 'esse tipo de mensagem'}. Pode me mandar por texto ou áudio?`;
  },
} as const;

export const CONFIRMATION_BUTTON_TITLES = { confirm: 'Sim', deny: 'Não' } as const;
