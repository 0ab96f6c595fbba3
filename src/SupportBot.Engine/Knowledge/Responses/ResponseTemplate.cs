using System.Globalization;
using System.Text.RegularExpressions;
using SupportBot.Replies;

namespace SupportBot.Knowledge.Responses;

/// <summary>
/// One sentence (or paragraph) an editor wrote, with <c>{placeholders}</c> the code fills in. A template may come in
/// plural forms (<c>one</c> / <c>other</c>), chosen by the <c>count</c> value, so "1 try" and "3 tries" need no code.
/// </summary>
internal sealed partial class ResponseTemplate
{
    /// <summary>The value that chooses between plural forms.</summary>
    public const string CountPlaceholder = "count";

    private readonly string _other;
    private readonly string? _one;

    public ResponseTemplate(string other, string? one = null, int line = 1)
    {
        ArgumentNullException.ThrowIfNull(other);
        _other = other;
        _one = one;
        Line = line;
        Placeholders = [.. PlaceholdersIn(other).Concat(one is null ? [] : PlaceholdersIn(one)).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Where the editor wrote it, for messages that point at the line.</summary>
    public int Line { get; }

    /// <summary>The names the template uses, each once.</summary>
    public IReadOnlyList<string> Placeholders { get; }

    /// <summary>The text with every placeholder replaced; a placeholder without a value stays as written, so a mistake shows.</summary>
    /// <param name="language">Whose plural rule picks the form (French says "0 essai", English "0 tries"); English when null.</param>
    public string Render(IReadOnlyDictionary<string, string> values, ReplyLanguage? language = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        var one = _one is not null && values.TryGetValue(CountPlaceholder, out var count)
            && int.TryParse(count, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) && (language ?? ReplyLanguage.English).IsOne(number);
        var text = one ? _one! : _other;
        return Placeholder().Replace(text, m => values.TryGetValue(m.Groups["name"].Value, out var value) ? value : m.Value);
    }

    public static IEnumerable<string> PlaceholdersIn(string text) => Placeholder().Matches(text).Select(m => m.Groups["name"].Value);

    /// <summary>A count as the templates receive it.</summary>
    public static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    public override string ToString() => _other;

    [GeneratedRegex(@"\{(?<name>[a-z][a-z0-9_]*)\}", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Placeholder();
}
