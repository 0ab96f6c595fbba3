// The chat's header and note: who the shopper is talking to right now, following the server's handoff marks.
import { elements } from './page.js';
import { agentNameOf } from './speakers.js';
import { say } from './strings.js';

function setHeader(badgeText, badgeTitle, note, sectionLabel) {
  if (elements.badge) {
    elements.badge.textContent = badgeText;
    elements.badge.title = badgeTitle;
  }
  if (elements.section) { elements.section.setAttribute('aria-label', sectionLabel); }
  elements.status.textContent = note;
}

export function showBot(note = say('note.bot')) {
  setHeader(say('badge.bot'), say('badge.bot_title'), note, say('chat.label.bot'));
}

/** Written into the page by the server, so it shows even when the chat's words could not be fetched. */
export function showFailure() {
  elements.status.textContent = elements.status.dataset.failed || '';
}

/** Follows a handoff mark (channelData.supportbot.handoff) from the server. */
export function applyHandoff(mark) {
  switch (mark.handoff) {
    case 'with_agent': {
      const agent = agentNameOf(mark);
      setHeader(
        agent ? say('badge.agent', { agent }) : say('badge.team'),
        say('badge.person_title'),
        agent ? say('note.agent', { agent }) : say('note.team'),
        agent ? say('chat.label.agent', { agent }) : say('chat.label.team'));
      break;
    }
    case 'back_to_bot':
      showBot();
      break;
    case 'queued':
      showBot(say('note.queued'));
      break;
    case 'offline':
      showBot(say('note.offline'));
      break;
    default:
      break;
  }
}
