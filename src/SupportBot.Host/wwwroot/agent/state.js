// What the console knows at this moment; every module reads and changes this one object.
export const state = {
  agent: null,
  items: [],
  receivedAt: 0,
  agentsOnline: null,
  open: null,          // { id, handoff, seqs: Set, watermark, fromTicket }
  unread: new Set(),   // handoff ids of own chats with messages not yet seen
  drafts: new Map(),   // handoff id → unsent reply text, kept while the agent switches chats
  pending: null,       // { handoffId, text, clientId } — the message being sent, reused on retry so the server dedupes
  sending: false,
  closing: null        // handoff id this console is resolving or returning itself
};

/** Queue entries no agent has taken yet (queued chats and tickets). */
export const waitingCount = () => state.items.filter(item => item.status !== 'assigned').length;
