// The details pane beside the transcript: what the bot gathered before the chat came to a person.
import { el, ui } from './dom.js';
import { intentText, words } from './format.js';

function table(caption, entries) {
  if (!entries.length) { return el('p', { className: 'muted' }, 'Nothing yet.'); }
  return el('table', null,
    el('caption', { className: 'visually-hidden' }, caption),
    el('tbody', null, ...entries.map(([key, value]) => el('tr', null, el('th', { scope: 'row' }, words(key)), el('td', null, String(value))))));
}

export function renderSummary(handoff) {
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

export function clearSummary() {
  ui.summary.replaceChildren();
}
