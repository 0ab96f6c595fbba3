using System.Security.Cryptography;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using SupportBot.Configuration;
using SupportBot.Conversation;
using SupportBot.Schema;
using SupportBot.Handoff;
using SupportBot.Storage;

namespace SupportBot.Host.DirectLine;

/// <summary>
/// Direct Line conversations over the turns and the store: start (with the welcome), post (echo, turn, replies,
/// committed together before the post is answered), read after a watermark, and live subscriptions for WebSocket
/// streams. <see cref="ConversationTurns"/> serialises the posts of a conversation and answers a retried client
/// activity id with the first post's id.
/// </summary>
internal sealed class DirectLineConversations(ConversationTurns turns, IConversationStore store, DirectLineStreams streams, TimeProvider time) : IDisposable
{
    public const string ChannelId = DirectLineStreams.ChannelId;

    /// <summary>Conversations in use recently, so their every poll and post does not ask the store again; bounded.</summary>
    private const int KnownConversationsKept = 10_000;

    /// <summary>
    /// How long a quiet conversation stays remembered. Also how long another instance may take to notice that a
    /// conversation was deleted on request there (this instance forgets its own deletions at once: <see cref="Forget"/>).
    /// </summary>
    private static readonly TimeSpan KnownFor = TimeSpan.FromMinutes(5);

    /// <summary>Only conversations the store has are remembered, so made-up ids cost their sender a lookup each, not memory.</summary>
    private readonly MemoryCache _known = new(new MemoryCacheOptions { SizeLimit = KnownConversationsKept });

    public static string NewConversationId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    /// <summary>
    /// Creates the conversation and the bot's welcome, in <paramref name="locale"/> when the client started with one
    /// (Web Chat's locale); a conversation that exists already is left as it is.
    /// </summary>
    public async Task<bool> StartAsync(string conversationId, string? userId, string? locale, CancellationToken cancellationToken)
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
            Locale = locale,
        };
        var welcome = await turns.HandleAsync(ConversationKey.DirectLine(conversationId), update, ClientIdentity.InProcess(update), streams.OnThisChannel, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        await streams.PublishAsync(conversationId, welcome.All, cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async Task<bool> ExistsAsync(string conversationId, CancellationToken cancellationToken)
    {
        // The store also keeps Bot Connector conversations, under their own namespace: not Direct Line's to read or post to.
        if (ConversationKey.Parse(conversationId).IsBotConnector)
        {
            return false;
        }

        if (_known.TryGetValue(conversationId, out _))
        {
            return true;
        }

        var exists = await store.ExistsAsync(conversationId, cancellationToken).ConfigureAwait(false);
        if (exists)
        {
            _known.Set(conversationId, true, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = KnownFor });
        }

        return exists;
    }

    /// <summary>A conversation deleted on request: its token can no longer read or post to it (404).</summary>
    public void Forget(string conversationId) => _known.Remove(conversationId);

    public void Dispose() => _known.Dispose();

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

        // The shopper's message, the replies and the conversation's state are committed together before the post is
        // answered: a crash in between loses nothing the client was told about, and its retry is answered anew.
        // Web Chat shows "typing" while the turn runs (a signal, not stored), unless a person owns the conversation:
        // the turn says so once it has read where the conversation stands.
        var turn = await turns.HandleAsync(ConversationKey.DirectLine(conversationId), inbound, client, streams.OnThisChannel,
            () => streams.PublishTyping(conversationId), cancellationToken).ConfigureAwait(false);
        if (!turn.Repeated)
        {
            await streams.PublishAsync(conversationId, turn.All, cancellationToken).ConfigureAwait(false);
        }

        return turn.Inbound!.Activity.Id!;
    }

    /// <summary>The id a token without a user lets the client choose; never one of the ids agents write under (<c>agent:…</c>).</summary>
    private static string ShopperId(string? posted) =>
        string.IsNullOrEmpty(posted) || posted.StartsWith("agent:", StringComparison.Ordinal) ? "user" : posted;

    public Task<IReadOnlyList<StoredActivity>> ReadAfterAsync(string conversationId, long watermark, CancellationToken cancellationToken) =>
        store.ReadAfterAsync(conversationId, watermark, cancellationToken);

    /// <summary>A live feed of what is appended to the conversation from now on (see <see cref="DirectLineStreams.Subscribe"/>).</summary>
    public DirectLineStreams.Subscription Subscribe(string conversationId) => streams.Subscribe(conversationId);
}
