using System.Text;

namespace SupportBot.Knowledge;

/// <summary>The checks that need every entry of one language at once: unique ids, unique phrasings, related entries that exist.</summary>
internal static class CrossFileChecks
{
    /// <param name="entries">One language's entries.</param>
    /// <param name="diagnostics">Where problems go.</param>
    /// <param name="defaultIds">
    /// For a translation, the default language's ids: a related entry that exists only there is not translated yet, a
    /// warning (the translation is served, without that suggestion) rather than an error.
    /// </param>
    public static List<FaqEntry> Apply(List<FaqEntry> entries, DiagnosticBag diagnostics, IReadOnlySet<string>? defaultIds = null)
    {
        var byId = new Dictionary<string, FaqEntry>(StringComparer.Ordinal);
        var kept = new List<FaqEntry>(entries.Count);
        foreach (var entry in entries)
        {
            if (byId.TryGetValue(entry.Id, out var first))
            {
                diagnostics.Error(entry.Source.Path, entry.Source.Line, $"duplicate id '{entry.Id}' (first used at {first.Source})");
                continue;
            }

            byId.Add(entry.Id, entry);
            kept.Add(entry);
        }

        var phrasings = new Dictionary<string, (FaqEntry Entry, int Line)>(StringComparer.Ordinal);
        foreach (var entry in kept)
        {
            foreach (var (text, line) in entry.Questions.Select(q => (q.Text, q.Line)).Prepend((entry.Title, entry.TitleLine)))
            {
                var key = Normalize(text);
                if (!phrasings.TryGetValue(key, out var owner))
                {
                    phrasings.Add(key, (entry, line));
                }
                else if (owner.Entry == entry)
                {
                    diagnostics.Warning(entry.Source.Path, line, $"the phrasing \"{text}\" is repeated in this entry");
                }
                else
                {
                    diagnostics.Error(entry.Source.Path, line,
                        $"the phrasing \"{text}\" is also used by '{owner.Entry.Id}' ({owner.Entry.Source.Path}:{owner.Line}); a question must lead to one answer");
                }
            }

            foreach (var related in entry.Related)
            {
                if (related.Text == entry.Id)
                {
                    diagnostics.Warning(entry.Source.Path, related.Line, "an entry need not list itself as related");
                }
                else if (!byId.ContainsKey(related.Text) && defaultIds?.Contains(related.Text) == true)
                {
                    diagnostics.Warning(entry.Source.Path, related.Line, $"related entry '{related.Text}' is not translated into this language yet");
                }
                else if (!byId.ContainsKey(related.Text))
                {
                    diagnostics.Error(entry.Source.Path, related.Line, $"related entry '{related.Text}' does not exist");
                }
            }
        }

        return kept;
    }

    /// <summary>Phrasings that differ only in case, punctuation or spacing count as the same question.</summary>
    internal static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (space && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                builder.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else if (char.IsWhiteSpace(c))
            {
                space = true;
            }
        }

        return builder.ToString();
    }
}
