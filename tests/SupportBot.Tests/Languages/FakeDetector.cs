using SupportBot.Languages;

namespace SupportBot.Tests.Languages;

/// <summary>A detector that says what the test tells it, and records what it was asked.</summary>
internal sealed class FakeDetector(string code, double confidence) : ILanguageDetector
{
    public List<string> Asked { get; } = [];

    public IReadOnlyList<string> Languages { get; } = ["en", "fr", "es"];

    public Task LoadAsync() => Task.CompletedTask;

    public Task<LanguageGuess?> DetectAsync(string text, CancellationToken cancellationToken)
    {
        Asked.Add(text);
        return Task.FromResult<LanguageGuess?>(new LanguageGuess(code, confidence));
    }
}
