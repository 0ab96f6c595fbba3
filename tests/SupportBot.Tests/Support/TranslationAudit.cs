using System.Text.RegularExpressions;
using SupportBot.Knowledge;
using SupportBot.Knowledge.Responses;
using YamlDotNet.RepresentationModel;

namespace SupportBot.Tests.Support;

/// <summary>
/// What a knowledge folder's translations lack against its English files, read independently of the loader's own checks:
/// every English FAQ entry has a counterpart in each <c>faq/&lt;lang&gt;/</c> folder with the same id, topic, related ids,
/// link and <c>{{policy}}</c> placeholders, and each <c>responses/&lt;catalogue&gt;.&lt;lang&gt;.yml</c> has every key of the
/// English file with the same <c>{placeholders}</c>. One line per difference, empty when the translations are complete.
/// </summary>
internal static partial class TranslationAudit
{
    public static List<string> Entries(string root)
    {
        var problems = new List<string>();
        var knowledge = new KnowledgeLoader(new KnowledgeOptions(), pathsInFolder: true).Load(root);
        var faq = Path.Combine(root, "faq");
        List<string> languages = Directory.Exists(faq)
            ? [.. Directory.EnumerateDirectories(faq).Select(Path.GetFileName).OfType<string>().Where(KnowledgeLanguages.IsLanguage).Where(l => l != "en").Order(StringComparer.Ordinal)]
            : [];
        foreach (var language in languages)
        {
            problems.AddRange(knowledge.Errors.Where(e => e.Path.StartsWith($"faq/{language}/", StringComparison.Ordinal)).Select(e => $"{language}: {e}"));
            var translations = knowledge.In(language).Entries.ToDictionary(e => e.Id, StringComparer.Ordinal);
            foreach (var original in knowledge.Entries)
            {
                if (!translations.Remove(original.Id, out var translation))
                {
                    problems.Add($"{language}: no counterpart of {original.Id} ({original.Source.Path})");
                    continue;
                }

                Compare(root, language, original, translation, problems);
            }

            problems.AddRange(translations.Values.Select(orphan => $"{language}: {orphan.Id} has no English entry ({orphan.Source.Path})"));
        }

        return problems;
    }

    public static List<string> Catalogues(string root)
    {
        var problems = new List<string>();
        var folder = Path.Combine(root, "responses");
        if (!Directory.Exists(folder))
        {
            return problems;
        }

        foreach (var path in Directory.EnumerateFiles(folder, "*.*.yml").Order(StringComparer.Ordinal))
        {
            var parts = Path.GetFileNameWithoutExtension(path).Split('.');
            var english = Path.Combine(folder, parts[0] + ".yml");
            if (parts.Length != 2 || !KnowledgeLanguages.IsLanguage(parts[1]) || !File.Exists(english))
            {
                continue;
            }

            var originals = Flatten(english);
            var translated = Flatten(path);
            foreach (var (key, text) in originals)
            {
                if (!translated.TryGetValue(key, out var translation))
                {
                    problems.Add($"{Path.GetFileName(path)}: missing '{key}'");
                }
                else if (!SameSet(ResponseTemplate.PlaceholdersIn(text), ResponseTemplate.PlaceholdersIn(translation)))
                {
                    problems.Add($"{Path.GetFileName(path)}: '{key}' uses {{{string.Join("}, {", ResponseTemplate.PlaceholdersIn(translation).Order(StringComparer.Ordinal))}}}, the English {{{string.Join("}, {", ResponseTemplate.PlaceholdersIn(text).Order(StringComparer.Ordinal))}}}");
                }
            }

            // A key the schema makes optional (a translation's answer footer) may stand in a translation alone.
            var optional = ResponseSchemas.All.FirstOrDefault(s => s.Name == parts[0])?.Optional ?? new HashSet<string>();
            problems.AddRange(translated.Keys.Where(k => !originals.ContainsKey(k) && !optional.Contains(k)).Select(k => $"{Path.GetFileName(path)}: '{k}' is not in {parts[0]}.yml"));
        }

        return problems;
    }

    private static void Compare(string root, string language, FaqEntry original, FaqEntry translation, List<string> problems)
    {
        var what = $"{language}: {original.Id}";
        if (translation.Topic != original.Topic)
        {
            problems.Add($"{what}: topic {translation.Topic}, the English {original.Topic}");
        }

        if (translation.Link != original.Link)
        {
            problems.Add($"{what}: link {translation.Link}, the English {original.Link}");
        }

        if (!SameSet(translation.Related.Select(r => r.Text), original.Related.Select(r => r.Text)))
        {
            problems.Add($"{what}: related [{string.Join(", ", translation.Related.Select(r => r.Text))}], the English [{string.Join(", ", original.Related.Select(r => r.Text))}]");
        }

        var policies = PolicyPlaceholders(Path.Combine(root, original.Source.Path));
        var translatedPolicies = PolicyPlaceholders(Path.Combine(root, translation.Source.Path));
        if (!SameSet(policies, translatedPolicies))
        {
            problems.Add($"{what}: policy placeholders [{string.Join(", ", translatedPolicies.Order(StringComparer.Ordinal))}], the English [{string.Join(", ", policies.Order(StringComparer.Ordinal))}]");
        }
    }

    private static HashSet<string> PolicyPlaceholders(string path) =>
        PolicyPlaceholder().Matches(File.ReadAllText(path)).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    private static bool SameSet(IEnumerable<string> a, IEnumerable<string> b) =>
        a.ToHashSet(StringComparer.Ordinal).SetEquals(b);

    /// <summary>A catalogue's texts by dotted key (plural forms as <c>key.one</c> and <c>key.other</c>).</summary>
    private static Dictionary<string, string> Flatten(string path)
    {
        var stream = new YamlStream();
        using (var reader = new StringReader(File.ReadAllText(path)))
        {
            stream.Load(reader);
        }

        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        if (stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode map)
        {
            Flatten(map, "", texts);
        }

        return texts;
    }

    private static void Flatten(YamlMappingNode map, string prefix, Dictionary<string, string> texts)
    {
        foreach (var (key, value) in map.Children)
        {
            var name = prefix + ((YamlScalarNode)key).Value;
            if (value is YamlMappingNode child)
            {
                Flatten(child, name + ".", texts);
            }
            else
            {
                texts[name] = value is YamlScalarNode { Value: { } text } ? text : value.ToString();
            }
        }
    }

    [GeneratedRegex(@"\{\{\s*([\w.]+)\s*\}\}")]
    private static partial Regex PolicyPlaceholder();
}
