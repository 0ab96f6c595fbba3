// Messages to the agent: an alert that stays until dismissed, a notice that fades, and one way to report an error.
import { ApiError } from './api.js';
import { ui } from './dom.js';

let sessionEnded = () => {};
let noticeTimer = null;

/** What to do when the server says the session is gone (a 401 anywhere); the session module brings sign-in back. */
export function whenSessionEnds(handler) {
  sessionEnded = handler;
}

export function showAlert(text) {
  ui.alert.textContent = text;
  ui.alertDismiss.hidden = false;
}

export function clearAlert() {
  ui.alert.textContent = '';
  ui.alertDismiss.hidden = true;
}

export function showNotice(text) {
  ui.notice.textContent = text;
  clearTimeout(noticeTimer);
  noticeTimer = setTimeout(() => { ui.notice.textContent = ''; }, 8000);
}

/** Shows an error to the agent; a 401 anywhere means the session is gone, so the sign-in form comes back. */
export function report(error) {
  if (error instanceof ApiError && error.status === 401) {
    sessionEnded('Your session has ended. Please sign in again.');
    return;
  }
  showAlert(error instanceof ApiError ? error.message : 'Something went wrong: ' + (error && error.message ? error.message : error));
  if (!(error instanceof ApiError)) { console.error(error); }
}
