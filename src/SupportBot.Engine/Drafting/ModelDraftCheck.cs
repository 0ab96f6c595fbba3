using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace SupportBot.Drafting;

/// <summary>Why a model's draft was not sent.</summary>
internal static class DraftRejection
{
    public const string Empty = "empty";
    public const string Unsure = "unsure";
    public const string Uncited = "uncited";
    public const string UnknownSource = "unknown_source";
    public const string ForeignLink = "foreign_link";
    public const string Html = "html";
    public const string Unreadable = "unreadable";
    /// <summary>A sentence of a cited passage repeated without one of its numbers, or with a number no cited passage states.</summary>
    public const string LostNumber = "lost_number";

    /// <summary>A sentence of a cited passage repeated without its "not", "never" or "no".</summary>
    public const string LostNegation = "lost_negation";
}

/// <summary>
/// The rules a model's draft must keep before a shopper sees it: it says something, it is not the agreed "unsure"
/// word, it cites at least one source as <c>[source:ID]</c> and only sources this turn looked up, and every link
/// or address in it appears in those sources (a model talked into adding a tracking link or image would
/// otherwise leak the conversation to a stranger's server), and every sentence of a cited source it repeats keeps
/// that sentence's numbers and negation (<see cref="DraftFacts"/>): "within 14 days" may not become "within 30 days"
/// or vanish, "we don't sell your data" may not become "we sell your data".
/// </summary>
/// <remarks>
/// Links are read the way Web Chat will render them: the draft is parsed as Markdown, so inline, reference-style and
/// automatic links and images are all seen with their real destination, and raw HTML (which could carry an
/// <c>&lt;img&gt;</c> or <c>&lt;a&gt;</c> past the Markdown rules) is refused outright. The raw text is scanned as
/// well, for addresses written bare (<c>www.…</c>, <c>//host/x</c>) that a renderer might still turn into a link.
/// </remarks>
internal static partial class ModelDraftCheck
{
    public const string UnsureWord = "UNSURE";

    public static ModelDraftVerdict Check(string? draft, IReadOnlyList<KnowledgePassage> given)
    {
        try
        {
            return CheckText(draft?.Trim() ?? "", given);
        }
        catch (RegexMatchTimeoutException)
        {
            // A draft too tangled to read in time is not sent; the local draft is.
            return ModelDraftVerdict.Reject(DraftRejection.Unreadable);
        }
    }

    private static ModelDraftVerdict CheckText(string text, IReadOnlyList<KnowledgePassage> given)
    {
        if (text.Length == 0)
        {
            return ModelDraftVerdict.Reject(DraftRejection.Empty);
        }

        if (text.Trim('.', '*', '"', ' ').Equals(UnsureWord, StringComparison.OrdinalIgnoreCase))
        {
            return ModelDraftVerdict.Reject(DraftRejection.Unsure);
        }

        var citations = Citation().Matches(text).Select(m => m.Groups["id"].Value.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (citations.Count == 0)
        {
            return ModelDraftVerdict.Reject(DraftRejection.Uncited);
        }

        var byId = given.ToDictionary(p => p.Id, StringComparer.Ordinal);
        if (citations.Any(id => !byId.ContainsKey(id)))
        {
            return ModelDraftVerdict.Reject(DraftRejection.UnknownSource);
        }

        var allowed = given.SelectMany(p => Address().Matches(p.Text + " " + p.Link).Select(m => Comparable(m.Value))).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var document = Markdown.Parse(text, Pipeline);
        if (document.Descendants().Any(node => node is HtmlBlock or HtmlInline))
        {
            return ModelDraftVerdict.Reject(DraftRejection.Html);
        }

        if (Destinations(document).Concat(Address().Matches(text).Select(m => m.Value)).Any(address => !allowed.Contains(Comparable(address))))
        {
            return ModelDraftVerdict.Reject(DraftRejection.ForeignLink);
        }

        var body = SpaceBeforePunctuation().Replace(Citation().Replace(text, ""), "$1").Trim();
        var cited = citations.Select(id => byId[id]).ToList();
        return DraftFacts.Lost(body, cited) is { } lost ? ModelDraftVerdict.Reject(lost) : ModelDraftVerdict.Accept(body, cited);
    }

    /// <summary>Bare <c>www.</c> and <c>http(s)://</c> addresses become links, as they do in Web Chat.</summary>
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAutoLinks().Build();

    /// <summary>Where every link, image, automatic link and link reference definition of the draft points.</summary>
    private static IEnumerable<string> Destinations(MarkdownDocument document)
    {
        foreach (var node in document.Descendants())
        {
            var destination = node switch
            {
                LinkInline link => link.Url,
                AutolinkInline auto => auto.Url,
                LinkReferenceDefinition definition => definition.Url,
                _ => null,
            };
            if (!string.IsNullOrEmpty(destination))
            {
                yield return destination;
            }
        }
    }

    /// <summary>
    /// An address as compared with the sources: trailing punctuation and the http(s), protocol-relative or mailto
    /// prefix dropped (the same address however it is written); anything else (a relative path, another scheme) stays
    /// as it is and so matches no source.
    /// </summary>
    private static string Comparable(string address)
    {
        var trimmed = address.Trim().TrimEnd('.', ',', ')', ';', ':', '!', '?', '*', '_');
        foreach (var prefix in (string[])["https://", "http://", "//", "mailto:"])
        {
            if (trimmed.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return trimmed[prefix.Length..];
            }
        }

        return trimmed;
    }

    [GeneratedRegex(@"\s?\[source:\s*(?<id>[^\]\s]+)\s*\]", RegexOptions.IgnoreCase, 1000)]
    private static partial Regex Citation();

    /// <summary>Web addresses with a scheme, protocol-relative (<c>//host/x</c>) or starting <c>www.</c>, and e-mail-like addresses, as a model might write them.</summary>
    [GeneratedRegex(@"(?:https?:)?//[\w-]+(?:\.[\w-]+)+[^\s<>()\[\]""']*|\bwww\.[^\s<>()\[\]""']+|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+", RegexOptions.IgnoreCase, 1000)]
    private static partial Regex Address();

    [GeneratedRegex(@"[ \t]+([.,;:!?])", RegexOptions.None, 1000)]
    private static partial Regex SpaceBeforePunctuation();
}

/// <summary>The outcome of <see cref="ModelDraftCheck"/>.</summary>
internal sealed record ModelDraftVerdict(string? Markdown, IReadOnlyList<KnowledgePassage> Cited, string? Rejection)
{
    public bool Accepted => Rejection is null;

    public static ModelDraftVerdict Accept(string markdown, IReadOnlyList<KnowledgePassage> cited) => new(markdown, cited, null);

    public static ModelDraftVerdict Reject(string reason) => new(null, [], reason);
}
