// The page's words for the chat's scripts, in the page's locale (<html lang>, which the server chose): the header's
// badge and notes and the speaker labels, as editors wrote them in knowledge/responses/page*.yml, from /chat/strings.
import { locale } from './page.js';

async function load() {
  const response = await fetch('/chat/strings?locale=' + encodeURIComponent(locale));
  if (!response.ok) { throw new Error('strings request failed: ' + response.status); }
  return (await response.json()).strings;
}

let words = null;
try {
  words = await load();
} catch (error) {
  console.error(error);
}

/** Whether the words arrived; without them the chat does not start, and the page says so in the words it was served with. */
export const wordsLoaded = words !== null;

/** A page key's text with its {placeholders} filled in from values (a name not given stays as it is). */
export function say(key, values = {}) {
  const text = words?.[key] ?? '';
  return text.replace(/\{([a-z][a-z0-9_]*)\}/gu, (match, name) => (Object.hasOwn(values, name) ? values[name] : match));
}
