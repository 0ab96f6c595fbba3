// The agent's reply: sent once even when the network drops mid-request, and a suggested reply taken with one click.
import { api, ApiError, handoffPath } from './api.js';
import { refreshTranscript } from './conversation.js';
import { ui } from './dom.js';
import { report } from './notices.js';
import { state } from './state.js';

const delay = ms => new Promise(resolve => setTimeout(resolve, ms));

/** crypto.randomUUID needs a secure context; an intranet console on plain http still gets a v4 UUID. */
function newClientId() {
  if (typeof crypto.randomUUID === 'function') { return crypto.randomUUID(); }
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

async function postMessage(message) {
  const path = handoffPath(message.handoffId, '/messages');
  const body = { text: message.text, client_id: message.clientId };
  try {
    return await api('POST', path, body);
  } catch (error) {
    if (!(error instanceof ApiError) || !error.network) { throw error; }
    // The message may or may not have arrived; the same client_id makes the second try safe.
    await delay(800);
    return api('POST', path, body);
  }
}

export async function send() {
  const open = state.open;
  const text = ui.reply.value.trim();
  if (!open || state.sending) { return; }
  if (!text) {
    ui.reply.focus();
    return;
  }
  // A retry of the same text (after a reported failure) keeps its client_id, so it cannot arrive twice.
  if (!state.pending || state.pending.handoffId !== open.id || state.pending.text !== text) {
    state.pending = { handoffId: open.id, text, clientId: newClientId() };
  }
  const message = state.pending;
  state.sending = true;
  ui.send.disabled = true;
  ui.replyForm.setAttribute('aria-busy', 'true');
  try {
    await postMessage(message);
    if (state.pending === message) { state.pending = null; }
    if (state.open === open && ui.reply.value.trim() === text) { ui.reply.value = ''; }
    state.drafts.delete(open.id);
    if (state.open === open) { await refreshTranscript(); }
  } catch (error) {
    report(error);
  } finally {
    state.sending = false;
    ui.send.disabled = false;
    ui.replyForm.removeAttribute('aria-busy');
  }
}

export function useSuggestion() {
  const text = state.open?.handoff?.suggested_reply;
  if (!text) { return; }
  ui.reply.value = text;
  ui.reply.focus();
  ui.reply.setSelectionRange(text.length, text.length);
}
