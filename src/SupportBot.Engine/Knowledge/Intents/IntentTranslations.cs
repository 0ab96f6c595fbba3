using SupportBot.Knowledge.Files;

namespace SupportBot.Knowledge.Intents;

/// <summary>
/// The intents of the languages besides the default one, from <c>intents/&lt;lang&gt;/*.yml</c>, by two-letter code.
/// Each language teaches the default language's intents (same names) with its own examples.
/// </summary>
internal sealed record IntentTranslations(IReadOnlyDictionary<string, IReadOnlyList<IntentDefinition>> ByLanguage)
{
    public static IntentTranslations None { get; } = new(new Dictionary<string, IReadOnlyList<IntentDefinition>>(StringComparer.Ordinal));

    /// <summary>The languages with at least one intent of their own, in code order.</summary>
    public IReadOnlyList<string> Languages => [.. ByLanguage.Where(l => l.Value.Count > 0).Select(l => l.Key).Order(StringComparer.Ordinal)];

    /// <summary>A language's intents; none for a language without a folder.</summary>
    public IReadOnlyList<IntentDefinition> In(string language) => ByLanguage.GetValueOrDefault(language) ?? [];
}

/// <summary>
/// Reads the language folders under <c>intents/</c> after the rest of the knowledge, so that each language is checked
/// against the default language's intents: a name the default language lacks is ignored, an intent a language lacks
/// is reported (its messages in that language are never read as it), both as warnings at the line concerned.
/// </summary>
internal static class IntentTranslationLoader
{
    /// <summary>
    /// Whether a file under <c>intents/</c> is in a language's folder (<c>intents/fr/…</c>): a first folder named by two
    /// lowercase letters that .NET knows as a language. Other folders keep holding the default language's intents.
    /// </summary>
    public static bool IsInLanguageFolder(string intentsRoot, string path)
    {
        var relative = Path.GetRelativePath(intentsRoot, Path.GetDirectoryName(path)!);
        return relative != "." && KnowledgeLanguages.IsLanguage(relative.Split(Path.DirectorySeparatorChar)[0]);
    }

    /// <summary><paramref name="knowledge"/> with its language folders' intents, their files counted and their problems added.</summary>
    /// <param name="display">How a full path is shown to editors (as the loader shows every other file).</param>
    public static KnowledgeBase AddTo(KnowledgeBase knowledge, string defaultLocale, Func<string, string> display, long maxFileBytes)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentNullException.ThrowIfNull(display);
        var root = Path.Combine(knowledge.RootPath, KnowledgeLoader.IntentsFolder);
        var folders = Directory.Exists(root)
            ? Directory.EnumerateDirectories(root).Where(f => KnowledgeLanguages.IsLanguage(Path.GetFileName(f))).Order(StringComparer.Ordinal).ToList()
            : [];
        if (folders.Count == 0)
        {
            return knowledge;
        }

        var defaultLanguage = KnowledgeLanguages.Of(defaultLocale);
        var diagnostics = new DiagnosticBag();
        var files = 0;
        var byLanguage = new Dictionary<string, IReadOnlyList<IntentDefinition>>(StringComparer.Ordinal);
        foreach (var folder in folders)
        {
            var language = Path.GetFileName(folder);
            if (language == defaultLanguage)
            {
                diagnostics.Warning(display(folder), 1, $"'{language}' is the default language, whose intents are the files directly in {KnowledgeLoader.IntentsFolder}/: ignored");
                continue;
            }

            var intents = new List<IntentDefinition>();
            foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var shown = display(path);
                if (!path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) && !path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase))
                {
                    diagnostics.Warning(shown, 1, "not a YAML (.yml) file: ignored");
                    continue;
                }

                files++;
                var text = TextFileReader.Read(path, shown, maxFileBytes, diagnostics);
                if (text is not null && IntentFileParser.Parse(text, shown, diagnostics) is { } intent)
                {
                    intents.Add(intent);
                }
            }

            byLanguage[language] = AgainstDefault(IntentChecks.Apply(intents, [], diagnostics), knowledge.Intents, language, diagnostics);
        }

        return knowledge with
        {
            Diagnostics = [.. knowledge.Diagnostics, .. diagnostics.Items],
            FileCount = knowledge.FileCount + files,
            IntentTranslations = new IntentTranslations(byLanguage),
        };
    }

    private static List<IntentDefinition> AgainstDefault(List<IntentDefinition> intents, IReadOnlyList<IntentDefinition> defaults, string language, DiagnosticBag diagnostics)
    {
        var known = defaults.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        var kept = new List<IntentDefinition>(intents.Count);
        foreach (var intent in intents)
        {
            if (known.Contains(intent.Name))
            {
                kept.Add(intent);
            }
            else
            {
                diagnostics.Warning(intent.Source.Path, intent.Source.Line,
                    $"intent '{intent.Name}' is not one of the default language's intents ({KnowledgeLoader.IntentsFolder}/*.yml): ignored (a translation keeps the intent's name)");
            }
        }

        var present = kept.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var missing in defaults.Where(i => !present.Contains(i.Name)))
        {
            diagnostics.Warning(missing.Source.Path, missing.Source.Line,
                $"intent '{missing.Name}' has no '{language}' examples ({KnowledgeLoader.IntentsFolder}/{language}/{missing.Name}.yml): messages in that language are never read as it");
        }

        return kept;
    }
}
