using System.Text.RegularExpressions;

namespace SupportBot.Evaluation.Conversations;

/// <summary>
/// The <c>key=value</c> lines before the first turn of a <c>.chat</c> file: <c>name=</c>, <c>tolerance=</c> and
/// <c>locale=</c> (the shopper's locale, e.g. <c>fr-FR</c>); chatdown's own <c>user=</c>, <c>users=</c>, <c>bot=</c>
/// and <c>channelId=</c> are accepted and ignored; anything else is a problem.
/// </summary>
internal sealed partial class ChatHeaders(string name)
{
    public string Name { get; private set; } = name;

    public TextTolerance? Tolerance { get; private set; }

    public string? Locale { get; private set; }

    public void Read(string key, string value, string path, int number, List<FileProblem> problems)
    {
        switch (key.ToLowerInvariant())
        {
            case "name":
                Name = value;
                break;
            case "tolerance" when Enum.TryParse<TextTolerance>(value, ignoreCase: true, out var parsed):
                Tolerance = parsed;
                break;
            case "tolerance":
                problems.Add(new FileProblem(path, number, $"tolerance '{value}' is not exact, normalized or semantic"));
                break;
            case "locale" when NormalizeLocale(value) is { } locale:
                Locale = locale;
                break;
            case "locale":
                problems.Add(new FileProblem(path, number, $"locale '{value}' is not a locale such as fr-FR, es-ES or en-US"));
                break;
            case "user" or "bot" or "users" or "channelid":
                break;
            default:
                problems.Add(new FileProblem(path, number, $"unknown header '{key.ToLowerInvariant()}' (known: name, tolerance, locale, user, bot, channelId)"));
                break;
        }
    }

    /// <summary><c>fr-fr</c> as <c>fr-FR</c>, <c>FR</c> as <c>fr</c>; null when the value is not a language with an optional region.</summary>
    public static string? NormalizeLocale(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var match = LocalePattern().Match(value.Trim());
        if (!match.Success)
        {
            return null;
        }

        var language = match.Groups[1].Value.ToLowerInvariant();
        return match.Groups[2].Success ? $"{language}-{match.Groups[2].Value.ToUpperInvariant()}" : language;
    }

    [GeneratedRegex(@"^([A-Za-z]{2,3})(?:[-_]([A-Za-z]{2}|[0-9]{3}))?$")]
    private static partial Regex LocalePattern();
}
