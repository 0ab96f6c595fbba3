using System.Collections.Concurrent;
using System.Diagnostics;
using Lingua;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SupportBot.Languages;

/// <summary>The detector's best language for a text and how sure it is (0–1, the supported languages' shares summing to 1).</summary>
internal sealed record LanguageGuess(string Code, double Confidence);

/// <summary>Says which of the supported languages a text is most likely in.</summary>
internal interface ILanguageDetector
{
    /// <summary>The supported two-letter codes, as configured.</summary>
    IReadOnlyList<string> Languages { get; }

    /// <summary>Loads what the detector needs, if it has not yet; completes when it is ready.</summary>
    Task LoadAsync();

    /// <summary>The best supported language for <paramref name="text"/>; null when the detector can say nothing.</summary>
    Task<LanguageGuess?> DetectAsync(string text, CancellationToken cancellationToken);
}

/// <summary>
/// Lingua restricted to the supported languages. Loading its models takes seconds (about 7 s and 100 MB for English,
/// French and Spanish in high-accuracy mode, docs/LANGUAGES.md), so a detector is built once per process for a set of
/// languages and shared by every host in it; the host starts that at start-up (<c>AddLanguages</c>), in the background.
/// A turn that needs it before it is ready waits for the same load.
/// </summary>
internal sealed partial class LinguaDetector : ILanguageDetector
{
    /// <summary>Where Lingua reads its models from (its default): the build copies the supported languages' there (SupportBot.Engine.csproj).</summary>
    public static string ModelsFolder => Path.Combine(AppContext.BaseDirectory, "Lingua", "LanguageModels");

    private static readonly ConcurrentDictionary<string, Lazy<Task<Lingua.LanguageDetector>>> Shared = new(StringComparer.Ordinal);

    private readonly Lazy<Task<Lingua.LanguageDetector>> _loading;

    public LinguaDetector(IOptions<LanguageOptions> options, ILogger<LinguaDetector>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        Languages = [.. settings.Supported.Select(c => c.ToLowerInvariant()).Distinct()];
        var key = string.Join(',', Languages.Order(StringComparer.Ordinal)) + (settings.HighAccuracy ? "|high" : "|low");
        _loading = Shared.GetOrAdd(key, _ => new Lazy<Task<Lingua.LanguageDetector>>(
            () => Task.Run(() => Build(Languages, settings.HighAccuracy, logger)), LazyThreadSafetyMode.ExecutionAndPublication));
    }

    public IReadOnlyList<string> Languages { get; }

    /// <summary>Starts loading the models if nothing has yet; completes when they are in memory.</summary>
    public Task LoadAsync() => Languages.Count < 2 ? Task.CompletedTask : _loading.Value;

    /// <summary>The best supported language for <paramref name="text"/>; null when the detector can say nothing (no letters, one language only).</summary>
    public async Task<LanguageGuess?> DetectAsync(string text, CancellationToken cancellationToken)
    {
        if (Languages.Count < 2)
        {
            return null;
        }

        var detector = await _loading.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        var values = detector.ComputeLanguageConfidenceValues(text);
        var best = values.MaxBy(v => v.Value);
        return best.Value > 0 ? new LanguageGuess(LanguageCodes.CodeOf(best.Key), best.Value) : null;
    }

    private static Lingua.LanguageDetector Build(IReadOnlyList<string> codes, bool highAccuracy, ILogger? logger)
    {
        var started = Stopwatch.GetTimestamp();
        var languages = codes.Select(c => LanguageCodes.LinguaOf(c) ?? throw new InvalidOperationException($"Languages:Supported: '{c}' is not a language the detector knows")).ToArray();
        var builder = LanguageDetectorBuilder.FromLanguages(languages).WithPreloadedLanguageModels();
        var detector = (highAccuracy ? builder : builder.WithLowAccuracyMode()).Build();
        if (logger is not null)
        {
            LogLoaded(logger, string.Join(", ", codes), Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return detector;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Language models loaded ({Languages}) in {Milliseconds:0} ms")]
    private static partial void LogLoaded(ILogger logger, string languages, double milliseconds);
}
