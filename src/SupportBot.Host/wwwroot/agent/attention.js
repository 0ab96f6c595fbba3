// Getting the agent's attention for a new chat or message: a short tone, a desktop notification, a flashing title.
import { shopperName } from './format.js';
import { state, waitingCount } from './state.js';

const TITLE = document.title;
let audio = null;
let flashTimer = null;

/** Sound needs a user gesture first: sign-in calls this, and so does an already signed-in agent's first click or key. */
export function unlockAudio() {
  try {
    const Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) { return; }
    if (!audio) { audio = new Context(); }
    if (audio.state === 'suspended') { audio.resume().catch(() => {}); }
  } catch { audio = null; }
}

/** Asks once for desktop notifications; it needs the sign-in click's user activation, so it runs before any await. */
export function askForNotifications() {
  if ('Notification' in window && Notification.permission === 'default') {
    try { Promise.resolve(Notification.requestPermission()).catch(() => {}); } catch { /* older API shapes */ }
  }
}

function beep() {
  try {
    if (!audio || audio.state !== 'running') { return; }
    const start = audio.currentTime;
    const tone = audio.createOscillator();
    const volume = audio.createGain();
    tone.type = 'sine';
    tone.frequency.setValueAtTime(880, start);
    tone.frequency.setValueAtTime(660, start + 0.12);
    volume.gain.setValueAtTime(0.0001, start);
    volume.gain.exponentialRampToValueAtTime(0.2, start + 0.02);
    volume.gain.exponentialRampToValueAtTime(0.0001, start + 0.3);
    tone.connect(volume).connect(audio.destination);
    tone.start(start);
    tone.stop(start + 0.32);
  } catch { /* sound is a nicety; autoplay rules may forbid it */ }
}

function notify(item, focusItem) {
  try {
    if (!('Notification' in window) || Notification.permission !== 'granted') { return; }
    const notification = new Notification('New chat waiting: ' + (item.reason_text || 'a shopper needs help'), {
      body: item.last_message ? shopperName(item) + ': ' + item.last_message : shopperName(item),
      tag: 'handoff-' + item.id
    });
    notification.onclick = () => {
      window.focus();
      focusItem(item.id);
      notification.close();
    };
  } catch { /* some browsers only allow notifications from a service worker */ }
}

function queueTitle() {
  const waiting = waitingCount();
  return waiting ? `(${waiting}) ${TITLE}` : TITLE;
}

/** The tab's title: the number waiting while signed in; left alone while it flashes. */
export function renderTitle() {
  if (!flashTimer) { document.title = state.agent ? queueTitle() : TITLE; }
}

export function resetTitle() {
  document.title = TITLE;
}

export function flashTitle(text) {
  clearInterval(flashTimer);
  let ticks = 0;
  flashTimer = setInterval(() => {
    ticks += 1;
    const done = (ticks >= 6 && document.hasFocus() && !document.hidden) || ticks >= 120;
    if (done && ticks % 2 === 0) {
      clearInterval(flashTimer);
      flashTimer = null;
      renderTitle();
      return;
    }
    document.title = ticks % 2 ? '● ' + text : queueTitle();
  }, 1000);
  document.title = '● ' + text;
}

/** A chat that has just joined the queue: tone, notification (clicking it focuses the entry) and title. */
export function announceNewChat(id, focusItem) {
  const item = state.items.find(candidate => candidate.id === id);
  if (!item || item.status === 'assigned') { return; }
  beep();
  notify(item, focusItem);
  flashTitle('New chat waiting');
}
