// The Insights charts, drawn by Chart.js (served from this host, /lib/chartjs, fetched by the build). Every chart
// also carries its figures in words (the canvas's aria-label) and as a table under it, because a canvas is only a
// picture: screen readers, keyboard users and anyone copying a number read the table.
import { el } from '../dom.js';

const LIBRARY = '/lib/chartjs/chart.umd.min.js';
let library = null;
const drawn = new Map(); // canvas id → its Chart, destroyed before the canvas is drawn again

/** Chart.js, loaded the first time a chart is drawn: agents who never open Insights never download it. */
function loadLibrary() {
  library ??= new Promise((resolve, reject) => {
    const script = el('script', { src: LIBRARY });
    script.addEventListener('load', () => resolve(window.Chart));
    script.addEventListener('error', () => {
      library = null;
      reject(new Error('The chart library could not be loaded; the figures are in the tables below each chart.'));
    });
    document.head.append(script);
  });
  return library;
}

/** A branding colour (#rgb or #rrggbb, validated by the server) mixed with white: the shades of one palette. */
function tint(hex, share) {
  const digits = hex.length === 4 ? [...hex.slice(1)].map(d => d + d) : [hex.slice(1, 3), hex.slice(3, 5), hex.slice(5, 7)];
  const mixed = digits.map(d => Math.round(parseInt(d, 16) * share + 255 * (1 - share)));
  return `rgb(${mixed.join(', ')})`;
}

/** The shop's colours from /branding.css, so the charts match the console around them. */
export function palette() {
  const style = getComputedStyle(document.documentElement);
  const accent = style.getPropertyValue('--accent').trim() || '#2f5d50';
  const highlight = style.getPropertyValue('--highlight').trim() || '#6b6fb8';
  return { accent, accentLight: tint(accent, 0.45), highlight, highlightLight: tint(highlight, 0.55), warm: '#c9822b', grid: '#ece6dc', ink: '#2f2a24' };
}

/**
 * Draws a bar chart on the canvas: labels along one axis, one dataset per series ({ label, data, color }).
 * stacked: the series add up (a conversation's outcome); horizontal: long labels (reasons) read across.
 */
export async function drawBars(canvas, { labels, series, stacked = false, horizontal = false, summary }) {
  canvas.setAttribute('aria-label', summary);
  const Chart = await loadLibrary();
  drawn.get(canvas.id)?.destroy();
  const colors = palette();
  const valueAxis = { stacked, beginAtZero: true, ticks: { precision: 0, color: colors.ink }, grid: { color: colors.grid } };
  const labelAxis = { stacked, ticks: { color: colors.ink, autoSkip: true, maxRotation: 0 }, grid: { display: false } };
  drawn.set(canvas.id, new Chart(canvas, {
    type: 'bar',
    data: {
      labels,
      datasets: series.map(s => ({ label: s.label, data: s.data, backgroundColor: s.color, borderRadius: 3, maxBarThickness: 48 }))
    },
    options: {
      indexAxis: horizontal ? 'y' : 'x',
      responsive: true,
      maintainAspectRatio: false,
      // The figures are the point; an animation only delays them (and moves for people who asked for less motion).
      animation: false,
      plugins: { legend: { display: series.length > 1, position: 'bottom', labels: { color: colors.ink, boxWidth: 12 } } },
      scales: horizontal ? { x: valueAxis, y: labelAxis } : { x: labelAxis, y: valueAxis }
    }
  }));
}

/** Forgets every chart (on sign-out), so no figures stay in a canvas nobody can see. */
export function clearCharts() {
  for (const chart of drawn.values()) { chart.destroy(); }
  drawn.clear();
}

/** A table of the figures behind a chart or a ranking: a caption, column headings, rows of cells (text or nodes). */
export function figureTable(caption, headings, rows, numericFrom = 1) {
  const cell = (tag, value, index) => el(tag, { className: index >= numericFrom ? 'number' : null, scope: tag === 'th' ? 'col' : null }, value);
  return el('table', { className: 'figures' },
    el('caption', { className: 'visually-hidden' }, caption),
    el('thead', null, el('tr', null, ...headings.map((heading, i) => cell('th', heading, i)))),
    el('tbody', null, ...rows.map(row => el('tr', null, ...row.map((value, i) => i === 0 ? el('th', { scope: 'row' }, value) : cell('td', value, i))))));
}
