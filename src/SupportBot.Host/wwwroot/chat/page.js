// What the store page carries for the chat: the server writes the shop's names into the HTML and its colours into
// /branding.css, so the scripts read them from the page instead of holding their own copy.

const rootStyle = getComputedStyle(document.documentElement);

/** The virtual assistant's name, as the chat header shows it. */
export const botName = document.querySelector('.chat-title')?.textContent.trim() || 'Assistant';

/** The page's locale as the server chose it (?locale=, else the browser's languages): Web Chat's and the conversation's. */
export const locale = document.documentElement.lang || 'en-US';

/** The shop's accent colour (from /branding.css), which Web Chat takes for its buttons and links. */
export const accentColor = rootStyle.getPropertyValue('--accent').trim();

/**
 * The page's Content-Security-Policy allows only styles with this response's nonce; Web Chat puts it on the <style>
 * elements it adds.
 */
export const styleNonce = document.querySelector('meta[name="style-nonce"]')?.content;

/** ?transport=polling turns the WebSocket off (for networks that block it, and for the tests of both). */
export const useWebSocket = new URLSearchParams(location.search).get('transport') !== 'polling';

export const elements = {
  status: document.getElementById('status'),
  badge: document.querySelector('.chat-header .badge'),
  section: document.querySelector('section.chat'),
  webchat: document.getElementById('webchat')
};
