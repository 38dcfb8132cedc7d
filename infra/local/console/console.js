// The local console: talks to the local cloud's documented routes only (README, "Local interface").
// Plain browser JavaScript, no build step. Signed in as a member (console-members.js): contacts and statements
// come from the tenant API with the member's token; what /v1 does not serve yet (boletos with their audit
// trail, the outbox, the clock, the month's budgets) from GET /_local/state; imports, aging and e-mail statuses from
// console-collections.js; the chat is the member's own.
import { renderBudgets } from './console-budgets.js';
import { renderCollections } from './console-collections.js';
import { dateBr, instantBr, money } from './console-format.js';
import { memberLabel, renderContacts, session, signIn } from './console-members.js';

const BOLETO_STATUS = {
  requested: 'solicitado',
  registered: 'registrado',
  sent: 'enviado',
  partially_paid: 'pago em parte',
  paid: 'pago',
  cancelled: 'cancelado',
  disputed: 'em disputa',
  failed: 'falhou',
};

const OUTBOX_STATUS = {
  pending: 'na fila',
  sending: 'enviando',
  sent: 'enviada',
  delivered: 'entregue',
  read: 'lida',
  failed: 'falhou',
  superseded: 'descartada',
};

/** Why delivery dropped a message that was no longer true (`supersededReason`). */
const SUPERSEDED_REASON = {
  boleto_missing: 'boleto não existe',
  payment_since_written: 'houve pagamento depois',
  boleto_not_cancelled: 'boleto não está cancelado',
  boleto_never_reached_payer: 'o contato nunca recebeu o boleto',
};

function supersededReasonBr(reason) {
  if (SUPERSEDED_REASON[reason]) return SUPERSEDED_REASON[reason];
  if (reason.startsWith('boleto_')) {
    const status = reason.slice('boleto_'.length);
    return `boleto ${BOLETO_STATUS[status] ?? status}`;
  }
  return reason;
}

const OUTBOX_KIND = {
  owner_reply: 'resposta à dona',
  boleto_to_contact: 'boleto ao contato',
  reminder: 'lembrete',
  payment_received: 'pagamento recebido',
  delivery_failed: 'falha de entrega',
  collection_email: 'e-mail de cobrança',
  contact_opted_out: 'contato saiu',
  opt_out_confirmation: 'confirmação de saída',
};

const EVENT_LABEL = {
  BoletoRequested: 'Boleto solicitado',
  BoletoRegistered: 'Registrado no Paytime',
  BoletoSent: 'Enviado ao contato',
  PaymentApplied: 'Pagamento aplicado',
  BoletoPaid: 'Boleto pago',
  BoletoCancelled: 'Boleto cancelado',
  BoletoDisputed: 'Boleto em disputa',
  BoletoDisputeResolved: 'Disputa resolvida',
};

const ACTOR = { owner: 'a dona', contact: 'o contato', provider: 'o Paytime', system: 'a IRIS' };

const view = {
  owner: null,
  selectedBoleto: null,
  chatLength: 0,
  busy: false,
};

const byId = (id) => document.getElementById(id);

function element(tag, options = {}, children = []) {
  const node = document.createElement(tag);
  if (options.className) node.className = options.className;
  if (options.text !== undefined) node.textContent = options.text;
  if (options.title) node.title = options.title;
  if (options.dataset) Object.assign(node.dataset, options.dataset);
  for (const child of children) node.append(child);
  return node;
}

function badge(text, className) {
  return element('span', { className: `badge ${className}`, text });
}

function status(text) {
  byId('status').textContent = text;
}

async function request(method, path, body) {
  const response = await fetch(path, {
    method,
    headers: body ? { 'content-type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  const payload = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(payload.error ?? `${method} ${path}: ${response.status}`);
  return payload;
}

function renderChat(chat) {
  const list = byId('chat');
  list.replaceChildren(
    ...chat.map((bubble) => {
      const item = element('li', {
        className: `bubble ${bubble.direction}${bubble.error ? ' error' : ''}`,
        dataset: { direction: bubble.direction },
      });
      item.append(element('div', { text: bubble.text }));
      if (bubble.buttons?.length) {
        const buttons = element('div', { className: 'buttons' });
        for (const button of bubble.buttons) {
          const tap = element('button', { text: button.title, dataset: { buttonId: button.id } });
          tap.type = 'button';
          tap.addEventListener('click', () => sendToIris({ button: { id: button.id, title: button.title } }));
          buttons.append(tap);
        }
        item.append(buttons);
      }
      if (bubble.link) {
        const open = element('a', { text: 'abrir arquivo' });
        open.href = bubble.link;
        open.target = '_blank';
        open.rel = 'noopener';
        item.append(open);
      }
      if (bubble.error)
        item.append(element('small', { className: 'muted', text: `não entregue: ${bubble.error}` }));
      item.append(element('time', { text: instantBr(bubble.at) }));
      return item;
    }),
  );
  if (chat.length !== view.chatLength) list.scrollTop = list.scrollHeight;
  view.chatLength = chat.length;
}

function renderBoletos(boletos) {
  byId('boletos-empty').hidden = boletos.length > 0;
  byId('boletos').replaceChildren(
    ...boletos.map((boleto) => {
      const row = element('tr', {
        className: `clickable${boleto.id === view.selectedBoleto ? ' selected' : ''}`,
        title: 'Ver o histórico',
        dataset: { boletoId: boleto.id, status: boleto.status },
      });
      row.append(
        element('td', { text: boleto.contactName }),
        element('td', {}, [badge(BOLETO_STATUS[boleto.status] ?? boleto.status, boleto.status)]),
        element('td', { className: 'num', text: money(boleto.amountCents) }),
        element('td', {
          className: 'num',
          text:
            boleto.amountDueTodayCents !== null
              ? money(boleto.amountDueTodayCents)
              : boleto.balanceCents
                ? `saldo ${money(boleto.balanceCents)}`
                : '—',
        }),
        element('td', { text: dateBr(boleto.dueDate) }),
        element('td', { text: boleto.nextReminderAt ? instantBr(boleto.nextReminderAt) : '—' }),
      );
      row.addEventListener('click', () => showAudit(boleto.id, boleto.contactName));
      return row;
    }),
  );
}

function renderOutbox(outbox) {
  byId('outbox-empty').hidden = outbox.length > 0;
  byId('outbox').replaceChildren(
    ...outbox.map((item) => {
      const row = element('tr', { dataset: { kind: item.kind, status: item.status } });
      const how = item.sentAs === 'template' ? ' (modelo)' : '';
      row.append(
        element('td', { text: instantBr(item.createdAt) }),
        element('td', { text: OUTBOX_KIND[item.kind] ?? item.kind }),
        element('td', { text: item.recipient }),
        element('td', {}, [
          badge(`${OUTBOX_STATUS[item.status] ?? item.status}${how}`, item.status),
          ...(item.supersededReason
            ? [element('span', { className: 'muted', text: ` ${supersededReasonBr(item.supersededReason)}` })]
            : []),
        ]),
        element('td', { text: item.preview, title: item.failureReason ?? item.supersededReason ?? '' }),
      );
      return row;
    }),
  );
}

async function showAudit(boletoId, contactName) {
  view.selectedBoleto = boletoId;
  const found = await request('GET', `/_local/boletos/${encodeURIComponent(boletoId)}`);
  byId('audit-panel').hidden = false;
  byId('audit-title').textContent = `${contactName} · ${money(found.boleto.amountCents)}`;
  const stateChanges = found.events.map((event) => {
    const transition = event.from ? `${BOLETO_STATUS[event.from] ?? event.from} → ` : '';
    return {
      at: event.at,
      title: EVENT_LABEL[event.type] ?? event.type,
      text: ` ${instantBr(event.at)} · ${transition}${BOLETO_STATUS[event.to] ?? event.to} · por ${ACTOR[event.actor.kind] ?? event.actor.kind}`,
    };
  });
  const activities = (found.activities ?? []).map((activity) => ({
    at: activity.at,
    title: ACTIVITY_LABEL[activity.kind] ?? activity.kind,
    text: ` ${instantBr(activity.at)} · por ${ACTOR[activity.actor.kind] ?? activity.actor.kind}${activityDetail(activity.detail)}`,
  }));
  const trail = [...stateChanges, ...activities].sort((a, b) => a.at.localeCompare(b.at));
  byId('audit').replaceChildren(
    ...trail.map((entry) =>
      element('li', {}, [
        element('strong', { text: entry.title }),
        element('span', { className: 'muted', text: entry.text }),
      ]),
    ),
  );
}

const ACTIVITY_LABEL = {
  confirmation_requested: 'Confirmação pedida',
  confirmation_answered: 'Confirmação respondida',
  creation_attempted: 'Emissão tentada',
  creation_failed: 'Emissão falhou',
  message_queued: 'Mensagem na fila',
  message_deferred: 'Envio adiado',
  message_sent: 'Mensagem enviada',
  message_delivered: 'Mensagem entregue',
  message_read: 'Mensagem lida',
  message_failed: 'Mensagem falhou',
  message_superseded: 'Mensagem descartada (desatualizada)',
  reminder_turn: 'Lembrete',
  reconciliation_finding: 'Conciliação',
  payer_message: 'Mensagem do pagador',
  owner_notified: 'Dona avisada',
};

function activityDetail(detail) {
  if (!detail) return '';
  const parts = Object.entries(detail).map(([key, value]) => `${key}: ${value}`);
  return parts.length > 0 ? ` · ${parts.join(', ')}` : '';
}

/** The newest report or spreadsheet (`/_local/reports` lists them all), with a link to its file. */
function renderLatestReport(report) {
  const target = byId('latest-report');
  target.replaceChildren();
  byId('latest-report-empty').hidden = Boolean(report);
  if (!report) return;
  const open = element('a', { text: report.filename });
  open.href = report.link;
  open.target = '_blank';
  open.rel = 'noopener';
  const kind = report.format === 'pdf' ? 'Relatório' : 'Planilha';
  target.append(
    element('span', {
      text: `${kind} de ${report.title} · entradas ${money(report.incomeCents)} · saídas ${money(report.expenseCents)} · `,
    }),
    open,
  );
}

async function refresh() {
  if (!session.member) await signIn(byId('member').value);
  const state = await request('GET', '/_local/state');
  view.owner = session.member.phone;
  byId('owner-label').textContent = `você é ${memberLabel(session.member)}`;
  byId('clock-now').textContent = state.clock.saoPaulo;
  const chat = await request('GET', `/_local/chat?with=${encodeURIComponent(view.owner)}`);
  renderChat(chat.messages);
  await renderContacts();
  renderBoletos(state.boletos);
  renderOutbox(state.outbox);
  renderLatestReport(state.latestReport);
  renderBudgets(state.budgets);
  if (view.selectedBoleto) {
    const selected = state.boletos.find((boleto) => boleto.id === view.selectedBoleto);
    if (selected) await showAudit(selected.id, selected.contactName);
  }
  await renderCollections();
}

async function act(label, work) {
  if (view.busy) return;
  view.busy = true;
  for (const button of document.querySelectorAll('button')) button.disabled = true;
  status(label);
  try {
    await work();
    status('');
  } catch (error) {
    status(`Erro: ${error.message}`);
  } finally {
    view.busy = false;
    for (const button of document.querySelectorAll('button')) button.disabled = false;
    await refresh().catch(() => undefined);
  }
}

function sendToIris(content) {
  return act('Enviando…', () => request('POST', '/_sim/whatsapp/inbound', { from: view.owner, ...content }));
}

byId('composer').addEventListener('submit', (event) => {
  event.preventDefault();
  const input = byId('message');
  const text = input.value.trim();
  if (!text || !view.owner) return;
  input.value = '';
  sendToIris({ text });
});

byId('member').addEventListener('change', () =>
  act('Entrando…', async () => {
    await signIn(byId('member').value);
    view.chatLength = -1;
  }),
);

byId('advance-day').addEventListener('click', () =>
  act('Avançando um dia…', () => request('POST', '/_local/clock/advance', { days: 1 })),
);
byId('advance-hour').addEventListener('click', () =>
  act('Avançando uma hora…', () => request('POST', '/_local/clock/advance', { hours: 1 })),
);

async function poll() {
  if (!view.busy) await refresh().catch((error) => status(`Sem conexão com a nuvem local: ${error.message}`));
  setTimeout(poll, 2_000);
}

poll();
