using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using SupportBot.Configuration;
using SupportBot.Conversation;
using SupportBot.Conversation.Schema;
using SupportBot.Handoff;
using SupportBot.Storage;

namespace SupportBot.Host.DirectLine;

/// <summary>
/// Direct Line conversations over the turns and the store: start (with the welcome), post (echo, turn, replies,
/// committed together before the post is answered), read after a watermark, and live subscriptions for WebSocket
/// streams. <see cref="ConversationTurns"/> serialises the posts of a conversation and answers a retried client
/// activity id with the first post's id.
/// </summary>
internal sealed class DirectLineConversations : IDisposable
{
    public const string ChannelId = "directline";

    /// <summary>Activity sets a stream may fall behind by; past that it re-reads the store, so a slow reader costs no memory.</summary>
    private const int StreamBacklog = 64;

    /// <summary>Marks this instance's own transcript changes, which its streams already got with the activities.</summary>
    private readonly string _instance = Guid.NewGuid().ToString("N");
    private readonly ConversationTurns _turns;
    private readonly ITurnStore _turnStore;
    private readonly IConversationStore _store;
    private readonly IHandoffLine _line;
    private readonly TimeProvider _time;
    private readonly IOptions<LimitsOptions> _limits;
    private readonly IChangeFeed _changes;
    private readonly IDisposable _otherInstances;

    public DirectLineConversations(ConversationTurns turns, ITurnStore turnStore, IConversationStore store, IHandoffLine line, TimeProvider time,
        IOptions<LimitsOptions> limits, IChangeFeed changes)
    {
        _turns = turns;
        _turnStore = turnStore;
        _store = store;
        _line = line;
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

    /// <summary>Conversations known to exist, remembered until deleted on request (<see cref="Forget"/>).</summary>
    private readonly ConcurrentDictionary<string, byte> _known = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<long, Subscription>> _subscribers = new(StringComparer.Ordinal);
    private long _lastTicks;
    private long _lastSubscription;

    public static string NewConversationId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    /// <summary>Creates the conversation and the bot's welcome; a conversation that exists already is left as it is.</summary>
    public async Task<bool> StartAsync(string conversationId, string? userId, CancellationToken cancellationToken)
    {
        if (await _store.ExistsAsync(conversationId, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        await _store.CreateAsync(conversationId, userId, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var update = new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            ChannelId = ChannelId,
            Conversation = new ConversationAccount(conversationId),
            Recipient = ConversationEngine.Bot,
            MembersAdded = [new ChannelAccount(userId ?? "user", Role: "user")],
        };
        var welcome = await _turns.HandleAsync(ConversationKey.DirectLine(conversationId), update, ClientIdentity.InProcess(update), OnThisChannel, cancellationToken)
            .ConfigureAwait(false);
        await PublishAsync(conversationId, welcome.All, cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async Task<bool> ExistsAsync(string conversationId, CancellationToken cancellationToken)
    {
        // The store also keeps Bot Connector conversations, under their own namespace: not Direct Line's to read or post to.
        if (ConversationKey.Parse(conversationId).IsBotConnector)
        {
            return false;
        }

        if (_known.ContainsKey(conversationId))
        {
            return true;
        }

        var exists = await _store.ExistsAsync(conversationId, cancellationToken).ConfigureAwait(false);
        if (exists)
        {
            _known.TryAdd(conversationId, 0);
        }

        return exists;
    }

    /// <summary>A conversation deleted on request: its token can no longer read or post to it (404).</summary>
    public void Forget(string conversationId) => _known.TryRemove(conversationId, out _);

    /// <summary>
    /// Posts the shopper's activity as <paramref name="userId"/> (the user the token names, else the one the post
    /// gives), sent by <paramref name="client"/>; returns the id the echo carries.
    /// </summary>
    public async Task<string> PostAsync(string conversationId, string? userId, Activity posted, ClientIdentity client, CancellationToken cancellationToken)
    {
        // The server says who spoke: a shopper cannot post as the bot or as an agent, whatever the activity claims.
        var shopper = new ChannelAccount(userId ?? ShopperId(posted.From?.Id), Name: null, Role: "user");
        var inbound = posted with
        {
            Id = null,
            ChannelId = ChannelId,
            Conversation = new ConversationAccount(conversationId),
            Recipient = ConversationEngine.Bot,
            From = shopper,
        };

        // Web Chat shows "typing" while the turn runs; it is a signal, not part of the transcript, so it is not stored.
        // While a person owns the conversation the bot is not the one who would be typing.
        if (!await _line.BotIsSilentAsync(conversationId, cancellationToken).ConfigureAwait(false))
        {
            PublishTyping(conversationId);
        }

        // The shopper's message, the replies and the conversation's state are committed together before the post is
        // answered: a crash in between loses nothing the client was told about, and its retry is answered anew.
        var turn = await _turns.HandleAsync(ConversationKey.DirectLine(conversationId), inbound, client, OnThisChannel, cancellationToken).ConfigureAwait(false);
        if (!turn.Repeated)
        {
            await _store.TouchUserAsync(shopper.Id, shopper.Name, inbound.Locale, turn.Inbound!.Activity.Timestamp!.Value, cancellationToken).ConfigureAwait(false);
            await PublishAsync(conversationId, turn.All, cancellationToken).ConfigureAwait(false);
        }

        return turn.Inbound!.Activity.Id!;
    }

    /// <summary>
    /// Records and streams activities written outside a turn (an agent's message, the bot announcing the agent), in
    /// order with the shopper's posts. A first activity whose client id is already stored was delivered before: it is
    /// not sent again.
    /// </summary>
    public async Task<long> DeliverAsync(string conversationId, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        var (stored, appended) = await _turnStore.AppendOnceAsync(_store, conversationId, null,
            [.. activities.Select(OnThisChannel)], _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (appended)
        {
            await PublishAsync(conversationId, stored, cancellationToken).ConfigureAwait(false);
        }

        return stored[0].Sequence;
    }

    /// <summary>The id a token without a user lets the client choose; never one of the ids agents write under (<c>agent:…</c>).</summary>
    private static string ShopperId(string? posted) =>
        string.IsNullOrEmpty(posted) || posted.StartsWith("agent:", StringComparison.Ordinal) ? "user" : posted;

    private void PublishTyping(string conversationId) =>
        Publish(conversationId, [new StoredActivity(-1, new Activity
        {
            Type = ActivityTypes.Typing,
            Id = $"{conversationId}|typing-{Guid.NewGuid():N}",
            Timestamp = _time.GetUtcNow(),
            ChannelId = ChannelId,
            From = ConversationEngine.Bot,
            Conversation = new ConversationAccount(conversationId),
        })]);

    public Task<IReadOnlyList<StoredActivity>> ReadAfterAsync(string conversationId, long watermark, CancellationToken cancellationToken) =>
        _store.ReadAfterAsync(conversationId, watermark, cancellationToken);

    /// <summary>
    /// A live feed of what is appended to the conversation from now on; dispose to stop. Beyond
    /// <see cref="LimitsOptions.StreamsPerConversation"/> the oldest feed of the conversation is ended (its reader
    /// sees the channel complete), so a reconnecting client always gets its stream and one token cannot hold many.
    /// </summary>
    public Subscription Subscribe(string conversationId)
    {
        var subscribers = _subscribers.GetOrAdd(conversationId, _ => new ConcurrentDictionary<long, Subscription>());
        var id = Interlocked.Increment(ref _lastSubscription);
        var subscription = new Subscription(() => subscribers.TryRemove(id, out _));
        subscribers[id] = subscription;
        var cap = _limits.Value.StreamsPerConversation;
        while (cap > 0 && subscribers.Count > cap && subscribers.Keys.Min() is var oldest && subscribers.TryRemove(oldest, out var replaced))
        {
            replaced.End();
        }

        return subscription;
    }

    /// <summary>Hands committed activities to this instance's streams and tells the other instances the transcript grew.</summary>
    private async Task PublishAsync(string conversationId, IReadOnlyList<StoredActivity> activities, CancellationToken cancellationToken)
    {
        if (activities.Count == 0)
        {
            return;
        }

        Publish(conversationId, activities);
        await _changes.PublishAsync(new Change(Change.Transcript, conversationId, activities[^1].Sequence, _instance), cancellationToken).ConfigureAwait(false);
    }

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

    private Activity OnThisChannel(Activity activity) => Stamp(activity with { ChannelId = ChannelId });

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
