namespace SupportBot.Evaluation.Conversations;

/// <summary>Where conversations are replayed: a fresh engine in process, or a running bot over Direct Line.</summary>
internal interface IConversationDriver
{
    /// <summary>Said in reports: "in process" or the bot's URL.</summary>
    string Target { get; }

    /// <summary>
    /// Starts a new conversation; the observation is the bot's welcome. With a <paramref name="locale"/> (<c>fr-FR</c>)
    /// the start and every activity of the conversation carry it, as Web Chat sends its <c>locale</c>; null sends none.
    /// </summary>
    Task<(IConversationSession Session, TurnObservation Welcome)> StartAsync(string? locale, CancellationToken cancellationToken);
}

/// <summary>One live conversation with the bot under test.</summary>
internal interface IConversationSession : IAsyncDisposable
{
    Task<TurnObservation> SayAsync(string text, CancellationToken cancellationToken);
}
