namespace SupportBot.Knowledge.Files;

/// <summary>
/// Reads <c>synonyms.txt</c>: one group per line, comma-separated (<c>parcel, package, shipment</c>), or one way
/// (<c>money back =&gt; refund</c>); <c>#</c> starts a comment.
/// </summary>
internal static class SynonymFileParser
{
    public static IReadOnlyList<SynonymGroup> Parse(string text, string displayPath, DiagnosticBag diagnostics)
    {
        var groups = new List<SynonymGroup>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var hash = line.IndexOf('#', StringComparison.Ordinal);
            if (hash >= 0)
            {
                line = line[..hash];
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var location = new SourceLocation(displayPath, i + 1);
            var arrow = line.Split("=>");
            if (arrow.Length > 2)
            {
                diagnostics.Error(displayPath, i + 1, "use '=>' at most once on a line");
                continue;
            }

            var phrases = Phrases(arrow[0]);
            var targets = arrow.Length == 2 ? Phrases(arrow[1]) : null;
            if (targets is not null && (phrases.Count == 0 || targets.Count == 0))
            {
                diagnostics.Error(displayPath, i + 1, "a one-way synonym needs words on both sides of '=>'");
            }
            else if (targets is null && phrases.Count < 2)
            {
                diagnostics.Error(displayPath, i + 1, "a synonym group needs at least two words or phrases separated by commas");
            }
            else
            {
                groups.Add(new SynonymGroup(phrases, targets, location));
            }
        }

        return groups;
    }

    private static List<string> Phrases(string part) =>
        part.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.ToLowerInvariant())
            .Distinct(StringComparer.Ordinal)
            .ToList();
}
