using System.Globalization;
using System.Text;
using SupportBot.Host.Views;
using SupportBot.Knowledge.Search;

namespace SupportBot.Host.Cli;

/// <summary>The human-readable form of a knowledge search, for editors at a terminal.</summary>
internal static class AnswerText
{
    private const int PreviewLength = 240;

    public static string Format(AnswerView view)
    {
        var text = new StringBuilder();
        if (view.Hits.Count == 0)
        {
            text.AppendLine("No entry matches this question.");
        }

        for (var i = 0; i < view.Hits.Count; i++)
        {
            var hit = view.Hits[i];
            text.AppendLine(CultureInfo.InvariantCulture, $"{i + 1}. {hit.Id}  confidence {hit.Confidence:0.00}  score {hit.Score:0.00}  ({hit.Source})");
            text.AppendLine(CultureInfo.InvariantCulture, $"   {hit.Title}");
            text.AppendLine(CultureInfo.InvariantCulture, $"   why: {Why(hit.Matches)}");
            if (hit.Semantic is { } near)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"   meaning: {near.Similarity:0.00} like its {near.Kind} \"{Preview(near.Text)}\"");
            }

            text.AppendLine(CultureInfo.InvariantCulture, $"   {Preview(hit.Answer)}");
            text.AppendLine();
        }

        if (view.UnknownWords.Count > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Words the knowledge does not use: {string.Join(", ", view.UnknownWords)}");
        }

        text.AppendLine(view.Confident
            ? $"Confident: {view.Confidence:0.00} is at or above the bar of {view.Threshold:0.00}."
            : $"Not confident: {view.Confidence:0.00} is below the bar of {view.Threshold:0.00}; the bot would not answer this on its own.");
        return text.ToString();
    }

    private static string Why(IReadOnlyList<MatchView> matches)
    {
        if (matches.Count == 0)
        {
            return "(no words in common)";
        }

        return string.Join("; ", matches.Select(m => m.Kind switch
        {
            MatchKind.Synonym => $"\"{m.Word}\" as synonym \"{m.MatchedAs}\" in {string.Join(", ", m.Fields)}",
            MatchKind.Typo => $"\"{m.Word}\" read as \"{m.MatchedAs}\" in {string.Join(", ", m.Fields)}",
            _ => $"\"{m.Word}\" in {string.Join(", ", m.Fields)}",
        }));
    }

    private static string Preview(string markdown)
    {
        var flat = string.Join(' ', markdown.Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return flat.Length <= PreviewLength ? flat : flat[..PreviewLength].TrimEnd() + "…";
    }
}
