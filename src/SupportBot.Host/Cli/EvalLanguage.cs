using Microsoft.Extensions.Hosting;
using SupportBot.Knowledge;
using SupportBot.Knowledge.Intents;
using SupportBot.Understanding.Intents;

namespace SupportBot.Host.Cli;

/// <summary>
/// The language an <c>eval intents</c> run measures: the knowledge's default language unless <c>--locale</c> names
/// another, whose intents, text handling and <c>eval/&lt;lang&gt;/</c> files are then used.
/// </summary>
internal sealed record EvalLanguage(string Code, string DefaultCode)
{
    public bool IsDefault => Code == DefaultCode;

    public static EvalLanguage Of(string? locale, IHost host)
    {
        var defaultCode = KnowledgeLanguages.Of(CliContext.KnowledgeOptions(host).DefaultLocale);
        if (locale is null)
        {
            return new EvalLanguage(defaultCode, defaultCode);
        }

        return new EvalLanguage(LocaleOption.CodeOf(locale), defaultCode);
    }

    /// <summary>
    /// Whether the model reads sentence vectors: as <c>--embeddings</c> says when given, else as in service (the packaged
    /// model is English, so another language reads words only unless <c>Understanding:EmbeddingsInOtherLanguages</c>).
    /// </summary>
    public bool UsesEmbeddings(string? choice, IntentOptions options) =>
        choice is not null || IsDefault || options.EmbeddingsInOtherLanguages;

    /// <summary>The language's training data from the knowledge folder; a language without intent files is a usage error.</summary>
    public IReadOnlyList<IntentExample> TrainingSet(KnowledgeBase knowledge)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        if (!IsDefault && knowledge.IntentTranslations.In(Code).Count == 0)
        {
            throw new UsageException($"the knowledge has no '{Code}' intents ({KnowledgeLoader.IntentsFolder}/{Code}/*.yml)");
        }

        return IntentTrainingSet.From(knowledge, Code, DefaultCode);
    }

    /// <summary>
    /// <c>eval/&lt;lang&gt;/&lt;file&gt;</c> under the content root for another language than the default one; null for the
    /// default language (its files are given explicitly) or when an optional file is missing.
    /// </summary>
    public string? EvalFile(CliContext context, string file, bool required)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (IsDefault)
        {
            return null;
        }

        var path = Path.Combine(context.ContentRoot, "eval", Code, file);
        return File.Exists(path) ? path
            : required ? throw new UsageException($"{Path.GetRelativePath(Environment.CurrentDirectory, path)} does not exist (give --test)")
            : null;
    }
}
