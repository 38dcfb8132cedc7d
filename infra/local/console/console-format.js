// How the console writes money, dates and instants (pt-BR, São Paulo), shared by its modules.

const brl = new Intl.NumberFormat('pt-BR', { style: 'currency', currency: 'BRL' });
const instantFormat = new Intl.DateTimeFormat('pt-BR', {
  timeZone: 'America/Sao_Paulo',
  day: '2-digit',
  month: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** `R$ 1.234,56` from centavos. */
export function money(cents) {
  return brl.format(cents / 100);
}

/** `10/12/2026` from `2026-12-10`. */
export function dateBr(date) {
  if (!date) return '—';
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}

/** `10/12, 10:05` in São Paulo from an ISO instant. */
export function instantBr(iso) {
  return iso ? instantFormat.format(new Date(iso)) : '—';
}
