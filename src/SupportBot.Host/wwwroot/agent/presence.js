// Whether this console counts as online (its event stream is connected), and how many agents are.
import { ui } from './dom.js';
import { state } from './state.js';

const LABELS = { online: 'Online', reconnecting: 'Reconnecting…', offline: 'Offline', connecting: 'Connecting…' };

export function setConnection(kind) {
  ui.connection.dataset.state = kind;
  ui.connection.textContent = LABELS[kind];
  ui.connection.title = kind === 'online' ? 'You count as online while this page is connected.' : 'You do not count as online until the connection is back.';
}

export const isOnline = () => ui.connection.dataset.state === 'online';

export function renderAgentsOnline() {
  const n = state.agentsOnline;
  ui.agentsOnline.textContent = n === null ? '' : `${n} ${n === 1 ? 'agent' : 'agents'} online`;
}
