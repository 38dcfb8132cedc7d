// The console signed in as a member (Ana, Bruno, Carla, or anyone an owner added): a token from the local
// issuer (POST /_local/auth/token), then contacts and statements read through the tenant API (/v1) with it.
// The chat is that member's own WhatsApp conversation with IRIS.

import { dateBr, money } from './console-format.js';

const ROLE_NAME = { owner: 'dono', operator: 'operador', viewer: 'consulta' };

export const session = { member: undefined, token: undefined };

export async function signIn(username) {
  const response = await fetch('/_local/auth/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username }),
  });
  const payload = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(payload.message ?? `sign-in: ${response.status}`);
  session.member = payload.member;
  session.token = payload.access_token;
  return session.member;
}

export function memberLabel(member) {
  return `${member.name} (${ROLE_NAME[member.role] ?? member.role}, ${member.phone})`;
}

/** GET on the tenant API with the member's token; problem+json answers become errors with their detail. */
export async function apiGet(path) {
  const response = await fetch(path, { headers: { authorization: `Bearer ${session.token}` } });
  const payload = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(payload.detail ?? `GET ${path}: ${response.status}`);
  return payload;
}

function cell(text) {
  const td = document.createElement('td');
  td.textContent = text;
  return td;
}

/** The contacts panel (GET /v1/contacts); a click shows the contact's statement (GET /v1/statements/{id}). */
export async function renderContacts() {
  const { data } = await apiGet('/v1/contacts');
  document.getElementById('contacts').replaceChildren(
    ...data.map((contact) => {
      const row = document.createElement('tr');
      row.className = 'clickable';
      row.dataset.contactId = contact.id;
      row.append(cell(contact.name), cell(contact.phone));
      row.addEventListener('click', () => showStatement(contact.id).catch(showError));
      return row;
    }),
  );
}

/** The statement's totals (over all of it) and its latest lines, newest first (one page of the API). */
async function showStatement(contactId) {
  const statement = await apiGet(`/v1/statements/${encodeURIComponent(contactId)}?limit=${STATEMENT_LINES}`);
  const panel = document.getElementById('statement-panel');
  panel.hidden = false;
  document.getElementById('statement-title').textContent = statement.contact.name;
  const { totals } = statement;
  const lines = [
    `Boletos: ${totals.boletoCount} · pagamentos: ${totals.paymentCount}`,
    `Em aberto hoje: ${money(totals.openBalanceCents)}`,
    ...statement.lines.map((line) =>
      line.kind === 'boleto'
        ? `${dateBr(line.dueDate)} boleto ${money(line.amountCents)} (${line.status})`
        : `${dateBr(line.paidOn)} pagamento ${money(line.amountCents)}${line.partial ? ' (parcial)' : ''}`,
    ),
    ...(statement.nextCursor
      ? [`… e mais ${totals.boletoCount + totals.paymentCount - statement.lines.length} anteriores`]
      : []),
  ];
  document.getElementById('statement').replaceChildren(
    ...lines.map((line) => {
      const item = document.createElement('li');
      item.textContent = line;
      return item;
    }),
  );
}

const STATEMENT_LINES = 10;

function showError(error) {
  document.getElementById('status').textContent = `Erro: ${error.message}`;
}
