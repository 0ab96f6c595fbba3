using Microsoft.Extensions.Options;
using SupportBot.Knowledge;
using SupportBot.Languages;

namespace SupportBot.Tests.Languages;

/// <summary>The shipped detector and resolver with the default settings: the models load once for the whole test run.</summary>
internal static class SharedLanguages
{
    public static LinguaDetector Detector { get; } = new(Options.Create(new LanguageOptions()));

    public static LanguageResolver Resolver { get; } = new(Detector, Options.Create(new LanguageOptions()), Options.Create(new KnowledgeOptions()), TimeProvider.System);
}
