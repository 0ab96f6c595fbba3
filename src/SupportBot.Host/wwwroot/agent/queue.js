// The queue pane: chats waiting for a person, tickets left while no one was online, and this agent's own chats.
import { api } from './api.js';
import { renderTitle } from './attention.js';
import { coalesced } from './coalesced.js';
import { el, ui } from './dom.js';
import { intentText, languageText, mailto, reasonText, shopperName, waitText } from './format.js';
import { report } from './notices.js';
import { renderAgentsOnline } from './presence.js';
import { state, waitingCount } from './state.js';

// Rows are kept and only moved or replaced when their content changes, so a refresh (one per server event) does not
// swallow a click in progress or move keyboard focus.
const rows = new Map();   // handoff id → { key, node }
const emptyRow = el('li', { className: 'queue-empty' }, 'No one is waiting.');

export const refreshQueue = coalesced(async () => {
  if (!state.agent) { return; }
  try {
    const data = await api('GET', '/queue');
    state.items = Array.isArray(data?.items) ? data.items : [];
    state.agentsOnline = typeof data?.agents_online === 'number' ? data.agents_online : null;
    state.receivedAt = Date.now();
    for (const id of state.unread) {
      if (!state.items.some(item => item.id === id)) { state.unread.delete(id); }
    }
    renderAgentsOnline();
    renderQueue();
  } catch (error) {
    report(error);
  }
});

function queueButton(id) {
  const row = Array.from(ui.queue.children).find(li => li.dataset.handoffId === id);
  return row ? row.querySelector('button') : null;
}

/** Moves keyboard focus to an entry's button (a desktop notification was clicked). */
export function focusQueueItem(id) {
  queueButton(id)?.focus();
}

export function renderQueue() {
  const focusedId = ui.queue.contains(document.activeElement) ? document.activeElement.closest('li')?.dataset.handoffId : null;
  const nodes = state.items.map(item => {
    const key = JSON.stringify([item.status, item.shopper_name, item.reason, item.reason_text, item.intent, item.confidence,
      item.email, item.priority, item.last_message, item.created_at, item.language, state.unread.has(item.id), state.open?.id === item.id]);
    let row = rows.get(item.id);
    if (!row || row.key !== key) {
      row = { key, node: renderQueueItem(item) };
      rows.set(item.id, row);
    }
    row.node.querySelector('.wait').dataset.seconds = String(Number(item.wait_seconds) || 0);
    return row.node;
  });
  for (const id of rows.keys()) {
    if (!state.items.some(item => item.id === id)) { rows.delete(id); }
  }
  if (!nodes.length) { nodes.push(emptyRow); }
  nodes.forEach((node, index) => {
    if (ui.queue.children[index] !== node) { ui.queue.insertBefore(node, ui.queue.children[index] || null); }
  });
  while (ui.queue.children.length > nodes.length) { ui.queue.lastElementChild.remove(); }

  ui.queueCount.textContent = state.items.length ? `${waitingCount()} waiting` : '';
  if (focusedId && !ui.queue.contains(document.activeElement)) {
    const button = queueButton(focusedId);
    if (button) { button.focus(); } else { ui.queueHeading.focus(); }
  }
  tick();
  renderTitle();
}

function statusOf(item) {
  if (item.status === 'assigned') {
    return el('span', { className: 'status status--yours' }, 'Yours');
  }
  if (item.status === 'ticket') {
    return el('span', { className: 'status status--ticket' }, 'Ticket',
      item.email ? el('span', null, ' · ', el('a', { href: mailto(item.email) }, item.email)) : ' · no e-mail');
  }
  return el('span', { className: 'status status--queued' }, 'Queued');
}

/** One entry; its button says what it does (data-action "claim" or "open"), and main.js handles the click. */
function renderQueueItem(item) {
  const mine = item.status === 'assigned';
  const nameId = 'queue-name-' + item.id;
  const isOpen = state.open && state.open.id === item.id;
  return el('li', {
    dataset: { handoffId: item.id },
    className: `item item--${item.status}${isOpen ? ' item--open' : ''}`,
    'aria-current': isOpen ? 'true' : null
  },
  el('div', { className: 'item-head' },
    el('strong', { id: nameId, className: 'item-name' }, shopperName(item)),
    state.unread.has(item.id) ? el('span', { className: 'unread' }, 'New message') : null,
    el('span', { className: 'wait', title: 'Waiting since ' + new Date(item.created_at).toLocaleString() })),
  el('p', { className: 'item-reason' }, reasonText(item)),
  el('p', { className: 'item-facts' },
    statusOf(item),
    intentText(item) ? el('span', { className: 'intent' }, intentText(item)) : null,
    languageText(item) ? el('span', { className: 'language', title: 'The shopper writes in ' + languageText(item) }, languageText(item)) : null,
    typeof item.priority === 'number' ? el('span', { className: 'priority', title: 'Priority ' + item.priority }, 'P' + item.priority) : null),
  item.last_message ? el('p', { className: 'item-last' }, item.last_message) : null,
  el('button', {
    type: 'button',
    className: mine ? '' : 'primary',
    'aria-describedby': nameId,
    dataset: { action: mine ? 'open' : 'claim' }
  }, mine ? 'Open' : 'Claim'));
}

/** Wait times tick on the client from when the queue arrived, so the agent's clock does not need to match the server's. */
function tick() {
  const elapsed = (Date.now() - state.receivedAt) / 1000;
  for (const span of ui.queue.querySelectorAll('.wait')) {
    const text = waitText(Number(span.dataset.seconds) + elapsed);
    if (span.textContent !== text) { span.textContent = text; }
  }
}

/** The wait clock, and a safety net for when the event stream is down: the queue still refreshes now and then. */
export function startQueueClock(isOnline) {
  setInterval(tick, 1000);
  setInterval(() => { if (state.agent && !isOnline()) { refreshQueue(); } }, 30000);
}
