using System.Globalization;

namespace SupportBot.Knowledge.Files;

/// <summary>
/// Warns where a language's answers would quote a store fact in English: a worded text fact of <c>policies.yml</c>
/// ("never expire", "1 pm ET") that the language's <c>policies.&lt;lang&gt;.yml</c> does not translate, for each language
/// that has FAQ entries. Items of lists are left out: they are for the workflows, answers quote single values.
/// </summary>
internal static class PolicyTranslationChecks
{
    public static void WarnUntranslated(string policiesDisplay, StorePolicies policies, IEnumerable<string> languagesWithEntries, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(policies);
        var worded = policies.Facts
            .Where(f => f.Kind == PolicyFactKind.Text && PolicyFactKinds.IsWorded(f.Value) && !f.Path.Split('.').Any(IsIndex))
            .OrderBy(f => f.Source.Line)
            .ToList();
        foreach (var language in languagesWithEntries.Order(StringComparer.Ordinal))
        {
            var name = NameOf(language);
            var file = $"policies.{language}.yml";
            if (!policies.TranslatedLanguages.Contains(language))
            {
                if (worded.Count > 0)
                {
                    diagnostics.Warning(policiesDisplay, 1,
                        $"there is no {file}: {name} answers quote the {worded.Count} text facts of policies.yml ({string.Join(", ", worded.Take(3).Select(f => f.Path))}, …) in English");
                }

                continue;
            }

            var translated = policies.In(language);
            foreach (var fact in worded.Where(f => translated.TryGet(f.Path, out var own) && ReferenceEquals(own, f)))
            {
                diagnostics.Warning(fact.Source.Path, fact.Source.Line, $"'{fact.Path}' has no translation in {file}: {name} answers quote it in English");
            }
        }
    }

    private static bool IsIndex(string segment) => segment.Length > 0 && segment.All(char.IsAsciiDigit);

    private static string NameOf(string language)
    {
        try
        {
            return CultureInfo.GetCultureInfo(language).EnglishName;
        }
        catch (CultureNotFoundException)
        {
            return language;
        }
    }
}
