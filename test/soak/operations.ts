import { addDays, formatDateBr, saoPauloDateOf } from '#domain/calendar-date';
import { randomCpf } from './random';
import { buttonsOfRequest, type Payer, type SoakWorld, textOfRequest } from './soak-world';

/**
 * What happens in a small business's day, one operation per step: owners charging known and new payers,
 * confirming or declining, cancelling, asking; payers paying in full, late, short or never, writing back,
 * opting out; Paytime and WhatsApp failing; the clock crossing nights, Sundays and holidays.
 */

export type OperationName =
  | 'charge_known'
  | 'charge_new'
  | 'cancel'
  | 'ask'
  | 'pay_full'
  | 'pay_face_value'
  | 'pay_partial'
  | 'payer_writes'
  | 'payer_opts_out'
  | 'paytime_fault'
  | 'whatsapp_fault'
  | 'advance';

export const OPERATION_WEIGHTS: ReadonlyArray<readonly [OperationName, number]> = [
  ['charge_known', 8],
  ['charge_new', 2],
  ['cancel', 2],
  ['ask', 3],
  ['pay_full', 4],
  ['pay_face_value', 2],
  ['pay_partial', 1],
  ['payer_writes', 4],
  ['payer_opts_out', 0.4],
  ['paytime_fault', 1],
  ['whatsapp_fault', 1],
  ['advance', 12],
];

const lastOwnerRequest = (world: SoakWorld) => world.outbound(world.owner).at(-1)?.request ?? {};

/**
 * Answers whatever IRIS asks the owner, as an owner would, until it asks for confirmation (tapped: Sim, or
 * Não now and then), stops asking, or five rounds pass.
 */
async function converse(
  world: SoakWorld,
  payer: Payer,
  amountCents: number,
  dueText: string,
): Promise<string> {
  const trail: string[] = [];
  for (let round = 0; round < 5; round++) {
    const request = lastOwnerRequest(world);
    const text = textOfRequest(request);
    const buttons = buttonsOfRequest(request);
    const confirm = buttons.find((button) => button.id.startsWith('confirm'));
    if (confirm) {
      const yes = world.random.chance(0.9);
      const button = yes ? confirm : buttons.find((candidate) => candidate.id.startsWith('deny'));
      if (!button) return `${trail.join(' / ')} / no deny button`;
      await world.tap(world.owner, button);
      // A new payer is registered only if IRIS asked for their number: a name IRIS matched to an existing
      // contact ("Kleiton 8" read as "Kleiton") charged that contact, and this phone stays unknown to IRIS.
      if (yes && !payer.known && trail.includes(payer.phone.replace('+55', ''))) payer.known = true;
      return `${trail.join(' / ')} / ${button.title}`;
    }
    let answer: string | undefined;
    if (buttons.length > 0) {
      await world.tap(world.owner, buttons[0] as { id: string; title: string });
      trail.push(`tap ${buttons[0]?.title}`);
      continue;
    }
    if (/whatsapp|telefone|celular|número/i.test(text)) answer = payer.phone.replace('+55', '');
    else if (/cpf|cnpj/i.test(text)) answer = randomCpf(world.random);
    else if (/e-?mail/i.test(text)) answer = `${payer.name.split(' ')[0]?.toLowerCase()}@example.com`;
    else if (/vencimento|data/i.test(text)) answer = dueText;
    else if (/valor/i.test(text)) answer = String(amountCents / 100);
    if (!answer) return `${trail.join(' / ')} / IRIS: "${text.slice(0, 80)}"`;
    trail.push(answer);
    await world.say(world.owner, answer);
  }
  return `${trail.join(' / ')} / gave up`;
}

async function charge(world: SoakWorld, payer: Payer): Promise<string> {
  const amountCents = world.random.int(20, 900) * 100;
  const due = addDays(saoPauloDateOf(world.now()), world.random.int(1, 40));
  const dueText = formatDateBr(due).slice(0, 5);
  const first = payer.name.split(' ')[0];
  const phrasing = world.random.pick([
    `cobra ${amountCents / 100} reais do ${first} para ${dueText}`,
    `cobra ${amountCents / 100} conto do ${first} pra dia ${dueText}`,
    `boleto de R$ ${amountCents / 100},00 para ${payer.name} vencimento ${dueText}`,
  ]);
  await world.say(world.owner, phrasing);
  return `${phrasing} → ${await converse(world, payer, amountCents, dueText)}`;
}

async function openBoletos(world: SoakWorld) {
  return (await world.boletos()).filter((boleto) =>
    ['registered', 'sent', 'partially_paid'].includes(boleto.status),
  );
}

async function pay(world: SoakWorld, mode: 'full' | 'face' | 'partial'): Promise<string> {
  // Only what Paytime still accepts: a billet it has closed answers 409 (the table may not know yet).
  const payable = new Set(
    (await world.billets()).filter((billet) => billet.status === 'PENDING').map((billet) => billet._id),
  );
  const open = (await openBoletos(world)).filter(
    (boleto) => boleto.providerId && payable.has(boleto.providerId),
  );
  if (open.length === 0) return 'no open boleto';
  const boleto = world.random.pick(open);
  const cents =
    mode === 'full'
      ? (boleto.amountDueTodayCents ?? boleto.amountCents)
      : mode === 'face'
        ? boleto.amountCents
        : Math.max(100, Math.floor((boleto.amountDueTodayCents ?? boleto.amountCents) / 2));
  await world.post(`/_sim/paytime/boletos/${boleto.providerId}/pay`, { amount_cents: cents });
  await world.cloud.settle();
  return `${boleto.contactName} pays ${cents} on ${boleto.id} (${boleto.status}, due ${boleto.dueDate})`;
}

const PAYER_TEXTS = [
  'já paguei ontem',
  'me manda o pix',
  'pare de me cobrar, já paguei',
  'manda a segunda via por favor',
  'vou pagar sexta',
  'quem é você?',
];

export async function runOperation(world: SoakWorld, name: OperationName): Promise<string> {
  const { random } = world;
  switch (name) {
    case 'charge_known':
      return charge(world, random.pick(world.payers.filter((payer) => payer.known)));
    case 'charge_new': {
      const payer = world.newPayer();
      world.payers.push(payer);
      return charge(world, payer);
    }
    case 'cancel': {
      const open = await openBoletos(world);
      if (open.length === 0) return 'nothing to cancel';
      const boleto = random.pick(open);
      await world.say(world.owner, `cancela o boleto do ${boleto.contactName.split(' ')[0]}`);
      const buttons = buttonsOfRequest(lastOwnerRequest(world));
      const yes = buttons.find((button) => button.id.startsWith('confirm'));
      if (yes) await world.tap(world.owner, yes);
      return `cancel ${boleto.contactName}'s → ${yes ? 'Sim' : textOfRequest(lastOwnerRequest(world)).slice(0, 60)}`;
    }
    case 'ask': {
      const payer = random.pick(world.payers.filter((candidate) => candidate.known));
      const text = random.pick(['quem me deve?', `o ${payer.name.split(' ')[0]} pagou?`]);
      await world.say(world.owner, text);
      return text;
    }
    case 'pay_full':
      return pay(world, 'full');
    case 'pay_face_value':
      return pay(world, 'face');
    case 'pay_partial':
      return pay(world, 'partial');
    case 'payer_writes': {
      const payer = random.pick(world.payers.filter((candidate) => candidate.known));
      const text = random.pick(PAYER_TEXTS);
      await world.say(payer.phone, text);
      return `${payer.name}: "${text}"`;
    }
    case 'payer_opts_out': {
      const payer = random.pick(world.payers.filter((candidate) => candidate.known));
      await world.say(payer.phone, 'PARAR');
      return `${payer.name}: PARAR`;
    }
    case 'paytime_fault': {
      const count = random.int(1, 3);
      await world.post('/_sim/paytime/faults', { fail_next: { count } });
      return `Paytime fails the next ${count} call(s)`;
    }
    case 'whatsapp_fault': {
      const kind = random.pick(['server_error', 'rate_limit', 'timeout'] as const);
      const count = random.int(1, 2);
      await world.post('/_sim/whatsapp/faults', { kind, count });
      return `WhatsApp: ${kind} × ${count}`;
    }
    case 'advance': {
      const hours = random.weighted([
        [random.int(1, 4), 5],
        [random.int(5, 14), 3],
        [random.int(15, 30), 2],
      ] as const);
      const result = await world.cloud.advance({ hours });
      return `+${hours} h → ${world.now().toISOString()}${result.settled ? '' : ' (not settled)'}`;
    }
  }
}
