using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using SupportBot.Configuration;
using SupportBot.Schema;
using SupportBot.Storage;
using SupportBot.Telemetry;

namespace SupportBot.Host.DirectLine;

/// <summary>
/// Direct Line's live side: this instance's WebSocket feeds, committed activities reaching them (and the other
/// instances, through the <see cref="IChangeFeed"/>), the server's timestamps, and activities written outside a turn
/// (an agent's message) appended under the conversation's lock and streamed. It runs no turn, so the agent side
/// delivers through it without depending on the engine.
/// </summary>
internal sealed class DirectLineStreams : IDisposable
{
    public const string ChannelId = "directline";

    /// <summary>Activity sets a stream may fall behind by; past that it re-reads the store, so a slow reader costs no memory.</summary>
    private const int StreamBacklog = 64;

    /// <summary>Marks this instance's own transcript changes, which its streams already got with the activities.</summary>
    private readonly string _instance = Guid.NewGuid().ToString("N");
    /// <summary>The open feeds by conversation; a conversation leaves when its last feed closes, so only open streams take memory.</summary>
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<long, Subscription>> _subscribers = new(StringComparer.Ordinal);

    /// <summary>Held to add or remove a feed, so a conversation is never dropped while a feed is being added to it.</summary>
    private readonly Lock _changingFeeds = new();
    private readonly ITurnStore _turns;
    private readonly IConversationStore _store;
    private readonly TimeProvider _time;
    private readonly IOptions<LimitsOptions> _limits;
    private readonly IChangeFeed _changes;
    private readonly IDisposable _otherInstances;
    private readonly BotTelemetry _telemetry;
    private long _lastTicks;
    private long _lastSubscription;

    public DirectLineStreams(ITurnStore turns, IConversationStore store, TimeProvider time, IOptions<LimitsOptions> limits, IChangeFeed changes, BotTelemetry telemetry)
    {
        _telemetry = telemetry;
        _turns = turns;
        _store = store;
        _time = time;
        _limits = limits;
        _changes = changes;

        // A turn another instance ran, or an agent's message posted there: this instance's streams read the store.
        _otherInstances = changes.Subscribe(Change.Transcript, change =>
        {
            if (change.Detail == _instance)
            {
                return;
            }

            // "*": this instance may have missed changes (its feed reconnected), so every stream reads the store.
            var affected = change.Key == Change.Everything ? _subscribers.Values : _subscribers.TryGetValue(change.Key, out var one) ? [one] : [];
            foreach (var subscriber in affected.SelectMany(s => s.Values))
            {
                subscriber.CatchUp();
            }
        });
    }

    public void Dispose() => _otherInstances.Dispose();

    /// <summary>
    /// Records and streams activities written outside a turn (an agent's message, the bot announcing the agent), in
    /// order with the shopper's posts. A first activity whose client id is already stored was delivered before: it is
    /// not sent again.
    /// </summary>
    public async Task<long> DeliverAsync(string conversationId, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        var (stored, appended) = await _turns.AppendOnceAsync(_store, conversationId, null,
            [.. activities.Select(OnThisChannel)], _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (appended)
        {
            await PublishAsync(conversationId, stored, cancellationToken).ConfigureAwait(false);
        }

        return stored[0].Sequence;
    }

    /// <summary>
    /// A live feed of what is appended to the conversation from now on; dispose to stop. Beyond
    /// <see cref="LimitsOptions.StreamsPerConversation"/> the oldest feed of the conversation is ended (its reader
    /// sees the channel complete), so a reconnecting client always gets its stream and one token cannot hold many.
    /// </summary>
    public Subscription Subscribe(string conversationId)
    {
        var id = Interlocked.Increment(ref _lastSubscription);
        var subscription = new Subscription(() => Unsubscribe(conversationId, id));
        var replaced = new List<Subscription>();
        lock (_changingFeeds)
        {
            var subscribers = _subscribers.GetOrAdd(conversationId, _ => new ConcurrentDictionary<long, Subscription>());
            subscribers[id] = subscription;
            var cap = _limits.Value.StreamsPerConversation;
            while (cap > 0 && subscribers.Count > cap && subscribers.Keys.Min() is var oldest && subscribers.TryRemove(oldest, out var oldestFeed))
            {
                replaced.Add(oldestFeed);
            }
        }

        _telemetry.ActiveStreams.Add(1 - replaced.Count);
        foreach (var feed in replaced)
        {
            feed.End();
        }

        return subscription;
    }

    /// <summary>How many conversations have an open feed on this instance.</summary>
    internal int ConversationsStreaming => _subscribers.Count;

    private void Unsubscribe(string conversationId, long id)
    {
        lock (_changingFeeds)
        {
            if (!_subscribers.TryGetValue(conversationId, out var subscribers) || !subscribers.TryRemove(id, out _))
            {
                // Already replaced by a newer feed, which counted it out.
                return;
            }

            if (subscribers.IsEmpty)
            {
                _subscribers.TryRemove(conversationId, out _);
            }
        }

        _telemetry.ActiveStreams.Add(-1);
    }

    /// <summary>Hands committed activities to this instance's streams and tells the other instances the transcript grew.</summary>
    public async Task PublishAsync(string conversationId, IReadOnlyList<StoredActivity> activities, CancellationToken cancellationToken)
    {
        if (activities.Count == 0)
        {
            return;
        }

        using var delivery = _telemetry.Stage(Stages.Delivery);
        Publish(conversationId, activities);
        await _changes.PublishAsync(new Change(Change.Transcript, conversationId, activities[^1].Sequence, _instance), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Web Chat shows "typing" while a turn runs: a signal to this instance's streams, never stored.</summary>
    public void PublishTyping(string conversationId) =>
        Publish(conversationId, [new StoredActivity(-1, new Activity
        {
            Type = ActivityTypes.Typing,
            Id = $"{conversationId}|typing-{Guid.NewGuid():N}",
            Timestamp = _time.GetUtcNow(),
            ChannelId = ChannelId,
            From = Participants.Bot,
            Conversation = new ConversationAccount(conversationId),
        })]);

    /// <summary>An activity as this channel stores and sends it: its channel id, and the server's time.</summary>
    public Activity OnThisChannel(Activity activity) => Stamp(activity with { ChannelId = ChannelId });

    /// <summary>Hands activities to the live streams; a sequence of -1 marks one that is sent but not stored (typing).</summary>
    private void Publish(string conversationId, IReadOnlyList<StoredActivity> activities)
    {
        if (_subscribers.TryGetValue(conversationId, out var subscribers))
        {
            foreach (var subscriber in subscribers.Values)
            {
                subscriber.Offer(activities);
            }
        }
    }

    /// <summary>Server time from one clock that never goes backwards: Web Chat orders the transcript by timestamp.</summary>
    private Activity Stamp(Activity activity)
    {
        var now = _time.GetUtcNow().UtcTicks;
        long last, next;
        do
        {
            last = Interlocked.Read(ref _lastTicks);
            next = Math.Max(now, last + 1);
        }
        while (Interlocked.CompareExchange(ref _lastTicks, next, last) != last);

        return activity with { Timestamp = new DateTimeOffset(next, TimeSpan.Zero) };
    }

    internal sealed class Subscription(Action unsubscribe) : IDisposable
    {
        private readonly Channel<IReadOnlyList<StoredActivity>> _channel = Channel.CreateBounded<IReadOnlyList<StoredActivity>>(
            new BoundedChannelOptions(StreamBacklog) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

        private int _behind;

        /// <summary>Completes when the feed is ended because newer streams of the conversation replaced it.</summary>
        public ChannelReader<IReadOnlyList<StoredActivity>> Reader => _channel.Reader;

        /// <summary>True (once) when sets were dropped because the reader fell behind: it reads the store after its watermark instead.</summary>
        public bool MustCatchUp() => Interlocked.Exchange(ref _behind, 0) == 1;

        public void Offer(IReadOnlyList<StoredActivity> activities)
        {
            if (!_channel.Writer.TryWrite(activities))
            {
                Interlocked.Exchange(ref _behind, 1);
            }
        }

        /// <summary>Something was committed elsewhere: the reader wakes and reads the store after its watermark.</summary>
        public void CatchUp()
        {
            Interlocked.Exchange(ref _behind, 1);
            _channel.Writer.TryWrite([]);
        }

        public void End() => _channel.Writer.TryComplete();

        public void Dispose() => unsubscribe();
    }
}
