using System.Text;
using System.Text.RegularExpressions;
using DiffPlex;

namespace SupportBot.Evaluation.Conversations;

/// <summary>
/// Compares the bot's text with an expected text under a tolerance, with placeholders for dynamic values
/// (<c>{any}</c>, <c>{number}</c>, <c>{date}</c>, <c>{order}</c>, <c>{email}</c>, <c>{money}</c>, <c>{tracking}</c>),
/// and shows a failed comparison as a word diff: <c>[-expected words-]</c> and <c>{+words that came instead+}</c>.
/// </summary>
internal static partial class TextMatcher
{
    private static readonly Dictionary<string, string> Placeholders = new(StringComparer.OrdinalIgnoreCase)
    {
        ["any"] = @"[\s\S]*?",
        ["number"] = @"\d[\d,.]*",
        ["money"] = @"\$?\d[\d,]*(?:\.\d{2})?",
        ["date"] = @"(?:[a-z]+,? ){0,2}\d{1,2}(?:,? \d{4})?|\d{4}-\d{2}-\d{2}",
        ["order"] = @"lp\d{8}",
        ["email"] = @"[^\s@]+@[^\s@]+",
        ["tracking"] = @"[a-z0-9]{8,}",
    };

    public static bool Matches(string expected, string actual, TextTolerance tolerance)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        return tolerance switch
        {
            TextTolerance.Semantic => true,
            TextTolerance.Exact => PatternOf(expected, exact: true).IsMatch(actual),
            _ => PatternOf(expected, exact: false).IsMatch(Normalize(actual)),
        };
    }

    /// <summary>
    /// The text as the comparison sees it: lower case, typographic quotes and apostrophes and Markdown emphasis gone,
    /// punctuation (hyphens too: "RMA-123" reads "rma 123") other than what holds an address or an amount together turned into spaces, spaces collapsed.
    /// </summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (var raw in text)
        {
            var c = char.ToLowerInvariant(raw);
            if (c is '\'' or '’' or '‘' or '*' or '_' or '`')
            {
                continue;
            }

            builder.Append(char.IsLetterOrDigit(c) || c is '@' or '.' or '$' or ',' or '/' or ':' ? c : ' ');
        }

        var words = builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim('.', ',', ':', '/')).Where(w => w.Length > 0);
        return string.Join(' ', words);
    }

    /// <summary>Words the bot left out as <c>[-…-]</c> and words it said instead as <c>{+…+}</c>, on the normalized texts.</summary>
    public static string Diff(string expected, string actual)
    {
        var before = Normalize(expected);
        var after = Normalize(actual);
        var result = Differ.Instance.CreateWordDiffs(before, after, ignoreWhitespace: true, ignoreCase: false, separators: [' ']);
        var output = new StringBuilder();
        var a = 0;
        foreach (var block in result.DiffBlocks)
        {
            for (; a < block.DeleteStartA; a++)
            {
                Word(output, result.PiecesOld[a]);
            }

            if (block.DeleteCountA > 0)
            {
                Word(output, "[-" + string.Join(' ', result.PiecesOld.Skip(block.DeleteStartA).Take(block.DeleteCountA).Where(p => p != " ")) + "-]");
            }

            if (block.InsertCountB > 0)
            {
                Word(output, "{+" + string.Join(' ', result.PiecesNew.Skip(block.InsertStartB).Take(block.InsertCountB).Where(p => p != " ")) + "+}");
            }

            a = block.DeleteStartA + block.DeleteCountA;
        }

        for (; a < result.PiecesOld.Count; a++)
        {
            Word(output, result.PiecesOld[a]);
        }

        return output.ToString().Trim();
    }

    private static void Word(StringBuilder output, string piece)
    {
        if (piece.Trim().Length > 0)
        {
            output.Append(piece.Trim()).Append(' ');
        }
    }

    private static Regex PatternOf(string expected, bool exact)
    {
        var pattern = new StringBuilder("^");
        var last = 0;
        foreach (Match placeholder in Placeholder().Matches(expected))
        {
            if (!Placeholders.TryGetValue(placeholder.Groups[1].Value, out var value))
            {
                continue;
            }

            pattern.Append(Literal(expected[last..placeholder.Index], exact)).Append("(?i:").Append(value).Append(')');
            last = placeholder.Index + placeholder.Length;
        }

        pattern.Append(Literal(expected[last..], exact)).Append('$');
        return new Regex(pattern.ToString(), RegexOptions.CultureInvariant | (exact ? RegexOptions.None : RegexOptions.IgnoreCase), TimeSpan.FromSeconds(1));
    }

    /// <summary>A literal stretch of the expected text; normalized, with the spaces around placeholders made optional.</summary>
    private static string Literal(string text, bool exact)
    {
        if (exact)
        {
            return Regex.Escape(text);
        }

        var normalized = Normalize(text);
        var lead = text.Length > 0 && !char.IsLetterOrDigit(text[0]) ? " ?" : "";
        var trail = text.Length > 0 && !char.IsLetterOrDigit(text[^1]) ? " ?" : "";
        return normalized.Length == 0 ? " ?" : lead + Regex.Escape(normalized).Replace("\\ ", " ", StringComparison.Ordinal) + trail;
    }

    [GeneratedRegex(@"\{([a-z]+)\}", RegexOptions.IgnoreCase)]
    private static partial Regex Placeholder();
}
