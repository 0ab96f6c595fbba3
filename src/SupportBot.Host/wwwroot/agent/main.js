// The agent console: sign in, watch the human queue, claim a chat, read what the bot gathered, reply, hand back or
// resolve. This module only connects the page's controls to the modules that do each job.
import { claim, finish, openOwn } from './actions.js';
import { unlockAudio } from './attention.js';
import { ui } from './dom.js';
import { clearAlert, whenSessionEnds } from './notices.js';
import { isOnline } from './presence.js';
import { startQueueClock } from './queue.js';
import { send, useSuggestion } from './reply.js';
import { resumeSession, showSignIn, signIn, signOut } from './session.js';
import { state } from './state.js';
import { showView } from './views.js';

whenSessionEnds(showSignIn);

ui.signInForm.addEventListener('submit', signIn);
ui.signOut.addEventListener('click', signOut);
ui.alertDismiss.addEventListener('click', clearAlert);
// The top bar's Queue and Insights links change only the address; a signed-out visitor stays on the sign-in form.
window.addEventListener('hashchange', () => { if (state.agent) { showView(true); } });

// An agent who arrives already signed in has not clicked anything yet; the first interaction lets sound play.
document.addEventListener('pointerdown', unlockAudio, { once: true });
document.addEventListener('keydown', unlockAudio, { once: true });

ui.queue.addEventListener('click', event => {
  const button = event.target.closest('button[data-action]');
  const id = button?.closest('li')?.dataset.handoffId;
  if (!id) { return; }
  if (button.dataset.action === 'open') { openOwn(id, button); } else { claim(id, button); }
});

ui.useSuggestion.addEventListener('click', useSuggestion);
ui.reply.addEventListener('keydown', event => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    send();
  }
});
ui.replyForm.addEventListener('submit', event => {
  event.preventDefault();
  send();
});
ui.returnButton.addEventListener('click', () => finish('return'));
ui.resolveButton.addEventListener('click', () => finish('resolve'));

startQueueClock(isOnline);
resumeSession();
