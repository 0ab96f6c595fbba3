// The page never sees the Direct Line secret: it asks its own server for a token scoped to one new conversation.
(async function () {
  const status = document.getElementById('status');
  const params = new URLSearchParams(location.search);
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
    window.WebChat.renderWebChat({
      directLine,
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
      }
    }, document.getElementById('webchat'));
    status.textContent = 'You are chatting with a virtual assistant. Ask for a person at any time.';
  } catch (error) {
    status.textContent = 'Sorry, the chat could not start. Please try again in a moment.';
    console.error(error);
  }
})();
