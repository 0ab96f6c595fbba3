// The agent console: sign in, watch the human queue, claim a chat, read what the bot gathered, reply, hand back or resolve.
// Server text only ever reaches the page through textContent (or text nodes), never as markup.
(function () {
  'use strict';

  const API = '/agent/api';
  const TITLE = document.title;
  const $ = id => document.getElementById(id);

  const ui = {
    account: $('account'), connection: $('connection'), agentsOnline: $('agents-online'), signedInAs: $('signed-in-as'),
    signOut: $('sign-out'), alert: $('alert'), alertDismiss: $('alert-dismiss'), notice: $('notice'),
    signIn: $('sign-in'), signInForm: $('sign-in-form'), workspace: $('workspace'),
    queue: $('queue'), queueHeading: $('queue-heading'), queueCount: $('queue-count'),
    empty: $('conversation-empty'), open: $('conversation-open'), heading: $('conversation-heading'), meta: $('conversation-meta'),
    ticket: $('ticket'), transcript: $('transcript'), summary: $('summary'),
    suggestion: $('suggestion'), suggestionText: $('suggestion-text'), suggestionSource: $('suggestion-source'),
    useSuggestion: $('use-suggestion'), replyForm: $('reply-form'), reply: $('reply'), send: $('send'),
    returnButton: $('return'), resolveButton: $('resolve')
  };

  const state = {
    agent: null,
    items: [],
    receivedAt: 0,
    agentsOnline: null,
    open: null,          // { id, handoff, seqs: Set, watermark, fromTicket }
    unread: new Set(),   // handoff ids of own chats with messages not yet seen
    drafts: new Map(),   // handoff id → unsent reply text, kept while the agent switches chats
    pending: null,       // { handoffId, text, clientId } — the message being sent, reused on retry so the server dedupes
    sending: false,
    closing: null,       // handoff id this console is resolving or returning itself
    events: null,
    reconnectDelay: 1000,
    reconnectTimer: null
  };

  // ---------- small helpers ----------

  /** Builds an element; children may be nodes or strings (strings become text nodes, never markup). */
  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === null || value === undefined || value === false) { continue; }
      if (name === 'className') {
        node.className = value;
      } else if (name === 'dataset') {
        Object.assign(node.dataset, value);
      } else if (name.startsWith('on')) {
        node.addEventListener(name.slice(2), value);
      } else {
        node.setAttribute(name, value === true ? '' : String(value));
      }
    }
    node.append(...children.filter(child => child !== null && child !== undefined && child !== false));
    return node;
  }

  const delay = ms => new Promise(resolve => setTimeout(resolve, ms));
  const words = key => { const text = String(key).replace(/[_-]+/g, ' ').trim(); return text.charAt(0).toUpperCase() + text.slice(1); };
  const percent = value => typeof value === 'number' && Number.isFinite(value) ? Math.round(value * 100) + '%' : null;
  const shopperName = item => (item.shopper_name && String(item.shopper_name).trim()) || 'Shopper';

  function intentText(item) {
    if (!item.intent) { return null; }
    const confidence = percent(item.confidence);
    return words(item.intent) + (confidence ? ' · ' + confidence : '');
  }

  function waitText(seconds) {
    const s = Math.max(0, Math.floor(seconds));
    if (s < 60) { return s + ' s'; }
    const minutes = Math.floor(s / 60);
    if (minutes < 60) { return minutes + ' min'; }
    const hours = Math.floor(minutes / 60);
    return hours + ' h ' + (minutes % 60) + ' min';
  }

  function clockText(timestamp) {
    const date = new Date(timestamp);
    return Number.isNaN(date.getTime()) ? '' : date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  }

  function mailto(email) {
    return 'mailto:' + encodeURIComponent(email).replace(/%40/g, '@') + '?subject=' + encodeURIComponent('Your message to Larkspur & Pine');
  }

  /** crypto.randomUUID needs a secure context; an intranet console on plain http still gets a v4 UUID. */
  function newClientId() {
    if (typeof crypto.randomUUID === 'function') { return crypto.randomUUID(); }
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  // ---------- talking to the server ----------

  class ApiError extends Error {
    constructor(status, detail, network = false) {
      super(detail);
      this.status = status;
      this.network = network;
    }
  }

  async function api(method, path, body) {
    const init = { method, credentials: 'same-origin', headers: { Accept: 'application/json' } };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    let response;
    try {
      response = await fetch(API + path, init);
    } catch {
      throw new ApiError(0, 'Could not reach the server. Check your connection and try again.', true);
    }
    const text = await response.text().catch(() => '');
    let data = null;
    if (text) {
      try { data = JSON.parse(text); } catch { data = null; }
    }
    if (!response.ok) {
      const detail = (data && (data.detail || data.title)) || `The server answered ${response.status} ${response.statusText}`.trim();
      throw new ApiError(response.status, detail, response.status === 502 || response.status === 503 || response.status === 504);
    }
    return data;
  }

  /** Shows an error to the agent; a 401 anywhere means the session is gone, so the sign-in form comes back. */
  function report(error) {
    if (error instanceof ApiError && error.status === 401) {
      showSignIn('Your session has ended. Please sign in again.');
      return;
    }
    showAlert(error instanceof ApiError ? error.message : 'Something went wrong: ' + (error && error.message ? error.message : error));
    if (!(error instanceof ApiError)) { console.error(error); }
  }

  function showAlert(text) {
    ui.alert.textContent = text;
    ui.alertDismiss.hidden = false;
  }

  function clearAlert() {
    ui.alert.textContent = '';
    ui.alertDismiss.hidden = true;
  }

  let noticeTimer = null;
  function showNotice(text) {
    ui.notice.textContent = text;
    clearTimeout(noticeTimer);
    noticeTimer = setTimeout(() => { ui.notice.textContent = ''; }, 8000);
  }

  /** Runs task at most once at a time; calls made meanwhile fold into one more run after it. */
  function coalesced(task) {
    let running = null;
    let again = false;
    return function run() {
      if (running) { again = true; return running; }
      running = (async () => {
        try {
          do { again = false; await task(); } while (again);
        } finally {
          running = null;
        }
      })();
      return running;
    };
  }

  // ---------- session ----------

  function showSignIn(message) {
    disconnectEvents();
    state.agent = null;
    state.items = [];
    state.unread.clear();
    state.drafts.clear();
    state.pending = null;
    closeConversation(false);
    ui.workspace.hidden = true;
    ui.account.hidden = true;
    ui.signIn.hidden = false;
    ui.signInForm.elements.password.value = '';
    document.title = TITLE;
    if (message) { showAlert(message); }
    ui.signInForm.elements.id.focus();
  }

  function signedIn(agent, moveFocus) {
    state.agent = agent;
    ui.signedInAs.textContent = 'Signed in as ' + (agent.name || agent.id);
    ui.account.hidden = false;
    ui.signIn.hidden = true;
    ui.workspace.hidden = false;
    renderAgentsOnline();
    renderQueue();
    connectEvents();
    refreshQueue();
    if (moveFocus) { ui.queueHeading.focus(); }
  }

  ui.signInForm.addEventListener('submit', async event => {
    event.preventDefault();
    // Both need the click's user activation, so they come before the first await.
    if ('Notification' in window && Notification.permission === 'default') {
      try { Promise.resolve(Notification.requestPermission()).catch(() => {}); } catch { /* older API shapes */ }
    }
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
  });

  ui.signOut.addEventListener('click', async () => {
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
  });

  ui.alertDismiss.addEventListener('click', clearAlert);

  // ---------- live events ----------

  function setConnection(kind) {
    const text = { online: 'Online', reconnecting: 'Reconnecting…', offline: 'Offline', connecting: 'Connecting…' }[kind];
    ui.connection.dataset.state = kind;
    ui.connection.textContent = text;
    ui.connection.title = kind === 'online' ? 'You count as online while this page is connected.' : 'You do not count as online until the connection is back.';
  }

  function disconnectEvents() {
    clearTimeout(state.reconnectTimer);
    if (state.events) {
      state.events.close();
      state.events = null;
    }
  }

  function connectEvents() {
    disconnectEvents();
    setConnection('connecting');
    const source = new EventSource(API + '/events', { withCredentials: true });
    state.events = source;
    source.addEventListener('open', () => {
      if (state.events !== source) { return; }
      state.reconnectDelay = 1000;
      setConnection('online');
      // A first connection or a reconnection: whatever happened meanwhile is only in the server's state.
      refreshAll();
    });
    source.addEventListener('error', () => {
      if (state.events !== source) { return; }
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
    clearTimeout(state.reconnectTimer);
    const wait = state.reconnectDelay;
    state.reconnectDelay = Math.min(wait * 2, 30000);
    state.reconnectTimer = setTimeout(async () => {
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
      if (change === 'added') { announceNewChat(id); }
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

  // ---------- new-chat alerts: sound, desktop notification, title ----------

  let audio = null;
  function unlockAudio() {
    try {
      const Context = window.AudioContext || window.webkitAudioContext;
      if (!Context) { return; }
      if (!audio) { audio = new Context(); }
      if (audio.state === 'suspended') { audio.resume().catch(() => {}); }
    } catch { audio = null; }
  }
  // An agent who arrives already signed in has not clicked anything yet; the first interaction lets sound play.
  document.addEventListener('pointerdown', unlockAudio, { once: true });
  document.addEventListener('keydown', unlockAudio, { once: true });

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

  function notify(item) {
    try {
      if (!('Notification' in window) || Notification.permission !== 'granted') { return; }
      const notification = new Notification('New chat waiting: ' + (item.reason_text || 'a shopper needs help'), {
        body: item.last_message ? shopperName(item) + ': ' + item.last_message : shopperName(item),
        tag: 'handoff-' + item.id
      });
      notification.onclick = () => {
        window.focus();
        const button = queueButton(item.id);
        if (button) { button.focus(); }
        notification.close();
      };
    } catch { /* some browsers only allow notifications from a service worker */ }
  }

  let flashTimer = null;
  function flashTitle(text) {
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

  function queueTitle() {
    const waiting = state.items.filter(item => item.status !== 'assigned').length;
    return waiting ? `(${waiting}) ${TITLE}` : TITLE;
  }

  function renderTitle() {
    if (!flashTimer) { document.title = state.agent ? queueTitle() : TITLE; }
  }

  function announceNewChat(id) {
    const item = state.items.find(candidate => candidate.id === id);
    if (!item || item.status === 'assigned') { return; }
    beep();
    notify(item);
    flashTitle('New chat waiting');
  }

  // ---------- the queue ----------

  const refreshQueue = coalesced(async () => {
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

  function renderAgentsOnline() {
    const n = state.agentsOnline;
    ui.agentsOnline.textContent = n === null ? '' : `${n} ${n === 1 ? 'agent' : 'agents'} online`;
  }

  function queueButton(id) {
    const row = Array.from(ui.queue.children).find(li => li.dataset.handoffId === id);
    return row ? row.querySelector('button') : null;
  }

  // Rows are kept and only moved or replaced when their content changes, so a refresh (one per server event) does not
  // swallow a click in progress or move keyboard focus.
  const rows = new Map();   // handoff id → { key, node }
  const emptyRow = el('li', { className: 'queue-empty' }, 'No one is waiting.');

  function renderQueue() {
    const focusedId = ui.queue.contains(document.activeElement) ? document.activeElement.closest('li')?.dataset.handoffId : null;
    const nodes = state.items.map(item => {
      const key = JSON.stringify([item.status, item.shopper_name, item.reason, item.reason_text, item.intent, item.confidence,
        item.email, item.priority, item.last_message, item.created_at, state.unread.has(item.id), state.open?.id === item.id]);
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

    const waiting = state.items.filter(item => item.status !== 'assigned').length;
    ui.queueCount.textContent = state.items.length ? `${waiting} waiting` : '';
    if (focusedId && !ui.queue.contains(document.activeElement)) {
      const button = queueButton(focusedId);
      if (button) { button.focus(); } else { ui.queueHeading.focus(); }
    }
    tick();
    renderTitle();
  }

  function renderQueueItem(item) {
    const mine = item.status === 'assigned';
    const nameId = 'queue-name-' + item.id;
    let status;
    if (mine) {
      status = el('span', { className: 'status status--yours' }, 'Yours');
    } else if (item.status === 'ticket') {
      status = el('span', { className: 'status status--ticket' }, 'Ticket',
        item.email ? el('span', null, ' · ', el('a', { href: mailto(item.email) }, item.email)) : ' · no e-mail');
    } else {
      status = el('span', { className: 'status status--queued' }, 'Queued');
    }
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
    el('p', { className: 'item-reason' }, item.reason_text || words(item.reason || 'handoff')),
    el('p', { className: 'item-facts' },
      status,
      intentText(item) ? el('span', { className: 'intent' }, intentText(item)) : null,
      typeof item.priority === 'number' ? el('span', { className: 'priority', title: 'Priority ' + item.priority }, 'P' + item.priority) : null),
    item.last_message ? el('p', { className: 'item-last' }, item.last_message) : null,
    el('button', {
      type: 'button',
      className: mine ? '' : 'primary',
      'aria-describedby': nameId,
      onclick: event => (mine ? openOwn(item.id, event.currentTarget) : claim(item.id, event.currentTarget))
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
  setInterval(tick, 1000);
  // A safety net for when the event stream is down: the queue still refreshes now and then.
  setInterval(() => { if (state.agent && ui.connection.dataset.state !== 'online') { refreshQueue(); } }, 30000);

  async function claim(id, button) {
    button.disabled = true;
    try {
      const handoff = await api('POST', `/handoffs/${encodeURIComponent(id)}/claim`);
      clearAlert();
      openConversation(handoff, true);
    } catch (error) {
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

  async function openOwn(id, button) {
    button.disabled = true;
    try {
      const handoff = await api('GET', `/handoffs/${encodeURIComponent(id)}`);
      openConversation(handoff, false);
    } catch (error) {
      report(error);
      if (error instanceof ApiError && error.status === 404) { refreshQueue(); }
    } finally {
      button.disabled = false;
    }
  }

  // ---------- the open conversation ----------

  function openConversation(handoff, fromClaim) {
    if (state.open) { state.drafts.set(state.open.id, ui.reply.value); }
    const wasTicket = handoff.status === 'ticket' || state.items.some(item => item.id === handoff.id && item.status === 'ticket');
    state.open = { id: handoff.id, handoff, seqs: new Set(), watermark: 0, fromTicket: wasTicket };
    state.unread.delete(handoff.id);
    ui.transcript.replaceChildren();
    appendLines(handoff.transcript || [], handoff.watermark);
    renderHandoff(handoff);
    ui.reply.value = state.drafts.get(handoff.id) || '';
    ui.empty.hidden = true;
    ui.open.hidden = false;
    ui.transcript.scrollTop = ui.transcript.scrollHeight;
    renderQueue();
    ui.reply.focus();
    if (!fromClaim) { refreshTranscript(); }
  }

  function closeConversation(moveFocus) {
    if (state.open) { state.drafts.delete(state.open.id); }
    state.open = null;
    ui.open.hidden = true;
    ui.empty.hidden = false;
    ui.transcript.replaceChildren();
    ui.summary.replaceChildren();
    ui.reply.value = '';
    if (state.agent) { renderQueue(); }
    if (moveFocus) { ui.queueHeading.focus(); }
  }

  function renderHandoff(handoff) {
    state.open.handoff = handoff;
    ui.heading.textContent = shopperName(handoff);
    ui.meta.replaceChildren(...[
      handoff.reason_text || words(handoff.reason || 'handoff'),
      intentText(handoff),
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

  function table(caption, entries) {
    if (!entries.length) { return el('p', { className: 'muted' }, 'Nothing yet.'); }
    return el('table', null,
      el('caption', { className: 'visually-hidden' }, caption),
      el('tbody', null, ...entries.map(([key, value]) => el('tr', null, el('th', { scope: 'row' }, words(key)), el('td', null, String(value))))));
  }

  function renderSummary(handoff) {
    const slots = Object.entries(handoff.slots || {}).filter(([, value]) => value !== null && value !== '');
    const signals = Object.entries(handoff.signals || {});
    const facts = [
      ['Reason', handoff.reason_text || words(handoff.reason || '')],
      handoff.intent ? ['Intent', intentText(handoff)] : null,
      typeof handoff.priority === 'number' ? ['Priority', String(handoff.priority)] : null,
      handoff.created_at ? ['Handed off', new Date(handoff.created_at).toLocaleString()] : null
    ].filter(Boolean);
    ui.summary.replaceChildren(
      el('h3', null, 'Summary'),
      el('p', { className: 'summary-text' }, handoff.summary || 'The bot left no summary.'),
      el('h3', null, 'Why it came to a person'),
      table('Why it came to a person', facts),
      el('h3', null, 'What the bot collected'),
      table('What the bot collected', slots),
      el('h3', null, 'Signals'),
      table('Signals', signals));
  }

  const SPEAKERS = { shopper: 'shopper', bot: 'bot', agent: 'agent' };

  function appendLines(lines, watermark) {
    const open = state.open;
    const nearBottom = ui.transcript.scrollHeight - ui.transcript.scrollTop - ui.transcript.clientHeight < 60;
    const fresh = lines.filter(line => line && typeof line.seq === 'number' && !open.seqs.has(line.seq)).sort((a, b) => a.seq - b.seq);
    for (const line of fresh) {
      open.seqs.add(line.seq);
      const from = SPEAKERS[line.from] || 'bot';
      ui.transcript.append(el('li', { className: 'line line--' + from, dataset: { seq: String(line.seq) } },
        el('div', { className: 'line-head' },
          el('span', { className: 'who' }, line.name || words(from)),
          line.name && line.name.trim().toLowerCase() !== from ? el('span', { className: 'role' }, from) : null,
          el('time', { datetime: line.timestamp || null, title: line.timestamp ? new Date(line.timestamp).toLocaleString() : null }, clockText(line.timestamp))),
        el('p', { className: 'line-text' }, line.text || '')));
    }
    if (typeof watermark === 'number' && watermark > open.watermark) { open.watermark = watermark; }
    if (!ui.transcript.children.length) {
      ui.transcript.append(el('li', { className: 'muted' }, 'No messages yet.'));
    } else {
      for (const placeholder of ui.transcript.querySelectorAll('li.muted')) { placeholder.remove(); }
    }
    if (fresh.length && nearBottom) { ui.transcript.scrollTop = ui.transcript.scrollHeight; }
  }

  const refreshTranscript = coalesced(async () => {
    const open = state.open;
    if (!open) { return; }
    try {
      const data = await api('GET', `/handoffs/${encodeURIComponent(open.id)}/transcript?after=${encodeURIComponent(open.watermark)}`);
      if (state.open === open) { appendLines(Array.isArray(data?.lines) ? data.lines : [], data?.watermark); }
    } catch (error) {
      if (error instanceof ApiError && error.status === 404 && state.open === open) {
        closeConversation(true);
        showNotice('That chat is no longer open.');
      } else {
        report(error);
      }
    }
  });

  const refreshOpenHandoff = coalesced(async () => {
    const open = state.open;
    if (!open) { return; }
    try {
      const handoff = await api('GET', `/handoffs/${encodeURIComponent(open.id)}`);
      if (state.open === open) {
        renderHandoff(handoff);
        appendLines(handoff.transcript || [], handoff.watermark);
      }
    } catch (error) {
      report(error);
    }
  });

  ui.useSuggestion.addEventListener('click', () => {
    const text = state.open?.handoff?.suggested_reply;
    if (!text) { return; }
    ui.reply.value = text;
    ui.reply.focus();
    ui.reply.setSelectionRange(text.length, text.length);
  });

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

  async function postMessage(message) {
    const path = `/handoffs/${encodeURIComponent(message.handoffId)}/messages`;
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

  async function send() {
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

  async function finish(action) {
    const open = state.open;
    if (!open) { return; }
    ui.returnButton.disabled = true;
    ui.resolveButton.disabled = true;
    state.closing = open.id;
    try {
      await api('POST', `/handoffs/${encodeURIComponent(open.id)}/${action}`);
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

  ui.returnButton.addEventListener('click', () => finish('return'));
  ui.resolveButton.addEventListener('click', () => finish('resolve'));

  // ---------- start ----------

  (async () => {
    try {
      signedIn(await api('GET', '/session'), false);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        showSignIn();
      } else {
        showSignIn();
        report(error);
      }
    }
  })();
})();
