// Who is talking. The server marks every bot-side activity with channelData.supportbot = { speaker, agentName?, handoff? },
// so the page can say honestly whether a message came from the virtual assistant or a named person from the support team.
import { botName } from './page.js';
import { say } from './strings.js';

/** The agent's name from a server mark, or null when it has none. */
export function agentNameOf(mark) {
  return typeof mark?.agentName === 'string' && mark.agentName.trim() ? mark.agentName.trim() : null;
}

/** Who sent a bot-side activity; null for the shopper's own. Anything not marked as an agent's came from the bot. */
export function speakerOf(activity) {
  if (!activity || !activity.from || activity.from.role === 'user') { return null; }
  const mark = activity.channelData?.supportbot;
  if (mark?.speaker === 'agent') {
    const agent = agentNameOf(mark);
    const name = agent || say('speaker.unnamed_agent');
    return { kind: 'agent', name, label: agent ? say('speaker.agent', { agent }) : name };
  }
  return { kind: 'bot', name: botName, label: say('speaker.bot') };
}

function speakerKey(activity) {
  const speaker = speakerOf(activity);
  return speaker ? speaker.kind + ':' + speaker.name : 'user';
}

/** A person's avatar text: the first letters of their first and last names. */
export function initials(name) {
  const words = name.split(/\s+/u).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return letters.map(word => Array.from(word)[0].toUpperCase()).join('') || '?';
}

/**
 * Splits Web Chat's groups wherever the speaker changes, so a person's first message after the bot's gets its own
 * avatar and timestamp even though both arrive with the role "bot".
 */
export function splitBySpeaker(groups) {
  return (groups || []).flatMap(group => {
    const parts = [];
    let previous;
    for (const activity of group) {
      const key = speakerKey(activity);
      if (!parts.length || key !== previous) { parts.push([]); }
      parts[parts.length - 1].push(activity);
      previous = key;
    }
    return parts;
  });
}
