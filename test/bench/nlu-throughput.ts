import { performance } from 'node:perf_hooks';
import { calendarDate } from '../../shared/domain/calendar-date';
import { parseMessage } from '../../shared/language/parser';

const TEMPLATES = [
  'cobra {amount} do {name} dia {day}',
  'manda boleto pro {name} de {amount} pra sexta',
  'gastei {amount} no mercado',
  'o {name} já pagou?',
  'quem está devendo?',
  'Gera um boleto de R$ {amount},00 para a {name} com vencimento {day}/12',
  'recebi {amount} reais do {name} ontem',
  'cancela o boleto do {name}',
  'sim',
  'cobrar dona {name} duzentos e cinquenta reais daqui a 5 dias',
];
const NAMES = ['João', 'Maria Souza', 'Zé', 'Cida', 'Pedro Álvares', 'Ana Paula'];

/** Messages per second of the deterministic parser (the `nlu` command's engine), single core. */
export async function benchNluThroughput(): Promise<void> {
  const today = calendarDate('2026-11-23');
  const messages = Array.from({ length: 20_000 }, (_, i) =>
    (TEMPLATES[i % TEMPLATES.length] ?? '')
      .replace('{amount}', String(50 + ((i * 37) % 2000)))
      .replace('{name}', NAMES[i % NAMES.length] ?? 'João')
      .replace('{day}', String(1 + (i % 28))),
  );
  for (const message of messages.slice(0, 500)) parseMessage(message, today); // warm-up
  const started = performance.now();
  for (const message of messages) parseMessage(message, today);
  const seconds = (performance.now() - started) / 1000;
  const perSecond = messages.length / seconds;
  console.log(`messages: ${messages.length}, time: ${(seconds * 1000).toFixed(0)} ms`);
  console.log(
    `throughput: ${perSecond.toFixed(0)} messages/s (target 1,000 lines in < 3 s: ${(perSecond / 333).toFixed(1)}x)`,
  );
}
