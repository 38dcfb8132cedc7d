import type { Intent } from '#application/ports/interpretation.schema';

/**
 * The owner's receivables portfolio (issue 13): "como está minha carteira?" / "como estão meus recebíveis?"
 * (portfolio_status), "manda as cobranças por e-mail" (collections_campaign), the same with "toda segunda" /
 * "toda semana" (collections_schedule) and "para as cobranças automáticas" (collections_schedule_stop). Checked
 * "pausa a cobrança da Padaria Estrela" (collections_pause) and "retoma a cobrança da …" (collections_resume) act
 * on one account of the portfolio, as do "fixa a Padaria Estrela no grau 3" / "coloca a Padaria Estrela em aviso
 * final" (collections_pin) and "volta a Padaria Estrela pro automático" (collections_unpin). Checked before the boleto rules (`classifyIntent`): "cobranças por e-mail" is not a new boleto. `text` is the folded
 * message with a space at each end.
 */

const EMAIL = /\b(e-?mails?|emails?|e mails?)\b/;
const CHARGE_WORDS = /\b(cobrancas?|cobrar|cobranca|lembretes?|avisos?)\b/;
const SEND_VERB =
  /\b(manda|mandar|mande|envia|enviar|envie|dispara|disparar|dispare|faz|fazer|faca|roda|rodar|rode|solta|soltar)\b/;
const WEEKLY =
  /\b(toda|todas as|cada) (semana|segunda|terca|quarta|quinta|sexta)s?(-feira)?\b|\bsemanalmente\b|\bpor semana\b/;
const STOP_VERB =
  /\b(para|parar|pare|cancela|cancelar|cancele|desliga|desligar|desligue|suspende|suspender)\b/;
const AUTOMATIC = /\b(automaticas?|automaticos?|semanais?|toda semana|agendad[oa]s?)\b/;
const PORTFOLIO = [
  /\b(como|qual) (esta|ta|anda|estao|tao|e|sao) (a |as |o |os )?(minha|minhas|meu|meus|nossa|nossas)? ?(carteira|recebiveis|contas a receber)\b/,
  /\b(situacao|resumo|posicao|status|aging|panorama) (da|de|das|dos) (minha |meus |minhas )?(carteira|recebiveis|contas a receber)\b/,
  /\b(minha|a) carteira( de (recebiveis|clientes|cobranca))?( \?)? $/,
];

/** "pausa a cobrança da Padaria Estrela" / "retoma a cobrança da Padaria Estrela": one account of the portfolio. */
const PAUSE =
  /^ (pausa|pausar|pause|segura|segurar|segure) (a |as )?cobrancas? (por e-?mail )?(d[aoe]s?|para|pra) /;
const RESUME =
  /^ (retoma|retomar|retome|reativa|reativar|reative|despausa|despausar|volta a cobrar|voltar a cobrar)( a| as)?( cobrancas?)? (por e-?mail )?(d[aoe]s?|para|pra) /;

/** A degree by number or by name (escalation.ts): what makes "coloca … em aviso final" a pin. */
const DEGREE = /\b(grau [1-4]|lembrete amigavel|lembrete firme|notificacao formal|aviso final)\b/;
const PIN_VERB =
  /^ (fixa|fixar|fixe|trava|travar|trave|coloca|colocar|coloque|poe|ponha|deixa|deixar|deixe|manda|mande|muda|mudar|mude|passa|passar|passe) /;
const UNPIN = [
  /^ (volta|voltar|volte|devolve|devolver|devolva|coloca|coloque|poe|ponha|deixa|deixe|passa|passe) .+ (pro|para o|ao|no) (grau )?automatico\b/,
  /^ (desfixa|desfixar|desfixe|destrava|destravar|destrave) /,
];

export function collectionsIntent(text: string): Intent | null {
  if (PORTFOLIO.some((pattern) => pattern.test(text))) return 'portfolio_status';
  if (UNPIN.some((pattern) => pattern.test(text))) return 'collections_unpin';
  if (PIN_VERB.test(text) && / (no|em|com|pr[oa]|para o) (o )?/.test(text) && DEGREE.test(text))
    return 'collections_pin';
  if (PAUSE.test(text)) return 'collections_pause';
  if (RESUME.test(text)) return 'collections_resume';
  const aboutEmailCharges = CHARGE_WORDS.test(text) && (EMAIL.test(text) || AUTOMATIC.test(text));
  if (!aboutEmailCharges) return null;
  if (STOP_VERB.test(text) && AUTOMATIC.test(text)) return 'collections_schedule_stop';
  if (!EMAIL.test(text) || !SEND_VERB.test(text)) return null;
  return WEEKLY.test(text) ? 'collections_schedule' : 'collections_campaign';
}
