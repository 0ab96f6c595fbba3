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
/// Direct Line conversations over the engine and the store: start (with the welcome), post (echo, turn, replies,
/// committed in that order before the post is answered), read after a watermark, and live subscriptions for
/// WebSocket streams. Posts to one conversation are handled one at a time; a retried post with the same client
/// activity id returns the first post's id and is not processed again.
/// </summary>
internal sealed class DirectLineConversations(ConversationEngine engine, IConversationStore store, HandoffDesk desk, TimeProvider time, IOptions<LimitsOptions> limits)
{
    public const string ChannelId = "directline";

    /// <summary>Activity sets a stream may fall behind by; past that it re-reads the store, so a slow reader costs no memory.</summary>
    private const int StreamBacklog = 64;

    /// <summary>
    /// Per-conversation gates by a hash of the id: posts and deliveries to one conversation never overlap, and the
    /// memory stays fixed however many conversations there are.
    /// </summary>
    private readonly SemaphoreSlim[] _gates = [.. Enumerable.Range(0, 1024).Select(_ => new SemaphoreSlim(1, 1))];

    /// <summary>Conversations known to exist, remembered until deleted on request (<see cref="Forget"/>).</summary>
    private readonly ConcurrentDictionary<string, byte> _known = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<long, Subscription>> _subscribers = new(StringComparer.Ordinal);
    private long _lastTicks;
    private long _lastSubscription;

    public static string NewConversationId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    /// <summary>Creates the conversation and the bot's welcome; a conversation that exists already is left as it is.</summary>
    public async Task<bool> StartAsync(string conversationId, string? userId, CancellationToken cancellationToken)
    {
        if (await store.ExistsAsync(conversationId, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        await store.CreateAsync(conversationId, userId, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var update = new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            ChannelId = ChannelId,
            Conversation = new ConversationAccount(conversationId),
            Recipient = ConversationEngine.Bot,
            MembersAdded = [new ChannelAccount(userId ?? "user", Role: "user")],
        };
        var welcome = await engine.HandleAsync(ConversationKey.DirectLine(conversationId), update, cancellationToken).ConfigureAwait(false);
        await AppendAndPublishAsync(conversationId, welcome.Select(Stamp).ToList(), cancellationToken).ConfigureAwait(false);
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

        var exists = await store.ExistsAsync(conversationId, cancellationToken).ConfigureAwait(false);
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
        var gate = GateOf(conversationId);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (posted.ClientActivityId is { } clientId && await store.FindByClientIdAsync(conversationId, clientId, cancellationToken).ConfigureAwait(false) is { } earlier)
            {
                return earlier.Activity.Id!;
            }

            // The server says who spoke: a shopper cannot post as the bot or as an agent, whatever the activity claims.
            var shopper = new ChannelAccount(userId ?? ShopperId(posted.From?.Id), Name: null, Role: "user");
            var inbound = Stamp(posted with
            {
                Id = null,
                ChannelId = ChannelId,
                Conversation = new ConversationAccount(conversationId),
                Recipient = ConversationEngine.Bot,
                From = shopper,
            });

            // Web Chat shows "typing" while the turn runs; it is a signal, not part of the transcript, so it is not stored.
            // While a person owns the conversation the bot is not the one who would be typing.
            if (!desk.BotIsSilent(conversationId))
            {
                PublishTyping(conversationId);
            }

            // The turn runs first and the shopper's message and the replies are committed together, before the post
            // is answered: a crash in between loses nothing the client was told about, and its retry is answered anew.
            var echoId = await store.NextIdAsync(conversationId, cancellationToken).ConfigureAwait(false);
            var replies = await engine.HandleAsync(ConversationKey.DirectLine(conversationId), inbound with { Id = echoId }, client, cancellationToken).ConfigureAwait(false);
            await store.TouchUserAsync(shopper.Id, shopper.Name, inbound.Locale, inbound.Timestamp!.Value, cancellationToken).ConfigureAwait(false);

            var stored = await AppendAndPublishAsync(conversationId,
                [inbound, .. replies.Select(r => Stamp(r with { ChannelId = ChannelId, ReplyToId = echoId }))], cancellationToken).ConfigureAwait(false);
            desk.ShopperWrote(conversationId);
            return stored[0].Activity.Id!;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Records and streams activities written outside a turn (an agent's message, the bot announcing the agent), in
    /// order with the shopper's posts. A first activity whose client id is already stored was delivered before: it is
    /// not sent again.
    /// </summary>
    public async Task<long> DeliverAsync(string conversationId, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        var gate = GateOf(conversationId);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (activities[0].ClientActivityId is { } clientId && await store.FindByClientIdAsync(conversationId, clientId, cancellationToken).ConfigureAwait(false) is { } earlier)
            {
                return earlier.Sequence;
            }

            var stored = await AppendAndPublishAsync(conversationId, activities.Select(a => Stamp(a with { ChannelId = ChannelId })).ToList(), cancellationToken).ConfigureAwait(false);
            return stored[0].Sequence;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The id a token without a user lets the client choose; never one of the ids agents write under (<c>agent:…</c>).</summary>
    private static string ShopperId(string? posted) =>
        string.IsNullOrEmpty(posted) || posted.StartsWith("agent:", StringComparison.Ordinal) ? "user" : posted;

    private SemaphoreSlim GateOf(string conversationId) => _gates[(int)((uint)StringComparer.Ordinal.GetHashCode(conversationId) % (uint)_gates.Length)];

    private void PublishTyping(string conversationId) =>
        Publish(conversationId, [new StoredActivity(-1, new Activity
        {
            Type = ActivityTypes.Typing,
            Id = $"{conversationId}|typing-{Guid.NewGuid():N}",
            Timestamp = time.GetUtcNow(),
            ChannelId = ChannelId,
            From = ConversationEngine.Bot,
            Conversation = new ConversationAccount(conversationId),
        })]);

    public Task<IReadOnlyList<StoredActivity>> ReadAfterAsync(string conversationId, long watermark, CancellationToken cancellationToken) =>
        store.ReadAfterAsync(conversationId, watermark, cancellationToken);

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
        var cap = limits.Value.StreamsPerConversation;
        while (cap > 0 && subscribers.Count > cap && subscribers.Keys.Min() is var oldest && subscribers.TryRemove(oldest, out var replaced))
        {
            replaced.End();
        }

        return subscription;
    }

    private async Task<IReadOnlyList<StoredActivity>> AppendAndPublishAsync(string conversationId, List<Activity> activities, CancellationToken cancellationToken)
    {
        if (activities.Count == 0)
        {
            return [];
        }

        var stored = await store.AppendAsync(conversationId, activities, cancellationToken).ConfigureAwait(false);
        Publish(conversationId, stored);
        return stored;
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

    /// <summary>Server time from one clock that never goes backwards: Web Chat orders the transcript by timestamp.</summary>
    private Activity Stamp(Activity activity)
    {
        var now = time.GetUtcNow().UtcTicks;
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

        public void End() => _channel.Writer.TryComplete();

        public void Dispose() => unsubscribe();
    }
}
