namespace SupportBot.Evaluation.Conversations;

/// <summary>How the bot's text is compared with the expected text.</summary>
internal enum TextTolerance
{
    /// <summary>Character for character.</summary>
    Exact,

    /// <summary>Case, whitespace, punctuation, Markdown emphasis and typographic quotes ignored; placeholders match dynamic values.</summary>
    Normalized,

    /// <summary>The text is not compared; the same FAQ source, intent and handoff decision are.</summary>
    Semantic,
}

/// <summary>A conversation to replay: the shopper's turns and what the bot should do on each.</summary>
internal sealed record ScriptedConversation(string Name, string Path, IReadOnlyList<ScriptedTurn> Turns)
{
    /// <summary>The file's own tolerance (<c>tolerance=</c> header); null: the run's.</summary>
    public TextTolerance? Tolerance { get; init; }

    /// <summary>
    /// The shopper's locale (<c>locale=fr-FR</c> header), sent on every activity of the conversation as a channel
    /// does (Web Chat's <c>locale</c>); null: none is sent and the bot's default language applies.
    /// </summary>
    public string? Locale { get; init; }
}

/// <summary>One shopper message and the expectations on the bot's answer to it.</summary>
internal sealed record ScriptedTurn(int Line, string UserText)
{
    /// <summary>Expectations on the bot's welcome, before the shopper says anything (bot lines before the first user line).</summary>
    public bool IsStart { get; init; }

    /// <summary>The bot's messages in order; an entry of null means "a message whose text is not compared".</summary>
    public IReadOnlyList<string?> BotTexts { get; init; } = [];

    public string? Intent { get; init; }

    public string? Faq { get; init; }

    public string? Action { get; init; }

    /// <summary>A reason, <c>any</c> or <c>none</c>; null: not stated (an unexpected handoff still fails the turn).</summary>
    public string? Handoff { get; init; }

    public IReadOnlyList<string> Matches { get; init; } = [];

    public IReadOnlyList<string> NoMatches { get; init; } = [];

    /// <summary>A flow name or <c>none</c>.</summary>
    public string? Flow { get; init; }

    public string? Step { get; init; }

    public bool? Verified { get; init; }

    /// <summary>The two-letter language the engine should record for the turn (<c>[Language=fr]</c>).</summary>
    public string? Language { get; init; }

    public IReadOnlyList<string> Suggestions { get; init; } = [];

    /// <summary>Card content types that must be attached (<c>hero</c>, <c>adaptive</c>).</summary>
    public IReadOnlyList<string> Cards { get; init; } = [];

    /// <summary>
    /// What a recorded transcript's own decision trace said (intent, FAQ source, handoff or <c>none</c>): compared
    /// instead of the text under <see cref="TextTolerance.Semantic"/>.
    /// </summary>
    public RecordedDecision? Recorded { get; init; }
}

/// <summary>The decision a recording's <c>SupportBot.Decision</c> trace carried.</summary>
internal sealed record RecordedDecision(string? Intent, string? Faq, string Handoff);
