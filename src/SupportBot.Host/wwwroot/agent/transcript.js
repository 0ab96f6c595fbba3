// The open chat's transcript: lines arrive by sequence number, each shown once, in order, whoever sent it.
import { el, ui } from './dom.js';
import { clockText, words } from './format.js';
import { state } from './state.js';

const SPEAKERS = { shopper: 'shopper', bot: 'bot', agent: 'agent' };

function renderLine(line) {
  const from = SPEAKERS[line.from] || 'bot';
  return el('li', { className: 'line line--' + from, dataset: { seq: String(line.seq) } },
    el('div', { className: 'line-head' },
      el('span', { className: 'who' }, line.name || words(from)),
      line.name && line.name.trim().toLowerCase() !== from ? el('span', { className: 'role' }, from) : null,
      el('time', { datetime: line.timestamp || null, title: line.timestamp ? new Date(line.timestamp).toLocaleString() : null }, clockText(line.timestamp))),
    el('p', { className: 'line-text' }, line.text || ''));
}

/** Adds the lines not shown yet; keeps the view at the bottom if the agent was reading there. */
export function appendLines(lines, watermark) {
  const open = state.open;
  const nearBottom = ui.transcript.scrollHeight - ui.transcript.scrollTop - ui.transcript.clientHeight < 60;
  const fresh = lines.filter(line => line && typeof line.seq === 'number' && !open.seqs.has(line.seq)).sort((a, b) => a.seq - b.seq);
  for (const line of fresh) {
    open.seqs.add(line.seq);
    ui.transcript.append(renderLine(line));
  }
  if (typeof watermark === 'number' && watermark > open.watermark) { open.watermark = watermark; }
  if (!ui.transcript.children.length) {
    ui.transcript.append(el('li', { className: 'muted' }, 'No messages yet.'));
  } else {
    for (const placeholder of ui.transcript.querySelectorAll('li.muted')) { placeholder.remove(); }
  }
  if (fresh.length && nearBottom) { ui.transcript.scrollTop = ui.transcript.scrollHeight; }
}
