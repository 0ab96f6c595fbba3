// The top unanswered topics (the content-gap report, docs/CONTENT-GAPS.md): what shoppers asked that the bot could
// not answer, grouped by meaning, biggest and most recent first, so editors know which FAQ entry to write next.
import { el } from '../dom.js';
import { words } from '../format.js';
import { countText, plural, rateText } from './figures.js';

const TOP = 8;

const TRENDS = { new: 'New this period', rising: 'Rising', steady: 'Steady', falling: 'Falling' };

function trendText(cluster) {
  const trend = TRENDS[cluster.trend] || words(cluster.trend);
  return cluster.trend === 'new' ? trend : `${trend} (${countText(cluster.previous_messages)} the period before)`;
}

function nearest(entry) {
  if (!entry) { return el('p', { className: 'gap-nearest' }, 'No FAQ entry comes near it.'); }
  return el('p', { className: 'gap-nearest' },
    'Nearest FAQ entry: ', el('strong', null, entry.title), ` (${entry.id}) · match ${rateText(entry.confidence)}`);
}

function topic(cluster) {
  const heading = el('h3', { className: 'gap-label' }, el('span', { className: 'gap-rank' }, '#' + cluster.rank), ' ', cluster.label);
  return el('li', { className: 'gap', dataset: { label: cluster.label } },
    heading,
    el('p', { className: 'gap-facts' },
      el('span', { className: 'gap-size' }, plural(cluster.messages, 'message')), ' · ',
      el('span', { className: 'gap-trend gap-trend--' + cluster.trend }, trendText(cluster))),
    el('ul', { className: 'gap-examples', 'aria-label': 'What shoppers wrote' },
      ...cluster.representatives.slice(0, 3).map(text => el('li', null, el('q', null, text)))),
    nearest(cluster.nearest_entry));
}

/** Fills the list, or says plainly that nothing went unanswered. */
export function showGaps(list, summary, report) {
  const clusters = report.clusters.slice(0, TOP);
  summary.textContent = report.messages === 0
    ? 'Every question in this period was answered.'
    : `${plural(report.messages, 'unanswered message')}, ${plural(report.clusters.length, 'topic')} asked several times` +
      (report.clusters.length > TOP ? ` (the top ${TOP} below)` : '') + '.';
  list.replaceChildren(...clusters.map(topic));
}
