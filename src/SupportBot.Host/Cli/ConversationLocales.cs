using System.Globalization;
using SupportBot.Evaluation.Conversations;
using SupportBot.Knowledge;

namespace SupportBot.Host.Cli;

/// <summary>
/// The locales of <c>eval conversations</c>: which conversations <c>--locale fr</c> (or <c>es-ES</c>, or
/// <c>fr,es</c>) keeps, and the per-locale lines of the text report. A conversation without a <c>locale=</c> header
/// is in the bot's default locale, so <c>--locale en</c> keeps the English suite.
/// </summary>
internal static class ConversationLocales
{
    /// <summary>The requested locales, normalized (<c>fr</c>, <c>es-ES</c>); a value that is not one is bad usage.</summary>
    public static IReadOnlyList<string> Parse(IEnumerable<string>? values)
    {
        var wanted = new List<string>();
        foreach (var value in (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            wanted.Add(ChatHeaders.NormalizeLocale(value) ?? throw new UsageException($"--locale '{value}' is not a language or locale such as fr, es or fr-FR"));
        }

        return wanted;
    }

    /// <summary>The scripts in one of the <paramref name="wanted"/> locales (all of them when none is wanted).</summary>
    public static IReadOnlyList<ScriptedConversation> Select(IReadOnlyList<ScriptedConversation> scripts, IReadOnlyList<string> wanted, string defaultLocale)
    {
        if (wanted.Count == 0)
        {
            return scripts;
        }

        var kept = scripts.Where(s => wanted.Any(w => Matches(s.Locale ?? defaultLocale, w))).ToList();
        return kept.Count > 0
            ? kept
            : throw new UsageException($"--locale {string.Join(",", wanted)}: none of the conversations is in that locale (a file names its locale with a locale= header)");
    }

    /// <summary>Whether the run is worth reporting per locale: it holds more than one, or one that is not the default.</summary>
    public static bool AreReported(ConversationRun run, string defaultLocale) =>
        run.Locales.Count > 1 || run.Locales.Any(l => !string.Equals(l.Locale, defaultLocale, StringComparison.OrdinalIgnoreCase));

    public static async Task WriteAsync(TextWriter o, ConversationRun run)
    {
        await o.WriteLineAsync("per locale").ConfigureAwait(false);
        foreach (var locale in run.Locales)
        {
            var m = locale.Metrics;
            await o.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  {locale.Locale,-6} conversations {m.Conversations}: {locale.Passed} passed; turn pass rate {Rate(m.TurnPassRate)}, conversation pass rate {Rate(m.ConversationPassRate)}, intent accuracy {Rate(m.IntentAccuracy)}, FAQ hit rate {Rate(m.FaqHitRate)}"))
                .ConfigureAwait(false);
        }
    }

    /// <summary><c>fr</c> holds every French locale; <c>fr-FR</c> only itself.</summary>
    private static bool Matches(string locale, string wanted) =>
        wanted.Contains('-', StringComparison.Ordinal)
            ? string.Equals(locale, wanted, StringComparison.OrdinalIgnoreCase)
            : string.Equals(KnowledgeLanguages.Of(locale), wanted, StringComparison.OrdinalIgnoreCase);

    private static string Rate(double? value) => value is { } v ? v.ToString("P1", CultureInfo.InvariantCulture) : "—";
}
