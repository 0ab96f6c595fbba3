using System.Text.RegularExpressions;
using SupportBot.Knowledge.Search;

namespace SupportBot.Insights.Gaps;

/// <summary>
/// The words that set a cluster apart, for its label: frequent in the cluster's messages and rare in the other
/// unanswered ones (a class-based tf-idf: share of the cluster's messages with the word × log(1 + messages / messages
/// with it anywhere)). Stop words and conversational filler are the search's own; redaction markers are not words.
/// </summary>
internal sealed partial class GapWords
{
    private readonly Dictionary<string, int> _documentFrequency = new(StringComparer.Ordinal);
    private readonly int _messages;

    /// <param name="texts">Every unanswered message of the period (duplicates weighted by <paramref name="weights"/>).</param>
    public GapWords(IReadOnlyList<string> texts, IReadOnlyList<int> weights)
    {
        for (var i = 0; i < texts.Count; i++)
        {
            _messages += weights[i];
            foreach (var word in WordsOf(texts[i]))
            {
                _documentFrequency[word] = _documentFrequency.GetValueOrDefault(word) + weights[i];
            }
        }
    }

    /// <summary>The <paramref name="count"/> most characteristic words of a cluster, best first.</summary>
    public IReadOnlyList<string> Characteristic(IEnumerable<(string Text, int Weight)> cluster, int count)
    {
        var inCluster = new Dictionary<string, int>(StringComparer.Ordinal);
        var size = 0;
        foreach (var (text, weight) in cluster)
        {
            size += weight;
            foreach (var word in WordsOf(text))
            {
                inCluster[word] = inCluster.GetValueOrDefault(word) + weight;
            }
        }

        return [.. inCluster
            .Select(w => (Word: w.Key, Score: (double)w.Value / size * Math.Log(1 + (double)_messages / _documentFrequency.GetValueOrDefault(w.Key, 1))))
            .OrderByDescending(w => w.Score).ThenBy(w => w.Word, StringComparer.Ordinal)
            .Take(count).Select(w => w.Word)];
    }

    /// <summary>Each distinct word of a message once, lower case, at least three letters, neither a stop word nor a marker.</summary>
    internal static IEnumerable<string> WordsOf(string text) =>
        Word().Matches(Marker().Replace(text, " ")).Select(m => m.Value.ToLowerInvariant())
            .Where(w => w.Length >= 3 && !ShopperAnalyzer.StopWords.Contains(w)).Distinct(StringComparer.Ordinal);

    [GeneratedRegex(@"\[[a-z ]+\]")]
    private static partial Regex Marker();

    [GeneratedRegex(@"\p{L}[\p{L}']*")]
    private static partial Regex Word();
}
