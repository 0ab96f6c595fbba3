// The console's two views, chosen by the address (#insights, or the queue otherwise), so each can be bookmarked and
// the browser's back button moves between them. The queue keeps running (and ringing) while Insights is open.
import { ui } from './dom.js';
import { clearInsights, openInsights } from './insights/insights.js';

const insights = document.getElementById('insights');
const insightsHeading = document.getElementById('insights-heading');
const links = [...document.querySelectorAll('#views a')];

const wanted = () => (location.hash === '#insights' ? 'insights' : 'queue');

/** Shows the view the address names; for a signed-in agent only (the session module calls it once one is known). */
export function showView(moveFocus) {
  const view = wanted();
  ui.views.hidden = false;
  ui.workspace.hidden = view !== 'queue';
  insights.hidden = view !== 'insights';
  for (const link of links) {
    if (link.getAttribute('href') === '#' + view) { link.setAttribute('aria-current', 'page'); } else { link.removeAttribute('aria-current'); }
  }
  if (view === 'insights') { openInsights(); }
  if (moveFocus) { (view === 'insights' ? insightsHeading : ui.queueHeading).focus(); }
}

/** Signed out: neither view, and no figures left behind. */
export function hideViews() {
  ui.views.hidden = true;
  ui.workspace.hidden = true;
  insights.hidden = true;
  clearInsights();
}
