namespace SupportBot.Tests.Support;

/// <summary>Builds FAQ Markdown files for tests, valid unless a test changes a part (a null <c>Locale</c> leaves the line out).</summary>
internal sealed record FaqFile(
    string Id = "test-entry",
    string Title = "How do I test things?",
    string[]? Questions = null,
    string Tags = "[testing]",
    string? Related = null,
    string Answer = "You test them **carefully**.",
    string? Extra = null,
    string? Locale = "en-US")
{
    public override string ToString()
    {
        var questions = Questions ?? ["Can I try it out?", "Is there a way to check it?", "What checks are there?"];
        var lines = new List<string> { "---", $"id: {Id}", $"title: {Title}", "questions:" };
        lines.AddRange(questions.Select(q => $"  - {q}"));
        lines.Add($"tags: {Tags}");
        if (Locale is not null)
        {
            lines.Add($"locale: {Locale}");
        }

        if (Related is not null)
        {
            lines.Add($"related: {Related}");
        }

        if (Extra is not null)
        {
            lines.Add(Extra);
        }

        lines.Add("---");
        lines.Add(Answer);
        return string.Join('\n', lines) + "\n";
    }
}
