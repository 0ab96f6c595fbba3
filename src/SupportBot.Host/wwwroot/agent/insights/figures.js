// How the Insights page words the API's numbers. A figure the API sends as null (no denominator, no measurement)
// is shown as a dash, never as 0: "no ratings" and "every rating was bad" must not look alike.

const NONE = '—';
const counts = new Intl.NumberFormat(undefined);
const percents = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });
const decimals = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

const known = value => typeof value === 'number' && Number.isFinite(value);

export const countText = value => known(value) ? counts.format(value) : NONE;
export const rateText = value => known(value) ? percents.format(value) : NONE;
export const averageText = value => known(value) ? decimals.format(value) : NONE;

// A number stays with its unit when a narrow card wraps the text ("1 min" / "20 s", never "1" / "min 20 s").
const unit = (value, name) => value + '\u00a0' + name;

/** Seconds as people say them: "0.8 s" and "12 s" for the bot, "3 min 5 s" or "1 h 20 min" for the queue. */
export function durationText(seconds) {
  if (!known(seconds)) { return NONE; }
  if (seconds < 10) { return unit(decimals.format(seconds), 's'); }
  const whole = Math.round(seconds);
  if (whole < 60) { return unit(whole, 's'); }
  const minutes = Math.floor(whole / 60);
  if (minutes < 60) { return unit(minutes, 'min') + (whole % 60 ? ' ' + unit(whole % 60, 's') : ''); }
  return unit(Math.floor(minutes / 60), 'h') + (minutes % 60 ? ' ' + unit(minutes % 60, 'min') : '');
}

/** "1 rating" / "3 ratings": the figures' notes read as sentences. */
export const plural = (count, one, many = one + 's') => countText(count) + ' ' + (count === 1 ? one : many);
