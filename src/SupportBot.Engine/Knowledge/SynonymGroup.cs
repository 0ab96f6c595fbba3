namespace SupportBot.Knowledge;

/// <summary>
/// A line of <c>synonyms.txt</c>: words or phrases a shopper uses for the same thing. With <see cref="Targets"/>
/// set, the mapping is one way: a query with any of <see cref="Phrases"/> also searches the targets.
/// </summary>
internal sealed record SynonymGroup(IReadOnlyList<string> Phrases, IReadOnlyList<string>? Targets, SourceLocation Source);
