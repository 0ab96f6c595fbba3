// The charts and rankings of one KPI report: conversations per bucket by outcome, handoffs by reason, the spread of
// ratings, and how often the bot answered the FAQ entries (with the shoppers' thumbs) and intents asked most.
import { el } from '../dom.js';
import { words } from '../format.js';
import { drawBars, figureTable, palette } from './charts.js';
import { countText, rateText } from './figures.js';
import { bucketLabel } from './period.js';

const TOP = 10;
const $ = id => document.getElementById(id);

const REASONS = {
  asked: 'Asked for a person', low_confidence: 'Bot unsure', frustration: 'Frustration',
  flow_failure: 'Order flow failed', outside_hours: 'No one available', other: 'Other'
};
const reasonName = reason => REASONS[reason] || words(reason);

/** Puts a chart's table under its canvas (inside the "Figures as a table" disclosure). */
const showTable = (id, table) => $(id).replaceChildren(table);

async function drawSeries(report) {
  const colors = palette();
  const unit = report.bucket === 'hour' ? 'hour' : 'day';
  const points = report.series;
  const labels = points.map(p => bucketLabel(p.at, report.bucket));
  $('series-heading').textContent = 'Conversations per ' + unit + ', by outcome';
  showTable('series-table', figureTable('Conversations per ' + unit,
    [words(unit) + ' (UTC)', 'Conversations', 'Contained, confirmed', 'Contained, assumed', 'Contained, disputed', 'Handed off'],
    points.map((p, i) => [labels[i], countText(p.conversations), countText(p.confirmed), countText(p.assumed), countText(p.disputed), countText(p.handed_off)])));
  const busiest = points.reduce((best, p, i) => p.conversations > (best?.conversations ?? -1) ? { ...p, label: labels[i] } : best, null);
  await drawBars($('series-chart'), {
    labels,
    stacked: true,
    series: [
      { label: 'Contained, confirmed', data: points.map(p => p.confirmed), color: colors.accent },
      { label: 'Contained, assumed', data: points.map(p => p.assumed), color: colors.accentLight },
      { label: 'Contained, disputed', data: points.map(p => p.disputed), color: colors.highlight },
      { label: 'Handed off', data: points.map(p => p.handed_off), color: colors.warm }
    ],
    summary: `Conversations per ${unit}: ${countText(report.conversations)} in ${points.length} ${unit}s` +
      (busiest ? `, the most on ${busiest.label} (${countText(busiest.conversations)})` : '') + '. The table below lists every ' + unit + '.'
  });
}

async function drawReasons(report) {
  const reasons = report.handoffs.by_reason.filter(r => r.handoffs > 0);
  $('reasons-empty').hidden = reasons.length > 0;
  $('reasons-chart').parentElement.hidden = reasons.length === 0;
  showTable('reasons-table', figureTable('Handoffs by reason', ['Reason', 'Handoffs', 'Of conversations'],
    reasons.map(r => [reasonName(r.reason), countText(r.handoffs), rateText(r.rate)])));
  if (!reasons.length) { return; }
  await drawBars($('reasons-chart'), {
    labels: reasons.map(r => reasonName(r.reason)),
    horizontal: true,
    series: [{ label: 'Handoffs', data: reasons.map(r => r.handoffs), color: palette().warm }],
    summary: 'Handoffs by reason: ' + reasons.map(r => `${reasonName(r.reason)} ${countText(r.handoffs)}`).join(', ') + '.'
  });
}

async function drawRatings(report) {
  const { ratings, distribution } = report.csat;
  const stars = [1, 2, 3, 4, 5].map(n => n + (n === 1 ? ' star' : ' stars'));
  $('ratings-empty').hidden = ratings > 0;
  $('ratings-chart').parentElement.hidden = ratings === 0;
  showTable('ratings-table', figureTable('Ratings', ['Rating', 'Ratings'], stars.map((label, i) => [label, countText(distribution[i])])));
  if (!ratings) { return; }
  const colors = palette();
  await drawBars($('ratings-chart'), {
    labels: stars,
    series: [{ label: 'Ratings', data: distribution, color: distribution.map((_, i) => i >= 3 ? colors.accent : colors.warm) }],
    summary: `${countText(ratings)} ratings: ` + stars.map((label, i) => `${label} ${countText(distribution[i])}`).join(', ') + '.'
  });
}

/**
 * The TOP entries (or intents) asked most, each with its answer rate drawn as a bar behind the figure, and for FAQ
 * entries the shoppers' thumbs on their answers (votes: docs/INSIGHTS.md's feedback.by_faq_entry).
 */
function answerTable(id, caption, keyHeading, rows, votes = null) {
  const top = [...rows].sort((a, b) => b.messages - a.messages || a.key.localeCompare(b.key)).slice(0, TOP);
  const rate = row => {
    const bar = el('span', { className: 'rate-bar' });
    // A custom property set through the CSSOM: the strict style policy allows it, unlike a style attribute.
    bar.style.setProperty('--rate', String(row.rate));
    return el('span', { className: 'rate' }, bar, el('span', null, rateText(row.rate)));
  };
  const byKey = new Map((votes || []).map(v => [v.faq_id, v]));
  const thumbs = votes ? r => [countText(byKey.get(r.key)?.up ?? 0), countText(byKey.get(r.key)?.down ?? 0)] : () => [];
  $(id).replaceChildren(top.length
    ? figureTable(caption, [keyHeading, 'Messages', 'Answered', 'Answer rate', ...(votes ? ['Thumbs up', 'Thumbs down'] : [])],
      top.map(r => [r.key, countText(r.messages), countText(r.answered), rate(r), ...thumbs(r)]))
    : el('p', { className: 'empty-note' }, 'No questions in this period.'));
}

export async function drawPanels(report) {
  answerTable('faq-rates', 'Answer rate and thumbs by FAQ entry', 'FAQ entry', report.by_faq_entry, report.feedback.by_faq_entry);
  answerTable('intent-rates', 'Answer rate by intent', 'Intent', report.by_intent.map(r => ({ ...r, key: words(r.key) })));
  await Promise.all([drawSeries(report), drawReasons(report), drawRatings(report)]);
}
