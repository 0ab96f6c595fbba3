// The page never sees the Direct Line secret: it asks its own server for a token scoped to one new conversation.
// The server marks every bot-side activity with channelData.supportbot = { speaker, agentName?, handoff? }, so the page
// can say honestly who is talking: the virtual assistant or a named person from the support team.
(async function () {
  'use strict';

  const status = document.getElementById('status');
  const badge = document.querySelector('.chat-header .badge');
  const chatSection = document.querySelector('section.chat');
  const botName = document.querySelector('.chat-title')?.textContent.trim() || 'Assistant';
  const params = new URLSearchParams(location.search);

  const BOT_BADGE = 'Virtual assistant · bot';
  const BOT_NOTE = 'You are chatting with a virtual assistant. Ask for a person at any time.';

  /** Who sent a bot-side activity; null for the shopper's own. Anything not marked as an agent's came from the bot. */
  function speakerOf(activity) {
    if (!activity || !activity.from || activity.from.role === 'user') { return null; }
    const mark = activity.channelData?.supportbot;
    if (mark?.speaker === 'agent') {
      const name = typeof mark.agentName === 'string' && mark.agentName.trim() ? mark.agentName.trim() : 'Support team';
      return { kind: 'agent', name, label: name + ' · support team' };
    }
    return { kind: 'bot', name: botName, label: botName + ' · virtual assistant' };
  }

  function speakerKey(activity) {
    const speaker = speakerOf(activity);
    return speaker ? speaker.kind + ':' + speaker.name : 'user';
  }

  function initials(name) {
    const words = name.split(/\s+/u).filter(Boolean);
    const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
    return letters.map(word => Array.from(word)[0].toUpperCase()).join('') || '?';
  }

  function setHeader(badgeText, badgeTitle, note, sectionLabel) {
    if (badge) {
      badge.textContent = badgeText;
      badge.title = badgeTitle;
    }
    if (chatSection) { chatSection.setAttribute('aria-label', sectionLabel); }
    status.textContent = note;
  }

  function showBot(note) {
    setHeader(BOT_BADGE, 'You are chatting with an automated assistant', note, 'Chat with our virtual assistant');
  }

  function applyHandoff(mark) {
    switch (mark.handoff) {
      case 'with_agent': {
        const name = typeof mark.agentName === 'string' && mark.agentName.trim() ? mark.agentName.trim() : null;
        setHeader(
          name ? name + ' · support team (a person)' : 'Support team (a person)',
          'You are chatting with a person from our support team',
          name ? `You're chatting with ${name} from our support team.` : "You're chatting with our support team.",
          name ? `Chat with ${name} from our support team` : 'Chat with our support team');
        break;
      }
      case 'back_to_bot':
        showBot(BOT_NOTE);
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

  // Splits Web Chat's groups wherever the speaker changes, so a person's first message after the bot's gets its own
  // avatar and timestamp even though both arrive with the role "bot".
  function splitBySpeaker(groups) {
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

  try {
    const response = await fetch('/api/webchat/token', { method: 'POST' });
    if (!response.ok) { throw new Error('token request failed: ' + response.status); }
    const { token, userId } = await response.json();
    const directLine = window.WebChat.createDirectLine({
      token,
      domain: location.origin + '/v3/directline',
      webSocket: params.get('transport') !== 'polling',
      pollingInterval: 500
    });

    const store = window.WebChat.createStore({}, () => next => action => {
      if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY') {
        const mark = action.payload?.activity?.channelData?.supportbot;
        if (mark && typeof mark.handoff === 'string') { applyHandoff(mark); }
      }
      return next(action);
    });

    window.WebChat.renderWebChat({
      directLine,
      store,
      // The page's Content-Security-Policy allows only styles with this response's nonce; Web Chat puts it on the
      // <style> elements it adds.
      nonce: document.querySelector('meta[name="style-nonce"]')?.content,
      userID: userId,
      username: 'You',
      locale: 'en-US',
      styleOptions: {
        accent: '#2f5d50',
        botAvatarInitials: 'Bot',
        userAvatarInitials: 'You',
        hideUploadButton: true,
        bubbleBorderRadius: 10,
        bubbleFromUserBorderRadius: 10,
        suggestedActionLayout: 'flow'
      },
      // A plain-text label under every bot-side message. Web Chat's activityStatusMiddleware only accepts React elements
      // and this page has no React of its own, so the label goes in through the activity renderer's status slot, which
      // takes any React node (text included); Web Chat's own status (timestamp, screen-reader text) stays beside it.
      activityMiddleware: () => next => (...setup) => {
        // The server's decision trace is for evaluation and debugging, not for the shopper.
        if (setup[0]?.activity?.type === 'trace') { return false; }
        const render = next(...setup);
        const speaker = speakerOf(setup[0]?.activity);
        if (!render || !speaker) { return render; }
        return (renderAttachment, props) => {
          const renderStatus = props?.renderActivityStatus;
          if (typeof renderStatus !== 'function') { return render(renderAttachment, props); }
          return render(renderAttachment, {
            ...props,
            renderActivityStatus: options => {
              const shown = renderStatus(options);
              const timestampShown = !options?.hideTimestamp && Boolean(setup[0].activity.timestamp);
              return timestampShown ? [speaker.label + '\u00a0·\u00a0', shown] : [speaker.label, shown];
            }
          });
        };
      },
      // A person's messages carry the person's initials instead of the bot's.
      avatarMiddleware: () => next => args => {
        const speaker = speakerOf(args.activity);
        if (speaker?.kind !== 'agent') { return next(args); }
        const text = initials(speaker.name);
        return () => text;
      },
      groupActivitiesMiddleware: () => next => args => {
        const groups = next(args);
        return { ...groups, sender: splitBySpeaker(groups.sender), status: splitBySpeaker(groups.status) };
      }
    }, document.getElementById('webchat'));
    showBot(BOT_NOTE);
  } catch (error) {
    status.textContent = 'Sorry, the chat could not start. Please try again in a moment.';
    console.error(error);
  }
})();
