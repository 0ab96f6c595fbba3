// Web Chat's extension points, each doing one thing: follow handoff marks, label who spoke, give a person their own
// avatar, and start a new group when the speaker changes.
import { applyHandoff } from './header.js';
import { initials, speakerOf, splitBySpeaker } from './speakers.js';

/** Redux middleware for Web Chat's store: every incoming handoff mark updates the header. */
export const followHandoffs = () => next => action => {
  if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY') {
    const mark = action.payload?.activity?.channelData?.supportbot;
    if (mark && typeof mark.handoff === 'string') { applyHandoff(mark); }
  }
  return next(action);
};

/**
 * A plain-text label under every bot-side message. Web Chat's activityStatusMiddleware only accepts React elements
 * and this page has no React of its own, so the label goes in through the activity renderer's status slot, which
 * takes any React node (text included); Web Chat's own status (timestamp, screen-reader text) stays beside it.
 */
export const labelSpeakers = () => next => (...setup) => {
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
};

/** A person's messages carry the person's initials instead of the bot's. */
export const personAvatars = () => next => args => {
  const speaker = speakerOf(args.activity);
  if (speaker?.kind !== 'agent') { return next(args); }
  const text = initials(speaker.name);
  return () => text;
};

export const groupBySpeaker = () => next => args => {
  const groups = next(args);
  return { ...groups, sender: splitBySpeaker(groups.sender), status: splitBySpeaker(groups.status) };
};
