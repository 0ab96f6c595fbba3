// The chat's header and note: who the shopper is talking to right now, following the server's handoff marks.
import { elements } from './page.js';
import { agentNameOf } from './speakers.js';

const BOT_BADGE = 'Virtual assistant · bot';
const BOT_NOTE = 'You are chatting with a virtual assistant. Ask for a person at any time.';

function setHeader(badgeText, badgeTitle, note, sectionLabel) {
  if (elements.badge) {
    elements.badge.textContent = badgeText;
    elements.badge.title = badgeTitle;
  }
  if (elements.section) { elements.section.setAttribute('aria-label', sectionLabel); }
  elements.status.textContent = note;
}

export function showBot(note = BOT_NOTE) {
  setHeader(BOT_BADGE, 'You are chatting with an automated assistant', note, 'Chat with our virtual assistant');
}

export function showFailure() {
  elements.status.textContent = 'Sorry, the chat could not start. Please try again in a moment.';
}

/** Follows a handoff mark (channelData.supportbot.handoff) from the server. */
export function applyHandoff(mark) {
  switch (mark.handoff) {
    case 'with_agent': {
      const name = agentNameOf(mark);
      setHeader(
        name ? name + ' · support team (a person)' : 'Support team (a person)',
        'You are chatting with a person from our support team',
        name ? `You're chatting with ${name} from our support team.` : "You're chatting with our support team.",
        name ? `Chat with ${name} from our support team` : 'Chat with our support team');
      break;
    }
    case 'back_to_bot':
      showBot();
      break;
    case 'queued':
      showBot('You are chatting with a virtual assistant while we find a person from our support team for you.');
      break;
    case 'offline':
      showBot('You are chatting with a virtual assistant. Our support team is offline right now; leave a message and we will e-mail you.');
      break;
    default:
      break;
  }
}
