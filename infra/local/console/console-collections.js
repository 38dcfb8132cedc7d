// The console's collections panels (issue 13): the aging imports (GET /_local/imports), the aging report per
// account (GET /_local/aging) and every e-mail SES received with what became of it (GET /_local/email-statuses:
// delivered, bounced, complained…). Plain browser JavaScript, no build step.
import { dateBr, instantBr, money } from './console-format.js';

const IMPORT_STATUS = { running: 'importando', completed: 'concluída', refused: 'recusada' };

/** Badge text and the CSS class that colours it. */
const EMAIL_STATUS = {
  queued: ['na fila', 'pending'],
  sending: ['enviando', 'pending'],
  sent: ['aceito pelo SES', 'sent'],
  delayed: ['atrasado', 'pending'],
  delivered: ['entregue', 'delivered'],
  soft_bounced: ['voltou (temporário)', 'pending'],
  bounced: ['voltou (endereço inválido)', 'failed'],
  rejected: ['recusado pelo SES', 'failed'],
  complained: ['marcado como spam', 'failed'],
  failed: ['não enviado', 'failed'],
  superseded: ['descartado', 'pending'],
};

const ADDRESS_STATUS = { invalid: 'endereço inválido', suppressed: 'endereço bloqueado (spam)' };

const BUCKETS = ['days0To30', 'days31To60', 'days61To90', 'days91To120', 'daysOver120'];

export const byId = (id) => document.getElementById(id);

export function cell(text, className) {
  const node = document.createElement('td');
  node.textContent = text;
  if (className) node.className = className;
  return node;
}

function badgeCell(status) {
  const [label, className] = EMAIL_STATUS[status] ?? [status, ''];
  const node = document.createElement('td');
  const badge = document.createElement('span');
  badge.className = `badge ${className}`;
  badge.textContent = label;
  node.append(badge);
  return node;
}

function row(cells, dataset = {}) {
  const node = document.createElement('tr');
  Object.assign(node.dataset, dataset);
  node.append(...cells);
  return node;
}

async function get(path) {
  const response = await fetch(path);
  const payload = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(payload.error ?? `GET ${path}: ${response.status}`);
  return payload;
}

function renderImports(imports) {
  byId('imports-empty').hidden = imports.length > 0;
  byId('imports').replaceChildren(
    ...imports.map((record) =>
      row(
        [
          cell(record.filename),
          cell(IMPORT_STATUS[record.status] ?? record.status),
          cell(dateBr(record.asOf)),
          cell(String(record.rowsRead), 'num'),
          cell(String(record.rowsImported), 'num'),
          cell(String(record.rowsRejected), 'num'),
          cell(`${instantBr(record.startedAt)} → ${instantBr(record.finishedAt)}`),
        ],
        { status: record.status },
      ),
    ),
  );
}

function degreeText(account) {
  if (account.paused) return 'pausada';
  if (account.degree === null) return '—';
  const pinned = account.pinnedDegree !== null ? ' (fixado)' : '';
  return `${account.degree} · ${account.degreeName}${pinned}`;
}

function renderAging(accounts) {
  byId('aging-empty').hidden = accounts.length > 0;
  byId('aging').replaceChildren(
    ...accounts.map((account) =>
      row(
        [
          cell(account.name),
          ...BUCKETS.map((bucket) =>
            cell(account.buckets[bucket] ? money(account.buckets[bucket]) : '—', 'num'),
          ),
          cell(money(account.totalCents), 'num'),
          cell(degreeText(account)),
          account.lastEmail ? badgeCell(account.lastEmail.status) : cell('—'),
        ],
        { clientId: account.clientId },
      ),
    ),
  );
}

function renderEmailStatuses(emails) {
  byId('emails-empty').hidden = emails.length > 0;
  byId('emails').replaceChildren(
    ...emails.map((email) =>
      row(
        [
          cell(instantBr(email.at)),
          cell(email.to.join(', '), email.addressStatus ? 'muted' : undefined),
          cell(email.subject),
          badgeCell(email.status),
          cell(email.addressStatus ? ADDRESS_STATUS[email.addressStatus] : ''),
        ],
        { status: email.status },
      ),
    ),
  );
}

export async function renderCollections() {
  const [{ imports }, { accounts }, { emails }] = await Promise.all([
    get('/_local/imports'),
    get('/_local/aging'),
    get('/_local/email-statuses'),
  ]);
  renderImports(imports);
  renderAging(accounts);
  renderEmailStatuses(emails);
}
