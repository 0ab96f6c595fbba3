namespace SupportBot.Knowledge.Intents;

/// <summary>Checks across intent files: unique names, and no example that teaches two intents.</summary>
internal static class IntentChecks
{
    /// <summary>Names starting with this are the FAQ topics' intents (<c>faq_returns_refunds</c>): made from the FAQ, never written in a file.</summary>
    public const string FaqIntentPrefix = "faq_";

    public static List<IntentDefinition> Apply(List<IntentDefinition> intents, IReadOnlyList<FaqEntry> faq, DiagnosticBag diagnostics)
    {
        var byName = new Dictionary<string, IntentDefinition>(StringComparer.Ordinal);
        var kept = new List<IntentDefinition>();
        foreach (var intent in intents)
        {
            if (byName.TryGetValue(intent.Name, out var first))
            {
                diagnostics.Error(intent.Source.Path, intent.Source.Line, $"intent '{intent.Name}' is defined twice (first at {first.Source})");
                continue;
            }

            if (intent.Name.StartsWith(FaqIntentPrefix, StringComparison.Ordinal))
            {
                diagnostics.Error(intent.Source.Path, intent.Source.Line,
                    $"intent names starting with '{FaqIntentPrefix}' are made from the FAQ topics; choose another name");
                continue;
            }

            byName.Add(intent.Name, intent);
            kept.Add(intent);
        }

        var examples = new Dictionary<string, (IntentDefinition Intent, int Line)>(StringComparer.Ordinal);
        foreach (var intent in kept)
        {
            foreach (var example in intent.Examples)
            {
                var key = CrossFileChecks.Normalize(example.Text);
                if (!examples.TryGetValue(key, out var owner))
                {
                    examples.Add(key, (intent, example.Line));
                }
                else if (owner.Intent == intent)
                {
                    diagnostics.Warning(intent.Source.Path, example.Line, $"the example \"{example.Text}\" is repeated in this intent");
                }
                else
                {
                    diagnostics.Error(intent.Source.Path, example.Line,
                        $"the example \"{example.Text}\" is also an example of '{owner.Intent.Name}' ({owner.Intent.Source.Path}:{owner.Line}); an example must teach one intent");
                }
            }
        }

        foreach (var entry in faq.Where(e => e.Intent is not null && !byName.ContainsKey(e.Intent) && !e.Intent.StartsWith(FaqIntentPrefix, StringComparison.Ordinal)))
        {
            diagnostics.Warning(entry.Source.Path, entry.Source.Line,
                $"intent '{entry.Intent}' has no file in intents/; this entry's phrasings alone will teach it");
        }

        return kept;
    }
}
