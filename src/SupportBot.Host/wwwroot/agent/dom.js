// The console's elements, and the one way it builds new ones. Server text only ever reaches the page through
// textContent or text nodes, never as markup.

const $ = id => document.getElementById(id);

export const ui = {
  account: $('account'), connection: $('connection'), agentsOnline: $('agents-online'), signedInAs: $('signed-in-as'),
  signOut: $('sign-out'), alert: $('alert'), alertDismiss: $('alert-dismiss'), notice: $('notice'),
  signIn: $('sign-in'), signInForm: $('sign-in-form'), views: $('views'), workspace: $('workspace'),
  queue: $('queue'), queueHeading: $('queue-heading'), queueCount: $('queue-count'),
  empty: $('conversation-empty'), open: $('conversation-open'), heading: $('conversation-heading'), meta: $('conversation-meta'),
  ticket: $('ticket'), transcript: $('transcript'), summary: $('summary'),
  suggestion: $('suggestion'), suggestionText: $('suggestion-text'), suggestionSource: $('suggestion-source'),
  useSuggestion: $('use-suggestion'), replyForm: $('reply-form'), reply: $('reply'), send: $('send'),
  returnButton: $('return'), resolveButton: $('resolve')
};

/** The shop's name as the server wrote it into the page (the Branding settings). */
export const shopName = document.querySelector('.topbar .brand')?.textContent.trim() || '';

/** Builds an element; children may be nodes or strings (strings become text nodes, never markup). */
export function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) { continue; }
    if (name === 'className') {
      node.className = value;
    } else if (name === 'dataset') {
      Object.assign(node.dataset, value);
    } else if (name.startsWith('on')) {
      node.addEventListener(name.slice(2), value);
    } else {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
  node.append(...children.filter(child => child !== null && child !== undefined && child !== false));
  return node;
}
