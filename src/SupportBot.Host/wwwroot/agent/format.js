// How the console words the server's values: keys as words, confidences as percentages, waits and clock times.
import { shopName } from './dom.js';

export const words = key => { const text = String(key).replace(/[_-]+/g, ' ').trim(); return text.charAt(0).toUpperCase() + text.slice(1); };
const percent = value => typeof value === 'number' && Number.isFinite(value) ? Math.round(value * 100) + '%' : null;
export const shopperName = item => (item.shopper_name && String(item.shopper_name).trim()) || 'Shopper';
export const reasonText = item => item.reason_text || words(item.reason || 'handoff');

export function intentText(item) {
  if (!item.intent) { return null; }
  const confidence = percent(item.confidence);
  return words(item.intent) + (confidence ? ' · ' + confidence : '');
}

/** The language the shopper writes in, by name ("French"); null when the server does not know it. */
export const languageText = item => (item.language_name && String(item.language_name).trim()) || null;

export function waitText(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  if (s < 60) { return s + ' s'; }
  const minutes = Math.floor(s / 60);
  if (minutes < 60) { return minutes + ' min'; }
  const hours = Math.floor(minutes / 60);
  return hours + ' h ' + (minutes % 60) + ' min';
}

export function clockText(timestamp) {
  const date = new Date(timestamp);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

export function mailto(email) {
  const subject = shopName ? 'Your message to ' + shopName : 'Your message';
  return 'mailto:' + encodeURIComponent(email).replace(/%40/g, '@') + '?subject=' + encodeURIComponent(subject);
}
