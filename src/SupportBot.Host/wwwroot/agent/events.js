// Live notices from the server (server-sent events): queue changes and new messages. While this stream is connected
// the agent counts as online; when it drops, it comes back with a growing delay.
import { api, ApiError, openEvents } from './api.js';
import { announceNewChat, flashTitle } from './attention.js';
import { closeConversation, refreshOpenHandoff, refreshTranscript } from './conversation.js';
import { report, showNotice } from './notices.js';
import { setConnection } from './presence.js';
import { focusQueueItem, refreshQueue } from './queue.js';
import { state } from './state.js';

let events = null;
let reconnectDelay = 1000;
let reconnectTimer = null;

export function disconnectEvents() {
  clearTimeout(reconnectTimer);
  if (events) {
    events.close();
    events = null;
  }
}

export function connectEvents() {
  disconnectEvents();
  setConnection('connecting');
  const source = openEvents();
  events = source;
  source.addEventListener('open', () => {
    if (events !== source) { return; }
    reconnectDelay = 1000;
    setConnection('online');
    // A first connection or a reconnection: whatever happened meanwhile is only in the server's state.
    refreshAll();
  });
  source.addEventListener('error', () => {
    if (events !== source) { return; }
    if (source.readyState === EventSource.CLOSED) {
      // The browser gave up (an HTTP error such as 401, or a bad response); find out which and try again later.
      setConnection('offline');
      scheduleReconnect();
    } else {
      setConnection('reconnecting');
    }
  });
  source.addEventListener('queue', event => {
    const data = parseEvent(event);
    if (data) { onQueueEvent(data); }
  });
  source.addEventListener('message', event => {
    const data = parseEvent(event);
    if (data) { onMessageEvent(data); }
  });
}

function parseEvent(event) {
  try { return JSON.parse(event.data); } catch { return null; }
}

function scheduleReconnect() {
  clearTimeout(reconnectTimer);
  const wait = reconnectDelay;
  reconnectDelay = Math.min(wait * 2, 30000);
  reconnectTimer = setTimeout(async () => {
    if (!state.agent) { return; }
    try {
      await api('GET', '/session');
      connectEvents();
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) { report(error); } else { scheduleReconnect(); }
    }
  }, wait);
}

function refreshAll() {
  refreshQueue();
  if (state.open) { refreshTranscript(); }
}

function onQueueEvent({ id, change }) {
  const isOpen = state.open && state.open.id === id;
  if (isOpen && (change === 'resolved' || change === 'returned') && state.closing !== id) {
    closeConversation(true);
    showNotice(change === 'resolved' ? 'That chat was resolved.' : 'That chat went back to the bot.');
  } else if (isOpen && change === 'updated') {
    refreshOpenHandoff();
  }
  refreshQueue().then(() => {
    if (change === 'added') { announceNewChat(id, focusQueueItem); }
  });
}

function onMessageEvent({ handoff_id: id }) {
  if (state.open && state.open.id === id) {
    refreshTranscript();
    if (document.hidden) { flashTitle('New message'); }
  } else if (id) {
    state.unread.add(id);
    refreshQueue();
    flashTitle('New message');
  }
}
