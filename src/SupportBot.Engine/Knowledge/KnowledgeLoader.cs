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
        var defaultLanguage = KnowledgeLanguages.Of(options.DefaultLocale);
        var policies = StorePolicies.Empty;
        var policiesPath = Path.Combine(root, PoliciesFile);
        if (File.Exists(policiesPath))
        {
            files++;
            var text = TextFileReader.Read(policiesPath, Display(root, policiesPath), options.MaxFileBytes, diagnostics);
            policies = text is null ? policies : PolicyFileParser.Parse(text, Display(root, policiesPath), diagnostics);
        }

        policies = LoadPolicyTranslations(root, policies, defaultLanguage, diagnostics, ref files);

        var synonyms = LoadSynonyms(root, Path.Combine(root, SynonymsFile), defaultLanguage, diagnostics, ref files);
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
                var (language, topic) = PlaceOf(faqRoot, path);
                var locale = language is null ? options.DefaultLocale : KnowledgeLanguages.DefaultLocaleOf(language, options.DefaultLocale);
                var entry = text is null
                    ? null
                    : FaqFileParser.Parse(text, display, topic, locale, policies, diagnostics, language);
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

        var byLanguage = ByLanguage(root, faqRoot, defaultLanguage, entries, diagnostics, ref files);
        PolicyTranslationChecks.WarnUntranslated(Display(root, policiesPath), policies, byLanguage.Where(l => l.Key != defaultLanguage && l.Value.Entries.Count > 0).Select(l => l.Key), diagnostics);
        entries = [.. byLanguage[defaultLanguage].Entries];
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
        var frustration = LoadFrustration(root, Path.Combine(root, FrustrationLexicon.FileName), diagnostics, ref files) ?? BuiltInLexicon.Load();
        var responses = LoadResponses(root, diagnostics, ref files);
        byLanguage[defaultLanguage] = byLanguage[defaultLanguage] with { Synonyms = synonyms, Frustration = frustration };
        return new KnowledgeBase(root, entries, policies, synonyms, intents, prompt, frustration, files, diagnostics.Items)
        {
            Responses = responses,
            Language = defaultLanguage,
            DefaultLanguage = defaultLanguage,
            ByLanguage = byLanguage,
        };
    }

    /// <summary>
    /// Each <c>policies.&lt;lang&gt;.yml</c> beside <c>policies.yml</c>: the language's words for the text facts, checked
    /// against <c>policies.yml</c>, so that language's answers quote them (<see cref="StorePolicies.In"/>).
    /// </summary>
    private StorePolicies LoadPolicyTranslations(string root, StorePolicies policies, string defaultLanguage, DiagnosticBag diagnostics, ref int files)
    {
        var overlays = new Dictionary<string, IReadOnlyDictionary<string, PolicyFact>>(StringComparer.Ordinal);
        foreach (var (language, path) in LanguageFiles(root, PoliciesFile, defaultLanguage, diagnostics))
        {
            files++;
            var display = Display(root, path);
            var text = TextFileReader.Read(path, display, options.MaxFileBytes, diagnostics);
            overlays[language] = text is null ? new Dictionary<string, PolicyFact>() : PolicyTranslationParser.Parse(text, display, policies, diagnostics);
        }

        return overlays.Count == 0 ? policies : policies.WithTranslations(overlays);
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

    /// <summary>
    /// Each language's entries checked against each other (ids and phrasings are unique within a language: a translation
    /// keeps its English entry's id), with the other languages' <c>synonyms.&lt;lang&gt;.txt</c> and <c>frustration.&lt;lang&gt;.yml</c>.
    /// The default language is always present; the default language's synonyms and lexicon are added by the caller.
    /// </summary>
    private Dictionary<string, LanguageKnowledge> ByLanguage(string root, string faqRoot, string defaultLanguage, List<FaqEntry> entries,
        DiagnosticBag diagnostics, ref int files)
    {
        var grouped = entries.GroupBy(e => KnowledgeLanguages.Of(e.Locale)).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var languages = grouped.Keys.Append(defaultLanguage).ToHashSet(StringComparer.Ordinal);
        if (Directory.Exists(faqRoot))
        {
            languages.UnionWith(Directory.EnumerateDirectories(faqRoot).Select(Path.GetFileName).OfType<string>().Where(KnowledgeLanguages.IsLanguage));
        }

        var synonymFiles = LanguageFiles(root, SynonymsFile, defaultLanguage, diagnostics);
        var frustrationFiles = LanguageFiles(root, FrustrationLexicon.FileName, defaultLanguage, diagnostics);
        languages.UnionWith(synonymFiles.Keys);
        languages.UnionWith(frustrationFiles.Keys);

        var defaultEntries = CrossFileChecks.Apply(grouped.GetValueOrDefault(defaultLanguage) ?? [], diagnostics);
        var defaultIds = defaultEntries.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var result = new Dictionary<string, LanguageKnowledge>(StringComparer.Ordinal)
        {
            [defaultLanguage] = new LanguageKnowledge(defaultEntries, [], null),
        };
        foreach (var language in languages.Where(l => l != defaultLanguage).Order(StringComparer.Ordinal))
        {
            var kept = CrossFileChecks.Apply(grouped.GetValueOrDefault(language) ?? [], diagnostics, defaultIds);
            var synonyms = synonymFiles.TryGetValue(language, out var synonymPath) ? LoadSynonyms(root, synonymPath, language, diagnostics, ref files) : [];
            var frustration = frustrationFiles.TryGetValue(language, out var lexiconPath) ? LoadFrustration(root, lexiconPath, diagnostics, ref files) : null;
            result[language] = new LanguageKnowledge(kept, synonyms, frustration);
        }

        TranslationChecks.Entries(faqRoot, defaultLanguage, result, diagnostics);

        return result;
    }

    /// <summary>A language's copies of a file at the folder's root (<c>synonyms.fr.txt</c> beside <c>synonyms.txt</c>), by language.</summary>
    private Dictionary<string, string> LanguageFiles(string root, string fileName, string defaultLanguage, DiagnosticBag diagnostics)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName);
        var extension = Path.GetExtension(fileName);
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(root, $"{stem}.*{extension}").Order(StringComparer.Ordinal))
        {
            var language = Path.GetFileNameWithoutExtension(path)[(stem.Length + 1)..];
            if (!KnowledgeLanguages.IsLanguage(language))
            {
                diagnostics.Warning(Display(root, path), 1, $"'{language}' is not a two-letter language code such as fr or es: ignored (a translation is {stem}.<lang>{extension})");
            }
            else if (language == defaultLanguage)
            {
                diagnostics.Warning(Display(root, path), 1, $"'{language}' is the default language, whose file is {fileName}: ignored");
            }
            else
            {
                found[language] = path;
            }
        }

        return found;
    }

    /// <param name="language">The file's language, whose analysis (and stop words) the phrases are read with.</param>
    private IReadOnlyList<SynonymGroup> LoadSynonyms(string root, string path, string language, DiagnosticBag diagnostics, ref int files)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        files++;
        var display = Display(root, path);
        var text = TextFileReader.Read(path, display, options.MaxFileBytes, diagnostics);
        var synonyms = text is null ? [] : SynonymFileParser.Parse(text, display, diagnostics);
        foreach (var (group, phrase) in SynonymExpander.IgnoredPhrases(synonyms, language))
        {
            diagnostics.Warning(group.Source.Path, group.Source.Line,
                language == KnowledgeBase.English
                    ? $"'{phrase}' is ignored: words such as 'in', 'my' or 'no' are not searched, so it would match too much (write it without them)"
                    : $"'{phrase}' is ignored: some of its words (articles, pronouns, question words) are not searched, so it would match too much (write it without them)");
        }

        return synonyms;
    }

    /// <summary>A lexicon file's lexicon; null when the file is missing or broken (optional like the prompt: the starter one serves).</summary>
    private FrustrationLexicon? LoadFrustration(string root, string path, DiagnosticBag diagnostics, ref int files)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        files++;
        var display = Display(root, path);
        var text = TextFileReader.Read(path, display, options.MaxFileBytes, diagnostics);
        return text is null ? null : FrustrationFileParser.Parse(text, display, diagnostics);
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
        var displays = new Dictionary<(string, string), string>();
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
            displays[(schema.Name, locale)] = display;
            loaded[(schema.Name, locale)] = text is null ? new Dictionary<string, ResponseTemplate>()
                : ResponseFileParser.Parse(text, display, schema, locale == ResponseCatalog.DefaultLocale, diagnostics);
            if (locale == ResponseCatalog.DefaultLocale && (text is null || diagnostics.ErrorCountFor(display) > errorsBefore))
            {
                broken.Add(schema.Name);
            }
        }

        TranslationChecks.Catalogues(loaded, displays, schemas, diagnostics);
        foreach (var schema in schemas.Values.Where(s => !loaded.ContainsKey((s.Name, ResponseCatalog.DefaultLocale)) || HasErrorsIn(s.Name)))
        {
            // Optional like the prompt: a shop that has not written (or broke) its own words gets the starter ones.
            loaded[(schema.Name, ResponseCatalog.DefaultLocale)] = BuiltInResponses.Load(schema);
        }

        return new ResponseCatalog(loaded);
    }

    /// <summary>
    /// The language folder a file is in (<c>faq/fr/…</c>; null in the default language's topic folders) and its topic:
    /// the folder under <c>faq/</c>, or under the language's folder, or <c>general</c> for a file directly in either.
    /// </summary>
    private static (string? Language, string Topic) PlaceOf(string faqRoot, string path)
    {
        var relative = Path.GetRelativePath(faqRoot, Path.GetDirectoryName(path)!);
        var folders = relative == "." ? [] : relative.Split(Path.DirectorySeparatorChar);
        var language = folders.Length > 0 && KnowledgeLanguages.IsLanguage(folders[0]) ? folders[0] : null;
        var topics = language is null ? folders : folders[1..];
        return (language, topics.Length == 0 ? "general" : topics[0]);
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
