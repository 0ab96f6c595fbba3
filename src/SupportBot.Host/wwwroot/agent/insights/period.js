// The period the Insights page asks for. The server cuts its series into UTC days and hours, so the page counts in
// UTC days too: a picked day is the same day in the query, in the labels and in the CLI's report.

const DAY = 86_400_000;

/** Today's date in UTC, as the date inputs and the API write it (yyyy-mm-dd). */
export const utcDay = (time = Date.now()) => new Date(time).toISOString().slice(0, 10);

export const addDays = (day, days) => utcDay(Date.parse(day + 'T00:00:00Z') + days * DAY);

/**
 * The query for the picked period, or a sentence saying what is wrong with it.
 * "Last n days" are the n UTC days up to and including today, ending now (the server's default end), so no empty
 * future hours are drawn. A custom "to" day is included, so the period ends the midnight after it.
 */
export function periodQuery({ range, since, until, bucket }, today = utcDay()) {
  if (range !== 'custom') {
    const days = Number(range);
    return { since: addDays(today, 1 - days), until: null, bucket, last: today };
  }
  if (!since || !until) { return { error: 'Choose both the first and the last day of the period.' }; }
  if (until < since) { return { error: 'The last day must not be before the first.' }; }
  return { since, until: addDays(until, 1), bucket, last: until };
}

/** The query string of the KPI call (the gap report takes the same since and until). */
export function queryString(query, withBucket) {
  const parts = [['since', query.since], ['until', query.until]];
  if (withBucket) { parts.push(['bucket', query.bucket]); }
  return parts.filter(([, value]) => value).map(([name, value]) => name + '=' + encodeURIComponent(value)).join('&');
}

const dayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "1 Nov 2026 – 7 Nov 2026 (UTC)": the days the figures cover, said the way the agent reads dates. */
export function periodText(query) {
  const first = dayFormat.format(new Date(query.since + 'T00:00:00Z'));
  const last = dayFormat.format(new Date(query.last + 'T00:00:00Z'));
  return (first === last ? first : first + ' – ' + last) + ' (UTC)';
}

const bucketFormats = {
  day: new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' }),
  hour: new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' })
};

/** A point of the series as its label: the day, or the day and hour, in UTC like the buckets themselves. */
export const bucketLabel = (at, bucket) => bucketFormats[bucket].format(new Date(at));
