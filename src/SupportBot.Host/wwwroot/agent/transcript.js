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

const VOTES = {
  up: { mark: '👍', text: 'Shopper found this helpful' },
  down: { mark: '👎', text: 'Shopper found this not helpful' }
};

/** Marks the answers the shopper voted on; a vote may come long after its answer was shown, and a later one replaces it. */
function markVotes(votes) {
  for (const vote of Array.isArray(votes) ? votes : []) {
    const said = VOTES[vote?.vote];
    const line = said && typeof vote.seq === 'number' ? ui.transcript.querySelector(`li.line--bot[data-seq="${vote.seq}"]`) : null;
    if (!line) { continue; }
    line.querySelector('.vote')?.remove();
    // The emoji is decoration for the eye; the words are what a screen reader (and the tooltip) says.
    line.querySelector('.line-head time').before(el('span', { className: 'vote vote--' + vote.vote, role: 'img', 'aria-label': said.text, title: said.text }, said.mark));
  }
}

/** Adds the lines not shown yet and marks the answers voted on; keeps the view at the bottom if the agent was reading there. */
export function appendLines(lines, watermark, votes) {
  const open = state.open;
  const nearBottom = ui.transcript.scrollHeight - ui.transcript.scrollTop - ui.transcript.clientHeight < 60;
  const fresh = lines.filter(line => line && typeof line.seq === 'number' && !open.seqs.has(line.seq)).sort((a, b) => a.seq - b.seq);
  for (const line of fresh) {
    open.seqs.add(line.seq);
    ui.transcript.append(renderLine(line));
  }
  markVotes(votes);
  if (typeof watermark === 'number' && watermark > open.watermark) { open.watermark = watermark; }
  if (!ui.transcript.children.length) {
    ui.transcript.append(el('li', { className: 'muted' }, 'No messages yet.'));
  } else {
    for (const placeholder of ui.transcript.querySelectorAll('li.muted')) { placeholder.remove(); }
  }
  if (fresh.length && nearBottom) { ui.transcript.scrollTop = ui.transcript.scrollHeight; }
}
