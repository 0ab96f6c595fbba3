// The headline figures: one card per KPI of docs/INSIGHTS.md that a team lead reads first, its main figure large and
// what it is made of underneath. Each card names its KPI (data-kpi) so the browser test finds it.
import { el } from '../dom.js';
import { averageText, countText, durationText, plural, rateText } from './figures.js';

const card = (kpi, label, value, ...notes) => el('div', { className: 'kpi', dataset: { kpi } },
  el('dt', null, label),
  el('dd', { className: 'kpi-value' }, value),
  ...notes.filter(Boolean).map(note => el('dd', { className: 'kpi-note' }, note)));

export function headlineCards(report) {
  const { bot_first_response: bot, queue_wait: queue, containment, handoffs, csat, repeats, feedback } = report;
  return [
    card('conversations', 'Conversations', countText(report.conversations), plural(report.messages, 'shopper message')),
    card('bot-first-response', 'Bot first response', durationText(bot.p50_seconds), 'median · 95th percentile ' + durationText(bot.p95_seconds)),
    card('containment', 'Contained', rateText(containment.rate),
      countText(containment.confirmed) + ' confirmed · ' + countText(containment.assumed) + ' assumed · ' + countText(containment.disputed) + ' disputed'),
    card('handoff-rate', 'Handoff rate', rateText(handoffs.rate), plural(handoffs.handed_off, 'conversation') + ' handed off'),
    card('csat', 'CSAT (4–5 stars)', rateText(csat.score),
      'from ' + plural(csat.ratings, 'rating'), csat.ratings ? 'average ' + averageText(csat.average) + ' of 5' : null),
    card('feedback', 'Answer feedback (thumbs up)', rateText(feedback.up_share),
      countText(feedback.up) + ' up · ' + countText(feedback.down) + ' down'),
    card('repeats', 'Repeat contacts', countText(repeats.repeat_contacts), rateText(repeats.rate) + ' came back within 7 days'),
    card('queue-wait', 'Queue wait', durationText(queue.p50_seconds),
      queue.count ? 'median · 95th percentile ' + durationText(queue.p95_seconds) : 'no chat claimed', plural(queue.count, 'claimed chat'))
  ];
}
