using System.Text.RegularExpressions;

namespace SupportBot.Drafting;

/// <summary>Why a model's draft was not sent.</summary>
public static class DraftRejection
{
    public const string Empty = "empty";
    public const string Unsure = "unsure";
    public const string Uncited = "uncited";
    public const string UnknownSource = "unknown_source";
    public const string ForeignLink = "foreign_link";
}

/// <summary>
/// The rules a model's draft must keep before a shopper sees it: it says something, it is not the agreed "unsure"
/// word, it cites at least one source as <c>[source:ID]</c> and only sources this turn looked up, and every link
/// or address in it appears in those sources (a model talked into adding a tracking link or image would
/// otherwise leak the conversation to a stranger's server).
/// </summary>
internal static partial class ModelDraftCheck
{
    public const string UnsureWord = "UNSURE";

    public static ModelDraftVerdict Check(string? draft, IReadOnlyList<KnowledgePassage> given)
    {
        var text = draft?.Trim() ?? "";
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

        var allowed = given.SelectMany(p => Address().Matches(p.Text + " " + p.Link).Select(m => Normalize(m.Value))).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (Address().Matches(text).Any(m => !allowed.Contains(Normalize(m.Value))))
        {
            return ModelDraftVerdict.Reject(DraftRejection.ForeignLink);
        }

        var body = SpaceBeforePunctuation().Replace(Citation().Replace(text, ""), "$1").Trim();
        return ModelDraftVerdict.Accept(body, citations.Select(id => byId[id]).ToList());
    }

    private static string Normalize(string address) => address.TrimEnd('.', ',', ')', ';', ':', '!', '?', '*', '_');

    [GeneratedRegex(@"\s?\[source:\s*(?<id>[^\]\s]+)\s*\]", RegexOptions.IgnoreCase)]
    private static partial Regex Citation();

    /// <summary>Web addresses with or without a scheme, and e-mail-like addresses, as a model might write them.</summary>
    [GeneratedRegex(@"(?:https?://|www\.)[^\s<>()\[\]""']+|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+", RegexOptions.IgnoreCase)]
    private static partial Regex Address();

    [GeneratedRegex(@"[ \t]+([.,;:!?])")]
    private static partial Regex SpaceBeforePunctuation();
}

/// <summary>The outcome of <see cref="ModelDraftCheck"/>.</summary>
internal sealed record ModelDraftVerdict(string? Markdown, IReadOnlyList<KnowledgePassage> Cited, string? Rejection)
{
    public bool Accepted => Rejection is null;

    public static ModelDraftVerdict Accept(string markdown, IReadOnlyList<KnowledgePassage> cited) => new(markdown, cited, null);

    public static ModelDraftVerdict Reject(string reason) => new(null, [], reason);
}
