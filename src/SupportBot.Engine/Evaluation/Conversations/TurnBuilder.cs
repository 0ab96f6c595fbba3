namespace SupportBot.Evaluation.Conversations;

/// <summary>A scripted turn as the .chat parser gathers it, line by line, before it is fixed as a <see cref="ScriptedTurn"/>.</summary>
internal sealed record TurnBuilder(int Line, string UserText, bool IsStart)
{
    public List<string?> BotTexts { get; } = [];

    public string? Intent { get; set; }

    public string? Faq { get; set; }

    public string? Action { get; set; }

    public string? Handoff { get; set; }

    public string? Flow { get; set; }

    public string? Step { get; set; }

    public bool? Verified { get; set; }

    public string? Language { get; set; }

    public List<string> Matches { get; } = [];

    public List<string> NoMatches { get; } = [];

    public List<string> Suggestions { get; } = [];

    public List<string> Cards { get; } = [];

    public ScriptedTurn Build() => new(Line, UserText)
    {
        IsStart = IsStart,
        BotTexts = BotTexts,
        Intent = Intent,
        Faq = Faq,
        Action = Action,
        Handoff = Handoff,
        Flow = Flow,
        Step = Step,
        Verified = Verified,
        Language = Language,
        Matches = Matches,
        NoMatches = NoMatches,
        Suggestions = Suggestions,
        Cards = Cards,
    };
}
