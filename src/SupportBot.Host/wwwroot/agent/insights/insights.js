// The Insights view of the console: pick a period, then the KPIs (docs/INSIGHTS.md) and the content-gap report
// (docs/CONTENT-GAPS.md) are fetched side by side and shown as figures, charts and tables. Only a signed-in agent
// gets here (the view module opens it after the session is known), and signing out empties it again.
import { api, ApiError } from '../api.js';
import { report } from '../notices.js';
import { clearCharts } from './charts.js';
import { showGaps } from './gaps.js';
import { headlineCards } from './headline.js';
import { drawPanels } from './panels.js';
import { addDays, periodQuery, periodText, queryString, utcDay } from './period.js';

const $ = id => document.getElementById(id);
const view = {
  form: $('insights-period'), custom: $('insights-custom'), period: $('insights-period-text'), status: $('insights-status'),
  figures: $('insights-figures'), empty: $('insights-empty'), headline: $('insights-headline'),
  gaps: $('gaps'), gapsSummary: $('gaps-summary'), gapsStatus: $('gaps-status'), gapsSection: $('gaps-section')
};

// Each load is numbered; an answer to an older load (the agent picked another period meanwhile) is dropped.
let current = 0;

function say(element, text, isError = false) {
  element.textContent = text;
  element.classList.toggle('status--error', isError);
}

/** What went wrong, in the server's words (ProblemDetails) where it gave any; a 401 brings the sign-in back. */
function failed(element, what, error) {
  if (error instanceof ApiError && error.status === 401) {
    report(error);
    return;
  }
  say(element, `${what} could not be loaded: ${error.message || error}`, true);
  if (!(error instanceof ApiError)) { console.error(error); }
}

async function showKpis(load, request) {
  try {
    const kpis = await request;
    if (load !== current) { return; }
    const none = kpis.conversations === 0;
    view.empty.hidden = !none;
    view.figures.hidden = none;
    if (!none) {
      view.headline.replaceChildren(...headlineCards(kpis));
      await drawPanels(kpis);
    }
    say(view.status, '');
  } catch (error) {
    if (load === current) { failed(view.status, 'The figures', error); }
  } finally {
    if (load === current) { view.figures.removeAttribute('aria-busy'); }
  }
}

async function showTopics(load, request) {
  try {
    const gaps = await request;
    if (load !== current) { return; }
    showGaps(view.gaps, view.gapsSummary, gaps);
    say(view.gapsStatus, '');
  } catch (error) {
    if (load === current) { failed(view.gapsStatus, 'The unanswered topics', error); }
  } finally {
    if (load === current) { view.gapsSection.removeAttribute('aria-busy'); }
  }
}

async function load() {
  const fields = view.form.elements;
  const query = periodQuery({ range: fields.range.value, since: fields.since.value, until: fields.until.value, bucket: fields.bucket.value });
  if (query.error) {
    say(view.status, query.error, true);
    return;
  }
  const load = ++current;
  view.period.textContent = periodText(query);
  say(view.status, 'Loading the figures…');
  say(view.gapsStatus, 'Loading the unanswered topics…');
  view.figures.setAttribute('aria-busy', 'true');
  view.gapsSection.setAttribute('aria-busy', 'true');
  const kpis = api('GET', '/insights/kpis?' + queryString(query, true));
  const gaps = api('GET', '/insights/gaps?' + queryString(query, false));
  await Promise.all([showKpis(load, kpis), showTopics(load, gaps)]);
}

function showCustomDays() {
  view.custom.hidden = view.form.elements.range.value !== 'custom';
}

let prepared = false;

function prepareForm() {
  const fields = view.form.elements;
  const today = utcDay();
  fields.since.max = fields.until.max = today;
  fields.since.value ||= addDays(today, -6);
  fields.until.value ||= today;
  // A preset or a bucket applies at once; custom days wait for "Show", so a half-typed date is not fetched.
  fields.range.addEventListener('change', () => { showCustomDays(); if (fields.range.value !== 'custom') { load(); } });
  fields.bucket.addEventListener('change', () => { if (fields.range.value !== 'custom') { load(); } });
  view.form.addEventListener('submit', event => { event.preventDefault(); load(); });
  showCustomDays();
  prepared = true;
}

/** Called each time the view is shown: the figures are fetched afresh, so coming back shows the latest. */
export function openInsights() {
  if (!prepared) { prepareForm(); }
  load();
}

/** On sign-out: nothing the agent saw stays in the page, and an answer still on its way is dropped. */
export function clearInsights() {
  current++;
  clearCharts();
  for (const id of ['insights-headline', 'series-table', 'reasons-table', 'ratings-table', 'faq-rates', 'intent-rates', 'gaps']) {
    $(id).replaceChildren();
  }
  view.period.textContent = '';
  say(view.status, '');
  say(view.gapsSummary, '');
  say(view.gapsStatus, '');
  view.empty.hidden = true;
  view.figures.hidden = true;
}
