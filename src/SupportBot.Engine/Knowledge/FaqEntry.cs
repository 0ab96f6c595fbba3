namespace SupportBot.Knowledge;

/// <summary>A position in a knowledge file, for messages that point an editor at a line.</summary>
internal readonly record struct SourceLocation(string Path, int Line)
{
    public override string ToString() => $"{Path}:{Line}";
}

/// <summary>A value from a knowledge file with the line it was written on.</summary>
internal sealed record LocatedText(string Text, int Line);

/// <summary>One FAQ entry as an editor wrote it, with policy placeholders already filled in.</summary>
internal sealed record FaqEntry
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public required int TitleLine { get; init; }

    /// <summary>Alternative phrasings of the question (the title is not repeated here).</summary>
    public required IReadOnlyList<LocatedText> Questions { get; init; }

    public required IReadOnlyList<string> Tags { get; init; }

    public required string Locale { get; init; }

    /// <summary>The topic the entry belongs to (by default the folder it lives in).</summary>
    public required string Topic { get; init; }

    /// <summary>An optional intent name that routes to this entry.</summary>
    public string? Intent { get; init; }

    public required IReadOnlyList<LocatedText> Related { get; init; }

    /// <summary>An optional link to the full help page.</summary>
    public string? Link { get; init; }

    /// <summary>The answer as Markdown, policy placeholders replaced by their values.</summary>
    public required string AnswerMarkdown { get; init; }

    /// <summary>
    /// The editor's short statement of what a shopper must not miss (front-matter <c>summary:</c>, placeholders filled),
    /// the core of every excerpt of a long answer; null when the entry has none.
    /// </summary>
    public string? Summary { get; init; }

    /// <summary>
    /// What the shop does on request through a person (front-matter <c>handoff_on_request:</c>, the handoff's
    /// reason, e.g. <c>data_deletion_request</c>): a shopper who asks for it ("please delete my data") gets the answer
    /// and a handoff with that reason, never the article alone; one who asks about it ("how do I delete my
    /// account?") gets the answer.
    /// </summary>
    public string? HandoffOnRequest { get; init; }

    /// <summary>The answer as plain text, for indexing and for channels without Markdown.</summary>
    public required string AnswerText { get; init; }

    /// <summary>Where the entry's id is written.</summary>
    public required SourceLocation Source { get; init; }
}
