using System.Globalization;
using SupportBot.Replies;

namespace SupportBot.Knowledge.Responses;

/// <summary>
/// What the bot says outside the FAQ, as the editors wrote it in <c>knowledge/responses/</c>: per catalogue
/// (<c>orders</c>…) a default file and optional translations (<c>orders.fr.yml</c>). A key missing from a translation
/// is said in the default language; a key missing everywhere is a validation error, and reads as its own name.
/// </summary>
internal sealed class ResponseCatalog
{
    /// <summary>The locale of a catalogue's file without a locale in its name.</summary>
    public const string DefaultLocale = "";

    private readonly IReadOnlyDictionary<(string Catalogue, string Locale), IReadOnlyDictionary<string, ResponseTemplate>> _files;

    public ResponseCatalog(IReadOnlyDictionary<(string Catalogue, string Locale), IReadOnlyDictionary<string, ResponseTemplate>> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        _files = files;
    }

    public static ResponseCatalog Empty { get; } = new(new Dictionary<(string, string), IReadOnlyDictionary<string, ResponseTemplate>>());

    /// <summary>The locales a catalogue has files for (the default one as <see cref="DefaultLocale"/>).</summary>
    public IEnumerable<string> LocalesOf(string catalogue) => _files.Keys.Where(k => k.Catalogue == catalogue).Select(k => k.Locale);

    /// <summary>The template of <paramref name="key"/>, in <paramref name="locale"/> when translated (<c>fr</c> for <c>fr-CA</c> too).</summary>
    public ResponseTemplate? Find(string catalogue, string key, string? locale = null)
    {
        foreach (var candidate in Candidates(locale))
        {
            if (_files.TryGetValue((catalogue, candidate), out var texts) && texts.TryGetValue(key, out var template))
            {
                return template;
            }
        }

        return null;
    }

    /// <summary>The template of <paramref name="key"/> in <paramref name="locale"/>'s own file only (<c>fr</c> for <c>fr-CA</c> too); null when that file lacks it.</summary>
    public ResponseTemplate? Translation(string catalogue, string key, string? locale) =>
        Candidates(locale).Where(c => c != DefaultLocale).Select(c => _files.TryGetValue((catalogue, c), out var texts) && texts.TryGetValue(key, out var t) ? t : null)
            .FirstOrDefault(t => t is not null);

    /// <summary>The sentence with its placeholders filled in.</summary>
    public string Say(string catalogue, string key, IReadOnlyDictionary<string, string> values, string? locale = null) =>
        Find(catalogue, key, locale)?.Render(values, ReplyLanguage.Of(locale)) ?? $"[{catalogue}:{key}]";

    /// <summary>The sentence with <paramref name="values"/> filled in; of two values with one name, the later is used.</summary>
    public string Say(string catalogue, string key, string? locale, IEnumerable<(string Name, string Value)> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var all = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            all[name] = value;
        }

        return Say(catalogue, key, all, locale);
    }

    private static IEnumerable<string> Candidates(string? locale)
    {
        if (!string.IsNullOrEmpty(locale))
        {
            var name = locale.ToLower(CultureInfo.InvariantCulture);
            yield return name;
            if (name.IndexOf('-', StringComparison.Ordinal) is var dash and > 0)
            {
                yield return name[..dash];
            }
        }

        yield return DefaultLocale;
    }
}
