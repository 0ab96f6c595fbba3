// Signing in and out. Signed in, the console shows the workspace and listens for live notices; signed out (or when
// the server says the session is gone) everything the agent had open is forgotten and the sign-in form comes back.
import { api, ApiError } from './api.js';
import { askForNotifications, resetTitle, unlockAudio } from './attention.js';
import { closeConversation } from './conversation.js';
import { ui } from './dom.js';
import { connectEvents, disconnectEvents } from './events.js';
import { clearAlert, report, showAlert, showNotice } from './notices.js';
import { renderAgentsOnline } from './presence.js';
import { refreshQueue, renderQueue } from './queue.js';
import { state } from './state.js';
import { hideViews, showView } from './views.js';

export function showSignIn(message) {
  disconnectEvents();
  state.agent = null;
  state.items = [];
  state.unread.clear();
  state.drafts.clear();
  state.pending = null;
  closeConversation(false);
  hideViews();
  ui.account.hidden = true;
  ui.signIn.hidden = false;
  ui.signInForm.elements.password.value = '';
  resetTitle();
  if (message) { showAlert(message); }
  ui.signInForm.elements.id.focus();
}

function signedIn(agent, moveFocus) {
  state.agent = agent;
  ui.signedInAs.textContent = 'Signed in as ' + (agent.name || agent.id);
  ui.account.hidden = false;
  ui.signIn.hidden = true;
  renderAgentsOnline();
  renderQueue();
  connectEvents();
  refreshQueue();
  showView(moveFocus);
}

export async function signIn(event) {
  event.preventDefault();
  // Both need the click's user activation, so they come before the first await.
  askForNotifications();
  unlockAudio();
  const form = ui.signInForm.elements;
  const id = form.id.value.trim();
  const password = form.password.value;
  if (!id || !password) {
    showAlert('Enter your agent ID and password.');
    (id ? form.password : form.id).focus();
    return;
  }
  const button = ui.signInForm.querySelector('button[type="submit"]');
  button.disabled = true;
  try {
    const agent = await api('POST', '/session', { id, password });
    clearAlert();
    form.password.value = '';
    signedIn(agent, true);
  } catch (error) {
    // Here a 401 means wrong credentials, not an expired session.
    showAlert(error instanceof ApiError ? error.message : String(error));
    form.password.select();
    form.password.focus();
  } finally {
    button.disabled = false;
  }
}

export async function signOut() {
  ui.signOut.disabled = true;
  try {
    await api('DELETE', '/session');
    clearAlert();
    showSignIn();
    showNotice('You are signed out.');
  } catch (error) {
    report(error);
  } finally {
    ui.signOut.disabled = false;
  }
}

/** On load: an agent whose cookie is still good goes straight to the workspace. */
export async function resumeSession() {
  try {
    signedIn(await api('GET', '/session'), false);
  } catch (error) {
    showSignIn();
    if (!(error instanceof ApiError && error.status === 401)) { report(error); }
  }
}
