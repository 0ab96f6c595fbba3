using System.Text;
using SupportBot.Knowledge.Frustration;
using SupportBot.Knowledge.Files;
using SupportBot.Knowledge.Responses;
using SupportBot.Knowledge.Search;
using SupportBot.Knowledge.Intents;

namespace SupportBot.Knowledge;

/// <summary>
/// Loads and validates a knowledge folder: <c>policies.yml</c>, <c>synonyms.txt</c>, <c>faq/**/*.md</c>,
/// <c>intents/*.yml</c>, <c>prompts/reply.yaml</c> and <c>frustration.yml</c>.
/// It never throws on bad content; every problem becomes a <see cref="KnowledgeDiagnostic"/>, and entries that
/// are broken on their own are left out while the rest load.
/// </summary>
/// <param name="pathsInFolder">
/// Name files relative to the knowledge folder (<c>faq/returns.md</c>), as the server does in what it shows over HTTP;
/// otherwise relative to the working folder, so an editor at a terminal can click them.
/// </param>
internal sealed class KnowledgeLoader(KnowledgeOptions options, bool pathsInFolder = false)
{
    public const string PoliciesFile = "policies.yml";
    public const string SynonymsFile = "synonyms.txt";
    public const string FaqFolder = "faq";
    public const string IntentsFolder = "intents";
    public const string PromptsFolder = "prompts";
    public const string ResponsesFolder = "responses";

    public KnowledgeBase Load(string rootPath)
    {
        var knowledge = LoadDefaultLanguage(rootPath);
        return IntentTranslationLoader.AddTo(knowledge, options.DefaultLocale, path => Display(knowledge.RootPath, path), options.MaxFileBytes);
    }

    /// <summary>Everything but the other languages' intents (<c>intents/&lt;lang&gt;/</c>, read by <see cref="IntentTranslationLoader"/>).</summary>
    private KnowledgeBase LoadDefaultLanguage(string rootPath)
    {
        var root = Path.GetFullPath(rootPath);
        var diagnostics = new DiagnosticBag();
        if (!Directory.Exists(root))
        {
            diagnostics.Error(Display(root, root), 1, "knowledge folder does not exist");
            return new KnowledgeBase(root, [], StorePolicies.Empty, [], [], BuiltInPrompt.Load(StorePolicies.Empty), BuiltInLexicon.Load(), 0, diagnostics.Items);
        }

        var files = 0;
        var policies = StorePolicies.Empty;
        var policiesPath = Path.Combine(root, PoliciesFile);
        if (File.Exists(policiesPath))
        {
            files++;
            var text = TextFileReader.Read(policiesPath, Display(root, policiesPath), options.MaxFileBytes, diagnostics);
            policies = text is null ? policies : PolicyFileParser.Parse(text, Display(root, policiesPath), diagnostics);
        }

        IReadOnlyList<SynonymGroup> synonyms = [];
        var synonymsPath = Path.Combine(root, SynonymsFile);
        if (File.Exists(synonymsPath))
        {
            files++;
            var text = TextFileReader.Read(synonymsPath, Display(root, synonymsPath), options.MaxFileBytes, diagnostics);
            synonyms = text is null ? synonyms : SynonymFileParser.Parse(text, Display(root, synonymsPath), diagnostics);
            foreach (var (group, phrase) in SynonymExpander.IgnoredPhrases(synonyms))
            {
                diagnostics.Warning(group.Source.Path, group.Source.Line,
                    $"'{phrase}' is ignored: words such as 'in', 'my' or 'no' are not searched, so it would match too much (write it without them)");
            }
        }

        var entries = new List<FaqEntry>();
        var faqRoot = Path.Combine(root, FaqFolder);
        if (Directory.Exists(faqRoot))
        {
            foreach (var path in Directory.EnumerateFiles(faqRoot, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var display = Display(root, path);
                if (!path.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
                {
                    diagnostics.Warning(display, 1, "not a Markdown (.md) file: ignored");
                    continue;
                }

                files++;
                var text = TextFileReader.Read(path, display, options.MaxFileBytes, diagnostics);
                var entry = text is null
                    ? null
                    : FaqFileParser.Parse(text, display, TopicOf(faqRoot, path), options.DefaultLocale, policies, diagnostics);
                if (entry is not null)
                {
                    entries.Add(entry);
                }
            }
        }
        else
        {
            diagnostics.Warning(Display(root, root), 1, $"no '{FaqFolder}' folder: the bot has no FAQ answers");
        }

        entries = CrossFileChecks.Apply(entries, diagnostics);
        var intents = new List<IntentDefinition>();
        var intentsRoot = Path.Combine(root, IntentsFolder);
        if (Directory.Exists(intentsRoot))
        {
            foreach (var path in Directory.EnumerateFiles(intentsRoot, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var display = Display(root, path);
                if (IntentTranslationLoader.IsInLanguageFolder(intentsRoot, path))
                {
                    continue;
                }

                if (!path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) && !path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase))
                {
                    diagnostics.Warning(display, 1, "not a YAML (.yml) file: ignored");
                    continue;
                }

                files++;
                var text = TextFileReader.Read(path, display, options.MaxFileBytes, diagnostics);
                if (text is not null && IntentFileParser.Parse(text, display, diagnostics) is { } intent)
                {
                    intents.Add(intent);
                }
            }
        }

        intents = IntentChecks.Apply(intents, entries, diagnostics);
        var prompt = LoadPrompt(root, policies, diagnostics, ref files);
        var frustration = LoadFrustration(root, diagnostics, ref files);
        var responses = LoadResponses(root, diagnostics, ref files);
        return new KnowledgeBase(root, entries, policies, synonyms, intents, prompt, frustration, files, diagnostics.Items) { Responses = responses };
    }

    private ReplyPrompt LoadPrompt(string root, StorePolicies policies, DiagnosticBag diagnostics, ref int files)
    {
        var promptsRoot = Path.Combine(root, PromptsFolder);
        var path = Path.Combine(promptsRoot, ReplyPrompt.FileName);
        if (Directory.Exists(promptsRoot))
        {
            foreach (var other in Directory.EnumerateFiles(promptsRoot, "*", SearchOption.AllDirectories).Where(p => p != path).Order(StringComparer.Ordinal))
            {
                diagnostics.Warning(Display(root, other), 1, $"unknown prompt file: ignored (the reply prompt is {PromptsFolder}/{ReplyPrompt.FileName})");
            }
        }

        if (!File.Exists(path))
        {
            // Optional: a shop that has not written its own persona and rules gets the starter ones.
            return BuiltInPrompt.Load(policies);
        }

        files++;
        var display = Display(root, path);
        var text = TextFileReader.Read(path, display, options.MaxFileBytes, diagnostics);
        return (text is null ? null : PromptFileParser.Parse(text, display, policies, diagnostics)) ?? BuiltInPrompt.Load(policies);
    }

    private FrustrationLexicon LoadFrustration(string root, DiagnosticBag diagnostics, ref int files)
    {
        var path = Path.Combine(root, FrustrationLexicon.FileName);
        if (!File.Exists(path))
        {
            // Optional like the prompt: a shop that has not tuned its own lexicon gets the starter one.
            return BuiltInLexicon.Load();
        }

        files++;
        var display = Display(root, path);
        var text = TextFileReader.Read(path, display, options.MaxFileBytes, diagnostics);
        return (text is null ? null : FrustrationFileParser.Parse(text, display, diagnostics)) ?? BuiltInLexicon.Load();
    }

    /// <summary>
    /// <c>responses/&lt;catalogue&gt;.yml</c> and its translations <c>&lt;catalogue&gt;.&lt;locale&gt;.yml</c>, each checked
    /// against its <see cref="ResponseSchema"/>; a catalogue without its default file, or with errors in it, speaks with the built-in one.
    /// </summary>
    private ResponseCatalog LoadResponses(string root, DiagnosticBag diagnostics, ref int files)
    {
        var folder = Path.Combine(root, ResponsesFolder);
        var schemas = ResponseSchemas.All.ToDictionary(s => s.Name, StringComparer.Ordinal);
        var loaded = new Dictionary<(string, string), IReadOnlyDictionary<string, ResponseTemplate>>();
        var broken = new HashSet<string>(StringComparer.Ordinal);
        bool HasErrorsIn(string catalogue) => broken.Contains(catalogue);
        var paths = Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList() : [];
        foreach (var path in paths)
        {
            var display = Display(root, path);
            var name = Path.GetFileName(path);
            if (!name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) && !name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase))
            {
                diagnostics.Warning(display, 1, "not a YAML (.yml) file: ignored");
                continue;
            }

            var parts = Path.GetFileNameWithoutExtension(name).Split('.');
            if (!schemas.TryGetValue(parts[0], out var schema) || parts.Length > 2)
            {
                diagnostics.Warning(display, 1, $"unknown catalogue '{parts[0]}': ignored (known: {string.Join(", ", schemas.Keys)}; a translation is <catalogue>.<locale>.yml)");
                continue;
            }

            files++;
            var locale = parts.Length == 2 ? parts[1].ToLowerInvariant() : ResponseCatalog.DefaultLocale;
            var text = TextFileReader.Read(path, display, options.MaxFileBytes, diagnostics);
            var errorsBefore = diagnostics.ErrorCountFor(display);
            loaded[(schema.Name, locale)] = text is null ? new Dictionary<string, ResponseTemplate>()
                : ResponseFileParser.Parse(text, display, schema, locale == ResponseCatalog.DefaultLocale, diagnostics);
            if (locale == ResponseCatalog.DefaultLocale && (text is null || diagnostics.ErrorCountFor(display) > errorsBefore))
            {
                broken.Add(schema.Name);
            }
        }

        foreach (var schema in schemas.Values.Where(s => !loaded.ContainsKey((s.Name, ResponseCatalog.DefaultLocale)) || HasErrorsIn(s.Name)))
        {
            // Optional like the prompt: a shop that has not written (or broke) its own words gets the starter ones.
            loaded[(schema.Name, ResponseCatalog.DefaultLocale)] = BuiltInResponses.Load(schema);
        }

        return new ResponseCatalog(loaded);
    }

    private static string TopicOf(string faqRoot, string path)
    {
        var relative = Path.GetRelativePath(faqRoot, Path.GetDirectoryName(path)!);
        return relative == "." ? "general" : relative.Split(Path.DirectorySeparatorChar)[0];
    }

    /// <summary>A file as editors see it: relative to the knowledge folder or the working folder (see the constructor).</summary>
    private string Display(string root, string fullPath)
    {
        if (pathsInFolder)
        {
            var inFolder = Path.GetRelativePath(root, fullPath);
            return inFolder == "." ? Path.GetFileName(root) : inFolder;
        }

        var relative = Path.GetRelativePath(Environment.CurrentDirectory, fullPath);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? fullPath : relative;
    }
}

/// <summary>The checks that need every entry at once: unique ids, unique phrasings, related entries that exist.</summary>
internal static class CrossFileChecks
{
    public static List<FaqEntry> Apply(List<FaqEntry> entries, DiagnosticBag diagnostics)
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
