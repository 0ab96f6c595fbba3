// What the agent does with a chat: claim it from the queue, open one of their own, hand it back to the bot or resolve it.
import { api, ApiError, handoffPath } from './api.js';
import { closeConversation, openConversation } from './conversation.js';
import { ui } from './dom.js';
import { shopperName } from './format.js';
import { clearAlert, report, showAlert, showNotice } from './notices.js';
import { refreshQueue } from './queue.js';
import { state } from './state.js';

export async function claim(id, button) {
  button.disabled = true;
  try {
    const handoff = await api('POST', handoffPath(id, '/claim'));
    clearAlert();
    openConversation(handoff, true);
  } catch (error) {
    // 409: another agent was quicker, which is news, not a failure.
    if (error instanceof ApiError && error.status === 409) {
      showAlert(error.message);
    } else {
      report(error);
    }
  } finally {
    button.disabled = false;
    refreshQueue();
  }
}

export async function openOwn(id, button) {
  button.disabled = true;
  try {
    const handoff = await api('GET', handoffPath(id));
    openConversation(handoff, false);
  } catch (error) {
    report(error);
    if (error instanceof ApiError && error.status === 404) { refreshQueue(); }
  } finally {
    button.disabled = false;
  }
}

/** action: "return" (back to the bot) or "resolve" (the bot then asks the shopper for a rating). */
export async function finish(action) {
  const open = state.open;
  if (!open) { return; }
  ui.returnButton.disabled = true;
  ui.resolveButton.disabled = true;
  state.closing = open.id;
  try {
    await api('POST', handoffPath(open.id, '/' + action));
    clearAlert();
    if (state.open === open) { closeConversation(true); }
    showNotice(action === 'resolve'
      ? `${shopperName(open.handoff)}’s chat is resolved; the bot will ask for a rating.`
      : `${shopperName(open.handoff)} is back with the bot.`);
  } catch (error) {
    report(error);
  } finally {
    state.closing = null;
    ui.returnButton.disabled = false;
    ui.resolveButton.disabled = false;
    refreshQueue();
  }
}
