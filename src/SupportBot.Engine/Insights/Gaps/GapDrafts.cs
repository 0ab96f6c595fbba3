using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SupportBot.Knowledge;

namespace SupportBot.Insights.Gaps;

/// <summary>
/// A cluster as a draft FAQ entry in the knowledge format (<c>knowledge/README.md</c>): the front matter filled from
/// the cluster, its messages as the phrasings, <c>draft: true</c> so the bot does not serve it, and the answer left
/// as <see cref="DraftEntries.PlaceholderAnswer"/> for the editor.
/// </summary>
internal static partial class GapDrafts
{
    /// <summary>The entry id of a cluster's draft: <c>gap-</c> and its label's words, e.g. <c>gap-student-discount</c>.</summary>
    public static string IdOf(GapCluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var words = cluster.Words.Select(w => NotIdCharacters().Replace(w.ToLowerInvariant(), "")).Where(w => w.Length > 0);
        var id = string.Join('-', ["gap", .. words]);
        return id == "gap" ? "gap-" + cluster.Rank.ToString(CultureInfo.InvariantCulture) : id;
    }

    /// <param name="id">The entry's id (<see cref="IdOf"/>, made unique among the drafts written together).</param>
    public static string Markdown(GapCluster cluster, GapReport report, string id, int phrasings)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(report);
        var title = Sentence(cluster.Representatives.Count > 0 ? cluster.Representatives[0] : cluster.Label);
        var questions = cluster.Phrasings.Select(p => p.Text).Where(t => !string.Equals(Sentence(t), title, StringComparison.OrdinalIgnoreCase))
            .Take(phrasings).ToList();
        var text = new StringBuilder();
        text.Append("---\n");
        text.Append(CultureInfo.InvariantCulture, $"# Drafted by the content-gap report of {report.Since:yyyy-MM-dd} to {report.Until:yyyy-MM-dd}: cluster {cluster.Rank}, {cluster.Messages} unanswered messages ({cluster.Trend.ToString().ToLowerInvariant()}).\n");
        if (cluster.NearestEntry is { } nearest)
        {
            text.Append(CultureInfo.InvariantCulture, $"# Nearest existing entry: {nearest.Id} ({nearest.Topic}), confidence {nearest.Confidence:0.00}: extend it instead if it is the same question.\n");
        }

        text.Append("# Move this file under knowledge/faq/<topic>/, edit the phrasings, write the answer, then delete the draft line.\n");
        text.Append(CultureInfo.InvariantCulture, $"id: {id}\n");
        text.Append(CultureInfo.InvariantCulture, $"title: {Quoted(title)}\n");
        if (questions.Count > 0)
        {
            text.Append("questions:\n");
            foreach (var question in questions)
            {
                text.Append(CultureInfo.InvariantCulture, $"  - {Quoted(question)}\n");
            }
        }

        text.Append(CultureInfo.InvariantCulture, $"tags: [{string.Join(", ", cluster.Words.Select(Quoted))}]\n");
        text.Append(CultureInfo.InvariantCulture, $"{DraftEntries.Field}: true\n");
        text.Append("---\n");
        text.Append(DraftEntries.PlaceholderAnswer).Append('\n');
        return text.ToString();
    }

    /// <summary>A message as a title: trimmed, first letter capital.</summary>
    private static string Sentence(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length == 0 ? trimmed : char.ToUpperInvariant(trimmed[0]) + trimmed[1..];
    }

    /// <summary>A YAML double-quoted scalar: shoppers' text holds colons, brackets and quotes.</summary>
    private static string Quoted(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal) + "\"";

    [GeneratedRegex("[^a-z0-9]")]
    private static partial Regex NotIdCharacters();
}
