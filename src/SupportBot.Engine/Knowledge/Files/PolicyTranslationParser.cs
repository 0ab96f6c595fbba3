namespace SupportBot.Knowledge.Files;

/// <summary>
/// Reads a translation overlay, <c>policies.&lt;lang&gt;.yml</c>: the same sections and keys as <c>policies.yml</c>,
/// holding only its text facts worded in the language. Numbers, amounts, names and addresses are the shop's facts in
/// every language, so an overlay that restates one (it could only drift from <c>policies.yml</c>) is an error at its
/// line, and so is a key <c>policies.yml</c> does not have.
/// </summary>
internal static class PolicyTranslationParser
{
    public static IReadOnlyDictionary<string, PolicyFact> Parse(string text, string displayPath, StorePolicies original, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(original);
        var read = PolicyFileParser.Parse(text, displayPath, diagnostics);
        var kept = new Dictionary<string, PolicyFact>(StringComparer.Ordinal);
        foreach (var fact in read.Facts.OrderBy(f => f.Source.Line))
        {
            var line = fact.Source.Line;
            if (!original.TryGet(fact.Path, out var english))
            {
                diagnostics.Error(displayPath, line, $"policy '{fact.Path}' is not in policies.yml: a translation words a fact policies.yml has, under the same section and key");
            }
            else if (english.Kind != PolicyFactKind.Text)
            {
                diagnostics.Error(displayPath, line,
                    $"policy '{fact.Path}' is {Describe(english.Kind)} ('{english.Value}'), the same in every language: only text facts are translated, so delete this line (answers write numbers the language's way by themselves)");
            }
            else if (fact.Value.Trim().Length == 0)
            {
                diagnostics.Error(displayPath, line, $"policy '{fact.Path}' has an empty translation (delete the line to quote policies.yml's text)");
            }
            else
            {
                kept[fact.Path] = fact;
            }
        }

        return kept;
    }

    private static string Describe(PolicyFactKind kind) => kind switch
    {
        PolicyFactKind.Number => "a number or an amount",
        PolicyFactKind.Figures => "a range or size in figures",
        PolicyFactKind.Flag => "a yes/no setting",
        _ => "a name, an address or an id",
    };
}
