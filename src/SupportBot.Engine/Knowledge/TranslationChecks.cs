using System.Globalization;
using SupportBot.Knowledge.Responses;

namespace SupportBot.Knowledge;

/// <summary>
/// What a translation lacks against the default language's files, as warnings an editor can follow: a default-language
/// FAQ entry without its counterpart in a language that has a <c>faq/&lt;lang&gt;/</c> folder, a counterpart whose topic,
/// link or related entries differ, and a catalogue key missing from <c>&lt;catalogue&gt;.&lt;lang&gt;.yml</c>. Missing
/// translations are warnings, never errors: the rest of the language is served while an editor writes them.
/// </summary>
internal static class TranslationChecks
{
    /// <param name="faqRoot">The <c>faq</c> folder: a language counts as translated there when it has a folder of its own.</param>
    /// <param name="defaultLanguage">The language the others are compared with.</param>
    /// <param name="byLanguage">Every language's entries.</param>
    /// <param name="diagnostics">Where the warnings go.</param>
    public static void Entries(string faqRoot, string defaultLanguage, IReadOnlyDictionary<string, LanguageKnowledge> byLanguage, DiagnosticBag diagnostics)
    {
        var originals = byLanguage[defaultLanguage].Entries;
        foreach (var (language, part) in byLanguage.Where(l => l.Key != defaultLanguage && Directory.Exists(Path.Combine(faqRoot, l.Key))).OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            var name = NameOf(language);
            var translations = part.Entries.ToDictionary(e => e.Id, StringComparer.Ordinal);
            foreach (var original in originals)
            {
                if (!translations.Remove(original.Id, out var translation))
                {
                    diagnostics.Warning(original.Source.Path, original.Source.Line,
                        $"no {name} counterpart: write faq/{language}/{original.Topic}/{original.Id}.md with id '{original.Id}'");
                    continue;
                }

                Compare(original, translation, diagnostics);
            }

            foreach (var orphan in translations.Values)
            {
                diagnostics.Warning(orphan.Source.Path, orphan.Source.Line,
                    $"no entry of the default language has the id '{orphan.Id}': a translation keeps its original's id");
            }
        }
    }

    /// <summary>
    /// Keys the default language's file of a catalogue has and a translation lacks, at the default file's line of the key
    /// (where an editor finds the sentence to translate); without a default file, the keys the bot needs.
    /// </summary>
    /// <param name="files">Each catalogue file read, by catalogue and locale (<see cref="ResponseCatalog.DefaultLocale"/> for the default one).</param>
    /// <param name="paths">The same files' paths as editors see them.</param>
    /// <param name="schemas">The keys each catalogue needs.</param>
    /// <param name="diagnostics">Where the warnings go.</param>
    public static void Catalogues(IReadOnlyDictionary<(string Catalogue, string Locale), IReadOnlyDictionary<string, ResponseTemplate>> files,
        IReadOnlyDictionary<(string Catalogue, string Locale), string> paths, IReadOnlyDictionary<string, ResponseSchema> schemas, DiagnosticBag diagnostics)
    {
        foreach (var ((catalogue, locale), translation) in files.Where(f => f.Key.Locale != ResponseCatalog.DefaultLocale)
            .OrderBy(f => f.Key.Catalogue, StringComparer.Ordinal).ThenBy(f => f.Key.Locale, StringComparer.Ordinal))
        {
            var path = paths[(catalogue, locale)];
            if (!files.TryGetValue((catalogue, ResponseCatalog.DefaultLocale), out var original) || original.Count == 0)
            {
                foreach (var key in schemas[catalogue].Keys.Keys.Where(k => !translation.ContainsKey(k)).Order(StringComparer.Ordinal))
                {
                    diagnostics.Warning(path, 1, $"'{key}' is not translated: the default file's sentence is used");
                }

                continue;
            }

            var originalPath = paths[(catalogue, ResponseCatalog.DefaultLocale)];
            foreach (var (key, sentence) in original.OrderBy(o => o.Value.Line))
            {
                if (!translation.TryGetValue(key, out var translated))
                {
                    diagnostics.Warning(originalPath, sentence.Line, $"'{key}' is not translated in {path}: the shopper gets this sentence there");
                }
                else if (!sentence.Placeholders.Order(StringComparer.Ordinal).SequenceEqual(translated.Placeholders.Order(StringComparer.Ordinal)))
                {
                    diagnostics.Warning(path, translated.Line,
                        $"'{key}' uses {Braced(translated.Placeholders)} where the default file ({originalPath}:{sentence.Line}) uses {Braced(sentence.Placeholders)}");
                }
            }
        }
    }

    private static void Compare(FaqEntry original, FaqEntry translation, DiagnosticBag diagnostics)
    {
        var at = translation.Source;
        if (translation.Topic != original.Topic)
        {
            diagnostics.Warning(at.Path, at.Line, $"topic '{translation.Topic}' is not the original's '{original.Topic}' ({original.Source})");
        }

        if (translation.Link != original.Link)
        {
            diagnostics.Warning(at.Path, at.Line, $"link '{translation.Link ?? "(none)"}' is not the original's '{original.Link ?? "(none)"}' ({original.Source})");
        }

        var related = translation.Related.Select(r => r.Text).Order(StringComparer.Ordinal);
        var originalRelated = original.Related.Select(r => r.Text).Order(StringComparer.Ordinal).ToList();
        if (!related.SequenceEqual(originalRelated))
        {
            diagnostics.Warning(at.Path, at.Line, $"related entries differ from the original's [{string.Join(", ", originalRelated)}] ({original.Source})");
        }
    }

    private static string NameOf(string language) =>
        $"{CultureInfo.GetCultureInfo(language).EnglishName} ({language})";

    private static string Braced(IEnumerable<string> placeholders)
    {
        var list = placeholders.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(p => "{" + p + "}").ToList();
        return list.Count == 0 ? "no placeholder" : string.Join(", ", list);
    }
}
