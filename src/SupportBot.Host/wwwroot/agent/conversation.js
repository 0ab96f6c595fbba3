// The open chat: its header (who, why, e-mail, suggested reply), opening and closing it, and keeping it current.
import { api, ApiError, handoffPath } from './api.js';
import { coalesced } from './coalesced.js';
import { el, ui } from './dom.js';
import { intentText, languageText, mailto, reasonText, shopperName } from './format.js';
import { report, showNotice } from './notices.js';
import { renderQueue } from './queue.js';
import { state } from './state.js';
import { clearSummary, renderSummary } from './summary.js';
import { appendLines } from './transcript.js';

export function openConversation(handoff, fromClaim) {
  if (state.open) { state.drafts.set(state.open.id, ui.reply.value); }
  const wasTicket = handoff.status === 'ticket' || state.items.some(item => item.id === handoff.id && item.status === 'ticket');
  state.open = { id: handoff.id, handoff, seqs: new Set(), watermark: 0, fromTicket: wasTicket };
  state.unread.delete(handoff.id);
  ui.transcript.replaceChildren();
  appendLines(handoff.transcript || [], handoff.watermark, handoff.votes);
  renderHandoff(handoff);
  ui.reply.value = state.drafts.get(handoff.id) || '';
  ui.empty.hidden = true;
  ui.open.hidden = false;
  ui.transcript.scrollTop = ui.transcript.scrollHeight;
  renderQueue();
  ui.reply.focus();
  if (!fromClaim) { refreshTranscript(); }
}

export function closeConversation(moveFocus) {
  if (state.open) { state.drafts.delete(state.open.id); }
  state.open = null;
  ui.open.hidden = true;
  ui.empty.hidden = false;
  ui.transcript.replaceChildren();
  clearSummary();
  ui.reply.value = '';
  if (state.agent) { renderQueue(); }
  if (moveFocus) { ui.queueHeading.focus(); }
}

function renderHandoff(handoff) {
  state.open.handoff = handoff;
  ui.heading.textContent = shopperName(handoff);
  ui.meta.replaceChildren(...[
    reasonText(handoff),
    intentText(handoff),
    languageText(handoff) ? 'writes in ' + languageText(handoff) : null,
    handoff.channel_id ? 'via ' + handoff.channel_id : null
  ].filter(Boolean).flatMap((part, index) => (index ? [el('span', { className: 'sep', 'aria-hidden': 'true' }, ' · '), part] : [part])));

  if (handoff.email) {
    ui.ticket.replaceChildren(
      state.open.fromTicket
        ? 'Ticket: the shopper left a message while no agent was online. Reply by e-mail: '
        : 'Shopper’s e-mail: ',
      el('a', { href: mailto(handoff.email) }, handoff.email));
    ui.ticket.hidden = false;
  } else {
    ui.ticket.hidden = true;
    ui.ticket.replaceChildren();
  }

  renderSummary(handoff);

  if (handoff.suggested_reply) {
    ui.suggestionText.textContent = handoff.suggested_reply;
    ui.suggestionSource.textContent = handoff.suggested_source ? 'From the help centre: ' + handoff.suggested_source : '';
    ui.suggestionSource.hidden = !handoff.suggested_source;
    ui.suggestion.hidden = false;
  } else {
    ui.suggestion.hidden = true;
  }
}

/** Fetches the lines after the last one shown; a chat the server no longer has is closed. */
export const refreshTranscript = coalesced(async () => {
  const open = state.open;
  if (!open) { return; }
  try {
    const data = await api('GET', handoffPath(open.id, `/transcript?after=${encodeURIComponent(open.watermark)}`));
    if (state.open === open) { appendLines(Array.isArray(data?.lines) ? data.lines : [], data?.watermark, data?.votes); }
  } catch (error) {
    if (error instanceof ApiError && error.status === 404 && state.open === open) {
      closeConversation(true);
      showNotice('That chat is no longer open.');
    } else {
      report(error);
    }
  }
});

/** Fetches the whole handoff again (the server said it changed: a new summary, e-mail or suggestion). */
export const refreshOpenHandoff = coalesced(async () => {
  const open = state.open;
  if (!open) { return; }
  try {
    const handoff = await api('GET', handoffPath(open.id));
    if (state.open === open) {
      renderHandoff(handoff);
      appendLines(handoff.transcript || [], handoff.watermark, handoff.votes);
    }
  } catch (error) {
    report(error);
  }
});
