// The store page's chat: Microsoft's Web Chat (loaded before this module as window.WebChat) talking to this server's
// Direct Line. The page never sees the Direct Line secret: it asks its own server for a token scoped to one new
// conversation.
import { showBot, showFailure } from './header.js';
import { followHandoffs, groupBySpeaker, labelSpeakers, personAvatars } from './middleware.js';
import { accentColor, elements, locale, styleNonce, useWebSocket } from './page.js';
import { say, wordsLoaded } from './strings.js';

async function conversationToken() {
  const response = await fetch('/api/webchat/token', { method: 'POST' });
  if (!response.ok) { throw new Error('token request failed: ' + response.status); }
  return response.json();
}

try {
  if (!wordsLoaded) { throw new Error('the page\'s words did not load'); }
  const { token, userId } = await conversationToken();
  const directLine = window.WebChat.createDirectLine({
    token,
    // Sent with the conversation's start, so the bot's welcome comes in the page's language.
    conversationStartProperties: { locale },
    domain: location.origin + '/v3/directline',
    webSocket: useWebSocket,
    pollingInterval: 500
  });
  window.WebChat.renderWebChat({
    directLine,
    store: window.WebChat.createStore({}, followHandoffs),
    nonce: styleNonce,
    userID: userId,
    username: 'You',
    // Web Chat words its own controls and formats its times in this locale, and sends it on every activity.
    locale,
    styleOptions: {
      // Without /branding.css Web Chat keeps its own accent rather than none.
      ...(accentColor ? { accent: accentColor } : {}),
      botAvatarInitials: say('avatar.bot'),
      userAvatarInitials: say('avatar.you'),
      hideUploadButton: true,
      bubbleBorderRadius: 10,
      bubbleFromUserBorderRadius: 10,
      suggestedActionLayout: 'flow'
    },
    activityMiddleware: labelSpeakers,
    avatarMiddleware: personAvatars,
    groupActivitiesMiddleware: groupBySpeaker
  }, elements.webchat);
  showBot();
} catch (error) {
  showFailure();
  console.error(error);
}
