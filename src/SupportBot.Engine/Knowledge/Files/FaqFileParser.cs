using System.Globalization;
using System.Text.RegularExpressions;
using SupportBot.Knowledge.Sentences;
using YamlDotNet.RepresentationModel;

namespace SupportBot.Knowledge.Files;

/// <summary>Turns one FAQ Markdown file into a <see cref="FaqEntry"/>, reporting each problem at its line.</summary>
internal static partial class FaqFileParser
{
    private static readonly string[] KnownFields = ["id", "title", "questions", "tags", "locale", "topic", "intent", "related", "link", "summary", "handoff_on_request", DraftEntries.Field];

    /// <param name="folderLanguage">
    /// The language folder the file is in (<c>faq/fr/…</c>), whose language its locale must be; null for the default
    /// language's topic folders, where an entry may name any locale.
    /// </param>
    public static FaqEntry? Parse(string text, string displayPath, string defaultTopic, string defaultLocale,
        StorePolicies policies, DiagnosticBag diagnostics, string? folderLanguage = null)
    {
        var errorsBefore = diagnostics.ErrorCountFor(displayPath);
        var document = FrontMatterDocument.Split(text, displayPath, diagnostics);
        if (document is null)
        {
            return null;
        }

        var yaml = new YamlDocumentReader(displayPath, document.YamlFirstLine, diagnostics);
        var front = yaml.ParseMapping(document.Yaml, "front matter");
        if (front is null)
        {
            return null;
        }

        string? id = null, title = null, locale = null, topic = null, intent = null, link = null, summary = null, handoffOnRequest = null, draft = null;
        IReadOnlyList<(string Text, int Line)> questions = [], tags = [], related = [];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in front.Children)
        {
            var key = YamlDocumentReader.KeyOf(keyNode);
            var line = yaml.LineOf(keyNode);
            if (!seen.Add(key))
            {
                diagnostics.Error(displayPath, line, $"'{key}' is given twice");
                continue;
            }

            switch (key)
            {
                case "id": id = yaml.Scalar(value, key); break;
                case "title": title = yaml.Scalar(value, key); break;
                case "locale": locale = yaml.Scalar(value, key); break;
                case "topic": topic = yaml.Scalar(value, key); break;
                case "intent": intent = yaml.Scalar(value, key); break;
                case "link": link = yaml.Scalar(value, key); break;
                case "summary": summary = yaml.Scalar(value, key); break;
                case "handoff_on_request": handoffOnRequest = yaml.Scalar(value, key); break;
                case DraftEntries.Field: draft = yaml.Scalar(value, key); break;
                case "questions": questions = yaml.List(value, key, allowCommaSeparated: false); break;
                case "tags": tags = yaml.List(value, key, allowCommaSeparated: true); break;
                case "related": related = yaml.List(value, key, allowCommaSeparated: true); break;
                default:
                    diagnostics.Warning(displayPath, line, $"unknown field '{key}' is ignored (known: {string.Join(", ", KnownFields)})");
                    break;
            }
        }

        var frontLine = document.YamlFirstLine - 1;
        if (id is null)
        {
            diagnostics.Error(displayPath, frontLine, "missing 'id' (a short name such as 'return-window')");
        }
        else if (!IdPattern().IsMatch(id))
        {
            diagnostics.Error(displayPath, LineOfKey(front, yaml, "id"), $"id '{id}' must be lowercase letters, digits and single dashes, e.g. 'return-window'");
        }

        if (title is null)
        {
            diagnostics.Error(displayPath, frontLine, "missing 'title' (the question this entry answers)");
        }

        locale ??= defaultLocale;
        if (!IsKnownLocale(locale))
        {
            diagnostics.Error(displayPath, LineOfKey(front, yaml, "locale"), $"unknown locale '{locale}' (use a language tag such as en-US)");
        }
        else if (folderLanguage is not null && KnowledgeLanguages.Of(locale) != folderLanguage)
        {
            diagnostics.Error(displayPath, LineOfKey(front, yaml, "locale"),
                $"locale '{locale}' is not the language of the folder 'faq/{folderLanguage}' (write {defaultLocale}, or move the file)");
        }

        if (intent is not null && !IntentPattern().IsMatch(intent))
        {
            diagnostics.Error(displayPath, LineOfKey(front, yaml, "intent"), $"intent '{intent}' must be lowercase words joined by '_', e.g. 'faq_returns'");
        }

        if (link is not null && !(Uri.TryCreate(link, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
        {
            diagnostics.Error(displayPath, LineOfKey(front, yaml, "link"), $"link '{link}' must be an absolute http(s) address");
        }

        if (handoffOnRequest is not null && !IntentPattern().IsMatch(handoffOnRequest))
        {
            diagnostics.Error(displayPath, LineOfKey(front, yaml, "handoff_on_request"),
                $"handoff_on_request '{handoffOnRequest}' must be a reason in lowercase words joined by '_', e.g. 'data_deletion_request'");
        }

        var answer = document.Body.Trim();
        if (answer.Length == 0)
        {
            diagnostics.Error(displayPath, document.BodyFirstLine - 1, "missing answer: write it below the closing '---'");
        }

        var isDraft = IsDraft(draft, displayPath, LineOfKey(front, yaml, DraftEntries.Field), diagnostics);
        if (!isDraft && DraftEntries.HasPlaceholder(answer))
        {
            diagnostics.Error(displayPath, document.BodyFirstLine, $"the answer is still the draft's placeholder '{DraftEntries.AnswerPlaceholder}': write the answer, or mark the entry '{DraftEntries.Field}: true'");
        }

        // A translated entry quotes its language's words for the text facts and writes numbers its way ("5,95").
        policies = policies.In(IsKnownLocale(locale) ? KnowledgeLanguages.Of(locale) : null);
        var leadingBlankLines = document.Body.Length - document.Body.TrimStart().Length == 0
            ? 0
            : document.Body[..(document.Body.Length - document.Body.TrimStart().Length)].Count(c => c == '\n');
        answer = policies.Fill(answer, displayPath, document.BodyFirstLine + leadingBlankLines, diagnostics);

        var summaryLine = LineOfKey(front, yaml, "summary");
        if (summary is not null)
        {
            summary = policies.Fill(summary, displayPath, summaryLine, diagnostics);
        }

        var answerText = Markdig.Markdown.ToPlainText(answer).Trim();
        EntrySummaryRules.Check(answer, answerText, summary, displayPath, summaryLine, LineOfKey(front, yaml, "id"), diagnostics,
            IsKnownLocale(locale) ? FactLanguage.For(locale) : null);

        if (diagnostics.ErrorCountFor(displayPath) > errorsBefore)
        {
            return null;
        }

        if (isDraft)
        {
            // Checked like any entry so the editor sees its problems now, but never served: not in the index, not in the cross-file checks.
            diagnostics.Warning(displayPath, LineOfKey(front, yaml, DraftEntries.Field), $"draft: not served until an editor writes the answer and deletes '{DraftEntries.Field}: true'");
            return null;
        }

        return new FaqEntry
        {
            Id = id!,
            Title = title!,
            TitleLine = LineOfKey(front, yaml, "title"),
            Questions = questions.Select(q => new LocatedText(q.Text, q.Line)).ToList(),
            Tags = tags.Select(t => t.Text.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList(),
            Locale = locale,
            Topic = topic ?? defaultTopic,
            Intent = intent,
            Related = related.Select(r => new LocatedText(r.Text, r.Line)).ToList(),
            Link = link,
            AnswerMarkdown = answer,
            AnswerText = answerText,
            Summary = string.IsNullOrWhiteSpace(summary) ? null : summary.Trim(),
            HandoffOnRequest = handoffOnRequest,
            Source = new SourceLocation(displayPath, LineOfKey(front, yaml, "id")),
        };
    }

    /// <summary>Whether the front matter's <c>draft:</c> says the entry is a draft (a word other than true or false is an error).</summary>
    private static bool IsDraft(string? value, string displayPath, int line, DiagnosticBag diagnostics)
    {
        if (value is null)
        {
            return false;
        }

        if (bool.TryParse(value, out var parsed))
        {
            return parsed;
        }

        diagnostics.Error(displayPath, line, $"'{DraftEntries.Field}' must be true or false, not '{value}'");
        return false;
    }

    /// <summary>The line of a key in the front matter, so cross-file checks can point at it.</summary>
    internal static int LineOfKey(YamlMappingNode map, YamlDocumentReader yaml, string key)
    {
        foreach (var (k, _) in map.Children)
        {
            if (YamlDocumentReader.KeyOf(k) == key)
            {
                return yaml.LineOf(k);
            }
        }

        return yaml.LineOf(map);
    }

    private static bool IsKnownLocale(string name)
    {
        try
        {
            var culture = CultureInfo.GetCultureInfo(name, predefinedOnly: true);
            return culture.Name.Length > 0;
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[a-z][a-z0-9]*(_[a-z0-9]+)*$")]
    private static partial Regex IntentPattern();
}
